import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from './sign-up.input.js';

@ArgsType()
export class StartMfaEnrollmentArgs {
  @Field({ description: "The account's current password: an access token alone cannot put a second factor on the account (its owner would be locked out)." })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;
}
