import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContractEntity } from '../contracts/contract.entity.js';

/**
 * The record that a contract's PHI was destroyed after its retention period: one per contract (its
 * key), written in the transaction that destroys, so a second run finds it and does nothing. It keeps
 * counts only, never PHI.
 */
@Entity('phi_destructions')
export class PhiDestructionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'phi_destructions_pkey' })
  contractId: string;

  @OneToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'phi_destructions_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  destroyedAt: Date;

  /** The contract's end, and the retention period in force when it was destroyed (PHI_RETENTION_DAYS). */
  @Column({ type: 'timestamptz' })
  contractEndedAt: Date;

  @Column({ type: 'integer' })
  retentionDays: number;

  /** Documents whose stored file and data key were destroyed. */
  @Column({ type: 'integer' })
  documents: number;

  /** Coded batches whose encounters and review comments were destroyed, and the encounters they held. */
  @Column({ type: 'integer' })
  batches: number;

  @Column({ type: 'integer' })
  encounters: number;

  /** What other registered PHI stores destroyed (e.g. claim-data payloads), by store name. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  otherStores: Record<string, number>;
}
