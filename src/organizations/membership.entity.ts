import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { OrganizationEntity } from './organization.entity.js';
import { MembershipRole, MembershipStatus } from './organization.enums.js';

/**
 * A person's place in an organization. Invitations are memberships in status INVITED, addressed
 * by email; accepting binds the membership to the invitee's user. Rows are never deleted: an
 * invitation ends REVOKED or DECLINED, a membership REMOVED or LEFT (history for audit; the email
 * may then be invited again).
 */
@Entity('memberships')
@Check('memberships_active_has_user_check', `status <> 'ACTIVE' OR user_id IS NOT NULL`)
@Check('memberships_ended_check', `(status IN ('REVOKED', 'REMOVED', 'LEFT')) = (ended_at IS NOT NULL)`)
@Index('memberships_live_email_key', ['organizationId', 'email'], { unique: true, where: `status IN ('INVITED', 'ACTIVE')` })
// One ACTIVE membership per account and organization: the standing toward it is one role, and removing
// the member ends it (migration 1795914000000-OneActiveMembershipPerUser).
@Index('memberships_active_user_key', ['organizationId', 'userId'], { unique: true, where: `status = 'ACTIVE'` })
@Index('memberships_user_id_idx', ['userId'])
@Index('memberships_email_idx', ['email'])
@Index('memberships_organization_id_status_idx', ['organizationId', 'status'])
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'memberships_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'memberships_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  /** Null while INVITED (the invitee may not have an account yet). */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'memberships_user_id_fkey' })
  user?: Relation<UserEntity>;

  /** The invitee's normalized email. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'enum', enum: MembershipRole, enumName: 'membership_role' })
  role: MembershipRole;

  @Column({ type: 'enum', enum: MembershipStatus, enumName: 'membership_status' })
  status: MembershipStatus;

  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_id', foreignKeyConstraintName: 'memberships_invited_by_id_fkey' })
  invitedBy?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  /** When the invitation was revoked or the membership was removed or left; null while INVITED, ACTIVE or DECLINED. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endedAt: Date | null;

  /** Who revoked or removed (the member themself for LEFT). */
  @Column({ type: 'uuid', nullable: true })
  endedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ended_by_id', foreignKeyConstraintName: 'memberships_ended_by_id_fkey' })
  endedBy?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
