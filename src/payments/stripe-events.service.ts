import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { GatewayEventOf, GatewayEventType, PaymentIntentKind, PaymentIntentKinds, PaymentIntentMetadata, ReceivedEvent } from './gateway/payments-gateway.js';
import { toReceivedEvent } from './gateway/webhook-event.js';
import { ignored, StripeEventOutcome, StripeEventResult } from './stripe-event-outcome.js';

export type StripeEventHandler<T extends GatewayEventType> = (event: GatewayEventOf<T>, manager: EntityManager) => Promise<StripeEventResult>;

/** A succeeded PaymentIntent of kind `K`, as its owner's handler reads it. */
export type SucceededIntent<K extends PaymentIntentKind> = Omit<GatewayEventOf<'payment_intent.succeeded'>['data']['object'], 'metadata'> & { metadata: PaymentIntentMetadata<K> };
/**
 * The owner's handler of a succeeded payment. The metadata only routes the event: the owner applies it
 * only when the intent is the one it recorded for the object, for the amount and currency it asked.
 */
export type PaymentSucceededHandler<K extends PaymentIntentKind> = (intent: SucceededIntent<K>, manager: EntityManager) => Promise<StripeEventResult>;

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
 * forward moves, so any delivery order ends well. Each event keeps what applying it did (`outcome`):
 * events of other Stripe accounts and about objects that are not ours are stored and ignored, and a
 * payment that is not what we asked for is stored, logged as an error and not applied.
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
      const [inserted] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO stripe_events (id, type, payload, object_id, account) VALUES ($1, $2, $3::jsonb, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [received.id, received.type, JSON.stringify(received.payload), received.objectId, received.account],
      );
      if (!inserted) return false;
      await this.settle(received, manager);
      return true;
    });
  }

  /**
   * Applies again, in the caller's transaction, the stored events about `objectId` (a PaymentIntent)
   * that found nothing of ours when they came. Called by an owner right after it records an intent's
   * id: Stripe may report an off-session charge's success before we have written down which intent
   * the charge made. The owner's handler checks everything again, so only our intent, for the amount
   * and currency we asked, is applied. Handlers lock the row they read, so an event being applied
   * while the id is written waits for it, or is seen by this.
   */
  async reapplyIgnored(manager: EntityManager, objectId: string): Promise<void> {
    const rows = await queryRows<{ payload: object }>(manager, `SELECT payload FROM stripe_events WHERE object_id = $1 AND outcome = $2 ORDER BY received_at, id FOR UPDATE`, [
      objectId,
      StripeEventOutcome.IGNORED,
    ]);
    for (const { payload } of rows) await this.settle(toReceivedEvent(payload), manager);
  }

  /** Applies a stored event and records (and logs) what it did. */
  private async settle(received: ReceivedEvent, manager: EntityManager): Promise<void> {
    const result = await this.resultOf(received, manager);
    const about = `event ${received.id} (${received.type}${received.objectId ? ` about ${received.objectId}` : ''})`;
    switch (result.outcome) {
      case StripeEventOutcome.MISMATCH:
        this.logger.error(`${about} is not what we asked for, stored and NOT applied: ${result.detail}`);
        break;
      case StripeEventOutcome.IGNORED:
        this.logger.warn(`${about} is about nothing of ours, stored and ignored: ${result.detail}`);
        break;
      case StripeEventOutcome.UNHANDLED:
        if (this.handles(received.type)) this.logger.error(`${about} ${result.detail}: stored, not applied`);
        else this.logger.debug(`stored unhandled ${about}`);
        break;
      default:
        if (result.detail) this.logger.log(`${about}: ${result.detail}`);
    }
    await manager.query(`UPDATE stripe_events SET processed_at = now(), outcome = $2, outcome_detail = $3 WHERE id = $1`, [received.id, result.outcome, result.detail ?? null]);
  }

  private async resultOf(received: ReceivedEvent, manager: EntityManager): Promise<StripeEventResult> {
    const { event } = received;
    if (!event) return { outcome: StripeEventOutcome.UNHANDLED, detail: this.handles(received.type) ? 'lacks fields its handler reads' : 'a type not handled here' };
    // A connected account's events are about its own objects, never our payments or customers; only
    // its own `account.updated` concerns us (the handler then checks that the account is one of ours).
    if (received.account !== null && !(event.type === 'account.updated' && event.data.object.id === received.account)) {
      return ignored(`an event of connected account ${received.account}, not of our platform account`);
    }
    return this.dispatch(event, manager);
  }

  private async dispatch(event: GatewayEventOf<GatewayEventType>, manager: EntityManager): Promise<StripeEventResult> {
    const unhandled = { outcome: StripeEventOutcome.UNHANDLED, detail: 'no handler registered' };
    switch (event.type) {
      case 'payment_intent.succeeded':
        return this.paymentSucceeded(event, manager);
      case 'setup_intent.succeeded':
        return (await this.handlers[event.type]?.(event, manager)) ?? unhandled;
      case 'account.updated':
        return (await this.handlers[event.type]?.(event, manager)) ?? unhandled;
    }
  }

  /** Hands the intent to the owner of its `metadata.kind`; an intent of no kind we know is stored and ignored. */
  private async paymentSucceeded(event: GatewayEventOf<'payment_intent.succeeded'>, manager: EntityManager): Promise<StripeEventResult> {
    const intent = event.data.object;
    const kind = intent.metadata.kind ?? this.legacyKindOf(intent.id, intent.metadata);
    const owner = kind === undefined ? undefined : this.intentOwners.get(kind);
    if (!owner) return ignored(`metadata.kind ${JSON.stringify(intent.metadata.kind ?? null)} belongs to nothing here`);
    // The owner of `kind` reads the metadata of its kind (and checks the ids in it before using them).
    return owner.handler({ ...intent, metadata: intent.metadata as PaymentIntentMetadata }, manager);
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
