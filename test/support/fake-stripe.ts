import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Untyped } from './untyped.js';

export interface FakeStripeCall {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  params: Record<string, string>;
}

/**
 * Stripe's test payment methods that attach to a customer but whose charges are declined
 * (https://docs.stripe.com/testing: "Decline after attaching" is `pm_card_chargeCustomerFail`),
 * with the decline code Stripe gives.
 */
export const DECLINING_PAYMENT_METHODS: Record<string, string> = {
  pm_card_chargeCustomerFail: 'generic_decline',
  pm_card_visa_chargeDeclined: 'generic_decline',
  pm_card_visa_chargeDeclinedInsufficientFunds: 'insufficient_funds',
};

interface Answer {
  status: number;
  body: Record<string, Untyped>;
}

/**
 * A local stand-in for the few Stripe endpoints ChartBridge calls, so the real `stripe` SDK can be
 * exercised without a network. Like Stripe, it replays the stored answer for a repeated
 * Idempotency-Key instead of creating a second object, a declined card's 402 included. Off-session
 * confirmations with a declining payment method (`DECLINING_PAYMENT_METHODS`) answer as Stripe
 * does: 402 `card_error` carrying the PaymentIntent, left `requires_payment_method` with its
 * `last_payment_error`; `POST /v1/payment_intents/:id/confirm` tries it again.
 */
export class FakeStripe {
  readonly calls: FakeStripeCall[] = [];
  readonly objects = new Map<string, Record<string, Untyped>>();
  private readonly byKey = new Map<string, Answer>();
  private readonly failures = new Map<string, number>();
  private server?: Server;
  private counter = 0;
  /** Milliseconds to wait before answering (a slow Stripe). */
  delayMs = 0;

  /** Makes the next `times` creations on `path` succeed on our side but answer 500, as if the connection died after the effect. */
  failAfterEffect(path: string, times: number): void {
    this.failures.set(path, times);
  }

  created(prefix: string): Record<string, Untyped>[] {
    return [...this.objects.values()].filter((o) => String(o.id).startsWith(prefix));
  }

