import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, ConnectionArgs } from '../../common/pagination/connection.js';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { CredentialType } from '../../domain/credential-type.enum.js';
import { AuditFindingInput } from '../audits/dto/audit-finding.models.js';
import { BOUNDS_WORK, DefersValidationProblems } from '../../common/validation/deferred-input-problems.js';
import { IsNpi } from '../../common/validation/npi.decorator.js';
import { NdcUnit } from '../../domain/ndc.js';
import { PLACES_OF_SERVICE } from '../../domain/place-of-service.js';
import { CodedBatchStatus } from '../coded-batch.entity.js';
import { CodingWarning } from './coding-warning.model.js';

registerEnumType(CodedBatchStatus, {
  name: 'CodedBatchStatus',
  description: 'SUBMITTED by the coder; ACCEPTED or RETURNED (with comments) by the practice.',
  valuesMap: {
    SUBMITTED: { description: 'Waiting for the practice to review it.' },
    ACCEPTED: { description: 'Accepted by the practice; its charts count as done.' },
    RETURNED: { description: 'Sent back with comments; the coder submits a corrected batch.' },
  },
});
registerEnumType(NdcUnit, {
  name: 'NdcUnit',
  description: 'Unit of a drug quantity on a claim (837P CTP05-1).',
  valuesMap: {
    F2: { description: 'International unit.' },
    GR: { description: 'Gram.' },
    ME: { description: 'Milligram.' },
    ML: { description: 'Milliliter.' },
    UN: { description: 'Unit (each).' },
  },
});

@InputType({ description: 'The drug of a drug line (HCPCS J-codes and the like): its National Drug Code and the quantity given (837P LIN/CTP).' })
export class NdcInput {
  @Field({ description: 'NDC: 11 digits (bare or 5-4-2), or a 10-digit package code written with its hyphens (4-4-2, 5-3-2, 5-4-1); stored as 11 digits.' })
  @IsString()
  @MaxLength(13)
  code: string;

  @Field(() => Float, { description: 'Quantity of the drug given, in `unit`: more than 0, at most 99999.999, up to 3 decimals.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 }, { message: '$property must be a number with at most 3 decimals' })
  @Min(0.001)
  @Max(99999.999)
  quantity: number;

  @Field(() => NdcUnit, { description: 'Unit of the quantity.' })
  @IsEnum(NdcUnit)
  unit: NdcUnit;
}

@InputType({ description: 'A CPT or HCPCS line: code, up to 4 modifiers, units, 1..4 diagnosis pointers, and the NDC of a drug line.' })
export class CodedLineInput {
  @Field({ description: 'The CPT or HCPCS Level II code.' })
  @IsString()
  @MaxLength(10)
  code: string;

  @Field(() => [String], { defaultValue: [], description: 'Up to 4 two-character modifiers, in billing order.' })
  @IsArray()
  @ArrayMaxSize(4)
  @IsString({ each: true })
  @MaxLength(4, { each: true })
  modifiers: string[] = [];

  @Field(() => Int, { defaultValue: 1, description: 'Service units, 1..999.' })
  @IsInt()
  @Min(1)
  @Max(999)
  units: number = 1;

  @Field(() => [Int], {
    nullable: true,
    description: "Required: 1..4 distinct 1-based positions in the encounter's icd10cm, the first the line's primary diagnosis (837P SV107). A claim line without one is refused.",
  })
  // Required on every line: the service names a missing list (one message, not one per constraint).
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: '$property needs 1..4 pointers into the encounter icd10cm' })
  @ArrayMaxSize(4, { message: '$property has at most 4 pointers' })
  @ArrayUnique({ message: '$property must not repeat a pointer' })
  @IsInt({ each: true })
  @Min(1, { each: true })
  diagnosisPointers?: number[] | null;

  @Field(() => NdcInput, { nullable: true, description: 'The drug given, on a drug line.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NdcInput)
  ndc?: NdcInput | null;
}

@InputType({ description: 'One coded chart with its claim data. chartRef is an identifier, never PHI.' })
export class CodedEncounterInput {
  @Field({ description: "The practice's reference of the chart: 1..64 letters, digits, dots, dashes or underscores." })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'chartRef must be 1..64 letters, digits, dots, dashes or underscores' })
  chartRef: string;

  @Field(() => LocalDateScalar, { description: 'Date of service, from 2015-10-01 (ICD-10) to today in any timezone: codes are checked against the code tables in force that day.' })
  @IsString()
  serviceDate: string;

  @Field(() => String, { nullable: true, description: 'CMS two-digit place of service code (e.g. "11" office).' })
  @IsOptional()
  @IsIn(Object.keys(PLACES_OF_SERVICE), { message: '$property must be an assigned two-digit CMS place of service code' })
  placeOfService?: string | null;

