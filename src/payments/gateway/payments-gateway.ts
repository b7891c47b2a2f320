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

export interface ConnectedAccount {
  id: string;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
}

/** A Stripe event as our handlers need it (verified webhook, or emitted by the simulated gateway). */
export interface GatewayEvent {
  id: string;
  type: string;
  data: { object: Record<string, any> };
}

export abstract class PaymentsGateway {
  abstract readonly name: 'stripe' | 'simulated';

  abstract createPaymentIntent(input: { amountCents: number; transferGroup: string; metadata: Record<string, string> }, idempotencyKey: string): Promise<CreatedPaymentIntent>;

  abstract createTransfer(input: { amountCents: number; destination: string; transferGroup: string; metadata: Record<string, string> }, idempotencyKey: string): Promise<{ id: string }>;

  abstract createRefund(input: { paymentIntentId: string; amountCents: number; metadata: Record<string, string> }, idempotencyKey: string): Promise<{ id: string }>;

  abstract createExpressAccount(input: { email: string; userId: string }, idempotencyKey: string): Promise<ConnectedAccount>;

  abstract retrieveAccount(accountId: string): Promise<ConnectedAccount>;

  abstract createAccountLink(input: { accountId: string; returnUrl: string; refreshUrl: string }): Promise<{ url: string }>;

  abstract createCustomer(input: { organizationId: string; name: string }, idempotencyKey: string): Promise<{ id: string }>;

  /** A SetupIntent saving a card for later off-session charges; returns its client secret. */
  abstract createSetupIntent(input: { customerId: string; organizationId: string }): Promise<{ id: string; clientSecret: string }>;

  /** Charges a saved payment method without the customer present (confirm at once, off session). */
  abstract chargeOffSession(
    input: { customerId: string; paymentMethodId: string; amountCents: number; transferGroup: string; metadata: Record<string, string> },
    idempotencyKey: string,
  ): Promise<{ id: string; status: string }>;

  /** Verifies a webhook's signature (timestamp within the tolerance either way) and parses it into a well-formed event; throws otherwise. */
  abstract parseWebhook(rawBody: Buffer, signature: string | undefined): GatewayEvent;
}
