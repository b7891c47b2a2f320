import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContractEntity } from '../../contracts/contract.entity.js';
import { UserEntity } from '../../users/user.entity.js';

export enum WorkRequestPriority {
  NORMAL = 'NORMAL',
  STAT = 'STAT',
}

export enum WorkRequestStatus {
  OPEN = 'OPEN',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/**
 * Work the practice asks of its coder on a contract: a number of charts by a due time. Coded batches
 * link to it (`coded_batches.work_request_id`); it completes when its accepted charts reach `chartCount`.
 * Charts done are always counted from the batches, never stored.
 */
@Entity('work_requests')
@Index('work_requests_contract_due_idx', ['contractId', 'dueAt'])
@Index('work_requests_open_due_idx', ['dueAt'], { where: `status = 'OPEN'` })
@Check('work_requests_chart_count_check', `chart_count BETWEEN 1 AND 5000`)
export class WorkRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'work_requests_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'work_requests_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  /** The practice OWNER or ADMIN who asked for the work. */
  @Column({ type: 'uuid' })
  requestedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by_id', foreignKeyConstraintName: 'work_requests_requested_by_id_fkey' })
  requestedBy?: Relation<UserEntity>;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'integer' })
  chartCount: number;

  @Column({ type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Column({ type: 'enum', enum: WorkRequestPriority, enumName: 'work_request_priority' })
  priority: WorkRequestPriority;

  @Column({ type: 'enum', enum: WorkRequestStatus, enumName: 'work_request_status', default: WorkRequestStatus.OPEN })
  status: WorkRequestStatus;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;

  /**
   * When the coder handed in the batch that brought the accepted charts to `chartCount` (its submission
   * time, not the practice's acceptance): on time and turnaround are the coder's, however long the review took.
   */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt: Date | null;

  /** When the coder was reminded that the due time is near (once per request). */
  @Column({ type: 'timestamptz', nullable: true })
  dueSoonRemindedAt: Date | null;

  /** When the coder was told the request is overdue (once per request). */
  @Column({ type: 'timestamptz', nullable: true })
  overdueRemindedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
