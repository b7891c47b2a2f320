import { expect } from '@jest/globals';
import Stripe from 'stripe';
import { coders, given, ok, postJob, Session } from './given.js';
import { TestApp } from './test-app.js';

const stripe = new Stripe('sk_test_unused');

/** Sends Stripe events to POST /webhooks/stripe, signed as Stripe would with `secret`. */
export function webhookSender(app: TestApp, secret: string) {
  let counter = 0;
  return async (type: string, object: Record<string, unknown>, id = `evt_test_${Date.now()}_${++counter}`) => {
    const payload = JSON.stringify({ id, object: 'event', type, data: { object } });
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret });
    return app.http().post('/webhooks/stripe').set('content-type', 'application/json').set('stripe-signature', signature).send(payload);
  };
}

/** The ledger invariant, checked after every money scenario: every journal sums to zero. */
export async function expectLedgerBalanced(app: TestApp): Promise<void> {
  expect(await app.sql('SELECT journal_id FROM ledger_entries GROUP BY journal_id HAVING sum(amount_cents) <> 0')).toEqual([]);
}

/** A practice posts a job, a verified coder bids, the practice accepts: the contract and both parties. */
export async function acceptedContract(app: TestApp, job: Record<string, unknown>, bid: Record<string, unknown>): Promise<{ owner: Session; coder: Session; organizationId: string; contractId: string }> {
  const { owner, organization } = await given(app).practice();
  const posting = await postJob(app, owner, organization.id, job);
  const { coder } = await coders(app).verifiedCoder();
  const { submitBid } = ok(await app.gql(`mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`, { input: { jobPostingId: posting.id, coverLetter: 'Ready to start.', ...bid } }, coder.accessToken));
  const { acceptBid } = ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: submitBid.id }, owner.accessToken));
  return { owner, coder, organizationId: organization.id, contractId: acceptBid.id };
}
