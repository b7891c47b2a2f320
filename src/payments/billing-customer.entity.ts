import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity.js';

/** A practice's Stripe Customer and the payment method saved for off-session invoice charges. */
@Entity('billing_customers')
@Index('billing_customers_stripe_customer_id_key', ['stripeCustomerId'], { unique: true })
export class BillingCustomerEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'billing_customers_pkey' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'billing_customers_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'text' })
  stripeCustomerId: string;

  @Column({ type: 'text', nullable: true })
  defaultPaymentMethodId: string | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
