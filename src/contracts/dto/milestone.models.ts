import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { SafeIntScalar } from '../../common/scalars/safe-int.scalar.js';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { MilestoneStatus } from '../milestone-status.enum.js';
import { Trim } from '../../common/validation/trim.decorator.js';
import { MAX_MILESTONE_CENTS } from '../../domain/money.js';

@ObjectType({ description: 'A fixed-price deliverable paid through escrow.' })
export class Milestone {
  @Field(() => ID, { description: 'Stable id of the milestone.' })
  id: string;

  contractId: string;

  @Field({ description: 'What the milestone delivers.' })
  title: string;

  @Field(() => SafeIntScalar, { description: 'Amount in US cents funded into escrow and released to the payee minus the platform fee.' })
  amountCents: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Due date (YYYY-MM-DD); null when none.' })
  dueOn: string | null;

  @Field(() => MilestoneStatus, { description: 'Where the milestone stands in escrow.' })
  status: MilestoneStatus;

  @Field(() => String, { nullable: true, description: "The coder's note with the latest delivery." })
  submissionNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When a submitted milestone is released if the provider neither approves, sends it back, nor disputes it.' })
  autoReleaseAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the coder first delivered it. From then on the practice cannot refund it alone: it approves, requests changes, or opens a dispute.',
  })
  firstSubmittedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'What the practice asked to change the last time it sent the milestone back (requestMilestoneChanges).' })
  changesRequestedNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When the practice last sent it back for changes; null if never.' })
  changesRequestedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was cancelled before any money arrived (CANCELLED).' })
  cancelledAt: Date | null;

  @Field({ description: 'When it was created.' })
  createdAt: Date;
}

@ObjectType({ description: 'What the provider needs to pay a milestone into escrow (Stripe.js confirms the payment with clientSecret).' })
export class FundingIntent {
  @Field(() => ID, { description: 'The milestone being funded.' })
  milestoneId: string;

  @Field({ description: 'Stripe PaymentIntent client secret for Stripe.js to confirm the payment; a simulated value without Stripe.' })
  clientSecret: string;

  @Field(() => MilestoneStatus, { description: "The milestone's status: FUNDING until Stripe reports the payment succeeded, then FUNDED." })
  status: MilestoneStatus;
}

@InputType({ description: 'A fixed-price milestone to add to a contract.' })
export class CreateMilestoneInput {
  @Field({ description: 'What the milestone delivers.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @Field(() => Int, { description: 'Cents, 100..1000000000 (at most $10M per milestone).' })
  @IsInt()
  @Min(100)
  @Max(MAX_MILESTONE_CENTS)
  amountCents: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Due date (YYYY-MM-DD); optional.' })
  @IsOptional()
  @IsString()
  dueOn?: string | null;
}

@ArgsType()
export class SubmitMilestoneArgs {
  @Field(() => ID, { description: 'The FUNDED milestone delivered.' })
  @IsUUID()
  id: string;

  @Field(() => String, { nullable: true, description: 'A note to the practice; optional.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@ArgsType()
export class RequestMilestoneChangesArgs {
  @Field(() => ID, { description: 'The SUBMITTED milestone to send back.' })
  @IsUUID()
  id: string;

  @Field({ description: 'What to change, shown to the coder (no PHI: reference charts by id).' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}
