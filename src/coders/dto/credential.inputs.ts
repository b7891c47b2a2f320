import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CredentialType } from '../../domain/credential-type.enum.js';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { Trim } from '../../common/validation/trim.decorator.js';

const NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/;

@InputType({ description: 'A certification to be verified by ChartBridge staff against the issuer (AAPC or AHIMA).' })
export class AddCredentialInput {
  @Field(() => CredentialType, { description: 'Which certification.' })
  @IsEnum(CredentialType)
  type: CredentialType;

  @Field({ description: 'Member or certificate number (3..40 letters, digits, dashes). Never shown publicly.' })
  @Trim()
  @Matches(NUMBER, { message: 'number must be 3..40 letters, digits or dashes' })
  number: string;

  @Field(() => LocalDateScalar, { description: 'Date of issue, not in the future.' })
  @IsString()
  issuedOn: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'End of the current CEU cycle, after issuedOn and at most 24 months (+ grace) from today. Required for AAPC and AHIMA credentials (BAD_USER_INPUT naming input.expiresOn without it).',
  })
  @IsOptional()
  @IsString()
  expiresOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'End of the yearly AAPC membership: required for AAPC credentials, refused for AHIMA ones. Past it, the credential stops counting.' })
  @IsOptional()
  @IsString()
  membershipExpiresOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'The certificate, uploaded first with POST /credential-documents. A credential without one cannot be verified.' })
  @IsOptional()
  @IsUUID()
  evidenceDocumentId?: string | null;
}

@InputType({ description: 'Changes to a credential. Any change sends a verified credential back to review (PENDING).' })
export class UpdateCredentialInput {
  @Field({ nullable: true, description: 'Certificate number.' })
  @IsOptional()
  @Trim()
  @Matches(NUMBER, { message: 'number must be 3..40 letters, digits or dashes' })
  number?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date the issuer granted it (YYYY-MM-DD).' })
  @IsOptional()
  @IsString()
  issuedOn?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'End of the current CEU cycle (see AddCredentialInput.expiresOn).' })
  @IsOptional()
  @IsString()
  expiresOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'End of the yearly AAPC membership (AAPC only).' })
  @IsOptional()
  @IsString()
  membershipExpiresOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'The certificate (POST /credential-documents), e.g. for a credential added without one.' })
  @IsOptional()
  @IsUUID()
  evidenceDocumentId?: string;
}

@InputType({
  description: 'A renewal of a VERIFIED credential: the new dates and the new certificate. The credential keeps counting on its old dates until an admin approves (reviewCredentialChange).',
})
export class RenewCredentialInput {
  @Field(() => LocalDateScalar, { nullable: true, description: 'The end of the new CEU cycle, after the current one.' })
  @IsOptional()
  @IsString()
  expiresOn?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The new end of the AAPC membership, after the current one (AAPC only).' })
  @IsOptional()
  @IsString()
  membershipExpiresOn?: string;

  @Field(() => ID, { description: 'The new certificate or membership card (POST /credential-documents).' })
  @IsUUID()
  evidenceDocumentId: string;

  @Field(() => String, { nullable: true, description: 'For the reviewer.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

@InputType({ description: 'A request to remove the "A" from a VERIFIED apprentice credential (CPC_A -> CPC, COC_A -> COC).' })
export class RequestApprenticeConversionInput {
  @Field(() => ID, { description: "Evidence of two years' coding experience or the issuer's substitutes (POST /credential-documents)." })
  @IsUUID()
  evidenceDocumentId: string;

  @Field({ description: 'The experience or substitutes claimed, for the reviewer (1..1000 characters).' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note: string;
}

@ArgsType()
export class ReviewCredentialChangeArgs {
  @Field(() => ID, { description: 'The CredentialChange.' })
  @IsUUID()
  id: string;

  @Field({ description: 'true: APPROVED (the change takes effect); false: REJECTED (the credential stays as it was).' })
  @IsBoolean()
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Why, shown to the coder.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

@ArgsType()
export class VerifyCredentialArgs {
  @Field(() => ID, { description: 'The PENDING credential.' })
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
