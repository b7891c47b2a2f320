import { Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { AppConfig } from '../../config/app-config.js';
import { ConnectedAccount, CreatedPaymentIntent, CURRENCY, OffSessionCharge, PaymentIntentMetadata, PaymentsGateway, ReceivedEvent } from './payments-gateway.js';
import { assertSignedNotInFuture, InvalidWebhookError, toReceivedEvent } from './webhook-event.js';

/** How far a webhook signature's timestamp may be from our clock, either way (the SDK's default). */
const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The API version this code was written against; pinned so Stripe upgrades never change behaviour silently. */
export const STRIPE_API_VERSION = '2026-10-28.endive';

/** Stripe through the official SDK. STRIPE_API_HOST/PORT/PROTOCOL point it at stripe-mock or a local fake. */
export class StripeGateway extends PaymentsGateway {
  readonly name = 'stripe' as const;
  private readonly stripe: Stripe;
  private readonly logger = new Logger(StripeGateway.name);

  constructor(private readonly config: AppConfig) {
    super();
    const { env } = config;
    this.stripe = new Stripe(env.STRIPE_SECRET_KEY!, {
      apiVersion: STRIPE_API_VERSION as Stripe.LatestApiVersion,
      maxNetworkRetries: 2,
      timeout: 20_000,
      ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST } : {}),
      ...(env.STRIPE_API_PORT ? { port: env.STRIPE_API_PORT } : {}),
      ...(env.STRIPE_API_PROTOCOL ? { protocol: env.STRIPE_API_PROTOCOL } : {}),
    });
  }

  async createPaymentIntent(input: { amountCents: number; transferGroup: string; metadata: PaymentIntentMetadata }, idempotencyKey: string): Promise<CreatedPaymentIntent> {
    const intent = await this.stripe.paymentIntents.create(
      { amount: input.amountCents, currency: CURRENCY, transfer_group: input.transferGroup, metadata: input.metadata, automatic_payment_methods: { enabled: true } },
      { idempotencyKey },
    );
    return { id: intent.id, clientSecret: intent.client_secret!, status: intent.status };
  }

  async cancelPaymentIntent(paymentIntentId: string): Promise<{ status: string }> {
    try {
      // No idempotency key of ours: cancelling is idempotent in effect, and the SDK keys its own retries.
      const intent = await this.stripe.paymentIntents.cancel(paymentIntentId, { cancellation_reason: 'abandoned' });
      return { status: intent.status };
    } catch (error) {
      // Stripe refuses to cancel an intent that succeeded, is processing, or was cancelled before; its error carries the intent.
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'payment_intent_unexpected_state') {
        const status = error.payment_intent?.status ?? (await this.stripe.paymentIntents.retrieve(paymentIntentId)).status;
        return { status };
      }
      throw error;
    }
  }

  async createTransfer(input: { amountCents: number; destination: string; transferGroup: string; metadata: Record<string, string> }, idempotencyKey: string): Promise<{ id: string }> {
    const transfer = await this.stripe.transfers.create(
      { amount: input.amountCents, currency: CURRENCY, destination: input.destination, transfer_group: input.transferGroup, metadata: input.metadata },
      { idempotencyKey },
    );
    return { id: transfer.id };
  }

  async createRefund(input: { paymentIntentId: string; amountCents: number; metadata: Record<string, string> }, idempotencyKey: string): Promise<{ id: string }> {
    const refund = await this.stripe.refunds.create({ payment_intent: input.paymentIntentId, amount: input.amountCents, metadata: input.metadata }, { idempotencyKey });
    return { id: refund.id };
  }

  async createExpressAccount(input: { email: string; userId: string }, idempotencyKey: string): Promise<ConnectedAccount> {
    const account = await this.stripe.accounts.create(
      { type: 'express', email: input.email, capabilities: { transfers: { requested: true } }, metadata: { userId: input.userId } },
      { idempotencyKey },
    );
    return toAccount(account);
  }

  async createCompanyAccount(input: { organizationId: string; name: string }, idempotencyKey: string): Promise<ConnectedAccount> {
    const account = await this.stripe.accounts.create(
      {
        type: 'express',
        business_type: 'company',
        company: { name: input.name },
        capabilities: { transfers: { requested: true } },
        metadata: { organizationId: input.organizationId },
      },
      { idempotencyKey },
    );
    return toAccount(account);
  }

  async retrieveAccount(accountId: string): Promise<ConnectedAccount> {
    return toAccount(await this.stripe.accounts.retrieve(accountId));
  }

  async createAccountLink(input: { accountId: string; returnUrl: string; refreshUrl: string }): Promise<{ url: string }> {
    const link = await this.stripe.accountLinks.create({ account: input.accountId, return_url: input.returnUrl, refresh_url: input.refreshUrl, type: 'account_onboarding' });
    return { url: link.url };
  }

  async createCustomer(input: { organizationId: string; name: string }, idempotencyKey: string): Promise<{ id: string }> {
    const customer = await this.stripe.customers.create({ name: input.name, metadata: { organizationId: input.organizationId } }, { idempotencyKey });
    return { id: customer.id };
  }

  async createSetupIntent(input: { customerId: string; organizationId: string }): Promise<{ id: string; clientSecret: string }> {
    const intent = await this.stripe.setupIntents.create({ customer: input.customerId, usage: 'off_session', metadata: { organizationId: input.organizationId } });
    return { id: intent.id, clientSecret: intent.client_secret! };
  }

  async chargeOffSession(
    input: { customerId: string; paymentMethodId: string; amountCents: number; transferGroup: string; metadata: PaymentIntentMetadata; paymentIntentId?: string | null },
    idempotencyKey: string,
  ): Promise<OffSessionCharge> {
    try {
      const intent = input.paymentIntentId
        ? await this.stripe.paymentIntents.confirm(input.paymentIntentId, { payment_method: input.paymentMethodId, off_session: true }, { idempotencyKey })
        : await this.stripe.paymentIntents.create(
            {
              amount: input.amountCents,
              currency: CURRENCY,
              customer: input.customerId,
              payment_method: input.paymentMethodId,
              off_session: true,
              confirm: true,
              transfer_group: input.transferGroup,
              metadata: input.metadata,
            },
            { idempotencyKey },
          );
      return { id: intent.id, status: intent.status };
    } catch (error) {
      // A declined off-session confirmation answers 402 `card_error` with the intent, left
      // `requires_payment_method` (an authentication the customer is not there to give answers the same way).
      if (error instanceof Stripe.errors.StripeCardError) {
        return { id: error.payment_intent?.id ?? input.paymentIntentId ?? null, status: 'declined', declined: { code: error.decline_code || error.code || 'card_declined', message: error.message } };
      }
      throw error;
    }
  }

  parseWebhook(rawBody: Buffer, signature: string | undefined): ReceivedEvent {
    const secret = this.config.env.STRIPE_WEBHOOK_SECRET;
    if (!secret) {
      this.logger.error('STRIPE_WEBHOOK_SECRET is not set: refusing webhooks');
      throw new Error('webhook secret not configured');
    }
    // The SDK types it `Stripe.Event` but checks only the signature: the shape is read below.
    let payload: unknown;
    try {
      payload = this.stripe.webhooks.constructEvent(rawBody, signature ?? '', secret, WEBHOOK_TOLERANCE_SECONDS);
    } catch (error) {
      throw new InvalidWebhookError('Invalid Stripe signature', { cause: error });
    }
    assertSignedNotInFuture(signature!, WEBHOOK_TOLERANCE_SECONDS);
    return toReceivedEvent(payload);
  }
}

function toAccount(account: Stripe.Account): ConnectedAccount {
  return { id: account.id, payoutsEnabled: Boolean(account.payouts_enabled), detailsSubmitted: Boolean(account.details_submitted) };
}
