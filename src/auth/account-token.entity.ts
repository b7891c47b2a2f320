import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** What a one-time account token is for; a token of one purpose is refused for any other. */
export enum AccountTokenPurpose {
  /** Proves the account's address (sign-up, requestEmailVerification). */
  VERIFY_EMAIL = 'VERIFY_EMAIL',
  /** Proves a new address before it replaces the account's (requestEmailChange). */
  CHANGE_EMAIL = 'CHANGE_EMAIL',
  /** Lets whoever reads the account's mailbox choose a new password (requestPasswordReset). */
  RESET_PASSWORD = 'RESET_PASSWORD',
}

/**
 * A one-time token mailed to an address: 32 random bytes, stored only as their SHA-256. Used at most
 * once (`used_at`, set by one conditional UPDATE) and only before `expires_at`. `email` is the address
 * the link was sent to: the one it verifies, or the new one it moves the account to.
 */
@Entity('account_tokens')
@Index('account_tokens_token_hash_key', ['tokenHash'], { unique: true })
@Index('account_tokens_user_id_purpose_idx', ['userId', 'purpose'], { where: 'used_at IS NULL' })
export class AccountTokenEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'account_tokens_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'account_tokens_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ type: 'enum', enum: AccountTokenPurpose, enumName: 'account_token_purpose' })
  purpose: AccountTokenPurpose;

  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
