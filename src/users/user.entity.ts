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

  /**
   * When the current `email` was proven to reach its owner (a link mailed to it was used); null until
   * then. An email change sets it with the new address, which it only takes once verified.
   */
  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  /** Part of every access token; bumped on log-out so earlier access tokens stop working. */
  @Column({ type: 'integer', default: 0 })
  sessionVersion: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
