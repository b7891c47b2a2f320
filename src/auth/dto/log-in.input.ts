import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { EmailAddress } from '../../common/validation/email-address.decorator.js';
import { PASSWORD_MAX_LENGTH } from './sign-up.input.js';

@InputType()
export class LogInInput {
  @Field({ description: 'Normalized as at sign-up: any case, fullwidth letters and the IDN or punycode form of the domain reach the same account.' })
  @EmailAddress()
  email: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}
