import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { ContractEntity } from './contract.entity.js';
import type { ContractSide } from './contract-access.service.js';
import { DisputeOutcome, DisputeStatus } from './dispute-status.enum.js';
import { bigintCents } from '../database/bigint-cents.transformer.js';

/** A disagreement over a contract: escrow is frozen until an admin settles it. One open dispute per contract. */
@Entity('disputes')
@Index('disputes_open_contract_key', ['contractId'], { unique: true, where: `status = 'OPEN'` })
@Index('disputes_contract_id_idx', ['contractId', 'createdAt'])
@Check('disputes_opened_by_side_check', `opened_by_side IN ('provider', 'coder')`)
@Check('disputes_outcome_check', `(status = 'OPEN') = (outcome IS NULL)`)
export class DisputeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'disputes_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'disputes_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  @Column({ type: 'uuid' })
  openedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opened_by_id', foreignKeyConstraintName: 'disputes_opened_by_id_fkey' })
  openedBy?: Relation<UserEntity>;

  /** The side that opened it (a coding company's manager opens for the coder's side). */
  @Column({ type: 'text' })
  openedBySide: ContractSide;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'enum', enum: DisputeStatus, enumName: 'dispute_status', default: DisputeStatus.OPEN })
  status: DisputeStatus;

  /** The admin's decision; null while OPEN. */
  @Column({ type: 'enum', enum: DisputeOutcome, enumName: 'dispute_outcome', nullable: true })
  outcome: DisputeOutcome | null;

  /** What the coder received from escrow at resolution (the rest went back to the practice). */
  @Column({ type: 'bigint', transformer: bigintCents, nullable: true })
  coderCents: number | null;

  @Column({ type: 'bigint', transformer: bigintCents, nullable: true })
  heldCents: number | null;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolved_by_id', foreignKeyConstraintName: 'disputes_resolved_by_id_fkey' })
  resolvedBy?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
