import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/**
 * A user's TOTP factor: pending until confirmed with a code (`enabledAt` null, replaced by each new
 * enrollment), then active until disabled (the row is deleted). `users.mfa_enabled` mirrors
 * `enabledAt IS NOT NULL`, written in the same transaction.
 */
@Entity('mfa_factors')
@Check('mfa_factors_failed_attempts_check', 'failed_attempts >= 0')
export class MfaFactorEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'mfa_factors_pkey' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'mfa_factors_user_id_fkey' })
  user?: Relation<UserEntity>;

  /** The base32 shared secret, AES-256-GCM sealed under a key derived from DOCUMENT_ENCRYPTION_KEY, the user id as associated data (`totp.ts`). */
  @Column({ type: 'bytea' })
  sealedSecret: Buffer;

  @Column({ type: 'timestamptz', nullable: true })
  enabledAt: Date | null;

  /** The last TOTP time step accepted: that step and older ones are refused (replay). */
  @Column({ type: 'integer', nullable: true })
  lastUsedStep: number | null;

  /** Wrong codes since the last right one; from MFA_FREE_ATTEMPTS on, each wrong code blocks the factor for longer. */
  @Column({ type: 'integer', default: 0 })
  failedAttempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
