import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Connection } from '../../common/pagination/connection.js';
import { SafeIntScalar } from '../../common/scalars/safe-int.scalar.js';
import { DisputeOutcome, DisputeStatus } from '../dispute-status.enum.js';
import { Trim } from '../../common/validation/trim.decorator.js';

@ObjectType({ description: "A dispute over a contract; escrow stays frozen until an admin resolves it. Both parties see it, with the admin's decision and the amounts." })
export class Dispute {
  @Field(() => ID, { description: 'Stable id of the dispute.' })
  id: string;

  contractId: string;

  @Field({ description: 'Why the opening party disputes (visible to both sides and admins).' })
  reason: string;

  @Field({ description: 'Who opened it: provider (the practice) or coder (the coder, or the coding company for its coder).' })
  openedBySide: string;

  @Field(() => DisputeStatus, { description: 'OPEN until an admin resolves it.' })
  status: DisputeStatus;

  @Field(() => DisputeOutcome, { nullable: true, description: "The admin's decision; null while OPEN." })
  outcome: DisputeOutcome | null;

  @Field(() => SafeIntScalar, {
    nullable: true,
    description: 'What the dispute held when it was resolved (everything the resolution settled): the escrow on milestones, or the invoices it covered (not charged yet).',
  })
  heldCents: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'What went to the coder, before the platform fee (for invoices: what is charged of them).' })
  coderCents: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'What went back to the practice (refunded, or for invoices never charged): heldCents - coderCents.' })
  practiceCents: number | null;

  @Field(() => String, { nullable: true, description: "The admin's explanation of the decision." })
  resolutionNote: string | null;

  @Field({ description: 'When it was opened.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When an admin resolved it; null while OPEN.' })
  resolvedAt: Date | null;
}

@ObjectType({ description: 'A page of disputes (`openDisputes`, `Contract.disputesConnection`).' })
export class DisputeConnection extends Connection(Dispute) {}

@ArgsType()
export class OpenDisputeArgs {
  @Field(() => ID, { description: 'The contract disputed.' })
  @IsUUID()
  contractId: string;

  @Field({ description: 'What went wrong (no PHI: reference charts by id).' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  reason: string;
}

@InputType({ description: 'How an admin settles a dispute.' })
export class ResolveDisputeInput {
  @Field(() => DisputeOutcome, { description: 'RELEASE, REFUND or SPLIT.' })
  @IsEnum(DisputeOutcome)
  outcome: DisputeOutcome;

  @Field(() => SafeIntScalar, { nullable: true, description: 'SPLIT only: cents of the held escrow that go to the coder, at most what the dispute holds.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  coderCents?: number | null;

  @Field(() => String, { nullable: true, description: 'Why, for both parties.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;
}
