import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/**
 * A coder's certificate (evidence for a credential, its renewal or its apprentice conversion), stored
 * like workroom documents: encrypted under its own data key, kept here wrapped by the master key, the
 * document id the associated data of both. Readable by the coder who uploaded it and by ADMINs.
 */
@Entity('credential_documents')
@Index('credential_documents_coder_id_idx', ['coderId'])
@Index('credential_documents_content_digest_idx', ['coderId', 'contentDigest'], { where: 'content_digest IS NOT NULL' })
export class CredentialDocumentEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'credential_documents_pkey' })
  id: string;

  /** The CODER user who uploaded it. */
  @Column({ type: 'uuid' })
  coderId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coder_id', foreignKeyConstraintName: 'credential_documents_coder_id_fkey' })
  coder?: Relation<UserEntity>;

  @Column({ type: 'text' })
  filename: string;

  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  /** Where the storage port keeps the ciphertext. */
  @Column({ type: 'text' })
  storageKey: string;

  /** The data key, encrypted by the master key. */
  @Column({ type: 'bytea' })
  wrappedKey: Buffer;

  /** Keyed SHA-256 of the plaintext (common/documents/content-digest.ts): the same file uploaded twice is one certificate. NULL for uploads before it was kept. */
  @Column({ type: 'bytea', nullable: true })
  contentDigest: Buffer | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
