import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { BidEntity } from '../bids/bid.entity.js';
import { PayModel } from '../domain/work.enums.js';
import { JobPostingEntity } from '../jobs/job-posting.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { ContractPauseReason, ContractStatus } from './contract-status.enum.js';
import { bigintCents } from '../database/bigint-cents.transformer.js';

/** The engagement an accepted bid creates: one per bid (unique), terms and platform fee frozen. */
@Entity('contracts')
@Index('contracts_bid_id_key', ['bidId'], { unique: true })
@Index('contracts_organization_id_idx', ['organizationId', 'createdAt'])
@Index('contracts_coder_id_idx', ['coderId', 'createdAt'])
@Check('contracts_weekly_hour_limit_check', 'weekly_hour_limit BETWEEN 1 AND 168')
@Check('contracts_pause_check', `(paused_at IS NULL) = (pause_reason IS NULL) AND (status <> 'PAUSED' OR paused_at IS NOT NULL)`)
export class ContractEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'contracts_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  jobPostingId: string;

  @ManyToOne(() => JobPostingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'job_posting_id', foreignKeyConstraintName: 'contracts_job_posting_id_fkey' })
  jobPosting?: Relation<JobPostingEntity>;

  @Column({ type: 'uuid' })
  bidId: string;

  @ManyToOne(() => BidEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bid_id', foreignKeyConstraintName: 'contracts_bid_id_fkey' })
  bid?: Relation<BidEntity>;

  /** The provider practice paying. */
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'contracts_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  /** The coder doing the work. */
  @Column({ type: 'uuid' })
  coderId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'coder_id', foreignKeyConstraintName: 'contracts_coder_id_fkey' })
  coder?: Relation<UserEntity>;

  /** The coding company the coder works through, if any. */
  @Column({ type: 'uuid', nullable: true })
  codingCompanyId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'coding_company_id', foreignKeyConstraintName: 'contracts_coding_company_id_fkey' })
  codingCompany?: Relation<OrganizationEntity>;

  @Column({ type: 'enum', enum: PayModel, enumName: 'pay_model' })
  payModel: PayModel;

  @Column({ type: 'bigint', transformer: bigintCents, nullable: true })
  rateCents: number | null;

  @Column({ type: 'integer', nullable: true })
  percentOfCollectionsBps: number | null;

  /** PLATFORM_FEE_BPS when the contract was made; later changes to the setting do not touch it. */
  @Column({ type: 'integer' })
  platformFeeBps: number;

  /** HOURLY contracts: the most hours the coder may log in one ISO week (from the bid, else the posting); null for the other pay models. */
  @Column({ type: 'integer', nullable: true })
  weeklyHourLimit: number | null;

  /** Both parties must sign the BAA before any PHI moves: decided from the posting's work type when the contract is made (src/domain/phi-work.ts). */
  @Column({ type: 'boolean', default: true })
  baaRequired: boolean;

  @Column({ type: 'enum', enum: ContractStatus, enumName: 'contract_status', default: ContractStatus.ACTIVE })
  status: ContractStatus;

  /** Since when the contract is paused, and why (both null unless paused; kept through a dispute opened while paused). */
  @Column({ type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  @Column({ type: 'enum', enum: ContractPauseReason, enumName: 'contract_pause_reason', nullable: true })
  pauseReason: ContractPauseReason | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
