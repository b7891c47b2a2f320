import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { US_STATE_CODES } from '../../domain/us-postal.js';
import { IsNpi } from '../../common/validation/npi.decorator.js';
import { Specialty } from '../../domain/specialty.enum.js';
import { IsIanaTimezone } from '../../domain/timezone.js';
import { CodeSet, WorkType } from '../../domain/work.enums.js';
import { SingleScriptName } from '../../common/validation/single-script-name.decorator.js';
import { Trim } from '../../common/validation/trim.decorator.js';
import { PersonName } from '../../common/validation/person-name.decorator.js';

@InputType({ description: 'A specialty and your years of experience in it.' })
export class SpecialtyExperienceInput {
  @Field(() => Specialty, { description: 'The specialty.' })
  @IsEnum(Specialty)
  specialty: Specialty;

  @Field(() => Int, { description: 'Years coding this specialty, 0..60, at most the total years.' })
  @IsInt()
  @Min(0)
  @Max(60)
  yearsExperience: number;
}

@InputType({ description: "The calling coder's whole profile (creates it the first time, replaces it after)." })
export class UpsertCoderProfileInput {
  @Field({ description: 'One-line summary shown in the directory.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  headline: string;

  @Field({ description: 'Free-text introduction.' })
  @Trim()
  @IsString()
  @MaxLength(5000)
  bio: string;

  @Field(() => Int, { description: 'Years of coding experience overall.' })
  @IsInt()
  @Min(0)
  @Max(60)
  yearsExperience: number;

  @Field({ description: 'IANA time zone, e.g. America/Chicago.' })
  @IsIanaTimezone()
  timezone: string;

  @Field(() => Int, { description: 'Hours a week available for ChartBridge work, 1..80.' })
  @IsInt()
  @Min(1)
  @Max(80)
  weeklyCapacityHours: number;

  @Field(() => Int, { nullable: true, description: 'Hourly rate in cents, 1000..100000 ($10..$1,000).' })
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(100000)
  hourlyRateCents?: number | null;

  @Field(() => Int, { nullable: true, description: 'Rate per chart in cents, 50..50000.' })
  @IsOptional()
  @IsInt()
  @Min(50)
  @Max(50000)
  perChartRateCents?: number | null;

  @Field({ description: 'Whether you take new work now.' })
  @IsBoolean()
  available: boolean;

  @Field(() => [SpecialtyExperienceInput], { description: 'Specialties with years of experience in each (replaces the list).' })
  @IsArray()
  @ArrayMaxSize(26)
  @ArrayUnique((s: SpecialtyExperienceInput) => s.specialty, { message: 'specialties must not repeat a specialty' })
  @ValidateNested({ each: true })
  @Type(() => SpecialtyExperienceInput)
  specialties: SpecialtyExperienceInput[];

  @Field(() => [CodeSet], { description: 'Code sets you work in (replaces the list).' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(CodeSet, { each: true })
  codeSets: CodeSet[];

  @Field(() => [WorkType], { description: 'Kinds of work you do (replaces the list).' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(WorkType, { each: true })
  workTypes: WorkType[];

  @Field(() => [String], { description: 'EHR systems used, normalized ("epic" -> "Epic", "Cerner" -> "Oracle Health/Cerner").' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(60, { each: true })
  ehrSystems: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'Legal first name, for OIG exclusion screening (the account name is screened when absent). Letters, spaces, hyphens, apostrophes and periods only. Private: only the coder and admins see it.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  @Matches(/\p{L}/u, { message: 'legalFirstName must contain a letter' })
  @PersonName()
  @SingleScriptName()
  legalFirstName?: string | null;

  @Field(() => String, { nullable: true, description: 'Legal last name, for OIG exclusion screening. Letters, spaces, hyphens, apostrophes and periods only. Private.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  @Matches(/\p{L}/u, { message: 'legalLastName must contain a letter' })
  @PersonName()
  @SingleScriptName()
  legalLastName?: string | null;

  @Field(() => String, { nullable: true, description: "The coder's individual NPI (10 digits, Luhn check digit), for OIG exclusion screening. Private." })
  @IsOptional()
  @IsNpi()
  npi?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of birth, used only by OIG exclusion screening to tell namesakes apart. Private.' })
  @IsOptional()
  @IsString()
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'US state of residence, two letters (e.g. TX), for OIG exclusion screening. Private.' })
  @IsOptional()
  @IsIn(US_STATE_CODES, { message: 'state must be a two-letter US state or territory code' })
  state?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Opts in to (true) or out of (false) a public profile page at CoderProfile.publicUrl: headline, bio, specialties, verified credentials, rating and audited accuracy, never an email. Omitted: unchanged (off for a new profile).',
  })
  @IsOptional()
  @IsBoolean()
  publicProfile?: boolean | null;
}
