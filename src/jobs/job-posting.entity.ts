import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CredentialType } from '../domain/credential-type.enum.js';
import { Specialty } from '../domain/specialty.enum.js';
import { CareSetting, CodeSet, PayModel, WorkType } from '../domain/work.enums.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { JobPostingStatus } from './job-posting-status.enum.js';
import { bigintCents } from '../database/bigint-cents.transformer.js';

/** Coding work a provider practice posts. `searchDocument` is kept by a trigger (see the migration). */
@Entity('job_postings')
@Index('job_postings_status_created_idx', ['status', 'createdAt'])
@Index('job_postings_organization_id_idx', ['organizationId'])
@Index('job_postings_search_document_idx', { synchronize: false })
@Index('job_postings_code_sets_idx', { synchronize: false })
@Index('job_postings_open_specialty_created_idx', { synchronize: false })
@Check('job_postings_accuracy_check', 'accuracy_target_bps BETWEEN 5000 AND 10000')
@Check('job_postings_any_of_credential_groups_check', "jsonb_typeof(any_of_credential_groups) = 'array'")
@Check('job_postings_positions_check', 'positions >= 1 AND positions_filled BETWEEN 0 AND positions')
@Check(
  'job_postings_pay_check',
  `(rate_cents IS NOT NULL) = (pay_model IN ('HOURLY', 'PER_CHART')) AND (percent_of_collections_bps IS NOT NULL) = (pay_model = 'PERCENT_OF_COLLECTIONS') AND (pay_model <> 'FIXED_PRICE' OR budget_cents IS NOT NULL)`,
)
export class JobPostingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'job_postings_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'job_postings_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'uuid' })
  postedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'posted_by_id', foreignKeyConstraintName: 'job_postings_posted_by_id_fkey' })
  postedBy?: Relation<UserEntity>;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'enum', enum: Specialty, enumName: 'specialty' })
  specialty: Specialty;

  @Column({ type: 'enum', enum: CodeSet, enumName: 'code_set', array: true })
  codeSets: CodeSet[];

  @Column({ type: 'enum', enum: WorkType, enumName: 'work_type' })
  workType: WorkType;

  @Column({ type: 'enum', enum: CareSetting, enumName: 'care_setting' })
  setting: CareSetting;

  @Column({ type: 'text', nullable: true })
  ehrSystem: string | null;

  /** The practice's IANA time zone, for working-hours overlap in matching. */
  @Column({ type: 'text', nullable: true })
  timezone: string | null;

  /** Credential requirements of one type each (all required): the old flat list, and every single-type group. */
  @Column({ type: 'enum', enum: CredentialType, enumName: 'credential_type', array: true })
  requiredCredentialTypes: CredentialType[];

  /** Credential requirement groups of two or more types, each met by any one of them (see src/domain/credential-requirements.ts). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  anyOfCredentialGroups: CredentialType[][];

  /** Whether an apprentice designation (CPC-A) meets a requirement for the full credential (CPC). */
  @Column({ type: 'boolean', default: false })
  apprenticesAccepted: boolean;

  @Column({ type: 'integer', nullable: true })
  chartsPerWeek: number | null;

  @Column({ type: 'integer' })
  turnaroundHours: number;

  @Column({ type: 'integer' })
  accuracyTargetBps: number;

  @Column({ type: 'enum', enum: PayModel, enumName: 'pay_model' })
  payModel: PayModel;

  /** Hourly or per-chart rate, by pay model. */
  @Column({ type: 'bigint', transformer: bigintCents, nullable: true })
  rateCents: number | null;

  @Column({ type: 'bigint', transformer: bigintCents, nullable: true })
  budgetCents: number | null;

  @Column({ type: 'integer', nullable: true })
  percentOfCollectionsBps: number | null;

  @Column({ type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ type: 'integer', nullable: true })
  durationWeeks: number | null;

  /** HOURLY postings: the most hours a week the practice will pay for (1..168); a bid may agree another. */
  @Column({ type: 'integer', nullable: true })
  weeklyHourLimit: number | null;

  @Column({ type: 'boolean' })
  requiresBaa: boolean;

  @Column({ type: 'integer', default: 1 })
  positions: number;

  /** Contracts made so far; the posting is FILLED when it reaches `positions`. */
  @Column({ type: 'integer', default: 0 })
  positionsFilled: number;

  @Column({ type: 'enum', enum: JobPostingStatus, enumName: 'job_posting_status', default: JobPostingStatus.OPEN })
  status: JobPostingStatus;

  @Column({ type: 'tsvector', select: false, insert: false, update: false, nullable: true })
  searchDocument?: string;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
