import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { InvoiceEntity } from './invoice.entity.js';

/**
 * What a work invoice bills, frozen when it is issued: a day of logged minutes (HOURLY) or an
 * accepted coded batch and its encounters (PER_CHART). A batch is billed on one line only, ever
 * (`invoice_lines_coded_batch_key`). Per-chart invoices issued before batches were invoiced keep
 * their typed-in days (`workedOn` with `charts`).
 */
@Entity('invoice_lines')
@Index('invoice_lines_invoice_id_idx', ['invoiceId'])
@Index('invoice_lines_coded_batch_key', ['codedBatchId'], { unique: true, where: 'coded_batch_id IS NOT NULL' })
@Check(
  'invoice_lines_kind_check',
  '(worked_on IS NOT NULL AND coded_batch_id IS NULL AND (minutes IS NULL) <> (charts IS NULL)) OR (coded_batch_id IS NOT NULL AND charts IS NOT NULL AND worked_on IS NULL AND minutes IS NULL)',
)
@Check('invoice_lines_quantity_check', 'coalesce(minutes, 1) > 0 AND coalesce(charts, 1) > 0')
export class InvoiceLineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'invoice_lines_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  invoiceId: string;

  @ManyToOne(() => InvoiceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'invoice_lines_invoice_id_fkey' })
  invoice?: Relation<InvoiceEntity>;

  @Column({ type: 'date', nullable: true })
  workedOn: string | null;

  @Column({ type: 'integer', nullable: true })
  minutes: number | null;

  /** The accepted coded batch billed (a workroom row: no foreign key across modules). */
  @Column({ type: 'uuid', nullable: true })
  codedBatchId: string | null;

  /** The batch's encounters (or, on invoices from before batch invoicing, the charts typed in for the day). */
  @Column({ type: 'integer', nullable: true })
  charts: number | null;
}
