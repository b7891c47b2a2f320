import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { Trim } from '../../common/validation/trim.decorator.js';

@ArgsType()
export class SendMessageArgs {
  @Field(() => ID)
  @IsUUID()
  contractId: string;

  @Field({ description: '1..5000 characters. No PHI: reference charts by id.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  body: string;
}
