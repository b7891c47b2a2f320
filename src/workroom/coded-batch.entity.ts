import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContractEntity } from '../contracts/contract.entity.js';
import { InvoiceEntity } from '../contracts/invoice.entity.js';
import { CredentialType } from '../domain/credential-type.enum.js';
import { NdcUnit } from '../domain/ndc.js';
import { Specialty } from '../domain/specialty.enum.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import type { CodingWarning } from './codes/coding-warning.js';
import { WorkRequestEntity } from './work-requests/work-request.entity.js';
import { sealedJson } from './sealed-column.js';

export interface CodedLine {
  code: string;
  modifiers: string[];
  units: number;
  /** 1-based pointers into the encounter's icd10cm (claim data; absent on batches from before claim data). */
  diagnosisPointers?: number[];
  /** The drug of a drug line, when given: National Drug Code (11 digits, 5-4-2, no hyphens) and the quantity given (837P LIN/CTP). */
  ndc?: CodedLineNdc | null;
}

export interface CodedLineNdc {
  code: string;
  quantity: number;
  unit: NdcUnit;
}

export interface CodedEncounter {
  chartRef: string;
  /** Date of service, YYYY-MM-DD (claim data; absent on batches from before claim data). */
  serviceDate?: string;
  /** CMS two-digit place of service code. */
  placeOfService?: string | null;
  renderingNpi?: string | null;
  billingNpi?: string | null;
  icd10cm: string[];
  icd10pcs: string[];
  cpt: CodedLine[];
  hcpcs: CodedLine[];
}

export enum CodedBatchStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
}

/** Coded work returned by the coder: validated, normalized encounters; reviewed and audited by the practice. */
@Entity('coded_batches')
@Index('coded_batches_contract_created_idx', ['contractId', 'createdAt'])
@Index('coded_batches_uninvoiced_idx', ['contractId', 'reviewedAt'], { where: `status = 'ACCEPTED' AND invoiced_at IS NULL` })
@Index('coded_batches_coding_company_idx', ['codingCompanyId'], { where: 'coding_company_id IS NOT NULL' })
@Index('coded_batches_idempotency_key_key', ['contractId', 'submittedById', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
@Index('coded_batches_open_content_key', ['contractId', 'contentHash'], { unique: true, where: `content_hash IS NOT NULL AND status IN ('SUBMITTED', 'ACCEPTED')` })
@Index('coded_batches_work_request_idx', ['workRequestId'], { where: 'work_request_id IS NOT NULL' })
export class CodedBatchEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'coded_batches_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'coded_batches_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  /** The posting's specialty, copied at submission: accuracy is reported per specialty. */
  @Column({ type: 'enum', enum: Specialty, enumName: 'specialty' })
  specialty: Specialty;

  /** Who did the work: the coder (or company manager) who submitted it. Audits count for them. */
  @Column({ type: 'uuid' })
  submittedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by_id', foreignKeyConstraintName: 'coded_batches_submitted_by_id_fkey' })
  submittedBy?: Relation<UserEntity>;

  /** The coding company the contract was made through, copied at submission: audits also count for its aggregate accuracy. */
  @Column({ type: 'uuid', nullable: true })
  codingCompanyId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'coding_company_id', foreignKeyConstraintName: 'coded_batches_coding_company_id_fkey' })
  codingCompany?: Relation<OrganizationEntity>;

  /** PHI (chart references): sealed at rest (`sealedJson`), plain to the code. Emptied when the contract's PHI is destroyed. */
  @Column({ type: 'jsonb', transformer: sealedJson('coded_batches.encounters') })
  encounters: CodedEncounter[];

  @Column({ type: 'integer' })
  encounterCount: number;

  /**
   * NCCI PTP and MUE warnings found at submission (CodeTablesService.checkEncounters): they do not refuse the batch.
   * They name chart references, so PHI: sealed at rest like the encounters and emptied with them.
   */
  @Column({ type: 'jsonb', default: () => "'[]'", transformer: sealedJson('coded_batches.warnings') })
  warnings: CodingWarning[];

  @Column({ type: 'enum', enum: CodedBatchStatus, enumName: 'coded_batch_status', default: CodedBatchStatus.SUBMITTED })
  status: CodedBatchStatus;

  /** The practice's comments per encounter when it returns or accepts the batch: PHI, sealed at rest like `encounters`. */
  @Column({ type: 'jsonb', default: () => "'[]'", transformer: sealedJson('coded_batches.review_comments') })
  reviewComments: { chartRef: string; comment: string }[];

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  auditSampled: number | null;

  @Column({ type: 'integer', nullable: true })
  auditErrors: number | null;

  @Column({ type: 'text', nullable: true })
  auditNotes: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  auditedAt: Date | null;

  /** Codes the audit sampled, when the auditor counted them. */
  @Column({ type: 'integer', nullable: true })
  auditCodesSampled: number | null;

  /** The practice user who recorded the audit. */
  @Column({ type: 'uuid', nullable: true })
  auditedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'audited_by_id', foreignKeyConstraintName: 'coded_batches_audited_by_id_fkey' })
  auditedBy?: Relation<UserEntity>;

  /** The credential the auditor audited under (CPMA, CPC, CCS...), as stated. */
  @Column({ type: 'enum', enum: CredentialType, enumName: 'credential_type', nullable: true })
  auditorCredential: CredentialType | null;

  /** Whether `auditorCredential` was checked against the auditor's own verified, unexpired credentials (coder accounts); false when only stated. */
  @Column({ type: 'boolean', nullable: true })
  auditorCredentialVerified: boolean | null;

  /**
   * When an ACCEPTED batch was billed: on a per-chart invoice (`invoiceId`), or, for batches
   * accepted before batches were invoiced, settled by the typed-in chart counts of that time (no invoice).
   */
  @Column({ type: 'timestamptz', nullable: true })
  invoicedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  invoiceId: string | null;

  @ManyToOne(() => InvoiceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'coded_batches_invoice_id_fkey' })
  invoice?: Relation<InvoiceEntity>;

  /** The client's key for this submission (unique per contract and submitter): a retry with it answers this batch. */
  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  /**
   * HMAC-SHA-256 (hex) of the normalized encounters under a server key (`batchContentHash`): an identical
   * submission while this batch is SUBMITTED or ACCEPTED answers this batch. Null on batches from before it.
   */
  @Column({ type: 'text', nullable: true })
  contentHash: string | null;

  /**
   * One keyed HMAC per encounter of its chart and date of service (`chartKey`): a chart already in a
   * SUBMITTED or ACCEPTED batch of the contract is not taken (billed) again. Emptied with the PHI.
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  chartKeys: string[];
  /** The work request this batch answers, if any (same contract; its accepted charts complete the request). */
  @Column({ type: 'uuid', nullable: true })
  workRequestId: string | null;

  @ManyToOne(() => WorkRequestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'work_request_id', foreignKeyConstraintName: 'coded_batches_work_request_id_fkey' })
  workRequest?: Relation<WorkRequestEntity>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
