import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { PayModel } from '../domain/work.enums.js';
import { JobPostingEntity } from '../jobs/job-posting.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { BidStatus } from './bid-status.enum.js';
import { bigintCents } from '../database/bigint-cents.transformer.js';

/**
 * A coder's offer on a posting. `coderId` is who does the work; a coding company bids as
 * `organizationId` and names its member coder. One live (PENDING or ACCEPTED) bid per coder and
 * posting, enforced by a partial unique index.
 */
@Entity('bids')
@Index('bids_live_coder_key', ['jobPostingId', 'coderId'], { unique: true, where: `status IN ('PENDING', 'ACCEPTED')` })
@Index('bids_job_posting_created_idx', ['jobPostingId', 'createdAt'])
@Index('bids_coder_created_idx', ['coderId', 'createdAt'])
export class BidEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'bids_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  jobPostingId: string;

  @ManyToOne(() => JobPostingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_posting_id', foreignKeyConstraintName: 'bids_job_posting_id_fkey' })
  jobPosting?: Relation<JobPostingEntity>;

  /** The CODER user who will do the work. */
  @Column({ type: 'uuid' })
  coderId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coder_id', foreignKeyConstraintName: 'bids_coder_id_fkey' })
  coder?: Relation<UserEntity>;

  /** The coding company bidding, when the bid is not the coder's own. */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'bids_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'uuid' })
  submittedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submitted_by_id', foreignKeyConstraintName: 'bids_submitted_by_id_fkey' })
  submittedBy?: Relation<UserEntity>;

  @Column({ type: 'enum', enum: PayModel, enumName: 'pay_model' })
  payModel: PayModel;

  /** Hourly or per-chart rate, or the total price for FIXED_PRICE. */
  @Column({ type: 'bigint', transformer: bigintCents, nullable: true })
  rateCents: number | null;

  @Column({ type: 'integer', nullable: true })
  percentOfCollectionsBps: number | null;

  @Column({ type: 'text' })
  coverLetter: string;

  @Column({ type: 'integer', nullable: true })
  estimatedTurnaroundHours: number | null;

  /** HOURLY bids: the weekly hour cap the coder offers (1..168); the contract takes it over the posting's. */
  @Column({ type: 'integer', nullable: true })
  weeklyHourLimit: number | null;

  @Column({ type: 'enum', enum: BidStatus, enumName: 'bid_status', default: BidStatus.PENDING })
  status: BidStatus;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
