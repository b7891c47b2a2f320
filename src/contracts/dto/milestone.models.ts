import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { SafeIntScalar } from '../../common/scalars/safe-int.scalar.js';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { MilestoneStatus } from '../milestone-status.enum.js';
import { Trim } from '../../common/validation/trim.decorator.js';
import { MAX_MILESTONE_CENTS } from '../../domain/money.js';

@ObjectType({ description: 'A fixed-price deliverable paid through escrow.' })
export class Milestone {
  @Field(() => ID)
  id: string;

  contractId: string;

  @Field()
  title: string;

  @Field(() => SafeIntScalar)
  amountCents: number;

  @Field(() => LocalDateScalar, { nullable: true })
  dueOn: string | null;

  @Field(() => MilestoneStatus)
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

  @Field(() => Date, { nullable: true })
  changesRequestedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was cancelled before any money arrived (CANCELLED).' })
  cancelledAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: 'What the provider needs to pay a milestone into escrow (Stripe.js confirms the payment with clientSecret).' })
export class FundingIntent {
  @Field(() => ID)
  milestoneId: string;

  @Field()
  clientSecret: string;

  @Field(() => MilestoneStatus)
  status: MilestoneStatus;
}

@InputType()
export class CreateMilestoneInput {
  @Field()
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

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsString()
  dueOn?: string | null;
}

@ArgsType()
export class SubmitMilestoneArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@ArgsType()
export class RequestMilestoneChangesArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ description: 'What to change, shown to the coder (no PHI: reference charts by id).' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}
