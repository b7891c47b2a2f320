import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContractEntity } from '../contracts/contract.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A PHI document's metadata. The content is stored encrypted (AES-256-GCM) under its own data key,
 * which is kept here wrapped by the master key; the document id is the associated data of both.
 */
@Entity('documents')
@Index('documents_contract_created_idx', ['contractId', 'createdAt'])
export class DocumentEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'documents_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'documents_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  @Column({ type: 'uuid' })
  uploadedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_id', foreignKeyConstraintName: 'documents_uploaded_by_id_fkey' })
  uploadedBy?: Relation<UserEntity>;

  @Column({ type: 'text' })
  filename: string;

  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  /** Where the storage port keeps the ciphertext; null once the stored file was deleted (PHI destruction). */
  @Column({ type: 'text', nullable: true })
  storageKey: string | null;

  /** The data key, encrypted by the master key: iv (12) + tag (16) + ciphertext (32). Null once destroyed: the ciphertext can never be read again. */
  @Column({ type: 'bytea', nullable: true })
  wrappedKey: Buffer | null;

  /** When the document's PHI (its data key, then its stored file) was destroyed after the contract's retention period. */
  @Column({ type: 'timestamptz', nullable: true })
  destroyedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
