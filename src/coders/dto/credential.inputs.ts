import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CredentialType } from '../../domain/credential-type.enum.js';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { Trim } from '../../common/validation/trim.decorator.js';

const NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/;

@InputType({ description: 'A certification to be verified by ChartBridge staff against the issuer (AAPC or AHIMA).' })
export class AddCredentialInput {
  @Field(() => CredentialType)
  @IsEnum(CredentialType)
  type: CredentialType;

  @Field({ description: 'Member or certificate number (3..40 letters, digits, dashes). Never shown publicly.' })
  @Trim()
  @Matches(NUMBER, { message: 'number must be 3..40 letters, digits or dashes' })
  number: string;

  @Field(() => LocalDateScalar, { description: 'Date of issue, not in the future.' })
  @IsString()
  issuedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'End of the current CEU cycle, after issuedOn.' })
  @IsOptional()
  @IsString()
  expiresOn?: string | null;
}

@InputType({ description: 'Changes to a credential. Any change sends a verified credential back to review (PENDING).' })
export class UpdateCredentialInput {
  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @Matches(NUMBER, { message: 'number must be 3..40 letters, digits or dashes' })
  number?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsString()
  issuedOn?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsString()
  expiresOn?: string | null;
}

@ArgsType()
export class VerifyCredentialArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ description: 'true: VERIFIED; false: REJECTED.' })
  @IsBoolean()
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Why, shown to the coder.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}
