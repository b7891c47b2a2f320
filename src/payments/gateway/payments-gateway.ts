import type Stripe from 'stripe';

/**
 * The port between ChartBridge and its payment processor. `StripeGateway` talks to Stripe through
 * the official SDK; `SimulatedGateway` settles locally when no STRIPE_SECRET_KEY is configured.
 * Every call takes an idempotency key derived from our own row, so a retry never pays twice.
 */
export interface CreatedPaymentIntent {
  id: string;
  clientSecret: string;
  status: string;
}

/** The one currency ChartBridge charges and pays in (Stripe's lowercase ISO code). */
export const CURRENCY = 'usd';

export interface ConnectedAccount {
  id: string;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
}

/**
 * What each kind of PaymentIntent we create carries in its metadata, besides `kind` itself: the
 * module that owns a kind declares it here by module augmentation, next to its code, e.g.
 * `declare module '../payments/gateway/payments-gateway.js' { interface PaymentIntentKinds { milestone: { milestoneId: string } } }`.
 * `payment_intent.succeeded` goes to the handler registered for the intent's `kind`
 * (`StripeEventsService.onPaymentSucceeded`), so payments routes intents without naming their owners.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the owning modules (declaration merging)
export interface PaymentIntentKinds {}
export type PaymentIntentKind = keyof PaymentIntentKinds;
/** The metadata of an intent of kind `K` (Stripe metadata: string values only). */
export type PaymentIntentMetadata<K extends PaymentIntentKind = PaymentIntentKind> = { [P in K]: { kind: P } & PaymentIntentKinds[P] }[K];

/** A Stripe event of type `E`, reduced to its envelope and the fields of `data.object` our handler reads (typed as in the SDK). */
type Reduced<E extends Stripe.Event, K extends keyof E['data']['object']> = { id: string; type: E['type']; data: { object: Pick<E['data']['object'], K> } };

/**
 * The Stripe events ChartBridge acts on, as a discriminated union on `type`: the Stripe adapter
 * turns a verified `Stripe.Event` into one of these (or leaves it unhandled), and the simulated
 * gateway emits the same.
 */
export type GatewayEvent =
  | Reduced<Stripe.PaymentIntentSucceededEvent, 'id' | 'amount' | 'amount_received' | 'currency' | 'metadata'>
  | Reduced<Stripe.SetupIntentSucceededEvent, 'id' | 'customer' | 'payment_method'>
  | Reduced<Stripe.AccountUpdatedEvent, 'id'>;
export type GatewayEventType = GatewayEvent['type'];
export type GatewayEventOf<T extends GatewayEventType> = Extract<GatewayEvent, { type: T }>;

/**
 * An off-session charge's answer: the PaymentIntent went through (`succeeded`, or `processing` until
 * its webhook), or the card was declined (Stripe's 402 `card_error`): the intent stays
 * `requires_payment_method` and a retry confirms it again.
 */
export type OffSessionCharge = { id: string; status: string; declined?: undefined } | { id: string | null; status: 'declined'; declined: { code: string; message: string } };

/** An event as received: stored by id with its payload as it came; applied when it is one of ours (`event`). */
export interface ReceivedEvent {
  id: string;
  type: string;
  payload: object;
  /** `data.object.id`: what the event is about (null when the object has no id). */
  objectId: string | null;
  /** The connected account the event came from (Connect webhooks); null for events of our own platform account. */
  account: string | null;
  /** The event as its handler reads it; null for types we do not handle, or a handled type without the fields its handler reads. */
  event: GatewayEvent | null;
}

/** A `GatewayEvent` made here (the simulated gateway) as received. */
export const received = (event: GatewayEvent): ReceivedEvent => ({ id: event.id, type: event.type, payload: event, objectId: event.data.object.id, account: null, event });

export abstract class PaymentsGateway {
  abstract readonly name: 'stripe' | 'simulated';

  /** A PaymentIntent the customer confirms on the client; `metadata.kind` routes its events to their owner. */
  abstract createPaymentIntent(input: { amountCents: number; transferGroup: string; metadata: PaymentIntentMetadata }, idempotencyKey: string): Promise<CreatedPaymentIntent>;

  /**
   * Cancels a PaymentIntent nobody has paid, so it can never succeed. Answers the intent's status
   * afterwards: `canceled` (now or before), or the status that kept Stripe from cancelling it
   * (`succeeded`: the money arrived, or `processing`: it is on its way).
   */
  abstract cancelPaymentIntent(paymentIntentId: string): Promise<{ status: string }>;

  abstract createTransfer(input: { amountCents: number; destination: string; transferGroup: string; metadata: Record<string, string> }, idempotencyKey: string): Promise<{ id: string }>;

  abstract createRefund(input: { paymentIntentId: string; amountCents: number; metadata: Record<string, string> }, idempotencyKey: string): Promise<{ id: string }>;

  /** A coder's own Express account (an individual). */
  abstract createExpressAccount(input: { email: string; userId: string }, idempotencyKey: string): Promise<ConnectedAccount>;

  /** A coding company's Express account, `business_type: company`: the company is paid, not its members. */
  abstract createCompanyAccount(input: { organizationId: string; name: string }, idempotencyKey: string): Promise<ConnectedAccount>;

  abstract retrieveAccount(accountId: string): Promise<ConnectedAccount>;

  abstract createAccountLink(input: { accountId: string; returnUrl: string; refreshUrl: string }): Promise<{ url: string }>;

  abstract createCustomer(input: { organizationId: string; name: string }, idempotencyKey: string): Promise<{ id: string }>;

  /** A SetupIntent saving a card for later off-session charges; returns its client secret. */
  abstract createSetupIntent(input: { customerId: string; organizationId: string }): Promise<{ id: string; clientSecret: string }>;

  /**
   * Charges a saved payment method without the customer present (confirm at once, off session);
   * `metadata.kind` routes its events. With `paymentIntentId` (a retry after a decline) that intent
   * is confirmed again with the payment method, instead of a new one being made. A declined card
   * is an answer (`declined`), not an error; other failures throw.
   */
  abstract chargeOffSession(
    input: { customerId: string; paymentMethodId: string; amountCents: number; transferGroup: string; metadata: PaymentIntentMetadata; paymentIntentId?: string | null },
    idempotencyKey: string,
  ): Promise<OffSessionCharge>;

  /** Verifies a webhook's signature (timestamp within the tolerance either way) and parses it into a well-formed event; throws otherwise. */
  abstract parseWebhook(rawBody: Buffer, signature: string | undefined): ReceivedEvent;
}
