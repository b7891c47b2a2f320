import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Connection, ConnectionArgs } from '../../../common/pagination/connection.js';
import { Trim } from '../../../common/validation/trim.decorator.js';
import { WorkRequestPriority, WorkRequestStatus } from '../work-request.entity.js';

registerEnumType(WorkRequestPriority, {
  name: 'WorkRequestPriority',
  description: 'How urgent a work request is.',
  valuesMap: { NORMAL: { description: 'Usual turnaround; the coder is reminded 24 hours before the due time.' }, STAT: { description: 'Urgent; the coder is reminded 2 hours before the due time.' } },
});
registerEnumType(WorkRequestStatus, {
  name: 'WorkRequestStatus',
  description: 'Where a work request stands.',
  valuesMap: {
    OPEN: { description: 'Waiting for charts; batches may name it.' },
    COMPLETED: { description: 'Its accepted charts reached chartCount.' },
    CANCELLED: { description: 'Cancelled by the practice.' },
  },
});

@InputType({ description: 'What the practice asks of its coder: charts by a due time.' })
export class CreateWorkRequestInput {
  @Field({ description: 'What the work is, 1..200 characters (no PHI: name the batch, not the patients).' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field(() => Int, { description: 'How many charts, 1..5000.' })
  @IsInt()
  @Min(1)
  @Max(5000)
  chartCount: number;

  @Field({ description: 'When the charts are due: in the future, at most a year ahead.' })
  @Type(() => Date)
  @IsDate()
  dueAt: Date;

  @Field(() => WorkRequestPriority, { defaultValue: WorkRequestPriority.NORMAL, description: 'NORMAL unless given.' })
  @IsEnum(WorkRequestPriority)
  priority: WorkRequestPriority = WorkRequestPriority.NORMAL;
}

@ArgsType()
export class WorkQueueArgs extends ConnectionArgs {
  @Field(() => ID, {
    nullable: true,
    description: "A coding company: its OWNERs and ADMINs see the open requests of every contract the company works (FORBIDDEN for its MEMBERs). Without it, the caller's own contracts.",
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;
}

@ArgsType()
export class ContractWorkRequestsArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The contract whose requests to list.' })
  @IsUUID()
  contractId: string;

  @Field(() => WorkRequestStatus, { nullable: true, description: 'Only requests in this status; all when omitted.' })
  @IsOptional()
  @IsEnum(WorkRequestStatus)
  status?: WorkRequestStatus | null;
}

@ObjectType({ description: 'Work the practice asked of its coder on a contract: charts by a due time.' })
export class WorkRequest {
  @Field(() => ID, { description: 'The id submitCodedBatch (workRequestId) and cancelWorkRequest take.' })
  id: string;

  @Field(() => ID, { description: 'The contract it belongs to.' })
  contractId: string;

  @Field({ description: 'What the work is.' })
  title: string;

  @Field(() => Int, { description: 'Charts asked for.' })
  chartCount: number;

  @Field({ description: 'When the charts are due.' })
  dueAt: Date;

  @Field(() => WorkRequestPriority, { description: 'NORMAL or STAT.' })
  priority: WorkRequestPriority;

  @Field(() => WorkRequestStatus, { description: 'OPEN, COMPLETED or CANCELLED.' })
  status: WorkRequestStatus;

  @Field({ description: 'True while it is OPEN and its due time has passed.' })
  overdue: boolean;

  @Field({ description: 'When the practice asked for it.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When its accepted charts reached chartCount; null until then.' })
  completedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the coder handed in the batch that completed it (its submission time, not the practice's acceptance): on time means deliveredAt <= dueAt.",
  })
  deliveredAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the practice cancelled it; null unless cancelled.' })
  cancelledAt: Date | null;
}

@ObjectType({ description: 'A page of work requests.' })
export class WorkRequestConnection extends Connection(WorkRequest) {}

@ObjectType({ description: "How a contract's work goes, computed from its work requests and coded batches (both parties). A figure is null when there is no data for it yet." })
export class ContractPerformance {
  @Field(() => Float, { nullable: true, description: 'Completed requests completed by their due time, over completed plus open overdue requests, 0..1; cancelled requests do not count.' })
  onTimeRate: number | null;

  @Field(() => Int, { description: 'Completed requests.' })
  completedRequests: number;

  @Field(() => Int, { description: 'Completed requests completed by their due time.' })
  onTimeRequests: number;

  @Field(() => Int, { description: 'Open requests past their due time.' })
  overdueRequests: number;

  @Field(() => Float, { nullable: true, description: 'Median hours from a request being made to its completion, over completed requests.' })
  medianTurnaroundHours: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Accepted charts per week: encounters of batches accepted in the last 4 weeks (or since the contract started, if sooner, counted as at least one week), per week; null before any batch is accepted.',
  })
  chartsPerWeek: number | null;

  @Field(() => Float, { nullable: true, description: "Audited accuracy of the contract's batches, 0..1 (1 - errors / sampled charts); null before the first audit." })
  auditedAccuracy: number | null;

  @Field(() => Int, { description: 'Charts sampled by the audits behind auditedAccuracy.' })
  auditedCharts: number;
}
