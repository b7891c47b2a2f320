import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CredentialIssuer } from '../../domain/credential-rules.js';
import { UserEntity } from '../../users/user.entity.js';

/** A coder was reminded that a CEU cycle is short: once per cycle (issuer + end date) and threshold, across instances. */
@Entity('ceu_reminders')
@Index('ceu_reminders_key', ['coderId', 'issuer', 'cycleEndsOn', 'thresholdDays'], { unique: true })
export class CeuReminderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'ceu_reminders_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  coderId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coder_id', foreignKeyConstraintName: 'ceu_reminders_coder_id_fkey' })
  coder?: Relation<UserEntity>;

  @Column({ type: 'enum', enum: CredentialIssuer, enumName: 'credential_issuer' })
  issuer: CredentialIssuer;

  @Column({ type: 'date' })
  cycleEndsOn: string;

  /** 90 or 30 (days before the cycle ends). */
  @Column({ type: 'smallint' })
  thresholdDays: number;

  /** CEUs (tenths) still missing when the reminder went out. */
  @Column({ type: 'integer' })
  remainingTenths: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
