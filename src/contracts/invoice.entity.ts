import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContractEntity } from './contract.entity.js';
import { DisputeEntity } from './dispute.entity.js';
import { InvoiceKind, InvoiceStatus } from './invoice.enums.js';
import { bigintCents } from '../database/bigint-cents.transformer.js';

/**
 * A charge to the practice for a week's work (logged hours, or accepted coded batches) or for
 * reported collections. Issued IN_REVIEW with its lines, so the practice sees what it will pay and
 * may dispute it until `dueAt`; then charged off session (retried on a schedule when declined),
 * paid into escrow and released to the coder. One per contract, period and kind.
 */
@Entity('invoices')
@Index('invoices_contract_period_key', ['contractId', 'periodStart', 'kind'], { unique: true })
@Index('invoices_payment_intent_id_key', ['paymentIntentId'], { unique: true, where: 'payment_intent_id IS NOT NULL' })
@Index('invoices_release_idx', ['releaseAfter'], { where: `status = 'PAID'` })
@Index('invoices_charge_due_idx', ['dueAt'], { where: `status = 'IN_REVIEW'` })
@Index('invoices_retry_idx', ['nextChargeAt'], { where: `status = 'FAILED'` })
@Check('invoices_amount_check', 'amount_cents > 0 AND period_end >= period_start')
export class InvoiceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'invoices_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'invoices_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  @Column({ type: 'enum', enum: InvoiceKind, enumName: 'invoice_kind' })
  kind: InvoiceKind;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  /** Minutes or charts invoiced (work), or cents collected (collections). */
  @Column({ type: 'integer' })
  quantity: number;

  @Column({ type: 'bigint', transformer: bigintCents })
  amountCents: number;

  @Column({ type: 'enum', enum: InvoiceStatus, enumName: 'invoice_status', default: InvoiceStatus.IN_REVIEW })
  status: InvoiceStatus;

  /** The end of the review (dispute) window: charged after it unless the contract is in dispute. */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** Charges tried (each with its own idempotency key); the first is `charge:invoice:<id>`. */
  @Column({ type: 'integer', default: 0 })
  chargeAttempts: number;

  /** FAILED: when the next try is due; null once the retry schedule is spent. */
  @Column({ type: 'timestamptz', nullable: true })
  nextChargeAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstDeclinedAt: Date | null;

  /** The processor's message for the last decline ("Your card was declined."). */
  @Column({ type: 'text', nullable: true })
  lastDeclineMessage: string | null;

  /** The dispute that settled this invoice before it was charged (charged in full, in part, or VOID). */
  @Column({ type: 'uuid', nullable: true })
  disputeId: string | null;

  @ManyToOne(() => DisputeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dispute_id', foreignKeyConstraintName: 'invoices_dispute_id_fkey' })
  dispute?: Relation<DisputeEntity>;

  @Column({ type: 'text', nullable: true })
  paymentIntentId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  releaseAfter: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
