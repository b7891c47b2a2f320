import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { boundedListComplexity, Connection } from '../../common/pagination/connection.js';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
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

  /**
   * Charts the practices' audits sampled and errors standing (after rebuttals), every recorded audit. Not
   * published: `accuracyScore` and `accuracySampleSize` count only audits of contracts that paid the coder
   * (src/workroom/accuracy.resolver.ts).
   */
  auditedCharts: number;

  auditErrors: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When the coder was last screened against the OIG List of Excluded Individuals/Entities (LEIE); null before the first screen. Public; the outcome of a screen never is.',
  })
  lastScreenedAt: Date | null;

  /** Held by exclusion screening (resolved into `screening` for the coder and admins only). */
  screeningHeld: boolean;

  /** What exclusion screening compares (resolved into `screening` for the coder and admins only). */
  identity: { legalFirstName: string | null; legalLastName: string | null; npi: string | null; dateOfBirth: string | null; state: string | null };

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType({ description: "What OIG exclusion screening knows of a coder, and whether it holds the profile. The coder's and admins' eyes only." })
export class CoderScreening {
  @Field(() => String, { nullable: true, description: 'Legal first name (the account name is screened when absent).' })
  legalFirstName: string | null;

  @Field(() => String, { nullable: true, description: 'Legal last name.' })
  legalLastName: string | null;

  @Field(() => String, { nullable: true, description: 'Individual NPI.' })
  npi: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of birth.' })
  dateOfBirth: string | null;

  @Field(() => String, { nullable: true, description: 'US state of residence.' })
  state: string | null;

  @Field({ description: 'The profile is held pending an admin review of a screening match: out of the directory and matching, no bids, no new contracts.' })
  onHold: boolean;
}

@ObjectType()
export class CoderProfileConnection extends Connection(CoderProfile) {}
