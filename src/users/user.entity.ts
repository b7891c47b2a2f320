import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserRole } from '../domain/user-role.enum.js';

@Entity('users')
@Check('users_email_normalized_check', 'email = lower(btrim(email))')
@Index('users_email_key', ['email'], { unique: true })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'users_pkey' })
  id: string;

  /** Trimmed and lower-cased before it is stored. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: UserRole, enumName: 'user_role' })
  role: UserRole;

  /** argon2id PHC string. */
  @Column({ type: 'text' })
  passwordHash: string;

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
