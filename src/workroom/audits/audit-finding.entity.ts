import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContractEntity } from '../../contracts/contract.entity.js';
import { bigintCents } from '../../database/bigint-cents.transformer.js';
import { AuditErrorCategory } from '../../domain/accuracy.js';
import { UserEntity } from '../../users/user.entity.js';
import { CodedBatchEntity } from '../coded-batch.entity.js';
import { sealedJson } from '../sealed-column.js';

/**
 * One error an audit found in a coded batch: chart-level (no `code`) or code-level, optionally tied to
 * an encounter of the batch. The coder may rebut it once; the practice answers once, and an
 * overturned finding (`upheld` false) stops counting against the coder's accuracy.
 */
@Entity('audit_findings')
@Index('audit_findings_batch_key', ['batchId', 'position'], { unique: true })
@Check('audit_findings_impact_check', 'financial_impact_cents >= 0')
@Check('audit_findings_encounter_index_check', 'encounter_index >= 0')
export class AuditFindingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'audit_findings_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  batchId: string;

  @ManyToOne(() => CodedBatchEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id', foreignKeyConstraintName: 'audit_findings_batch_id_fkey' })
  batch?: Relation<CodedBatchEntity>;

  /** The batch's contract, copied: who may read, rebut and answer the finding. */
  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'audit_findings_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  /** The finding's place in the audit's input: findings are listed in the order the auditor gave them. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'enum', enum: AuditErrorCategory, enumName: 'audit_error_category' })
  category: AuditErrorCategory;

  /**
   * The encounter of the batch (its index), when the finding names one. Its chartRef is read from the
   * batch's encounters, never copied here: chart references are stored sealed with the batch only.
   */
  @Column({ type: 'integer', nullable: true })
  encounterIndex: number | null;

  /** The code at fault (a code-level finding); null for a chart-level one. */
  @Column({ type: 'text', nullable: true })
  code: string | null;

  @Column({ type: 'bigint', transformer: bigintCents, nullable: true })
  financialImpactCents: number | null;

  /** Free text about a chart, so PHI: sealed at rest (`sealedJson`), plain to the code; emptied when the contract's PHI is destroyed. */
  @Column({ type: 'jsonb', nullable: true, transformer: sealedJson('audit_findings.note') })
  note: string | null;

  /** Free text about a chart, so PHI: sealed at rest (`sealedJson`), plain to the code; emptied when the contract's PHI is destroyed. */
  @Column({ type: 'jsonb', nullable: true, transformer: sealedJson('audit_findings.rebuttal') })
  rebuttal: string | null;

  @Column({ type: 'uuid', nullable: true })
  rebuttedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rebutted_by_id', foreignKeyConstraintName: 'audit_findings_rebutted_by_id_fkey' })
  rebuttedBy?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  rebuttedAt: Date | null;

  /** Free text about a chart, so PHI: sealed at rest (`sealedJson`), plain to the code; emptied when the contract's PHI is destroyed. */
  @Column({ type: 'jsonb', nullable: true, transformer: sealedJson('audit_findings.answer') })
  answer: string | null;

  /** The practice's verdict on the rebuttal: true keeps the finding, false overturns it. */
  @Column({ type: 'boolean', nullable: true })
  upheld: boolean | null;

  @Column({ type: 'uuid', nullable: true })
  answeredById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'answered_by_id', foreignKeyConstraintName: 'audit_findings_answered_by_id_fkey' })
  answeredBy?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
