import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CredentialType } from '../domain/credential-type.enum.js';
import { UserEntity } from '../users/user.entity.js';
import { CredentialDocumentEntity } from './credential-document.entity.js';
import { CredentialEntity } from './credential.entity.js';

/** What a coder asks to change on a verified credential. */
export enum CredentialChangeKind {
  /** New cycle and/or membership dates (the credential keeps counting on its old dates meanwhile). */
  RENEWAL = 'RENEWAL',
  /** The "A" comes off: CPC_A -> CPC, COC_A -> COC. */
  APPRENTICE_CONVERSION = 'APPRENTICE_CONVERSION',
}

export enum CredentialChangeStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/**
 * A change to a verified credential awaiting (or past) admin review, with its evidence: the history
 * of a credential's renewals and conversion. At most one is PENDING per credential (partial unique
 * index), which settles two racing requests.
 */
@Entity('credential_changes')
@Index('credential_changes_one_pending_key', ['credentialId'], { unique: true, where: `status = 'PENDING'` })
@Index('credential_changes_pending_idx', ['createdAt'], { where: `status = 'PENDING'` })
export class CredentialChangeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'credential_changes_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  credentialId: string;

  @ManyToOne(() => CredentialEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'credential_id', foreignKeyConstraintName: 'credential_changes_credential_id_fkey' })
  credential?: Relation<CredentialEntity>;

  @Column({ type: 'enum', enum: CredentialChangeKind, enumName: 'credential_change_kind' })
  kind: CredentialChangeKind;

  @Column({ type: 'enum', enum: CredentialChangeStatus, enumName: 'credential_change_status', default: CredentialChangeStatus.PENDING })
  status: CredentialChangeStatus;

  /** RENEWAL: the new end of the CEU cycle (null: unchanged). */
  @Column({ type: 'date', nullable: true })
  expiresOn: string | null;

  /** RENEWAL: the new end of the AAPC membership (null: unchanged). */
  @Column({ type: 'date', nullable: true })
  membershipExpiresOn: string | null;

  /** APPRENTICE_CONVERSION: the full designation. */
  @Column({ type: 'enum', enum: CredentialType, enumName: 'credential_type', nullable: true })
  toType: CredentialType | null;

  @Column({ type: 'uuid' })
  evidenceDocumentId: string;

  @ManyToOne(() => CredentialDocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_document_id', foreignKeyConstraintName: 'credential_changes_evidence_document_id_fkey' })
  evidenceDocument?: Relation<CredentialDocumentEntity>;

  /** The coder's note (e.g. the experience that removes the "A"). */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewed_by_id', foreignKeyConstraintName: 'credential_changes_reviewed_by_id_fkey' })
  reviewedBy?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
