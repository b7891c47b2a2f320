import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { CredentialType } from '../../domain/credential-type.enum.js';
import { Specialty } from '../../domain/specialty.enum.js';
import { CareSetting, CodeSet, PayModel, WorkType } from '../../domain/work.enums.js';
import { JobPostingStatus } from '../job-posting-status.enum.js';

@ObjectType({ description: 'Coding work posted by a provider practice.' })
export class JobPosting {
  @Field(() => ID, { description: 'Stable id of the posting.' })
  id: string;

  organizationId: string;

  @Field({ description: 'Short title shown in search.' })
  title: string;

  @Field({ description: "What the work is, in the practice's words." })
  description: string;

  @Field(() => JobPostingStatus, { description: 'OPEN, FILLED or CLOSED.' })
  status: JobPostingStatus;

  @Field(() => Specialty, { description: 'The clinical specialty of the charts.' })
  specialty: Specialty;

  @Field(() => [CodeSet], { description: 'Code sets the work uses.' })
  codeSets: CodeSet[];

  @Field(() => WorkType, { description: 'Kind of work.' })
  workType: WorkType;

  @Field(() => CareSetting, { description: 'Where the care being coded took place.' })
  setting: CareSetting;

  @Field(() => String, { nullable: true, description: 'EHR the coder works in, normalized; null when not given.' })
  ehrSystem: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the practice.' })
  timezone: string | null;

  @Field(() => [CredentialType], {
    description: 'The credential types every bidder must hold (the requirement groups of one type). Groups of several types ("any of") are in credentialRequirements only.',
  })
  requiredCredentialTypes: CredentialType[];

  /** Groups of two or more types, read through `credentialRequirements`. */
  anyOfCredentialGroups: CredentialType[][];

  @Field({ description: 'Whether an apprentice designation meets a requirement for the full credential (CPC-A for CPC).' })
  apprenticesAccepted: boolean;

  @Field(() => Int, { nullable: true, description: 'Expected charts per week; null when not given.' })
  chartsPerWeek: number | null;

  @Field(() => Int, { description: 'The turnaround the practice expects, in hours.' })
  turnaroundHours: number;

  @Field(() => Int, { description: 'Basis points: 9500 = 95%.' })
  accuracyTargetBps: number;

  @Field(() => PayModel, { description: 'How the work is paid.' })
  payModel: PayModel;

  @Field(() => Int, { nullable: true, description: 'HOURLY / PER_CHART: the rate in US cents; null for other pay models.' })
  rateCents: number | null;

  @Field(() => Int, { nullable: true, description: 'FIXED_PRICE: the budget in US cents; null for other pay models.' })
  budgetCents: number | null;

  @Field(() => Int, { nullable: true, description: 'PERCENT_OF_COLLECTIONS: the share in basis points (1000 = 10%); null otherwise.' })
  percentOfCollectionsBps: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the work starts (YYYY-MM-DD); null when open.' })
  startsOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Expected length in weeks; null when open-ended.' })
  durationWeeks: number | null;

  @Field(() => Int, { nullable: true, description: 'HOURLY: the most hours a week the practice pays for.' })
  weeklyHourLimit: number | null;

  @Field({ description: 'Whether the work reads PHI, so that a signed Business Associate Agreement is required on its contracts: decided by the work type (true for every work type today).' })
  requiresBaa: boolean;

  @Field(() => Int, { description: 'How many coders the practice hires for it.' })
  positions: number;

  @Field(() => Int, { description: 'How many positions have a contract; FILLED when it reaches positions.' })
  positionsFilled: number;

  @Field({ description: 'When it was posted.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the practice closed it; null otherwise.' })
  closedAt: Date | null;
}

@ObjectType({ description: 'A page of JobPosting items (Relay connection: pass pageInfo.endCursor as `after` for the next page).' })
export class JobPostingConnection extends Connection(JobPosting) {}
