import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EmailAddress } from '../../common/validation/email-address.decorator.js';
import { Trim } from '../../common/validation/trim.decorator.js';
import { PASSWORD_MAX_LENGTH } from './sign-up.input.js';

@InputType({ description: 'Credentials to log in with.' })
export class LogInInput {
  @Field({ description: 'Normalized as at sign-up: any case, fullwidth letters and the IDN or punycode form of the domain reach the same account.' })
  @EmailAddress()
  email: string;

  @Field({ description: 'The account password.' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @Field(() => String, {
    nullable: true,
    description:
      'For an account with MFA: a current code from the authenticator app or an unused recovery code. Without it such an account answers UNAUTHENTICATED with `extensions.reason` MFA_REQUIRED.',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  mfaCode?: string | null;
}
