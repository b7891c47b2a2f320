import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { SignUpRole } from '../../domain/user-role.enum.js';
import { SingleScriptName } from '../../common/validation/single-script-name.decorator.js';
import { Trim } from '../../common/validation/trim.decorator.js';
import { EmailAddress } from '../../common/validation/email-address.decorator.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

@InputType({ description: 'A new account. ADMIN cannot be chosen here.' })
export class SignUpInput {
  @Field({
    description:
      'Login email. Stored in one normal form (NFKC, trimmed, lower-cased, IDN domain in punycode) and unique in it; an address that looks like a taken one (Cyrillic or Greek lookalike letters) counts as taken. Refused: invisible or control characters, combining marks that hide (a dot above i or j) or pile up, a quoted local part, scripts mixed within the local part or one domain label.',
  })
  @EmailAddress()
  email: string;

  @Field({ description: `At least ${PASSWORD_MIN_LENGTH} characters.` })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @Field({
    description:
      "The name shown, and screened against the OIG exclusion list for coders (digits and signs standing in for letters are read as those letters: J0hn Sm1th is screened as John Smith). Refused: a word mixing scripts (a Cyrillic or Greek lookalike letter in a Latin word). A coder's legal names on the profile take letters, spaces, hyphens, apostrophes and periods only.",
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @SingleScriptName()
  name: string;

  @Field(() => SignUpRole, { description: 'PROVIDER or CODER (ADMIN cannot be chosen).' })
  @IsEnum(SignUpRole)
  role: SignUpRole;
}
