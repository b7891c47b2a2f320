import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CredentialType } from '../domain/credential-type.enum.js';
import { Specialty } from '../domain/specialty.enum.js';
import { CodeSet, WorkType } from '../domain/work.enums.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A coder's public profile, one per CODER user. `specialties` and `searchDocument` are kept by a
 * database trigger from `specialtyYears` and the text columns (see the migration), so they never drift.
 * Rating and accuracy are stored as totals and derived on read.
 */
@Entity('coder_profiles')
@Index('coder_profiles_user_id_key', ['userId'], { unique: true })
@Index('coder_profiles_public_slug_key', ['publicSlug'], { unique: true })
// GIN and expression indexes written by hand in the migration (TypeORM cannot declare them):
@Index('coder_profiles_search_document_idx', { synchronize: false })
@Index('coder_profiles_specialties_idx', { synchronize: false })
@Index('coder_profiles_code_sets_idx', { synchronize: false })
@Index('coder_profiles_work_types_idx', { synchronize: false })
@Index('coder_profiles_rating_idx', { synchronize: false })
@Index('coder_profiles_verified_credential_types_idx', { synchronize: false })
@Index('coder_profiles_available_rating_idx', { synchronize: false })
@Check('coder_profiles_rates_check', 'hourly_rate_cents > 0 AND per_chart_rate_cents > 0')
@Check('coder_profiles_npi_format_check', `npi ~ '^[0-9]{10}$'`)
@Check('coder_profiles_state_format_check', `state ~ '^[A-Z]{2}$'`)
@Check('coder_profiles_public_slug_format_check', `public_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
export class CoderProfileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'coder_profiles_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'coder_profiles_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text' })
  headline: string;

  @Column({ type: 'text' })
  bio: string;

  @Column({ type: 'integer' })
  yearsExperience: number;

  /** IANA zone, e.g. America/Chicago. */
  @Column({ type: 'text' })
  timezone: string;

  @Column({ type: 'integer' })
  weeklyCapacityHours: number;

  @Column({ type: 'integer', nullable: true })
  hourlyRateCents: number | null;

  @Column({ type: 'integer', nullable: true })
  perChartRateCents: number | null;

  @Column({ type: 'boolean' })
  available: boolean;

  /** Years of experience per specialty: `{ "CARDIOLOGY": 7 }`. The source of truth for specialties. */
  @Column({ type: 'jsonb' })
  specialtyYears: Partial<Record<Specialty, number>>;

  /** The keys of `specialtyYears`, maintained by trigger for indexed filtering. */
  @Column({ type: 'enum', enum: Specialty, enumName: 'specialty', array: true, insert: false, update: false, default: () => "'{}'" })
  specialties: Specialty[];

  /**
   * Types of the coder's VERIFIED credentials (expired ones included: expiry depends on the date, so
   * queries recheck it), kept by triggers on `credentials` for indexed filtering (see the migration).
   */
  @Column({ type: 'enum', enum: CredentialType, enumName: 'credential_type', array: true, insert: false, update: false, default: () => "'{}'" })
  verifiedCredentialTypes: CredentialType[];

  @Column({ type: 'enum', enum: CodeSet, enumName: 'code_set', array: true })
  codeSets: CodeSet[];

  @Column({ type: 'enum', enum: WorkType, enumName: 'work_type', array: true })
  workTypes: WorkType[];

  /** Normalized EHR tags (see domain/ehr.ts). */
  @Column({ type: 'text', array: true })
  ehrSystems: string[];

  /** Legal first name, for exclusion screening (the account name is used when absent); private to the coder and admins. */
  @Column({ type: 'text', nullable: true })
  legalFirstName: string | null;

  /** Legal last name, for exclusion screening; private. */
  @Column({ type: 'text', nullable: true })
  legalLastName: string | null;

  /** The coder's individual NPI (Luhn-checked), for exclusion screening; private. */
  @Column({ type: 'text', nullable: true })
  npi: string | null;

  /** Date of birth, for exclusion screening only (tells namesakes apart); private. */
  @Column({ type: 'date', nullable: true })
  dateOfBirth: string | null;

  /** US state of residence (two letters), for exclusion screening; private. */
  @Column({ type: 'text', nullable: true })
  state: string | null;

  /**
   * Held by exclusion screening (an OPEN or CONFIRMED screening hold, kept by the screening module):
   * out of the directory and matching, no bids, no new contracts.
   */
  @Column({ type: 'boolean', default: false })
  screeningHeld: boolean;

  /** When the coder was last screened against the OIG LEIE; null before the first screen. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastScreenedAt: Date | null;

  /** The coder opted in to a public profile page (GET /coders/<publicSlug>). */
  @Column({ type: 'boolean', default: false })
  publicProfile: boolean;

  /** Set at the first opt-in, from the name, and kept (stable links); resolves only while opted in and not held. */
  @Column({ type: 'text', nullable: true })
  publicSlug: string | null;

  @Column({ type: 'integer', default: 0 })
  ratingCount: number;

  /** Sum of all review stars; average = ratingTotal / ratingCount. */
  @Column({ type: 'integer', default: 0 })
  ratingTotal: number;

  /** Weighted full-text document (headline A, specialties + EHR B, bio C), maintained by trigger. */
  @Column({ type: 'tsvector', select: false, insert: false, update: false, nullable: true })
  searchDocument?: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/**
 * A profile as the hot read paths (directory, matching) select it: every selectable column aliased to
 * its entity property, read raw. No entity hydration: TypeORM's transformer cost more CPU than the
 * query itself on a directory page.
 */
export type ProfileRow = Omit<CoderProfileEntity, 'user' | 'searchDocument'>;
