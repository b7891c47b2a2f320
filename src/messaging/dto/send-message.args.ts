import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { Trim } from '../../common/validation/trim.decorator.js';

@ArgsType()
export class SendMessageArgs {
  @Field(() => ID, { description: 'The contract to write on (its parties only).' })
  @IsUUID()
  contractId: string;

  @Field({ description: '1..5000 characters. No PHI: reference charts by id.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  body: string;
}
