import { SafeIntScalar } from '../../common/scalars/safe-int.scalar.js';
import { Connection, ConnectionArgs } from '../../common/pagination/connection.js';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { InvoiceKind, InvoiceStatus } from '../invoice.enums.js';

@ObjectType({ description: 'A day of work on an hourly or per-chart contract.' })
export class WorkLog {
  @Field(() => ID, { description: 'Stable id of the log entry.' })
  id: string;

  contractId: string;

  @Field(() => LocalDateScalar, { description: 'The day worked (YYYY-MM-DD).' })
  workedOn: string;

  @Field(() => Int, { nullable: true, description: 'Minutes worked (HOURLY); null for charts.' })
  minutes: number | null;

  @Field(() => Int, { nullable: true, description: 'Charts coded (PER_CHART); null for minutes.' })
  charts: number | null;

  @Field(() => String, { nullable: true, description: 'What was done; null when none.' })
  note: string | null;

  @Field({ description: 'True once invoiced; invoiced work can no longer change.' })
  invoiced: boolean;
}

@ObjectType({ description: 'What a work invoice bills: a day of logged minutes (HOURLY), or an accepted coded batch and its encounters (PER_CHART).' })
export class InvoiceLine {
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day worked (HOURLY).' })
  workedOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Minutes of the work log (HOURLY); null for charts.' })
  minutes: number | null;

  @Field(() => ID, { nullable: true, description: 'The accepted coded batch billed (PER_CHART); each batch is billed once.' })
  codedBatchId: string | null;

  @Field(() => Int, { nullable: true, description: "The batch's encounters (charts)." })
  charts: number | null;
}

@ObjectType({ description: 'A charge to the practice: issued IN_REVIEW with its lines, charged after dueAt unless disputed, paid into escrow and released to the coder.' })
export class Invoice {
  @Field(() => ID, { description: 'Stable id of the invoice.' })
  id: string;

  contractId: string;

  @Field(() => InvoiceKind, { description: 'WORK (logged hours or charts) or COLLECTIONS (a share of collections).' })
  kind: InvoiceKind;

  @Field(() => LocalDateScalar, { description: 'First day the invoice covers (YYYY-MM-DD, UTC).' })
  periodStart: string;

  @Field(() => LocalDateScalar, { description: 'Last day the invoice covers (YYYY-MM-DD, UTC).' })
  periodEnd: string;

  @Field(() => Int, { description: 'Minutes or charts (WORK), or cents collected (COLLECTIONS).' })
  quantity: number;

  @Field(() => SafeIntScalar, { description: 'Total charged to the practice, in US cents (the platform fee comes out of it).' })
  amountCents: number;

  @Field(() => InvoiceStatus, { description: 'Where the invoice stands in review, charge and payout.' })
  status: InvoiceStatus;

  @Field(() => Date, { nullable: true, description: 'End of the review window: the practice may dispute the invoice until then; it is charged after it.' })
  dueAt: Date | null;

  @Field(() => Int, { description: 'Charges tried so far.' })
  chargeAttempts: number;

  @Field(() => Date, { nullable: true, description: 'FAILED: when the charge is tried again (null once every retry is spent: the contract is then paused).' })
  nextChargeAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the paid money may be released to the payee (unless the contract is in dispute); null before it is paid.' })
  releaseAfter: Date | null;

  @Field({ description: 'When it was issued.' })
  createdAt: Date;
}

@ObjectType({ description: "A page of a contract's invoices (`invoicesConnection`)." })
export class InvoiceConnection extends Connection(Invoice) {}

@InputType({ description: 'A day of work on an HOURLY or PER_CHART contract.' })
export class LogWorkInput {
  @Field(() => LocalDateScalar, {
    description:
      "The day worked, a UTC calendar date: from the contract's start (the day its bid was accepted), not in the future, not after it ended, at most 60 days ago, and not a day the contract was paused all day.",
  })
  @IsString()
  workedOn: string;

  @Field(() => Int, { nullable: true, description: "HOURLY contracts: minutes worked that day, 1..1440; the ISO week's total stays within the contract's weeklyHourLimit." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Not accepted any more: PER_CHART work is invoiced from the encounters of accepted coded batches (submitCodedBatch), not from typed-in counts.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2000)
  charts?: number | null;

  @Field(() => String, { nullable: true, description: 'No PHI: reference charts by id.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@ArgsType()
export class ReportCollectionsArgs {
  @Field(() => ID, { description: 'The PERCENT_OF_COLLECTIONS contract.' })
  @IsUUID()
  contractId: string;

  @Field(() => LocalDateScalar, { description: 'First day of the reported period (YYYY-MM-DD).' })
  @IsString()
  periodStart: string;

  @Field(() => LocalDateScalar, { description: 'Last day of the reported period (YYYY-MM-DD).' })
  @IsString()
  periodEnd: string;

  @Field(() => Int, { description: 'Cents collected in the period, 1..1000000000.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  collectedCents: number;
}

@ArgsType()
export class ContractInvoicesArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'A contract you are a party of.' })
  @IsUUID()
  contractId: string;
}
