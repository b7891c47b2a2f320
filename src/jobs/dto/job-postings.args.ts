import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import { Specialty } from '../../domain/specialty.enum.js';
import { CareSetting, CodeSet, PayModel, WorkType } from '../../domain/work.enums.js';
import { JobPostingStatus } from '../job-posting-status.enum.js';
import { Trim } from '../../common/validation/trim.decorator.js';

export enum JobPostingSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
}

registerEnumType(JobPostingSort, {
  name: 'JobPostingSort',
  description: 'RELEVANCE: best text match first, ranked among the 300 newest matches (pages end there; newest first when there is no text). NEWEST: newest first.',
  valuesMap: { RELEVANCE: { description: 'Best text match first among the 300 newest matches; newest first without text.' }, NEWEST: { description: 'Newest first, through every match.' } },
});

@InputType({ description: 'Job search filters; all given filters must hold.' })
export class JobPostingFilterInput {
  @Field(() => [Specialty], { nullable: true, description: 'Any of these specialties.' })
  @IsOptional()
  @ArrayMaxSize(26)
  @IsEnum(Specialty, { each: true })
  specialties?: Specialty[];

  @Field(() => [CodeSet], { nullable: true, description: 'Postings using any of these code sets.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(CodeSet, { each: true })
  codeSets?: CodeSet[];

  @Field(() => [WorkType], { nullable: true, description: 'Postings of any of these kinds of work.' })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(WorkType, { each: true })
  workTypes?: WorkType[];

  @Field(() => [PayModel], { nullable: true, description: 'Postings paid in any of these ways.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(PayModel, { each: true })
  payModels?: PayModel[];

  @Field(() => [CareSetting], { nullable: true, description: 'Postings in any of these care settings.' })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsEnum(CareSetting, { each: true })
  settings?: CareSetting[];

  @Field({ nullable: true, description: 'Free text over title, description, specialty and EHR, ranked.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  text?: string;

  @Field(() => JobPostingStatus, { nullable: true, description: 'Defaults to OPEN.' })
  @IsOptional()
  @IsEnum(JobPostingStatus)
  status?: JobPostingStatus;

  @Field(() => Boolean, { nullable: true, description: 'Only postings of practices an admin verified (`Organization.verified`).' })
  @IsOptional()
  @IsBoolean()
  verifiedOnly?: boolean;
}

@ArgsType()
export class JobPostingsArgs extends ConnectionArgs {
  @Field(() => JobPostingFilterInput, { nullable: true, description: 'Search filters; every given one must hold.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => JobPostingFilterInput)
  filter?: JobPostingFilterInput;

  @Field(() => JobPostingSort, {
    nullable: true,
    defaultValue: JobPostingSort.RELEVANCE,
    description: 'RELEVANCE ranks the 300 newest text matches (pages end there); NEWEST pages through every match.',
  })
  @IsOptional()
  @IsEnum(JobPostingSort)
  sort: JobPostingSort = JobPostingSort.RELEVANCE;
}

@ArgsType()
export class MyJobPostingsArgs extends ConnectionArgs {
  @Field(() => JobPostingStatus, { nullable: true, description: 'Only postings in this status; every status (OPEN, FILLED, CLOSED) when omitted.' })
  @IsOptional()
  @IsEnum(JobPostingStatus)
  status?: JobPostingStatus | null;

  @Field(() => ID, { nullable: true, description: "Only this organization's postings (NOT_FOUND unless the caller is one of its members); all of the caller's organizations when omitted." })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;
}
