import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserRole } from '../domain/user-role.enum.js';

@Entity('users')
// The app writes every email through normalizeEmail (src/domain/email-address.ts); the database keeps
// what it can check itself. Rows without a skeleton are accounts the normalization could not migrate
// (migration 1795860000000-EmailNormalization).
@Check('users_email_normalized_check', `email = btrim(email) AND email !~ '[A-Z]' AND (email_skeleton IS NULL OR (email IS NFKC NORMALIZED AND email ~ '@[a-z0-9.-]+$'))`)
@Index('users_email_key', ['email'], { unique: true })
@Index('users_email_skeleton_key', ['emailSkeleton'], { unique: true })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'users_pkey' })
  id: string;

  /** In its normal form (`normalizeEmail`): NFKC, trimmed, lower-cased, the domain in punycode. */
  @Column({ type: 'text' })
  email: string;

  /**
   * TR39 skeleton of `email` (`emailSkeleton`), unique: an address that looks like an existing one
   * (all-Cyrillic `аpple` for `apple`) is refused as taken. Never shown. Null only for accounts the
   * migration to normal forms left as they were (a collision or an address the rules now refuse).
   */
  @Column({ type: 'text', nullable: true })
  emailSkeleton: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: UserRole, enumName: 'user_role' })
  role: UserRole;

  /** argon2id PHC string. */
  @Column({ type: 'text' })
  passwordHash: string;

  /**
   * When the current `email` was proven to reach its owner (a link mailed to it was used); null until
   * then. An email change sets it with the new address, which it only takes once verified.
   */
  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  /** Part of every access token; bumped on log-out so earlier access tokens stop working. */
  @Column({ type: 'integer', default: 0 })
  sessionVersion: number;

  /** A confirmed TOTP factor exists (auth's `mfa_factors`); set in the same transaction as the factor. */
  @Column({ type: 'boolean', default: false })
  mfaEnabled: boolean;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
