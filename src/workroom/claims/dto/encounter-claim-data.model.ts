import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Connection, ConnectionArgs } from '../../../common/pagination/connection.js';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar.js';
import { PostalAddress } from '../../../organizations/dto/postal-address.input.js';
import { ClaimGender, SubscriberRelationship } from './encounter-claim-data.input.js';

export enum CodedBatchExportFormat {
  CSV = 'CSV',
  X12_837P = 'X12_837P',
}

registerEnumType(CodedBatchExportFormat, {
  name: 'CodedBatchExportFormat',
  description: 'What codedBatchExport writes.',
  valuesMap: {
    CSV: { description: 'One row per code line (chart_ref, code_set, code, modifiers, units); either party.' },
    X12_837P: { description: "An ASC X12 005010X222A1 professional claim file, one claim per encounter, for the practice's own clearinghouse (the practice only: it holds patient demographics)." },
  },
});

@ObjectType({ description: "Whether an encounter of a batch has its claim data (the practice's view; no PHI)." })
export class EncounterClaimDataStatus {
  @Field({ description: 'The encounter.' })
  chartRef: string;

  @Field({ description: 'true once the practice supplied the claim data.' })
  supplied: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was last set; null while missing.' })
  updatedAt: Date | null;
}

@ObjectType({ description: "A page of a batch's encounters and whether each has its claim data (`encounterClaimDataStatus`)." })
export class EncounterClaimDataStatusConnection extends Connection(EncounterClaimDataStatus) {}

@ObjectType({ description: 'A person on a claim.' })
export class ClaimPerson {
  @Field({ description: 'Last name.' })
  lastName: string;

  @Field({ description: 'First name.' })
  firstName: string;

  @Field(() => String, { nullable: true, description: 'Middle name or initial.' })
  middleName: string | null;

  @Field(() => LocalDateScalar, { description: 'Date of birth.' })
  dateOfBirth: string;

  @Field(() => ClaimGender, { description: 'Administrative gender.' })
  gender: ClaimGender;

  @Field(() => PostalAddress, { description: 'Home address.' })
  address: PostalAddress;
}

@ObjectType({ description: 'The rendering provider named on a claim.' })
export class RenderingProvider {
  @Field({ description: 'Last name.' })
  lastName: string;

  @Field({ description: 'First name.' })
  firstName: string;
}

@ObjectType({ description: "An encounter's claim data as the practice supplied it (PHI: the practice only; every read is audited)." })
export class EncounterClaimData {
  @Field({ description: 'The encounter.' })
  chartRef: string;

  @Field(() => ClaimPerson, { description: 'The patient.' })
  patient: ClaimPerson;

  @Field(() => SubscriberRelationship, { description: "The patient's relationship to the subscriber." })
  relationship: SubscriberRelationship;

  @Field(() => ClaimPerson, { nullable: true, description: 'The subscriber when not the patient.' })
  subscriber: ClaimPerson | null;

  @Field({ description: 'Member ID.' })
  memberId: string;

  @Field(() => String, { nullable: true, description: 'Group number.' })
  groupNumber: string | null;

  @Field({ description: 'Payer name.' })
  payerName: string;

  @Field({ description: 'Payer ID.' })
  payerId: string;

  @Field({ description: 'Claim filing indicator (SBR09).' })
  claimFilingIndicator: string;

  @Field({ description: 'Patient account number (CLM01).' })
  patientAccountNumber: string;

  @Field(() => RenderingProvider, { nullable: true, description: 'The rendering provider, when given.' })
  renderingProvider: RenderingProvider | null;

  @Field(() => [Int], { description: 'Charge per CPT line, cents.' })
  cptChargeCents: number[];

  @Field(() => [Int], { description: 'Charge per HCPCS line, cents.' })
  hcpcsChargeCents: number[];
}

@ArgsType()
export class EncounterClaimDataStatusArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The coded batch.' })
  @IsUUID()
  batchId: string;
}