  async start(): Promise<number> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const params = Object.fromEntries(new URLSearchParams(body));
    const path = (req.url ?? '').split('?')[0];
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    this.calls.push({ method: req.method ?? '', path, idempotencyKey, params });
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_fake_${this.counter}` });
      res.end(JSON.stringify(payload));
    };

    if (req.method === 'GET' && path.startsWith('/v1/accounts/')) {
      const account = this.objects.get(path.slice('/v1/accounts/'.length));
      return account ? send(200, account) : send(404, { error: { type: 'invalid_request_error', message: 'No such account' } });
    }
    if (req.method === 'GET' && /^\/v1\/payment_intents\/[^/]+$/.test(path)) {
      const intent = this.objects.get(path.slice('/v1/payment_intents/'.length));
      return intent ? send(200, intent) : send(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment_intent' } });
    }
    if (req.method !== 'POST') return send(404, { error: { message: 'not faked' } });

    const cancel = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path);
    if (cancel) {
      const [status, payload] = this.cancelPaymentIntent(cancel[1], params);
      return send(status, payload);
    }

    const cacheKey = idempotencyKey ? `${path}:${idempotencyKey}` : undefined;
    let answer = cacheKey ? this.byKey.get(cacheKey) : undefined;
    if (!answer) {
      answer = this.answer(path, params);
      if (!answer) return send(404, { error: { message: `${path} is not faked` } });
      // Stripe keeps the result of a request that ran, a card error too, and replays it for the key.
      if (cacheKey && answer.status !== 404 && answer.status !== 400) this.byKey.set(cacheKey, answer);
    }
    const failures = this.failures.get(path) ?? 0;
    if (failures > 0) {
      this.failures.set(path, failures - 1);
      return send(500, { error: { type: 'api_error', message: 'fake outage after the effect' } });
    }
    send(answer.status, answer.body);
  }

  private answer(path: string, params: Record<string, string>): Answer | undefined {
    const confirm = /^\/v1\/payment_intents\/([^/]+)\/confirm$/.exec(path);
    if (confirm) return this.confirm(confirm[1], params);
    // Stripe's minimum charge in USD: a smaller PaymentIntent is refused outright (400 `amount_too_small`).
    if (path === '/v1/payment_intents' && params.currency === 'usd' && Number(params.amount) < 50) {
      return { status: 400, body: { error: { type: 'invalid_request_error', code: 'amount_too_small', param: 'amount', message: 'Amount must be at least $0.50 usd' } } };
    }
    const object = this.create(path, params);
    if (!object) return undefined;
    this.objects.set(object.id, object);
    if (object.object === 'payment_intent' && params.confirm === 'true') return this.attempt(object, params.payment_method);
    return { status: 200, body: object };
  }

  /** POST /v1/payment_intents/:id/confirm: a new try of an intent that is not paid yet. */
  private confirm(id: string, params: Record<string, string>): Answer {
    const intent = this.objects.get(id);
    if (!intent || intent.object !== 'payment_intent') {
      return { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'intent', message: `No such payment_intent: '${id}'` } } };
    }
    if (intent.status === 'succeeded' || intent.status === 'canceled') {
      return {
        status: 400,
        body: {
          error: {
            type: 'invalid_request_error',
            code: 'payment_intent_unexpected_state',
            message: `You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`,
            payment_intent: intent,
          },
        },
      };
    }
    return this.attempt(intent, params.payment_method ?? intent.payment_method);
  }

  /** Confirms `intent` with `paymentMethod`: paid, or declined as Stripe answers a declined card. */
  private attempt(intent: Record<string, Untyped>, paymentMethod: string): Answer {
    const n = ++this.counter;
    const declineCode = DECLINING_PAYMENT_METHODS[paymentMethod];
    intent.payment_method = paymentMethod;
    intent.latest_charge = `ch_fake_${n}`;
    if (!declineCode) {
      Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, last_payment_error: null });
      return { status: 200, body: intent };
    }
    const message = declineCode === 'insufficient_funds' ? 'Your card has insufficient funds.' : 'Your card was declined.';
    const error = {
      type: 'card_error',
      code: 'card_declined',
      decline_code: declineCode,
      message,
      charge: intent.latest_charge,
      doc_url: 'https://docs.stripe.com/error-codes/card-declined',
      payment_method: { id: paymentMethod, object: 'payment_method', type: 'card' },
    };
    Object.assign(intent, { status: 'requires_payment_method', amount_received: 0, last_payment_error: error });
    return { status: 402, body: { error: { ...error, payment_intent: intent } } };
  }

  /**
   * POST /v1/payment_intents/:id/cancel as Stripe answers it: the intent, now `canceled`, when it was
   * still waiting (requires_payment_method, requires_confirmation, requires_action, requires_capture,
   * processing); otherwise 400 `payment_intent_unexpected_state` carrying the intent (a succeeded or
   * an already canceled one).
   */
  private cancelPaymentIntent(id: string, p: Record<string, string>): [number, unknown] {
    const intent = this.objects.get(id);
    if (!intent || intent.object !== 'payment_intent') return [404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such payment_intent: '${id}'` } }];
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action', 'requires_capture', 'processing'].includes(intent.status)) {
      const message = `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`;
      return [400, { error: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message, payment_intent: intent } }];
    }
    Object.assign(intent, { status: 'canceled', canceled_at: Math.floor(Date.now() / 1000), cancellation_reason: p.cancellation_reason ?? null });
    return [200, intent];
  }

  private create(path: string, p: Record<string, string>): Record<string, Untyped> | undefined {
    const n = ++this.counter;
    const metadata = Object.fromEntries(
      Object.entries(p)
        .filter(([k]) => k.startsWith('metadata['))
        .map(([k, v]) => [k.slice(9, -1), v]),
    );
    switch (path) {
      case '/v1/payment_intents':
        if (p.off_session === 'true')
          return {
            id: `pi_fake_${n}`,
            object: 'payment_intent',
            amount: Number(p.amount),
            currency: p.currency,
            customer: p.customer,
            payment_method: p.payment_method,
            transfer_group: p.transfer_group,
            status: 'requires_confirmation',
            metadata,
          };
        return {
          id: `pi_fake_${n}`,
          object: 'payment_intent',
          amount: Number(p.amount),
          currency: p.currency,
          transfer_group: p.transfer_group,
          client_secret: `pi_fake_${n}_secret_${n}`,
          status: 'requires_payment_method',
          metadata,
        };
      case '/v1/transfers':
        return { id: `tr_fake_${n}`, object: 'transfer', amount: Number(p.amount), currency: p.currency, destination: p.destination, transfer_group: p.transfer_group, metadata };
      case '/v1/refunds':
        return { id: `re_fake_${n}`, object: 'refund', amount: Number(p.amount), payment_intent: p.payment_intent, status: 'succeeded', metadata };
      case '/v1/accounts':
        return {
          id: `acct_fake_${n}`,
          object: 'account',
          type: p.type,
          business_type: p.business_type ?? null,
          company: p['company[name]'] ? { name: p['company[name]'] } : null,
          email: p.email ?? null,
          payouts_enabled: false,
          details_submitted: false,
          metadata,
        };
      case '/v1/customers':
        return { id: `cus_fake_${n}`, object: 'customer', name: p.name, metadata };
      case '/v1/setup_intents':
        return { id: `seti_fake_${n}`, object: 'setup_intent', customer: p.customer, usage: p.usage, client_secret: `seti_fake_${n}_secret_${n}`, status: 'requires_payment_method', metadata };
      case '/v1/account_links':
        return { object: 'account_link', url: `https://connect.stripe.test/setup/e/${p.account}/${n}`, expires_at: Math.floor(Date.now() / 1000) + 300, id: `link_${n}` };
      default:
        return undefined;
    }
  }
}

/** The environment that points the app's Stripe SDK at a FakeStripe on `port`, with `webhookSecret` for signed events. */
export function fakeStripeEnv(port: number | string, webhookSecret: string): Record<string, string> {
  return { STRIPE_SECRET_KEY: 'sk_test_fake_key', STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: String(port), STRIPE_API_PROTOCOL: 'http' };
}
