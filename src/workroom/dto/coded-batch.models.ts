import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { CodedBatchStatus } from '../coded-batch.entity.js';

registerEnumType(CodedBatchStatus, { name: 'CodedBatchStatus', description: 'SUBMITTED by the coder; ACCEPTED or RETURNED (with comments) by the practice.' });

@InputType({ description: 'A CPT or HCPCS line: code, up to 4 modifiers, units.' })
export class CodedLineInput {
  @Field()
  @IsString()
  @MaxLength(10)
  code: string;

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(4)
  @IsString({ each: true })
  @MaxLength(4, { each: true })
  modifiers: string[] = [];

  @Field(() => Int, { defaultValue: 1, description: '1..999' })
  @IsInt()
  @Min(1)
  @Max(999)
  units: number = 1;
}

@InputType({ description: 'One coded chart. chartRef is an identifier, never PHI.' })
export class CodedEncounterInput {
  @Field()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'chartRef must be 1..64 letters, digits, dots, dashes or underscores' })
  chartRef: string;

  @Field(() => LocalDateScalar, { description: 'Date of service: codes are checked against the code tables in force that day.' })
  @IsString()
  serviceDate: string;

  @Field(() => [String], { description: 'ICD-10-CM diagnoses, dotted or undotted (stored dotted), 1..25.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(25)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  icd10cm: string[];

  @Field(() => [String], { defaultValue: [], description: 'ICD-10-PCS procedures (inpatient).' })
  @IsArray()
  @ArrayMaxSize(25)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  icd10pcs: string[] = [];

  @Field(() => [CodedLineInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CodedLineInput)
  cpt: CodedLineInput[] = [];

  @Field(() => [CodedLineInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CodedLineInput)
  hcpcs: CodedLineInput[] = [];
}

@InputType()
export class SubmitCodedBatchInput {
  @Field(() => [CodedEncounterInput], { description: '1..500 encounters with distinct chartRefs.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CodedEncounterInput)
  encounters: CodedEncounterInput[];

  @Field(() => ID, {
    nullable: true,
    description: 'The work request this batch answers: an OPEN request of the same contract (BAD_USER_INPUT naming input.workRequestId otherwise; CONFLICT once it is no longer OPEN).',
  })
  @IsOptional()
  @IsUUID()
  workRequestId?: string | null;
}

@InputType()
export class EncounterCommentInput {
  @Field()
  @IsString()
  @MaxLength(64)
  chartRef: string;

  @Field()
  @IsString()
  @MaxLength(2000)
  comment: string;
}

@InputType()
export class ReviewCodedBatchInput {
  @Field({ description: 'true: ACCEPTED; false: RETURNED for rework.' })
  @IsBoolean()
  accept: boolean;

  @Field(() => [EncounterCommentInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => EncounterCommentInput)
  comments: EncounterCommentInput[] = [];
}

@InputType()
export class AuditCodedBatchInput {
  @Field(() => Int, { description: 'Charts sampled, 1..the number of encounters.' })
  @IsInt()
  @Min(1)
  sampled: number;

  @Field(() => Int, { description: 'Charts with at least one coding error, 0..sampled.' })
  @IsInt()
  @Min(0)
  errors: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

@ObjectType()
export class CodedLine {
  @Field()
  code: string;

  @Field(() => [String])
  modifiers: string[];

  @Field(() => Int)
  units: number;
}

@ObjectType()
export class CodedEncounter {
  @Field()
  chartRef: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of service (null on batches submitted before encounters carried claim data).' })
  serviceDate?: string | null;

  @Field(() => [String])
  icd10cm: string[];

  @Field(() => [String])
  icd10pcs: string[];

  @Field(() => [CodedLine])
  cpt: CodedLine[];

  @Field(() => [CodedLine])
  hcpcs: CodedLine[];
}

@ObjectType()
export class EncounterComment {
  @Field()
  chartRef: string;

  @Field()
  comment: string;
}

@ObjectType({ description: 'Coded work returned by the coder.' })
export class CodedBatch {
  @Field(() => ID)
  id: string;

  contractId: string;

  @Field(() => CodedBatchStatus)
  status: CodedBatchStatus;

  @Field(() => Int)
  encounterCount: number;

  @Field(() => [CodedEncounter])
  encounters: CodedEncounter[];

  @Field(() => [EncounterComment])
  reviewComments: EncounterComment[];

  @Field(() => Int, { nullable: true })
  auditSampled: number | null;

  @Field(() => Int, { nullable: true })
  auditErrors: number | null;

  @Field(() => ID, { nullable: true, description: 'The work request this batch answers; null when none was named.' })
  workRequestId: string | null;

  @Field()
  createdAt: Date;
}
