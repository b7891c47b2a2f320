import { ArgsType, Field, Float, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import { MAX_REQUIREMENT_GROUPS } from '../../domain/credential-requirements.js';
import { CredentialType } from '../../domain/credential-type.enum.js';
import { CredentialRequirementInput } from './credential-requirement.input.js';
import { Specialty } from '../../domain/specialty.enum.js';
import { CodeSet, WorkType } from '../../domain/work.enums.js';
import { Trim } from '../../common/validation/trim.decorator.js';

export enum CoderSort {
  RELEVANCE = 'RELEVANCE',
  RATING = 'RATING',
  RATE = 'RATE',
}

registerEnumType(CoderSort, {
  name: 'CoderSort',
  description:
    'RELEVANCE: best text match first, ranked among the 300 best-rated matches (pages end there; rating order when there is no text). RATING: highest average first. RATE: lowest hourly rate first.',
  valuesMap: {
    RELEVANCE: { description: 'Best text match first among the 300 best-rated matches; rating order without text.' },
    RATING: { description: 'Highest average rating first.' },
    RATE: { description: 'Lowest hourly rate first.' },
  },
});

@InputType({ description: 'Directory filters; all given filters must hold.' })
export class CoderFilterInput {
  @Field(() => [Specialty], { nullable: true, description: 'Coders with any of these specialties.' })
  @IsOptional()
  @ArrayMaxSize(26)
  @IsEnum(Specialty, { each: true })
  specialties?: Specialty[];

  @Field(() => [CredentialType], { nullable: true, description: 'Coders holding any of these credentials, verified and unexpired.' })
  @IsOptional()
  @ArrayMaxSize(40)
  @IsEnum(CredentialType, { each: true })
  credentialTypes?: CredentialType[];

  @Field(() => [CredentialRequirementInput], {
    nullable: true,
    description: `Coders meeting every group, each with any one of its types, verified and unexpired ([{ anyOf: [CPC, CCS_P] }, { anyOf: [CRC] }]: CPC or CCS-P, and CRC); at most ${MAX_REQUIREMENT_GROUPS} groups. An apprentice designation meets only a group naming it; a full one also meets a group naming its apprentice designation.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REQUIREMENT_GROUPS)
  @ValidateNested({ each: true })
  @Type(() => CredentialRequirementInput)
  credentialRequirements?: CredentialRequirementInput[];

  @Field(() => [CodeSet], { nullable: true, description: 'Coders working in all of these code sets.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(CodeSet, { each: true })
  codeSets?: CodeSet[];

  @Field(() => [WorkType], { nullable: true, description: 'Coders doing any of these kinds of work.' })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(WorkType, { each: true })
  workTypes?: WorkType[];

  @Field(() => Int, { nullable: true, description: 'Hourly rate at most this many cents (coders without an hourly rate are left out).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxHourlyRateCents?: number;

  @Field({ nullable: true, description: 'Only coders taking new work.' })
  @IsOptional()
  @IsBoolean()
  availableOnly?: boolean;

  @Field(() => Float, { nullable: true, description: 'Average rating at least this (1..5); unrated coders are left out.' })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(5)
  minRating?: number;

  @Field({ nullable: true, description: 'Free text over headline, bio, specialties and EHR systems (web-search syntax: "quoted phrases", -exclusions, or).' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  text?: string;
}

@ArgsType()
export class CodersArgs extends ConnectionArgs {
  @Field(() => CoderFilterInput, { nullable: true, description: 'Directory filters; every given one must hold.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CoderFilterInput)
  filter?: CoderFilterInput;

  @Field(() => CoderSort, {
    nullable: true,
    defaultValue: CoderSort.RELEVANCE,
    description: 'RELEVANCE ranks the 300 best-rated text matches (pages end there); RATING or RATE page through every match.',
  })
  @IsOptional()
  @IsEnum(CoderSort)
  sort: CoderSort = CoderSort.RELEVANCE;
}
