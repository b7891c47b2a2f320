import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContractEntity } from './contract.entity.js';
import { InvoiceKind, InvoiceStatus } from './invoice.enums.js';

/**
 * A charge to the practice for logged work (weekly) or reported collections, paid off session into
 * escrow and released to the coder after the dispute window. One per contract, period and kind.
 */
@Entity('invoices')
@Index('invoices_contract_period_key', ['contractId', 'periodStart', 'kind'], { unique: true })
@Index('invoices_payment_intent_id_key', ['paymentIntentId'], { unique: true, where: 'payment_intent_id IS NOT NULL' })
@Index('invoices_release_idx', ['releaseAfter'], { where: `status = 'PAID'` })
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

  @Column({ type: 'integer' })
  amountCents: number;

  @Column({ type: 'enum', enum: InvoiceStatus, enumName: 'invoice_status', default: InvoiceStatus.OPEN })
  status: InvoiceStatus;

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
