import { ArgsType, Field, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
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

  @Field(() => [WorkType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(WorkType, { each: true })
  workTypes?: WorkType[];

  @Field(() => [PayModel], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(PayModel, { each: true })
  payModels?: PayModel[];

  @Field(() => [CareSetting], { nullable: true })
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
  @Field(() => JobPostingFilterInput, { nullable: true })
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
