import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CredentialRequirementInput } from '../../coders/dto/credential-requirement.input.js';
import { MAX_REQUIREMENT_GROUPS } from '../../domain/credential-requirements.js';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { CredentialType } from '../../domain/credential-type.enum.js';
import { IsIanaTimezone } from '../../domain/timezone.js';
import { Specialty } from '../../domain/specialty.enum.js';
import { CareSetting, CodeSet, PayModel, WorkType } from '../../domain/work.enums.js';
import { Trim } from '../../common/validation/trim.decorator.js';
import { DEFAULT_WEEKLY_HOUR_LIMIT, MAX_WEEKLY_HOUR_LIMIT } from '../../domain/work-days.js';

@InputType({ description: 'Coding work to post for a PROVIDER_PRACTICE the caller belongs to. The pay model decides which rate field is required.' })
export class CreateJobPostingInput {
  @Field(() => ID, { description: 'The PROVIDER_PRACTICE posting the work (the caller must be a member).' })
  @IsUUID()
  organizationId: string;

  @Field({ description: 'Short title shown in search (up to 200 characters).' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @Field({ description: 'What the work is.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  description: string;

  @Field(() => Specialty, { description: 'The clinical specialty of the charts.' })
  @IsEnum(Specialty)
  specialty: Specialty;

  @Field(() => [CodeSet], { description: 'At least one.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(CodeSet, { each: true })
  codeSets: CodeSet[];

  @Field(() => WorkType, { description: 'Kind of work.' })
  @IsEnum(WorkType)
  workType: WorkType;

  @Field(() => CareSetting, { description: 'Where the care being coded took place.' })
  @IsEnum(CareSetting)
  setting: CareSetting;

  @Field(() => String, { nullable: true, description: 'EHR the work is done in (normalized like coder EHR tags).' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  ehrSystem?: string | null;

  @Field(() => String, { nullable: true, description: "The practice's IANA time zone (e.g. America/New_York), used to favour coders with overlapping hours." })
  @IsOptional()
  @IsIanaTimezone()
  timezone?: string | null;

  @Field(() => [CredentialType], {
    defaultValue: [],
    description: 'Credentials a bidder must hold, verified and unexpired: each type is a requirement group of its own. Give this or credentialRequirements, not both.',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsEnum(CredentialType, { each: true })
  requiredCredentialTypes: CredentialType[] = [];

  @Field(() => [CredentialRequirementInput], {
    nullable: true,
    description: `Credential requirement groups, at most ${MAX_REQUIREMENT_GROUPS}, none repeated: a bidder must meet every group, each with any one of its types ("any of CPC, CCS-P" and "CRC"). Give this or requiredCredentialTypes, not both.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REQUIREMENT_GROUPS)
  @ValidateNested({ each: true })
  @Type(() => CredentialRequirementInput)
  credentialRequirements?: CredentialRequirementInput[] | null;

  @Field({
    defaultValue: false,
    description:
      'Whether an apprentice designation meets a requirement for the full credential (CPC-A for CPC, COC-A for COC). A full credential always meets a requirement naming the apprentice one.',
  })
  @IsBoolean()
  apprenticesAccepted: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Expected volume, 1..100000 charts a week.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  chartsPerWeek?: number | null;

  @Field(() => Int, { description: 'Turnaround per batch in hours, 1..720.' })
  @IsInt()
  @Min(1)
  @Max(720)
  turnaroundHours: number;

  @Field(() => Int, { description: 'Accuracy target in basis points, 5000..10000 (9500 = 95%).' })
  @IsInt()
  @Min(5000)
  @Max(10000)
  accuracyTargetBps: number;

  @Field(() => PayModel, { description: 'How the work is paid: the matching rate field is required.' })
  @IsEnum(PayModel)
  payModel: PayModel;

  @Field(() => Int, { nullable: true, description: 'HOURLY: cents an hour; PER_CHART: cents a chart (100..100000). Required for those models, refused for others.' })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(100000)
  rateCents?: number | null;

  @Field(() => Int, { nullable: true, description: 'Total budget in cents (required for FIXED_PRICE), 100..100000000.' })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(100_000_000)
  budgetCents?: number | null;

  @Field(() => Int, { nullable: true, description: 'PERCENT_OF_COLLECTIONS: share of collections in basis points, 1..5000 (billing is commonly 400..900).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  percentOfCollectionsBps?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Not in the past.' })
  @IsOptional()
  @IsString()
  startsOn?: string | null;

  @Field(() => Int, { nullable: true, description: '1..260 weeks.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(260)
  durationWeeks?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `HOURLY only: the most hours a week the practice pays for, 1..168 (a bid may agree another; ${DEFAULT_WEEKLY_HOUR_LIMIT} when neither names one). Work logged beyond it in an ISO week is refused.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_WEEKLY_HOUR_LIMIT)
  weeklyHourLimit?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Kept for older clients. It cannot turn the BAA off: a signed Business Associate Agreement is required on every contract whose work type reads PHI (all of them today), whatever this says.',
  })
  @IsOptional()
  @IsBoolean()
  requiresBaa?: boolean | null;

  @Field(() => Int, { defaultValue: 1, description: 'Coders wanted, 1..50.' })
  @IsInt()
  @Min(1)
  @Max(50)
  positions: number = 1;
}
