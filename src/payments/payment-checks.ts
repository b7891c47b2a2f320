import { CURRENCY, GatewayEventOf } from './gateway/payments-gateway.js';
import { ignored, mismatch, StripeEventResult } from './stripe-event-outcome.js';

type Intent = Pick<GatewayEventOf<'payment_intent.succeeded'>['data']['object'], 'id' | 'amount' | 'amount_received' | 'currency'>;

/**
 * Why a succeeded PaymentIntent must not pay the object its metadata names, or null when it may.
 * Metadata is a pointer anyone able to create an intent can write, so the intent must be the one we
 * recorded for the object (`intentId`), for the amount we asked, in our currency. An object with no
 * intent recorded yet ignores it (the owner applies it again once it records this intent as its own).
 */
export function paymentProblem(intent: Intent, expected: { intentId: string | null; amountCents: number; name: string }): StripeEventResult | null {
  if (expected.intentId === null) return ignored(`${expected.name} has no payment intent recorded (yet): applied only if it records ${intent.id}`);
  if (expected.intentId !== intent.id) return mismatch(`${expected.name} awaits ${expected.intentId}, not ${intent.id}`);
  if (intent.currency !== CURRENCY) return mismatch(`${intent.id} is in ${intent.currency}, ${expected.name} in ${CURRENCY}`);
  if (intent.amount !== expected.amountCents || intent.amount_received !== expected.amountCents) {
    return mismatch(`${intent.id} is for ${intent.amount} cents (${intent.amount_received} received), ${expected.name} for ${expected.amountCents}`);
  }
  return null;
}
