import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { EmailAddress } from '../../common/validation/email-address.decorator.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './sign-up.input.js';

const TOKEN_MAX_LENGTH = 200;

@InputType({ description: 'A new password chosen with the link of a password-reset mail.' })
export class ResetPasswordInput {
  @Field({ description: 'The `token` parameter of the link (`APP_URL/reset-password?token=...`).' })
  @IsString()
  @MaxLength(TOKEN_MAX_LENGTH)
  token: string;

  @Field({ description: `At least ${PASSWORD_MIN_LENGTH} characters.` })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `newPassword must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

@InputType({ description: "A new password for the caller's account." })
export class ChangePasswordInput {
  @Field({ description: 'The password in use now.' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @Field({ description: `At least ${PASSWORD_MIN_LENGTH} characters.` })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `newPassword must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

@InputType({ description: "A new address for the caller's account; it replaces the current one once the link mailed to it is used." })
export class RequestEmailChangeInput {
  @Field({ description: 'Stored in its normal form; refused like a sign-up address (invisible characters, mixed scripts, a lookalike of a taken one).' })
  @EmailAddress()
  newEmail: string;

  @Field({ description: 'The password in use now (proves the account holder asks).' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;
}

@ArgsType()
export class VerifyEmailArgs {
  @Field({ description: 'The `token` parameter of the link (`APP_URL/verify-email?token=...`).' })
  @IsString()
  @MaxLength(TOKEN_MAX_LENGTH)
  token: string;
}

@ArgsType()
export class RequestPasswordResetArgs {
  @Field({ description: 'The address of the account; the answer is the same whether or not an account has it.' })
  @EmailAddress()
  email: string;
}
