import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { boundedListComplexity, Connection } from '../../common/pagination/connection.js';
import { Specialty } from '../../domain/specialty.enum.js';
import { CodeSet, WorkType } from '../../domain/work.enums.js';

@ObjectType()
export class SpecialtyExperience {
  @Field(() => Specialty)
  specialty: Specialty;

  @Field(() => Int)
  yearsExperience: number;
}

@ObjectType({ description: "A coder's public profile. Credential numbers and emails are never part of it." })
export class CoderProfile {
  @Field(() => ID)
  id: string;

  userId: string;

  @Field()
  headline: string;

  @Field()
  bio: string;

  @Field(() => Int)
  yearsExperience: number;

  @Field({ description: 'IANA time zone.' })
  timezone: string;

  @Field(() => Int)
  weeklyCapacityHours: number;

  @Field(() => Int, { nullable: true })
  hourlyRateCents: number | null;

  @Field(() => Int, { nullable: true })
  perChartRateCents: number | null;

  @Field()
  available: boolean;

  // At most one entry per specialty (26, stored with the row); profiles usually list a few.
  @Field(() => [SpecialtyExperience], { complexity: boundedListComplexity(3) })
  specialties: SpecialtyExperience[];

  @Field(() => [CodeSet])
  codeSets: CodeSet[];

  @Field(() => [WorkType])
  workTypes: WorkType[];

  @Field(() => [String])
  ehrSystems: string[];

  @Field(() => Float, { nullable: true, description: 'Average review stars (1..5); null before the first review.' })
  ratingAverage: number | null;

  @Field(() => Int)
  ratingCount: number;

  /** Charts the practices' audits sampled and errors standing (after rebuttals): `accuracyScore` and `accuracySampleSize` are resolved from them (src/workroom/accuracy.resolver.ts). */
  auditedCharts: number;

  auditErrors: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class CoderProfileConnection extends Connection(CoderProfile) {}
