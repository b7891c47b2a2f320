import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** A coder's Stripe Express account, created once; its flags follow `account.updated`. */
@Entity('payout_accounts')
@Index('payout_accounts_stripe_account_id_key', ['stripeAccountId'], { unique: true })
export class PayoutAccountEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'payout_accounts_pkey' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'payout_accounts_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text' })
  stripeAccountId: string;

  @Column({ type: 'boolean', default: false })
  payoutsEnabled: boolean;

  @Column({ type: 'boolean', default: false })
  detailsSubmitted: boolean;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