  @Field(() => String, { nullable: true, description: 'NPI of the clinician who rendered the services (10 digits, Luhn-checked).' })
  @IsOptional()
  @IsNpi()
  renderingNpi?: string | null;

  @Field(() => String, { nullable: true, description: "NPI of the billing provider (10 digits, Luhn-checked); absent, a claim bills under the practice's NPI." })
  @IsOptional()
  @IsNpi()
  billingNpi?: string | null;

  @Field(() => [String], { description: 'ICD-10-CM diagnoses, dotted or undotted (stored dotted), 1..25; at most 12 when the encounter has CPT or HCPCS lines (a professional claim).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(25, { context: BOUNDS_WORK })
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  icd10cm: string[];

  @Field(() => [String], { defaultValue: [], description: 'ICD-10-PCS procedures (inpatient).' })
  @IsArray()
  @ArrayMaxSize(25, { context: BOUNDS_WORK })
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  icd10pcs: string[] = [];

  @Field(() => [CodedLineInput], { defaultValue: [], description: 'CPT lines, up to 50.' })
  @IsArray()
  @ArrayMaxSize(50, { context: BOUNDS_WORK })
  @ValidateNested({ each: true })
  @Type(() => CodedLineInput)
  cpt: CodedLineInput[] = [];

  @Field(() => [CodedLineInput], { defaultValue: [], description: 'HCPCS Level II lines, up to 50.' })
  @IsArray()
  @ArrayMaxSize(50, { context: BOUNDS_WORK })
  @ValidateNested({ each: true })
  @Type(() => CodedLineInput)
  hcpcs: CodedLineInput[] = [];
}

// Every problem of a batch is answered at once, structural ones (units: 0) with the code checks: the service reads them.
@DefersValidationProblems()
@InputType({ description: 'A batch of coded charts.' })
export class SubmitCodedBatchInput {
  @Field(() => [CodedEncounterInput], { description: '1..500 encounters with distinct chartRefs.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500, { context: BOUNDS_WORK })
  @ValidateNested({ each: true })
  @Type(() => CodedEncounterInput)
  encounters: CodedEncounterInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'A key the client picks for this submission (1..128 letters, digits, dots, colons, dashes or underscores), unique per contract and submitter: a retry with the same key and content answers the batch it created; the same key with other content answers CONFLICT.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'idempotencyKey must be 1..128 letters, digits, dots, colons, dashes or underscores' })
  idempotencyKey?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The work request this batch answers: an OPEN request of the same contract (BAD_USER_INPUT naming input.workRequestId otherwise; CONFLICT once it is no longer OPEN).',
  })
  @IsOptional()
  @IsUUID()
  workRequestId?: string | null;
}

@InputType({ description: 'A comment on one chart of a batch being returned.' })
export class EncounterCommentInput {
  @Field({ description: 'The chartRef of an encounter in the batch.' })
  @IsString()
  @MaxLength(64)
  chartRef: string;

  @Field({ description: 'What should change in it.' })
  @IsString()
  @MaxLength(2000)
  comment: string;
}

@InputType({ description: "The practice's review of a submitted batch." })
export class ReviewCodedBatchInput {
  @Field({ description: 'true: ACCEPTED; false: RETURNED for rework.' })
  @IsBoolean()
  accept: boolean;

  @Field(() => [EncounterCommentInput], { defaultValue: [], description: 'Comments per chart (required when returning the batch).' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => EncounterCommentInput)
  comments: EncounterCommentInput[] = [];
}

@InputType({ description: 'The result of an accuracy audit of a batch.' })
export class AuditCodedBatchInput {
  @Field(() => Int, { description: 'Charts sampled, 1..the number of encounters.' })
  @IsInt()
  @Min(1)
  sampled: number;

  @Field(() => Int, { description: 'Charts with at least one coding error, 0..sampled.' })
  @IsInt()
  @Min(0)
  errors: number;

  @Field(() => String, { nullable: true, description: "The auditor's notes on the whole audit." })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @Field(() => Int, { nullable: true, description: 'Codes sampled (every code of the sampled charts, as the auditor counted them); at least the code-level findings.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  codesSampled?: number | null;

  @Field(() => [AuditFindingInput], {
    nullable: true,
    description:
      'The errors found, by category, each naming its chart (chartRef or encounterIndex). `errors` must equal the distinct charts they name: every error counted is a finding the coder can rebut, so errors above 0 without findings is BAD_USER_INPUT naming input.findings; omitted or empty means no error.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AuditFindingInput)
  findings?: AuditFindingInput[] | null;

  @Field(() => CredentialType, {
    nullable: true,
    description: "The credential the auditor audits under (CPMA, CPC, CCS...). A coder account must hold it (verified, unexpired); a practice user's is recorded as stated.",
  })
  @IsOptional()
  @IsEnum(CredentialType)
  auditorCredential?: CredentialType | null;
}

@ObjectType({ description: 'The drug of a drug line.' })
export class CodedLineNdc {
  @Field({ description: 'National Drug Code, 11 digits (5-4-2) without hyphens.' })
  code: string;

  @Field(() => Float, { description: 'Quantity given, in `unit`.' })
  quantity: number;

  @Field(() => NdcUnit, { description: 'Unit of the quantity.' })
  unit: NdcUnit;
}

@ObjectType({ description: 'A CPT or HCPCS line as stored (normalized).' })
export class CodedLine {
  @Field({ description: 'The code, normalized.' })
  code: string;

  @Field(() => [String], { description: 'Modifiers in billing order.' })
  modifiers: string[];

  @Field(() => Int, { description: 'Service units.' })
  units: number;

  @Field(() => [Int], { nullable: true, description: "1-based pointers into the encounter's icd10cm (null on batches submitted before encounters carried claim data)." })
  diagnosisPointers?: number[] | null;

  @Field(() => CodedLineNdc, { nullable: true, description: 'The drug of a drug line, when given.' })
  ndc?: CodedLineNdc | null;
}

@ObjectType({ description: 'One coded chart with its claim data.' })
export class CodedEncounter {
  @Field({ description: "The practice's reference of the chart." })
  chartRef: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of service (null on batches submitted before encounters carried claim data).' })
  serviceDate?: string | null;

  @Field(() => String, { nullable: true, description: 'CMS two-digit place of service code, when given.' })
  placeOfService?: string | null;

  @Field(() => String, { nullable: true, description: 'NPI of the rendering clinician, when given.' })
  renderingNpi?: string | null;

  @Field(() => String, { nullable: true, description: "NPI of the billing provider, when given (else the practice's NPI bills)." })
  billingNpi?: string | null;

  @Field(() => [String], { description: 'ICD-10-CM diagnosis codes, in claim order (first is primary).' })
  icd10cm: string[];

  @Field(() => [String], { description: 'ICD-10-PCS procedure codes (inpatient).' })
  icd10pcs: string[];

  @Field(() => [CodedLine], { description: 'CPT procedure lines with modifiers and units.' })
  cpt: CodedLine[];

  @Field(() => [CodedLine], { description: 'HCPCS Level II lines with modifiers and units.' })
  hcpcs: CodedLine[];
}

@ObjectType({ description: 'A comment of the practice on one chart of a returned batch.' })
export class EncounterComment {
  @Field({ description: "The chart the comment is about (the encounter's chartRef)." })
  chartRef: string;

  @Field({ description: 'What the practice wants changed.' })
  comment: string;
}

@ObjectType({ description: 'Coded work returned by the coder.' })
export class CodedBatch {
  @Field(() => ID, { description: 'Stable id of the batch.' })
  id: string;

  contractId: string;

  @Field(() => CodedBatchStatus, { description: 'SUBMITTED, then ACCEPTED or RETURNED by the practice.' })
  status: CodedBatchStatus;

  @Field(() => Int, { description: 'How many encounters the batch holds (kept after PHI is destroyed).' })
  encounterCount: number;

  @Field(() => [CodedEncounter], { description: "The coded encounters (PHI: contract parties only; empty after the contract's PHI was destroyed)." })
  encounters: CodedEncounter[];

  @Field(() => [EncounterComment], { description: "The practice's comments per chart when it returned the batch; empty otherwise." })
  reviewComments: EncounterComment[];

  @Field(() => [CodingWarning], { description: 'NCCI PTP pairs and units over an MUE found on submission, against the edits in force on each service date. They do not refuse the batch.' })
  warnings: CodingWarning[];

  @Field(() => Int, { nullable: true, description: 'Charts the audit sampled; null before its audit.' })
  auditSampled: number | null;

  @Field(() => Int, { nullable: true, description: 'Charts the audit found with at least one error that still stand (an overturned finding no longer counts).' })
  auditErrors: number | null;

  @Field(() => Int, { nullable: true, description: 'Codes the audit sampled, when the auditor counted them.' })
  auditCodesSampled: number | null;

  @Field(() => CredentialType, { nullable: true, description: 'The credential the auditor audited under.' })
  auditorCredential: CredentialType | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether auditorCredential was checked against the auditor's own verified credentials (a coder account); false when a practice user only stated it.",
  })
  auditorCredentialVerified: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When the batch was audited; null before its audit.' })
  auditedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The work request this batch answers; null when none was named.' })
  workRequestId: string | null;

  @Field({ description: 'When the coder submitted it.' })
  createdAt: Date;
}

@ObjectType({ description: "A page of a contract's coded batches (`codedBatches`)." })
export class CodedBatchConnection extends Connection(CodedBatch) {}

@ArgsType()
export class CodedBatchesArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'A contract you are a party of.' })
  @IsUUID()
  contractId: string;
}
