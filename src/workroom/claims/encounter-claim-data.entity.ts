import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContractEntity } from '../../contracts/contract.entity.js';
import { UserEntity } from '../../users/user.entity.js';
import { CodedBatchEntity } from '../coded-batch.entity.js';

/**
 * The claim data (patient, subscriber, payer) the practice supplied for one encounter of a batch:
 * PHI, stored like documents: the JSON payload sealed (AES-256-GCM) under its own data key, the data
 * key wrapped by the master key, both bound to `claim-data:<batchId>:<encounterIndex>`. No plaintext column.
 */
@Entity('encounter_claim_data')
@Index('encounter_claim_data_contract_idx', ['contractId'])
export class EncounterClaimDataEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'encounter_claim_data_pkey' })
  batchId: string;

  /** The encounter's position in the batch (chart references are PHI: none stored here). */
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'encounter_claim_data_pkey' })
  encounterIndex: number;

  @ManyToOne(() => CodedBatchEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id', foreignKeyConstraintName: 'encounter_claim_data_batch_id_fkey' })
  batch?: Relation<CodedBatchEntity>;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'encounter_claim_data_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  /** iv (12) + tag (16) + ciphertext of the JSON payload. */
  @Column({ type: 'bytea' })
  ciphertext: Buffer;

  /** The data key, sealed by the master key. */
  @Column({ type: 'bytea' })
  wrappedKey: Buffer;

  @Column({ type: 'uuid' })
  updatedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by_id', foreignKeyConstraintName: 'encounter_claim_data_updated_by_id_fkey' })
  updatedBy?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
