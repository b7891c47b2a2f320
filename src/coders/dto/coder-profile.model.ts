import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { boundedListComplexity, Connection } from '../../common/pagination/connection.js';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { Specialty } from '../../domain/specialty.enum.js';
import { CodeSet, WorkType } from '../../domain/work.enums.js';

@ObjectType({ description: 'A specialty and the years of experience in it.' })
export class SpecialtyExperience {
  @Field(() => Specialty, { description: 'The specialty.' })
  specialty: Specialty;

  @Field(() => Int, { description: 'Years of coding experience in it.' })
  yearsExperience: number;
}

@ObjectType({ description: "A coder's public profile. Credential numbers and emails are never part of it." })
export class CoderProfile {
  @Field(() => ID, { description: 'Stable id of the profile (not the user id).' })
  id: string;

  userId: string;

  @Field({ description: 'One-line summary shown in the directory.' })
  headline: string;

  @Field({ description: 'Free-text introduction.' })
  bio: string;

  @Field(() => Int, { description: 'Years of coding experience overall.' })
  yearsExperience: number;

  @Field({ description: 'IANA time zone.' })
  timezone: string;

  @Field(() => Int, { description: 'Hours a week the coder can take on.' })
  weeklyCapacityHours: number;

  @Field(() => Int, { nullable: true, description: 'Asking rate per hour in US cents; null when the coder does not work by the hour.' })
  hourlyRateCents: number | null;

  @Field(() => Int, { nullable: true, description: 'Asking rate per chart in US cents; null when the coder does not work per chart.' })
  perChartRateCents: number | null;

  @Field({ description: 'Whether the coder takes new work now (the directory can show available coders only).' })
  available: boolean;

  // At most one entry per specialty (26, stored with the row); profiles usually list a few.
  @Field(() => [SpecialtyExperience], { complexity: boundedListComplexity(3), description: 'Specialties with years of experience in each.' })
  specialties: SpecialtyExperience[];

  @Field(() => [CodeSet], { description: 'Code sets the coder works in.' })
  codeSets: CodeSet[];

  @Field(() => [WorkType], { description: 'Kinds of work the coder does.' })
  workTypes: WorkType[];

  @Field(() => [String], { description: 'EHR systems the coder knows, normalized (e.g. "Epic", "Cerner").' })
  ehrSystems: string[];

  @Field(() => Float, { nullable: true, description: 'Average review stars (1..5); null before the first review.' })
  ratingAverage: number | null;

  @Field(() => Int, { description: 'How many published practice reviews the rating averages.' })
  ratingCount: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When the coder was last screened against the OIG List of Excluded Individuals/Entities (LEIE); null before the first screen. Public; the outcome of a screen never is.',
  })
  lastScreenedAt: Date | null;

  /** Opted in to a public profile page, and its slug (resolved into `publicUrl`). */
  publicProfile: boolean;

  publicSlug: string | null;

  /** Held by exclusion screening (resolved into `screening` for the coder and admins only). */
  screeningHeld: boolean;

  /** What exclusion screening compares (resolved into `screening` for the coder and admins only). */
  identity: { legalFirstName: string | null; legalLastName: string | null; npi: string | null; dateOfBirth: string | null; state: string | null };

  @Field({ description: 'When the profile was first written.' })
  createdAt: Date;

  @Field({ description: 'When the profile last changed.' })
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

@ObjectType({ description: 'A page of CoderProfile items (Relay connection: pass pageInfo.endCursor as `after` for the next page).' })
export class CoderProfileConnection extends Connection(CoderProfile) {}
