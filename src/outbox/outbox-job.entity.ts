import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum OutboxStatus {
  PENDING = 'PENDING',
  /** Cannot run yet (e.g. the coder has no payout account): woken by the event that unblocks it. */
  WAITING = 'WAITING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/**
 * A side effect (a Stripe call, a mail) recorded in the same transaction as the state change that needs
 * it, then carried out by the outbox worker with `idempotencyKey`, so a crash in between is
 * retried on restart and the processor sees one request.
 */
@Entity('outbox_jobs')
@Index('outbox_jobs_idempotency_key_key', ['idempotencyKey'], { unique: true })
@Index('outbox_jobs_runnable_idx', ['runAfter'], { where: `status = 'PENDING'` })
export class OutboxJobEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'outbox_jobs_pkey' })
  id: string;

  /** One of `OutboxJobKind` (see outbox.service.ts: each module declares its kinds and their payloads). */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  idempotencyKey: string;

  /** `OutboxJobPayloads[kind]`, checked by `OutboxService.enqueue`. */
  @Column({ type: 'jsonb' })
  payload: object;

  @Column({ type: 'enum', enum: OutboxStatus, enumName: 'outbox_status', default: OutboxStatus.PENDING })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, string> | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  runAfter: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;
}
