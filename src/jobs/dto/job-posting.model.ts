import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { CredentialType } from '../../domain/credential-type.enum.js';
import { Specialty } from '../../domain/specialty.enum.js';
import { CareSetting, CodeSet, PayModel, WorkType } from '../../domain/work.enums.js';
import { JobPostingStatus } from '../job-posting-status.enum.js';

@ObjectType({ description: 'Coding work posted by a provider practice.' })
export class JobPosting {
  @Field(() => ID)
  id: string;

  organizationId: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => JobPostingStatus)
  status: JobPostingStatus;

  @Field(() => Specialty)
  specialty: Specialty;

  @Field(() => [CodeSet])
  codeSets: CodeSet[];

  @Field(() => WorkType)
  workType: WorkType;

  @Field(() => CareSetting)
  setting: CareSetting;

  @Field(() => String, { nullable: true })
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

  @Field(() => Int, { nullable: true })
  chartsPerWeek: number | null;

  @Field(() => Int)
  turnaroundHours: number;

  @Field(() => Int, { description: 'Basis points: 9500 = 95%.' })
  accuracyTargetBps: number;

  @Field(() => PayModel)
  payModel: PayModel;

  @Field(() => Int, { nullable: true })
  rateCents: number | null;

  @Field(() => Int, { nullable: true })
  budgetCents: number | null;

  @Field(() => Int, { nullable: true })
  percentOfCollectionsBps: number | null;

  @Field(() => LocalDateScalar, { nullable: true })
  startsOn: string | null;

  @Field(() => Int, { nullable: true })
  durationWeeks: number | null;

  @Field(() => Int, { nullable: true, description: 'HOURLY: the most hours a week the practice pays for.' })
  weeklyHourLimit: number | null;

  @Field({ description: 'Whether the work reads PHI, so that a signed Business Associate Agreement is required on its contracts: decided by the work type (true for every work type today).' })
  requiresBaa: boolean;

  @Field(() => Int)
  positions: number;

  @Field(() => Int)
  positionsFilled: number;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;
}

@ObjectType()
export class JobPostingConnection extends Connection(JobPosting) {}
