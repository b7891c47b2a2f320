import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CeuCategory } from '../../domain/ceu-rules.js';
import { CredentialIssuer } from '../../domain/credential-rules.js';
import { UserEntity } from '../../users/user.entity.js';
import { CredentialDocumentEntity } from '../credential-document.entity.js';

/** One continuing-education activity a coder logged towards an issuer's CEU cycle. Private to the coder (and ADMINs). */
@Entity('ceu_entries')
@Index('ceu_entries_dedupe_key', ['coderId', 'issuer', 'completedOn', 'dedupeKey'], { unique: true })
@Index('ceu_entries_certificate_key', ['certificateDocumentId'], { unique: true, where: 'certificate_document_id IS NOT NULL' })
export class CeuEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'ceu_entries_pkey' })
  id: string;

  /** The CODER user who logged it. */
  @Column({ type: 'uuid' })
  coderId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coder_id', foreignKeyConstraintName: 'ceu_entries_coder_id_fkey' })
  coder?: Relation<UserEntity>;

  @Column({ type: 'enum', enum: CredentialIssuer, enumName: 'credential_issuer' })
  issuer: CredentialIssuer;

  @Column({ type: 'enum', enum: CeuCategory, enumName: 'ceu_category' })
  category: CeuCategory;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  provider: string;

  @Column({ type: 'date' })
  completedOn: string;

  /** CEUs in integer tenths (1.5 CEUs = 15). */
  @Column({ type: 'integer' })
  ceuTenths: number;

  /** Title and provider as `courseKey` folds them (letters and digits, case and accents folded; rows logged before that kept the older space-collapsed form, and are compared afresh from title and provider): the same activity counts once per cycle of an issuer, whatever the day (checked under the per-coder-and-issuer lock). */
  @Column({ type: 'text' })
  dedupeKey: string;

  /** The issuer's approval printed on the certificate (AAPC index number, AHIMA approval code), upper-cased: once per cycle. */
  @Column({ type: 'text', nullable: true })
  approvalCode: string | null;

  /** The certificate of completion (uploaded like credential evidence): the entry counts toward its cycle only with one; one certificate backs one entry. */
  @Column({ type: 'uuid', nullable: true })
  certificateDocumentId: string | null;

  @ManyToOne(() => CredentialDocumentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'certificate_document_id', foreignKeyConstraintName: 'ceu_entries_certificate_document_id_fkey' })
  certificateDocument?: Relation<CredentialDocumentEntity>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
