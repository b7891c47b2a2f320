import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { ContractEntity } from './contract.entity.js';
import { ContractPauseReason } from './contract-status.enum.js';

/**
 * Each time a contract was paused, until it resumed (open while it is paused). Work cannot be logged
 * for a day that a pause covered whole.
 */
@Entity('contract_pauses')
@Index('contract_pauses_contract_id_idx', ['contractId', 'pausedAt'])
@Index('contract_pauses_open_key', ['contractId'], { unique: true, where: 'resumed_at IS NULL' })
export class ContractPauseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'contract_pauses_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'contract_pauses_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  @Column({ type: 'enum', enum: ContractPauseReason, enumName: 'contract_pause_reason' })
  reason: ContractPauseReason;

  /** Who paused it; null when the platform did (PAYMENT_FAILED). */
  @Column({ type: 'uuid', nullable: true })
  pausedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paused_by_id', foreignKeyConstraintName: 'contract_pauses_paused_by_id_fkey' })
  pausedBy?: Relation<UserEntity>;

  @Column({ type: 'timestamptz' })
  pausedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resumedAt: Date | null;
}
