import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ConnectedAccount, CreatedPaymentIntent, CURRENCY, GatewayEvent, OffSessionCharge, PaymentIntentMetadata, PaymentsGateway, ReceivedEvent } from './payments-gateway.js';

/**
 * Offline stand-in for Stripe, used only when STRIPE_SECRET_KEY is unset. Payments succeed at
 * once and connected accounts are ready at once; the same events Stripe would send are handed to
 * `onEvent` so the whole flow (funding, payouts) runs without a network. Never used by Stripe tests.
 */
export class SimulatedGateway extends PaymentsGateway {
  readonly name = 'simulated' as const;
  private readonly logger = new Logger(SimulatedGateway.name);
  /** Set by the payments module: where simulated events go (the webhook handlers). */
  onEvent: (event: GatewayEvent) => Promise<void> = async () => undefined;

  constructor() {
    super();
    this.logger.warn('STRIPE_SECRET_KEY is not set: payments are SIMULATED and settle locally. No real money moves.');
  }

  async createPaymentIntent(input: { amountCents: number; metadata: PaymentIntentMetadata }, idempotencyKey: string): Promise<CreatedPaymentIntent> {
    const id = `pi_sim_${digest(idempotencyKey)}`;
    this.emitSucceeded(id, input);
    return { id, clientSecret: `${id}_secret_simulated`, status: 'processing' };
  }

  /**
   * Always cancelled: a simulated payment that is still FUNDING here lost its success event (the app
   * stopped within the moment before it), so none is coming; one that does arrive is refunded like
   * money for any cancelled milestone.
   */
  async cancelPaymentIntent(): Promise<{ status: string }> {
    return { status: 'canceled' };
  }

  async createTransfer(_input: { amountCents: number }, idempotencyKey: string): Promise<{ id: string }> {
    return { id: `tr_sim_${digest(idempotencyKey)}` };
  }

  async createRefund(_input: { paymentIntentId: string }, idempotencyKey: string): Promise<{ id: string }> {
    return { id: `re_sim_${digest(idempotencyKey)}` };
  }

  async createExpressAccount(_input: { email: string; userId: string }, idempotencyKey: string): Promise<ConnectedAccount> {
    const account = { id: `acct_sim_${digest(idempotencyKey).slice(0, 16)}`, payoutsEnabled: true, detailsSubmitted: true };
    this.emitSoon({ id: `evt_sim_${digest(`${account.id}:updated`)}`, type: 'account.updated', data: { object: { id: account.id } } });
    return account;
  }

  async createCompanyAccount(_input: { organizationId: string; name: string }, idempotencyKey: string): Promise<ConnectedAccount> {
    return this.createExpressAccount({ email: '', userId: '' }, idempotencyKey);
  }

  async retrieveAccount(accountId: string): Promise<ConnectedAccount> {
    return { id: accountId, payoutsEnabled: true, detailsSubmitted: true };
  }

  async createAccountLink(input: { accountId: string; returnUrl: string }): Promise<{ url: string }> {
    const url = new URL(input.returnUrl);
    url.searchParams.set('simulated_onboarding', input.accountId);
    return { url: url.toString() };
  }

  async createCustomer(_input: { organizationId: string }, idempotencyKey: string): Promise<{ id: string }> {
    return { id: `cus_sim_${digest(idempotencyKey).slice(0, 16)}` };
  }

  async createSetupIntent(input: { customerId: string; organizationId: string }): Promise<{ id: string; clientSecret: string }> {
    const id = `seti_sim_${digest(`${input.customerId}:${Date.now()}:${Math.random()}`)}`;
    this.emitSoon({
      id: `evt_sim_${digest(`${id}:succeeded`)}`,
      type: 'setup_intent.succeeded',
      data: { object: { id, customer: input.customerId, payment_method: `pm_sim_${digest(id).slice(0, 16)}` } },
    });
    return { id, clientSecret: `${id}_secret_simulated` };
  }

  /** A simulated card is never declined; a retry confirms the same intent. */
  async chargeOffSession(input: { amountCents: number; metadata: PaymentIntentMetadata; paymentIntentId?: string | null }, idempotencyKey: string): Promise<OffSessionCharge> {
    const id = input.paymentIntentId ?? `pi_sim_${digest(idempotencyKey)}`;
    this.emitSucceeded(id, input);
    return { id, status: 'succeeded' };
  }

  parseWebhook(): ReceivedEvent {
    throw new Error('webhooks are not accepted while payments are simulated');
  }

  private emitSucceeded(id: string, input: { amountCents: number; metadata: PaymentIntentMetadata }): void {
    this.emitSoon({
      id: `evt_sim_${digest(`${id}:succeeded`)}`,
      type: 'payment_intent.succeeded',
      data: { object: { id, amount: input.amountCents, amount_received: input.amountCents, currency: CURRENCY, metadata: input.metadata } },
    });
  }

  private emitSoon(event: GatewayEvent): void {
    // After the caller's transaction commits, like a real webhook would arrive.
    setTimeout(() => void this.onEvent(event).catch((error) => this.logger.error({ err: error }, 'simulated event failed')), 50).unref();
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 24);
