import { ArgsType, Field } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../common/validation/trim.decorator.js';

@ArgsType()
export class MfaCodeArgs {
  @Field({ description: 'A six-digit code from the authenticator app, or (where accepted) a recovery code.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code: string;
}
