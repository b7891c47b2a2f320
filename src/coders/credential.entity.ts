import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CredentialType } from '../domain/credential-type.enum.js';
import { UserEntity } from '../users/user.entity.js';
import { CredentialDocumentEntity } from './credential-document.entity.js';

/** Stored review states. EXPIRED is not stored: a VERIFIED credential past `expiresOn` reads as EXPIRED. */
export enum CredentialReviewStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}

@Entity('credentials')
@Index('credentials_live_type_key', ['coderId', 'type'], { unique: true, where: `status <> 'REJECTED'` })
@Index('credentials_coder_id_idx', ['coderId'])
@Index('credentials_verified_expiry_idx', ['type', 'expiresOn'], { where: `status = 'VERIFIED' AND expires_on IS NOT NULL` })
@Index('credentials_pending_idx', ['createdAt'], { where: `status = 'PENDING'` })
export class CredentialEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'credentials_pkey' })
  id: string;

  /** The CODER user holding the credential. */
  @Column({ type: 'uuid' })
  coderId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coder_id', foreignKeyConstraintName: 'credentials_coder_id_fkey' })
  coder?: Relation<UserEntity>;

  @Column({ type: 'enum', enum: CredentialType, enumName: 'credential_type' })
  type: CredentialType;

  /** Member / certificate number; shown only to its holder and admins. */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'date' })
  issuedOn: string;

  /** End of the current CEU cycle; required for AAPC and AHIMA credentials (null only on rows from before that rule). */
  @Column({ type: 'date', nullable: true })
  expiresOn: string | null;

  /** End of the holder's yearly AAPC membership (AAPC credentials only): past it, the credential stops counting. */
  @Column({ type: 'date', nullable: true })
  membershipExpiresOn: string | null;

  /** The certificate the reviewer checks; a credential without one cannot be verified. */
  @Column({ type: 'uuid', nullable: true })
  evidenceDocumentId: string | null;

  @ManyToOne(() => CredentialDocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_document_id', foreignKeyConstraintName: 'credentials_evidence_document_id_fkey' })
  evidenceDocument?: Relation<CredentialDocumentEntity>;

  @Column({ type: 'enum', enum: CredentialReviewStatus, enumName: 'credential_review_status', default: CredentialReviewStatus.PENDING })
  status: CredentialReviewStatus;

  @Column({ type: 'uuid', nullable: true })
  reviewedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewed_by_id', foreignKeyConstraintName: 'credentials_reviewed_by_id_fkey' })
  reviewedBy?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;

  /** When the holder was reminded that this credential expires soon (once per expiry date). */
  @Column({ type: 'timestamptz', nullable: true })
  expiryRemindedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
