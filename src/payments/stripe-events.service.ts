import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { GatewayEventOf, GatewayEventType, PaymentIntentKind, PaymentIntentKinds, PaymentIntentMetadata, ReceivedEvent } from './gateway/payments-gateway.js';

export type StripeEventHandler<T extends GatewayEventType> = (event: GatewayEventOf<T>, manager: EntityManager) => Promise<void>;

/** A succeeded PaymentIntent of kind `K`, as its owner's handler reads it. */
export type SucceededIntent<K extends PaymentIntentKind> = Omit<GatewayEventOf<'payment_intent.succeeded'>['data']['object'], 'metadata'> & { metadata: PaymentIntentMetadata<K> };
export type PaymentSucceededHandler<K extends PaymentIntentKind> = (intent: SucceededIntent<K>, manager: EntityManager) => Promise<void>;

interface IntentOwner {
  handler: PaymentSucceededHandler<PaymentIntentKind>;
  /** The metadata key that told this kind's intents apart before intents carried `kind`. */
  legacyKey?: string;
}

/**
 * Applies Stripe events exactly once: the event is stored by id and handled in one transaction,
 * so a redelivery (even a concurrent one, which waits on the id's unique key) finds it processed.
 * One handler per event type; `payment_intent.succeeded` goes to the owner of the intent's kind
 * (`metadata.kind`, set when the intent was made). Handlers re-read what they change and make only
 * forward moves, so any delivery order ends well.
 */
@Injectable()
export class StripeEventsService {
  private readonly logger = new Logger(StripeEventsService.name);
  private readonly handlers: { [T in Exclude<GatewayEventType, 'payment_intent.succeeded'>]?: StripeEventHandler<T> } = {};
  private readonly intentOwners = new Map<string, IntentOwner>();

  constructor(private readonly transactions: TransactionRunner) {}

  /** Registers the handler of an event type (one per type). */
  on<T extends Exclude<GatewayEventType, 'payment_intent.succeeded'>>(type: T, handler: StripeEventHandler<T>): void {
    if (this.handlers[type]) throw new Error(`${type} already has a handler`);
    // The mapped type pairs each type with its handler; TypeScript cannot follow the generic index.
    (this.handlers as Record<T, StripeEventHandler<T>>)[type] = handler;
  }

  /**
   * Registers the owner of PaymentIntents of `kind`: its handler gets their `payment_intent.succeeded`.
   * `legacyKey` names the metadata key its intents carried before `kind` was set (e.g. `milestoneId`):
   * such an intent is routed by it, with a warning.
   */
  onPaymentSucceeded<K extends PaymentIntentKind>(kind: K, handler: PaymentSucceededHandler<K>, options: { legacyKey?: keyof PaymentIntentKinds[K] & string } = {}): void {
    if (this.intentOwners.has(kind)) throw new Error(`payment intents of kind ${kind} already have an owner`);
    // Routed by `kind`, so the handler only ever sees intents of its kind.
    this.intentOwners.set(kind, { handler: handler as PaymentSucceededHandler<PaymentIntentKind>, legacyKey: options.legacyKey });
  }

  /** Returns false for an event seen before. */
  async apply(received: ReceivedEvent): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const [inserted] = await queryRows<{ id: string }>(manager, `INSERT INTO stripe_events (id, type, payload) VALUES ($1, $2, $3::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`, [
        received.id,
        received.type,
        JSON.stringify(received.payload),
      ]);
      if (!inserted) return false;
      const { event } = received;
      if (event) {
        await this.dispatch(event, manager);
      } else if (this.handles(received.type)) {
        this.logger.error(`event ${received.id} (${received.type}) lacks fields its handler reads: stored, not applied`);
      } else {
        this.logger.debug(`stored unhandled event ${received.type}`);
      }
      await manager.query(`UPDATE stripe_events SET processed_at = now() WHERE id = $1`, [received.id]);
      return true;
    });
  }

  private async dispatch(event: GatewayEventOf<GatewayEventType>, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'payment_intent.succeeded':
        return this.paymentSucceeded(event, manager);
      case 'setup_intent.succeeded':
        return this.handlers[event.type]?.(event, manager);
      case 'account.updated':
        return this.handlers[event.type]?.(event, manager);
    }
  }

  /** Hands the intent to the owner of its `metadata.kind`; an intent of no kind we know is stored and left alone. */
  private async paymentSucceeded(event: GatewayEventOf<'payment_intent.succeeded'>, manager: EntityManager): Promise<void> {
    const intent = event.data.object;
    const kind = intent.metadata.kind ?? this.legacyKindOf(intent.id, intent.metadata);
    const owner = kind === undefined ? undefined : this.intentOwners.get(kind);
    if (!owner) {
      this.logger.warn(`payment ${intent.id} (metadata.kind ${JSON.stringify(intent.metadata.kind ?? null)}) belongs to nothing here: stored, not applied`);
      return;
    }
    // The owner of `kind` reads the metadata of its kind (and checks the ids in it before using them).
    await owner.handler({ ...intent, metadata: intent.metadata as PaymentIntentMetadata }, manager);
  }

  /**
   * The kind of an intent made before intents carried `kind` (the only ones without it), told by
   * the metadata key its owner used; logged, so the fallback can go once no such intent is open.
   */
  private legacyKindOf(intentId: string, metadata: Record<string, string>): string | undefined {
    const owners = [...this.intentOwners].filter(([, owner]) => owner.legacyKey !== undefined && Object.hasOwn(metadata, owner.legacyKey));
    if (owners.length !== 1) return undefined;
    const [[kind, owner]] = owners;
    this.logger.warn(`payment ${intentId} has no metadata.kind (made before kinds were set): routed to ${kind} by its metadata.${owner.legacyKey}`);
    return kind;
  }

  private handles(type: string): boolean {
    return type === 'payment_intent.succeeded' || Object.hasOwn(this.handlers, type);
  }
}
