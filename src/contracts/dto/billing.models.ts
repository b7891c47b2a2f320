import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { InvoiceKind, InvoiceStatus } from '../invoice.enums.js';

@ObjectType({ description: 'A day of work on an hourly or per-chart contract.' })
export class WorkLog {
  @Field(() => ID)
  id: string;

  contractId: string;

  @Field(() => LocalDateScalar)
  workedOn: string;

  @Field(() => Int, { nullable: true })
  minutes: number | null;

  @Field(() => Int, { nullable: true })
  charts: number | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field({ description: 'True once invoiced; invoiced work can no longer change.' })
  invoiced: boolean;
}

@ObjectType()
export class Invoice {
  @Field(() => ID)
  id: string;

  contractId: string;

  @Field(() => InvoiceKind)
  kind: InvoiceKind;

  @Field(() => LocalDateScalar)
  periodStart: string;

  @Field(() => LocalDateScalar)
  periodEnd: string;

  @Field(() => Int, { description: 'Minutes or charts (WORK), or cents collected (COLLECTIONS).' })
  quantity: number;

  @Field(() => Int)
  amountCents: number;

  @Field(() => InvoiceStatus)
  status: InvoiceStatus;

  @Field(() => Date, { nullable: true })
  releaseAfter: Date | null;

  @Field()
  createdAt: Date;
}

@InputType()
export class LogWorkInput {
  @Field(() => LocalDateScalar, { description: 'The day worked: not in the future, at most 60 days ago.' })
  @IsString()
  workedOn: string;

  @Field(() => Int, { nullable: true, description: 'HOURLY contracts: minutes worked that day, 1..1440.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'PER_CHART contracts: charts completed that day, 1..2000.' })
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
  @Field(() => ID)
  @IsUUID()
  contractId: string;

  @Field(() => LocalDateScalar)
  @IsString()
  periodStart: string;

  @Field(() => LocalDateScalar)
  @IsString()
  periodEnd: string;

  @Field(() => Int, { description: 'Cents collected in the period, 1..1000000000.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  collectedCents: number;
}
