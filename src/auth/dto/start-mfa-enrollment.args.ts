import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from './sign-up.input.js';

@ArgsType()
export class StartMfaEnrollmentArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "The account's current password. Needed unless this session was opened with the password in the last 10 minutes (sign-up or log-in): an access token alone must not put a second factor on the account (its owner would be locked out).",
  })
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword?: string | null;
}
