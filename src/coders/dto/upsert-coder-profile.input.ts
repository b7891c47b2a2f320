import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Specialty } from '../../domain/specialty.enum.js';
import { IsIanaTimezone } from '../../domain/timezone.js';
import { CodeSet, WorkType } from '../../domain/work.enums.js';
import { Trim } from '../../common/validation/trim.decorator.js';

@InputType()
export class SpecialtyExperienceInput {
  @Field(() => Specialty)
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
  @Field()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  headline: string;

  @Field()
  @Trim()
  @IsString()
  @MaxLength(5000)
  bio: string;

  @Field(() => Int)
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

  @Field()
  @IsBoolean()
  available: boolean;

  @Field(() => [SpecialtyExperienceInput])
  @IsArray()
  @ArrayMaxSize(26)
  @ArrayUnique((s: SpecialtyExperienceInput) => s.specialty, { message: 'specialties must not repeat a specialty' })
  @ValidateNested({ each: true })
  @Type(() => SpecialtyExperienceInput)
  specialties: SpecialtyExperienceInput[];

  @Field(() => [CodeSet])
  @IsArray()
  @ArrayUnique()
  @IsEnum(CodeSet, { each: true })
  codeSets: CodeSet[];

  @Field(() => [WorkType])
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
}
