import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AuditOutcome } from './audit-outcome.enum.js';

/**
 * One access to PHI (or an attempt), appended to a hash chain: `hash` covers this event and the
 * previous event's hash, so any edit or deletion breaks the chain. A trigger refuses UPDATE and DELETE.
 */
@Entity('audit_events')
@Index('audit_events_contract_seq_idx', ['contractId', 'seq'])
@Index('audit_events_seq_key', ['seq'], { unique: true })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'audit_events_pkey' })
  id: string;

  /** Position in the chain, 1, 2, 3... */
  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole: string | null;

  @Column({ type: 'uuid', nullable: true })
  contractId: string | null;

  /** document | batch | contract */
  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'text', nullable: true })
  subjectId: string | null;

  /** UPLOAD | DOWNLOAD | LIST | SIGN_BAA ... */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  outcome: AuditOutcome;

  /** Why a denial or failure happened (never PHI). */
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
