import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar.js';
import { X12_TEXT } from '../../../domain/us-postal.js';
import { PostalAddressInput } from '../../../organizations/dto/postal-address.input.js';
import { CLAIM_FILING_INDICATORS } from '../x12-837p.js';

export enum ClaimGender {
  F = 'F',
  M = 'M',
  U = 'U',
}

export enum SubscriberRelationship {
  SELF = 'SELF',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  OTHER = 'OTHER',
}

registerEnumType(ClaimGender, {
  name: 'ClaimGender',
  description: 'Administrative gender on a claim (DMG03).',
  valuesMap: { F: { description: 'Female.' }, M: { description: 'Male.' }, U: { description: 'Unknown.' } },
});
registerEnumType(SubscriberRelationship, {
  name: 'SubscriberRelationship',
  description: "The patient's relationship to the insurance subscriber (SBR02 / PAT01).",
  valuesMap: {
    SELF: { description: 'The patient is the subscriber (18).' },
    SPOUSE: { description: "The subscriber's spouse (01)." },
    CHILD: { description: "The subscriber's child (19)." },
    OTHER: { description: 'Another relationship (G8).' },
  },
});

const TEXT_MESSAGE = "$property takes letters, digits, spaces and . , ' & # / ( ) @ + - only";

@InputType({ description: 'A person on a claim: the patient, or the subscriber when not the patient.' })
export class ClaimPersonInput {
  @Field({ description: 'Last name, 1..60 characters.' })
  @MaxLength(60)
  @Matches(X12_TEXT, { message: TEXT_MESSAGE })
  lastName: string;

  @Field({ description: 'First name, 1..35 characters.' })
  @MaxLength(35)
  @Matches(X12_TEXT, { message: TEXT_MESSAGE })
  firstName: string;

  @Field(() => String, { nullable: true, description: 'Middle name or initial, up to 25 characters.' })
  @IsOptional()
  @MaxLength(25)
  @Matches(X12_TEXT, { message: TEXT_MESSAGE })
  middleName?: string | null;

  @Field(() => LocalDateScalar, { description: 'Date of birth (not in the future).' })
  @IsString()
  dateOfBirth: string;

  @Field(() => ClaimGender, { description: 'F, M or U.' })
  @IsEnum(ClaimGender)
  gender: ClaimGender;

  @Field(() => PostalAddressInput, { description: 'Home address.' })
  @ValidateNested()
  @Type(() => PostalAddressInput)
  address: PostalAddressInput;
}

@InputType({ description: 'The rendering provider, named on the claim (loop 2310B) when the encounter names a renderingNpi other than the billing NPI.' })
export class RenderingProviderInput {
  @Field({ description: 'Last name.' })
  @MaxLength(60)
  @Matches(X12_TEXT, { message: TEXT_MESSAGE })
  lastName: string;

  @Field({ description: 'First name.' })
  @MaxLength(35)
  @Matches(X12_TEXT, { message: TEXT_MESSAGE })
  firstName: string;
}

@InputType({ description: "What an encounter's claim needs besides its codes: patient, subscriber, payer, account number and charges. PHI: stored encrypted, never logged." })
export class EncounterClaimDataInput {
  @Field({ description: 'The encounter of the batch this data is for.' })
  @IsString()
  @MaxLength(64)
  chartRef: string;

  @Field(() => ClaimPersonInput, { description: 'The patient.' })
  @ValidateNested()
  @Type(() => ClaimPersonInput)
  patient: ClaimPersonInput;

  @Field(() => SubscriberRelationship, { description: "The patient's relationship to the subscriber." })
  @IsEnum(SubscriberRelationship)
  relationship: SubscriberRelationship;

  @Field(() => ClaimPersonInput, { nullable: true, description: 'The subscriber: required unless relationship is SELF, refused when it is.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClaimPersonInput)
  subscriber?: ClaimPersonInput | null;

  @Field({ description: "The subscriber's member ID on the insurance card, 2..50 letters, digits or dashes." })
  @Matches(/^[A-Za-z0-9-]{2,50}$/, { message: '$property must be 2..50 letters, digits or dashes' })
  memberId: string;

  @Field(() => String, { nullable: true, description: 'Group or policy number, up to 50 letters, digits or dashes.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,50}$/, { message: '$property must be 1..50 letters, digits or dashes' })
  groupNumber?: string | null;

  @Field({ description: 'Payer name (loop 2010BB).' })
  @MaxLength(60)
  @Matches(X12_TEXT, { message: TEXT_MESSAGE })
  payerName: string;

  @Field({ description: "The payer's ID at your clearinghouse, 2..80 letters or digits." })
  @Matches(/^[A-Za-z0-9]{2,80}$/, { message: '$property must be 2..80 letters or digits' })
  payerId: string;

  @Field({ description: 'Claim filing indicator (SBR09): CI commercial, MB Medicare Part B, MC Medicaid, BL Blue Cross/Blue Shield, HM HMO, ... (the 005010X222A1 code list).' })
  @IsIn(CLAIM_FILING_INDICATORS, { message: `$property must be one of ${CLAIM_FILING_INDICATORS.join(', ')}` })
  claimFilingIndicator: string;

  @Field(() => String, {
    nullable: true,
    description: 'Patient account number (CLM01), 1..20 letters, digits or dashes. Left out: an opaque reference issued once per encounter (never the chart reference).',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,20}$/, { message: '$property must be 1..20 letters, digits or dashes' })
  patientAccountNumber?: string | null;

  @Field(() => RenderingProviderInput, { nullable: true, description: 'The rendering provider, when the encounter names a renderingNpi other than the billing NPI.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RenderingProviderInput)
  renderingProvider?: RenderingProviderInput | null;

  @Field(() => [Int], {
    defaultValue: [],
    description: "Charge per CPT line in cents, in the encounter's order; one per line when given, empty for 0.00 on every line (ChartBridge keeps no fee schedule).",
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(99_999_999, { each: true })
  cptChargeCents: number[] = [];

  @Field(() => [Int], { defaultValue: [], description: "Charge per HCPCS line in cents, in the encounter's order; one per line when given, empty for 0.00." })
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(99_999_999, { each: true })
  hcpcsChargeCents: number[] = [];
}
