import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContractEntity } from './contract.entity.js';

/** Work on an hourly or per-chart contract, one row per contract and day; editable until invoiced. */
@Entity('work_logs')
@Index('work_logs_contract_day_key', ['contractId', 'workedOn'], { unique: true })
@Index('work_logs_invoice_id_idx', ['invoiceId'])
@Check('work_logs_amount_check', '(minutes IS NULL) <> (charts IS NULL) AND coalesce(minutes, 1) BETWEEN 1 AND 1440 AND coalesce(charts, 1) BETWEEN 1 AND 2000')
export class WorkLogEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'work_logs_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'work_logs_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  @Column({ type: 'date' })
  workedOn: string;

  @Column({ type: 'integer', nullable: true })
  minutes: number | null;

  @Column({ type: 'integer', nullable: true })
  charts: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  invoiceId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
