import { describe, expect, it } from '@jest/globals';
import { paymentProblem } from './payment-checks.js';
import { StripeEventOutcome } from './stripe-event-outcome.js';

describe(paymentProblem.name, () => {
  const intent = { id: 'pi_ours', amount: 5000, amount_received: 5000, currency: 'usd' };
  const expected = { intentId: 'pi_ours', amountCents: 5000, name: 'milestone m1' };
  const outcome = (...args: Parameters<typeof paymentProblem>) => paymentProblem(...args)?.outcome ?? null;

  it('lets the recorded intent pay its amount in our currency', () => {
    expect(paymentProblem(intent, expected)).toBeNull();
  });

  it('ignores a payment for an object with no intent recorded yet', () => {
    expect(outcome(intent, { ...expected, intentId: null })).toBe(StripeEventOutcome.IGNORED);
  });

  it.each([
    ['another intent', { ...intent, id: 'pi_foreign' }],
    ['another currency', { ...intent, currency: 'eur' }],
    ['a smaller amount', { ...intent, amount: 4999, amount_received: 4999 }],
    ['a larger amount', { ...intent, amount: 500000, amount_received: 500000 }],
    ['less received than asked', { ...intent, amount_received: 1 }],
  ])('refuses %s as a mismatch', (_, paid) => {
    expect(outcome(paid, expected)).toBe(StripeEventOutcome.MISMATCH);
  });
});
