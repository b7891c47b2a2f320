import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { StripeEventOutcome } from './stripe-event-outcome.js';

/** Every Stripe event received, stored by its id before it is applied, so a redelivery changes nothing. */
@Entity('stripe_events')
@Index('stripe_events_object_id_idx', ['objectId'])
export class StripeEventEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'stripe_events_pkey' })
  id: string;

  @Column({ type: 'text' })
  type: string;

  /** The event as received. */
  @Column({ type: 'jsonb' })
  payload: object;

  /** `data.object.id`: the PaymentIntent, SetupIntent or account the event is about. */
  @Column({ type: 'text', nullable: true })
  objectId: string | null;

  /** The connected account the event came from (Connect webhooks); null for our own platform account's events. */
  @Column({ type: 'text', nullable: true })
  account: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  receivedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  /** What applying it did; null for events stored before outcomes were recorded. */
  @Column({ type: 'enum', enum: StripeEventOutcome, enumName: 'stripe_event_outcome', nullable: true })
  outcome: StripeEventOutcome | null;

  /** Why, for anything but APPLIED (the handler's words: which object, which field did not match). */
  @Column({ type: 'text', nullable: true })
  outcomeDetail: string | null;
}
