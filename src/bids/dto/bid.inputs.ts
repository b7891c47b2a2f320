import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MAX_WEEKLY_HOUR_LIMIT } from '../../domain/work-days.js';
import { PayModel } from '../../domain/work.enums.js';
import { Trim } from '../../common/validation/trim.decorator.js';

@InputType({ description: 'An offer on an OPEN posting. A coding company bids with organizationId and names the member coder in assignedCoderId.' })
export class SubmitBidInput {
  @Field(() => ID, { description: 'The OPEN posting to bid on.' })
  @IsUUID()
  jobPostingId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Cents: per hour (HOURLY), per chart (PER_CHART) or in total (FIXED_PRICE), 100..10000000. Required unless the pay model is PERCENT_OF_COLLECTIONS.',
  })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(10_000_000)
  rateCents?: number | null;

  @Field(() => PayModel, { nullable: true, description: "Defaults to the posting's pay model." })
  @IsOptional()
  @IsEnum(PayModel)
  payModel?: PayModel | null;

  @Field(() => Int, { nullable: true, description: 'PERCENT_OF_COLLECTIONS only: basis points, 1..5000.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  percentOfCollectionsBps?: number | null;

  @Field({ description: 'The pitch to the practice.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  coverLetter: string;

  @Field(() => Int, { nullable: true, description: '1..720 hours.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  estimatedTurnaroundHours?: number | null;

  @Field(() => Int, { nullable: true, description: "HOURLY bids only: the weekly hour cap offered, 1..168; the contract takes it over the posting's." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_WEEKLY_HOUR_LIMIT)
  weeklyHourLimit?: number | null;

  @Field(() => ID, { nullable: true, description: 'Bid as this CODING_COMPANY (caller must be its OWNER or ADMIN).' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: "With organizationId: the user id of the company's member coder who will do the work." })
  @IsOptional()
  @IsUUID()
  assignedCoderId?: string | null;
}

@ArgsType()
export class InviteCoderArgs {
  @Field(() => ID, { description: 'Your OPEN posting.' })
  @IsUUID()
  jobPostingId: string;

  @Field(() => ID, { description: 'The coder to invite (CoderProfile.id).' })
  @IsUUID()
  coderProfileId: string;

  @Field(() => String, { nullable: true, description: 'A note to the coder; optional.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  message?: string | null;
}
