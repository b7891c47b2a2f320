import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A payee's Stripe Express account, created once: a coder's own (`userId`), or a coding company's
 * (`organizationId`, a `company` account onboarded by its OWNER or ADMIN). Its flags follow `account.updated`.
 */
@Entity('payout_accounts')
@Index('payout_accounts_stripe_account_id_key', ['stripeAccountId'], { unique: true })
@Index('payout_accounts_user_id_key', ['userId'], { unique: true })
@Index('payout_accounts_organization_id_key', ['organizationId'], { unique: true })
@Check('payout_accounts_one_holder_check', '(user_id IS NULL) <> (organization_id IS NULL)')
export class PayoutAccountEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'payout_accounts_pkey' })
  id: string;

  /** The coder paid personally; null for a company's account. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'payout_accounts_user_id_fkey' })
  user?: Relation<UserEntity>;

  /** The coding company paid as a company; null for a coder's own account. */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'payout_accounts_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'text' })
  stripeAccountId: string;

  @Column({ type: 'boolean', default: false })
  payoutsEnabled: boolean;

  @Column({ type: 'boolean', default: false })
  detailsSubmitted: boolean;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
