import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContractEntity } from './contract.entity.js';
import { MilestoneStatus } from './milestone-status.enum.js';
import { bigintCents } from '../database/bigint-cents.transformer.js';

/** A fixed-price deliverable paid through escrow: funded by the provider, released to the coder on approval. */
@Entity('milestones')
@Index('milestones_contract_id_idx', ['contractId', 'createdAt'])
@Index('milestones_payment_intent_id_key', ['paymentIntentId'], { unique: true, where: 'payment_intent_id IS NOT NULL' })
@Index('milestones_auto_release_idx', ['autoReleaseAt'], { where: `status = 'SUBMITTED'` })
@Check('milestones_amount_check', 'amount_cents > 0')
export class MilestoneEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'milestones_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'milestones_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'bigint', transformer: bigintCents })
  amountCents: number;

  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'enum', enum: MilestoneStatus, enumName: 'milestone_status', default: MilestoneStatus.CREATED })
  status: MilestoneStatus;

  @Column({ type: 'text', nullable: true })
  paymentIntentId: string | null;

  @Column({ type: 'text', nullable: true })
  submissionNote: string | null;

  /**
   * When the coder first delivered it. Once set, the practice can no longer refund it alone: a
   * delivered milestone is approved, sent back for changes, released after the review window, or disputed.
   */
  @Column({ type: 'timestamptz', nullable: true })
  firstSubmittedAt: Date | null;

  /** What the practice asked to change the last time it sent the milestone back (kept for the coder to read). */
  @Column({ type: 'text', nullable: true })
  changesRequestedNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  changesRequestedAt: Date | null;

  /** When a SUBMITTED milestone is released without an answer from the provider. */
  @Column({ type: 'timestamptz', nullable: true })
  autoReleaseAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  fundedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  refundedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
