import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { SignUpRole } from '../../domain/user-role.enum.js';
import { Trim } from '../../common/validation/trim.decorator.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

@InputType({ description: 'A new account. ADMIN cannot be chosen here.' })
export class SignUpInput {
  @Field({ description: 'Login email; stored trimmed and lower-cased, unique in any case.' })
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: `At least ${PASSWORD_MIN_LENGTH} characters.` })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @Field()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => SignUpRole)
  @IsEnum(SignUpRole)
  role: SignUpRole;
}
