import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { DisputeOutcome, DisputeStatus } from '../dispute-status.enum.js';
import { Trim } from '../../common/validation/trim.decorator.js';

@ObjectType({ description: 'A dispute over a contract; escrow stays frozen until an admin resolves it.' })
export class Dispute {
  @Field(() => ID)
  id: string;

  contractId: string;

  @Field()
  reason: string;

  @Field(() => DisputeStatus)
  status: DisputeStatus;

  @Field(() => Int, { nullable: true, description: 'What the dispute held when it was resolved: the escrow on milestones, or the invoices it covered (not charged yet).' })
  heldCents: number | null;

  @Field(() => Int, { nullable: true, description: 'What the coder received (before the platform fee); for invoices, what is charged of them.' })
  coderCents: number | null;

  @Field(() => String, { nullable: true })
  resolutionNote: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;
}

@ArgsType()
export class OpenDisputeArgs {
  @Field(() => ID)
  @IsUUID()
  contractId: string;

  @Field({ description: 'What went wrong (no PHI: reference charts by id).' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  reason: string;
}

@InputType()
export class ResolveDisputeInput {
  @Field(() => DisputeOutcome)
  @IsEnum(DisputeOutcome)
  outcome: DisputeOutcome;

  @Field(() => Int, { nullable: true, description: 'SPLIT only: cents of the held escrow that go to the coder.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  coderCents?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;
}
