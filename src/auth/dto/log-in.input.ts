import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from './sign-up.input.js';

@InputType()
export class LogInInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}
