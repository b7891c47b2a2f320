import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import Stripe from 'stripe';
import { OutboxService } from '../src/outbox/outbox.service.js';
import { FakeStripe, fakeStripeEnv } from './support/fake-stripe.js';
import { coders, failed, given, ok, postJob } from './support/given.js';
import { acceptedContract, expectLedgerBalanced, webhookSender } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const WEBHOOK_SECRET = 'whsec_test_chartbridge';
const stripe = new Stripe('sk_test_unused');

const CREATE_MILESTONE = `mutation($contract: ID!, $input: CreateMilestoneInput!) { createMilestone(contractId: $contract, input: $input) { id title amountCents status } }`;
const FUND = `mutation($id: ID!) { fundMilestone(id: $id) { milestoneId clientSecret status } }`;
const SUBMIT = `mutation($id: ID!) { submitMilestone(id: $id, note: "Batch of 120 charts coded") { id status autoReleaseAt } }`;
const APPROVE = `mutation($id: ID!) { approveMilestone(id: $id) { id status } }`;
const REFUND = `mutation($id: ID!) { refundMilestone(id: $id) { id status } }`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { id status milestones { id title amountCents status } } }`;
const EARNINGS = `{ myEarnings { pendingCents availableCents paidOutCents } }`;
const ONBOARD = `mutation { startPayoutOnboarding(returnUrl: "https://app.chartbridge.test/payouts/done", refreshUrl: "https://app.chartbridge.test/payouts/retry") }`;
const PAYOUT_ACCOUNT = `{ payoutAccount { status payoutsEnabled } }`;

describe('fixed-price escrow through the Stripe SDK (local fake)', () => {
  const fake = new FakeStripe();
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;

  beforeAll(async () => {
    const port = await fake.start();
    app = await TestApp.start({
      ...fakeStripeEnv(port, WEBHOOK_SECRET),
      PLATFORM_FEE_BPS: '1000',
    });
    a = given(app);
    c = coders(app);
  });
  afterEach(() => expectLedgerBalanced(app));
  afterAll(async () => {
    await app?.close();
    await fake.stop();
  });

  const drain = () => app.app.get(OutboxService).drain();

  const webhook = (type: string, object: Record<string, unknown>, id?: string) => webhookSender(app, WEBHOOK_SECRET)(type, object, id);
  const fixedPriceContract = () => acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 300000 }, { rateCents: 250000 });

  async function fundedMilestone(amountCents = 100000) {
    const parties = await fixedPriceContract();
    const { createMilestone } = ok(await app.gql(CREATE_MILESTONE, { contract: parties.contractId, input: { title: 'January backlog', amountCents } }, parties.owner.accessToken));
    const { fundMilestone } = ok(await app.gql(FUND, { id: createMilestone.id }, parties.owner.accessToken));
    const intent = fake.objects.get(fundMilestone.clientSecret.split('_secret_')[0])!;
    expect((await webhook('payment_intent.succeeded', { ...intent, status: 'succeeded', amount_received: intent.amount })).status).toBe(200);
    return { ...parties, milestoneId: createMilestone.id as string, intent };
  }

  it('runs the whole flow: fund, succeed, submit, approve, wait for onboarding, transfer net of the fee', async () => {
    const { owner, coder, contractId } = await fixedPriceContract();
    const { createMilestone } = ok(await app.gql(CREATE_MILESTONE, { contract: contractId, input: { title: 'January backlog', amountCents: 100000 } }, owner.accessToken));
    expect(createMilestone.status).toBe('CREATED');

    const { fundMilestone } = ok(await app.gql(FUND, { id: createMilestone.id }, owner.accessToken));
    expect(fundMilestone).toMatchObject({ milestoneId: createMilestone.id, status: 'FUNDING' });
    const call = fake.calls.find((x) => x.path === '/v1/payment_intents' && x.idempotencyKey === `payment_intent:${createMilestone.id}`)!;
    expect(call.params).toMatchObject({ amount: '100000', currency: 'usd', transfer_group: `contract:${contractId}`, 'metadata[kind]': 'milestone', 'metadata[milestoneId]': createMilestone.id });
    // Funding again returns the same intent (same idempotency key), not a second charge.
    expect(ok(await app.gql(FUND, { id: createMilestone.id }, owner.accessToken)).fundMilestone.clientSecret).toBe(fundMilestone.clientSecret);
    expect(fake.created('pi_fake_').filter((pi) => pi.metadata.milestoneId === createMilestone.id)).toHaveLength(1);

    const intent = fake.objects.get(fundMilestone.clientSecret.split('_secret_')[0])!;
    await webhook('payment_intent.succeeded', { ...intent, status: 'succeeded', amount_received: 100000 });
    expect(ok(await app.gql(CONTRACT, { id: contractId }, coder.accessToken)).contract.milestones).toEqual([
      { id: createMilestone.id, title: 'January backlog', amountCents: 100000, status: 'FUNDED' },
    ]);
    expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings).toEqual({ pendingCents: 90000, availableCents: 0, paidOutCents: 0 });

    const url = ok(await app.gql(ONBOARD, {}, coder.accessToken)).startPayoutOnboarding;
    expect(url).toMatch(/^https:\/\/connect\.stripe\.test\/setup\/e\/acct_fake_\d+\//);
    expect(ok(await app.gql(PAYOUT_ACCOUNT, {}, coder.accessToken)).payoutAccount).toEqual({ status: 'ONBOARDING', payoutsEnabled: false });
    ok(await app.gql(ONBOARD, {}, coder.accessToken));
    expect(fake.created('acct_fake_').filter((x) => x.email === coder.user.email)).toHaveLength(1);

    expect(ok(await app.gql(SUBMIT, { id: createMilestone.id }, coder.accessToken)).submitMilestone.status).toBe('SUBMITTED');
    expect(ok(await app.gql(APPROVE, { id: createMilestone.id }, owner.accessToken)).approveMilestone.status).toBe('RELEASED');
    await drain();
    expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 90000, paidOutCents: 0 });
    expect(fake.calls.filter((x) => x.path === '/v1/transfers')).toHaveLength(0);

    const account = fake.created('acct_fake_').find((x) => x.email === coder.user.email)!;
    account.payouts_enabled = true;
    account.details_submitted = true;
    await webhook('account.updated', { id: account.id, object: 'account' });
    expect(ok(await app.gql(PAYOUT_ACCOUNT, {}, coder.accessToken)).payoutAccount).toEqual({ status: 'ENABLED', payoutsEnabled: true });
    await drain();
    const transfers = fake.calls.filter((x) => x.path === '/v1/transfers');
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ idempotencyKey: `transfer:milestone:${createMilestone.id}`, params: { amount: '90000', destination: account.id, transfer_group: `contract:${contractId}` } });
    expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 0, paidOutCents: 90000 });
    const kinds = ok(await app.gql(`{ myNotifications { edges { node { kind } } } }`, {}, coder.accessToken)).myNotifications.edges.map((e: Untyped) => e.node.kind);
    expect(kinds).toEqual(expect.arrayContaining(['MILESTONE_FUNDED', 'MILESTONE_RELEASED']));
    const [fees] = await app.sql<{ total: string }>(
      `SELECT sum(e.amount_cents)::text AS total FROM ledger_entries e JOIN ledger_journals j ON j.id = e.journal_id WHERE e.account = 'platform_fees' AND j.contract_id = $1`,
      [contractId],
    );
    expect(fees.total).toBe('-10000');
  });

  it('applies a payment_intent.succeeded once however often and however concurrently it arrives', async () => {
    const { milestoneId, intent } = await fundedMilestone();
    const again = await Promise.all([1, 2, 3, 4, 5].map(() => webhook('payment_intent.succeeded', { ...intent, status: 'succeeded', amount_received: intent.amount }, `evt_dup_${milestoneId}`)));
    expect(again.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    // One delivery of this event id is new (stored, found the milestone already FUNDED); four are duplicates.
    expect(again.filter((r) => r.body.duplicate === false)).toHaveLength(1);
    expect(await app.sql(`SELECT 1 FROM stripe_events WHERE id = $1`, [`evt_dup_${milestoneId}`])).toHaveLength(1);
    const fresh = await Promise.all([1, 2, 3].map((i) => webhook('payment_intent.succeeded', { ...intent, status: 'succeeded', amount_received: intent.amount }, `evt_other_${milestoneId}_${i}`)));
    expect(fresh.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await app.sql(`SELECT 1 FROM ledger_journals WHERE reference = $1`, [`milestone:${milestoneId}:funded`])).toHaveLength(1);
  });

  it('hands a payment to the owner its metadata.kind names, and one made before kinds to the owner of its old metadata', async () => {
    const { owner, contractId } = await fixedPriceContract();
    const status = async () => ok(await app.gql(CONTRACT, { id: contractId }, owner.accessToken)).contract.milestones.map((m: { status: string }) => m.status);
    const fund = async (title: string) => {
      const { createMilestone } = ok(await app.gql(CREATE_MILESTONE, { contract: contractId, input: { title, amountCents: 30000 } }, owner.accessToken));
      const { fundMilestone } = ok(await app.gql(FUND, { id: createMilestone.id }, owner.accessToken));
      return { id: createMilestone.id as string, intent: fake.objects.get(fundMilestone.clientSecret.split('_secret_')[0])! };
    };
    const first = await fund('Routed by kind');
    expect(first.intent.metadata).toEqual({ kind: 'milestone', milestoneId: first.id, contractId });
    const succeeded = (metadata: Record<string, string>) => webhook('payment_intent.succeeded', { ...first.intent, status: 'succeeded', amount_received: first.intent.amount, metadata });

    // The same intent, said to be an invoice's: the invoices' owner finds no invoice in it, and the milestone is not tried.
    expect((await succeeded({ kind: 'invoice', contractId })).status).toBe(200);
    // A kind nothing here owns: stored, processed, not applied.
    const unowned = await succeeded({ kind: 'subscription', milestoneId: first.id, contractId });
    expect(unowned.status).toBe(200);
    expect(unowned.body.duplicate).toBe(false);
    expect(await status()).toEqual(['FUNDING']);
    expect((await succeeded(first.intent.metadata)).status).toBe(200);
    expect(await status()).toEqual(['FUNDED']);

    // An intent made before intents carried `kind` (its metadata has only the milestone's id) still funds its milestone.
    const second = await fund('Made before kinds');
    const legacy = { ...second.intent, status: 'succeeded', amount_received: second.intent.amount, metadata: { milestoneId: second.id, contractId } };
    expect((await webhook('payment_intent.succeeded', legacy)).status).toBe(200);
    expect(await status()).toEqual(['FUNDED', 'FUNDED']);
  });

  it('refuses a webhook with a bad signature and changes nothing', async () => {
    const { owner, contractId } = await fixedPriceContract();
    const { createMilestone } = ok(await app.gql(CREATE_MILESTONE, { contract: contractId, input: { title: 'Forged', amountCents: 5000 } }, owner.accessToken));
    const { fundMilestone } = ok(await app.gql(FUND, { id: createMilestone.id }, owner.accessToken));
    const intent = fake.objects.get(fundMilestone.clientSecret.split('_secret_')[0])!;
    const payload = JSON.stringify({ id: 'evt_forged', object: 'event', type: 'payment_intent.succeeded', data: { object: { ...intent, amount_received: intent.amount } } });
    const forged = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_wrong' });
    expect((await app.http().post('/webhooks/stripe').set('content-type', 'application/json').set('stripe-signature', forged).send(payload)).status).toBe(400);
    expect((await app.http().post('/webhooks/stripe').set('content-type', 'application/json').send(payload)).status).toBe(400);
    expect(ok(await app.gql(CONTRACT, { id: contractId }, owner.accessToken)).contract.milestones[0].status).toBe('FUNDING');
    expect(await app.sql(`SELECT 1 FROM stripe_events WHERE id = 'evt_forged'`)).toHaveLength(0);
  });

  it('releases once when approvals race, and lets only one of approve and refund win', async () => {
    const { owner, milestoneId } = await fundedMilestone();
    const approvals = await Promise.all([1, 2, 3, 4].map(() => app.gql(APPROVE, { id: milestoneId }, owner.accessToken)));
    expect(approvals.filter((r) => !r.errors)).toHaveLength(1);
    expect(approvals.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(3);
    expect(await app.sql(`SELECT 1 FROM outbox_jobs WHERE idempotency_key = $1`, [`transfer:milestone:${milestoneId}`])).toHaveLength(1);
    expect(await app.sql(`SELECT 1 FROM ledger_journals WHERE reference LIKE $1`, [`milestone:${milestoneId}:%`])).toHaveLength(2);

    const other = await fundedMilestone();
    const mixed = await Promise.all([
      app.gql(APPROVE, { id: other.milestoneId }, other.owner.accessToken),
      app.gql(REFUND, { id: other.milestoneId }, other.owner.accessToken),
      app.gql(REFUND, { id: other.milestoneId }, other.owner.accessToken),
    ]);
    expect(mixed.filter((r) => !r.errors)).toHaveLength(1);
    const [escrow] = await app.sql<{ total: string }>(`SELECT coalesce(sum(amount_cents), 0)::text AS total FROM ledger_entries WHERE account = $1`, [`escrow:${other.contractId}`]);
    expect(escrow.total).toBe('0');
  });

  it('refunds a funded milestone once through Stripe', async () => {
    const { owner, milestoneId, intent, contractId } = await fundedMilestone(42000);
    expect(ok(await app.gql(REFUND, { id: milestoneId }, owner.accessToken)).refundMilestone.status).toBe('REFUNDED');
    failed(await app.gql(REFUND, { id: milestoneId }, owner.accessToken), 'CONFLICT');
    failed(await app.gql(APPROVE, { id: milestoneId }, owner.accessToken), 'CONFLICT');
    await drain();
    await drain();
    const refunds = fake.created('re_fake_').filter((r) => r.payment_intent === intent.id);
    expect(refunds).toHaveLength(1);
    expect(refunds[0].amount).toBe(42000);
    const [escrow] = await app.sql<{ total: string }>(`SELECT coalesce(sum(amount_cents), 0)::text AS total FROM ledger_entries WHERE account = $1`, [`escrow:${contractId}`]);
    expect(escrow.total).toBe('0');
  });

  it('recovers a transfer whose answer was lost after Stripe made it, with one transfer in the end', async () => {
    const { owner, coder, milestoneId } = await fundedMilestone(20000);
    ok(await app.gql(ONBOARD, {}, coder.accessToken));
    const account = fake.created('acct_fake_').find((x) => x.email === coder.user.email)!;
    account.payouts_enabled = true;
    await webhook('account.updated', { id: account.id, object: 'account' });
    ok(await app.gql(APPROVE, { id: milestoneId }, owner.accessToken));

    // Stripe makes the transfer but every answer is lost (beyond the SDK's own retries): the job stays pending.
    fake.failAfterEffect('/v1/transfers', 3);
    await drain();
    const [job] = await app.sql<{ status: string; attempts: number }>(`SELECT status, attempts FROM outbox_jobs WHERE idempotency_key = $1`, [`transfer:milestone:${milestoneId}`]);
    expect(job).toEqual({ status: 'PENDING', attempts: 1 });
    expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings.paidOutCents).toBe(0);

    // Later (the backoff elapsed, or the instance restarted), the worker retries with the same key.
    await app.sql(`UPDATE outbox_jobs SET run_after = now() WHERE idempotency_key = $1`, [`transfer:milestone:${milestoneId}`]);
    await drain();
    expect(fake.created('tr_fake_').filter((t) => t.destination === account.id)).toHaveLength(1);
    expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 0, paidOutCents: 18000 });
  });

  it('keeps each side to its own moves', async () => {
    const { owner, coder, contractId, milestoneId } = await fundedMilestone();
    failed(await app.gql(CREATE_MILESTONE, { contract: contractId, input: { title: 'By coder', amountCents: 1000 } }, coder.accessToken), 'FORBIDDEN');
    failed(await app.gql(APPROVE, { id: milestoneId }, coder.accessToken), 'FORBIDDEN');
    failed(await app.gql(REFUND, { id: milestoneId }, coder.accessToken), 'FORBIDDEN');
    failed(await app.gql(SUBMIT, { id: milestoneId }, owner.accessToken), 'FORBIDDEN');
    const outsider = await a.provider();
    failed(await app.gql(APPROVE, { id: milestoneId }, outsider.accessToken), 'NOT_FOUND');
    failed(await app.gql(CONTRACT, { id: contractId }, outsider.accessToken), 'NOT_FOUND');
    failed(await app.gql(CREATE_MILESTONE, { contract: contractId, input: { title: 'x', amountCents: 1000 } }, outsider.accessToken), 'NOT_FOUND');
    expect(failed(await app.gql(CREATE_MILESTONE, { contract: contractId, input: { title: 'Too small', amountCents: 5 } }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual([
      'input.amountCents',
    ]);
    failed(await app.gql(`mutation($id: ID!) { endContract(id: $id) { id } }`, { id: contractId }, owner.accessToken), 'CONFLICT');
    failed(await app.gql(ONBOARD, {}, owner.accessToken), 'FORBIDDEN');
    expect(
      failed(await app.gql(`mutation { startPayoutOnboarding(returnUrl: "javascript:alert(1)", refreshUrl: "https://x.test") }`, {}, coder.accessToken), 'BAD_USER_INPUT').extensions.fields,
    ).toEqual(['returnUrl']);
  });

  it('refuses milestones on contracts that are not fixed-price', async () => {
    const { owner, organization } = await a.practice();
    const job = await postJob(app, owner, organization.id);
    const { coder } = await c.verifiedCoder();
    const { submitBid } = ok(
      await app.gql(`mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`, { input: { jobPostingId: job.id, rateCents: 400, coverLetter: 'Per chart' } }, coder.accessToken),
    );
    const { acceptBid } = ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: submitBid.id }, owner.accessToken));
    failed(await app.gql(CREATE_MILESTONE, { contract: acceptBid.id, input: { title: 'Nope', amountCents: 1000 } }, owner.accessToken), 'CONFLICT');
  });

  describe('disputes', () => {
    const OPEN = `mutation($contract: ID!, $reason: String!) { openDispute(contractId: $contract, reason: $reason) { id status } }`;
    const RESOLVE = `mutation($id: ID!, $input: ResolveDisputeInput!) { resolveDispute(id: $id, input: $input) { id status heldCents coderCents } }`;

    it('freezes releases, then splits the escrow in cents as the admin decides', async () => {
      const { owner, coder, contractId, milestoneId, intent } = await fundedMilestone(50000);
      const outsider = await a.coder();
      failed(await app.gql(OPEN, { contract: contractId, reason: 'Accuracy below target' }, outsider.accessToken), 'NOT_FOUND');
      const { openDispute } = ok(await app.gql(OPEN, { contract: contractId, reason: 'Accuracy below target on batch 3' }, owner.accessToken));
      expect(openDispute.status).toBe('OPEN');
      expect(ok(await app.gql(CONTRACT, { id: contractId }, coder.accessToken)).contract.status).toBe('DISPUTED');
      failed(await app.gql(OPEN, { contract: contractId, reason: 'again' }, coder.accessToken), 'CONFLICT');
      failed(await app.gql(APPROVE, { id: milestoneId }, owner.accessToken), 'CONFLICT');
      failed(await app.gql(REFUND, { id: milestoneId }, owner.accessToken), 'CONFLICT');

      failed(await app.gql(RESOLVE, { id: openDispute.id, input: { outcome: 'SPLIT', coderCents: 30000 } }, owner.accessToken), 'FORBIDDEN');
      const admin = await a.admin();
      expect(failed(await app.gql(RESOLVE, { id: openDispute.id, input: { outcome: 'SPLIT', coderCents: 60000 } }, admin.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual([
        'input.coderCents',
      ]);
      expect(failed(await app.gql(RESOLVE, { id: openDispute.id, input: { outcome: 'SPLIT' } }, admin.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.coderCents']);
      expect(ok(await app.gql(CONTRACT, { id: contractId }, coder.accessToken)).contract.status).toBe('DISPUTED');

      const { resolveDispute } = ok(await app.gql(RESOLVE, { id: openDispute.id, input: { outcome: 'SPLIT', coderCents: 30000, note: 'Half the charts needed rework' } }, admin.accessToken));
      expect(resolveDispute).toEqual({ id: openDispute.id, status: 'RESOLVED', heldCents: 50000, coderCents: 30000 });
      failed(await app.gql(RESOLVE, { id: openDispute.id, input: { outcome: 'REFUND' } }, admin.accessToken), 'CONFLICT');
      expect(ok(await app.gql(CONTRACT, { id: contractId }, coder.accessToken)).contract.status).toBe('ACTIVE');
      expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 27000, paidOutCents: 0 });
      await drain();
      const refunds = fake.created('re_fake_').filter((r) => r.payment_intent === intent.id);
      expect(refunds.map((r) => r.amount)).toEqual([20000]);
      const [escrow] = await app.sql<{ total: string }>(`SELECT coalesce(sum(amount_cents), 0)::text AS total FROM ledger_entries WHERE account = $1`, [`escrow:${contractId}`]);
      expect(escrow.total).toBe('0');
    });

    it('releases everything to the coder on RELEASE, exactly once when resolutions race', async () => {
      const { coder, contractId } = await fundedMilestone(10000);
      const { openDispute } = ok(await app.gql(OPEN, { contract: contractId, reason: 'Late' }, coder.accessToken));
      const admin = await a.admin();
      const results = await Promise.all([1, 2, 3].map(() => app.gql(RESOLVE, { id: openDispute.id, input: { outcome: 'RELEASE' } }, admin.accessToken)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings.availableCents).toBe(9000);
      expect(await app.sql(`SELECT 1 FROM ledger_journals WHERE reference = $1`, [`dispute:${openDispute.id}:settled`])).toHaveLength(1);
    });
  });

  // Last on purpose: closing a second Nest app in this process disconnects the first one's TypeORM
  // driver (an in-process test artefact; production runs one app per process).
  it('finishes the transfers under way when the instance shuts down (SIGTERM closes the app)', async () => {
    const { owner, coder, milestoneId } = await fundedMilestone(12000);
    ok(await app.gql(ONBOARD, {}, coder.accessToken));
    const account = fake.created('acct_fake_').find((x) => x.email === coder.user.email)!;
    account.payouts_enabled = true;
    await webhook('account.updated', { id: account.id, object: 'account' });
    ok(await app.gql(APPROVE, { id: milestoneId }, owner.accessToken));

    // A second instance on the same database drains while Stripe is slow, and is told to stop meanwhile.
    const other = await TestApp.start(
      {
        ...fakeStripeEnv(app.config.env.STRIPE_API_PORT!, WEBHOOK_SECRET),
        JWT_SECRET: app.config.jwtSecret,
      },
      app,
    );
    fake.delayMs = 400;
    try {
      let drainedAt = 0;
      const draining = other.app
        .get(OutboxService)
        .drain()
        .then(() => (drainedAt = Date.now()));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await other.close();
      const closedAt = Date.now();
      await draining;
      // close() returned only after the transfer under way had been made and committed.
      expect(drainedAt).toBeGreaterThan(0);
      expect(drainedAt).toBeLessThanOrEqual(closedAt);
    } finally {
      fake.delayMs = 0;
    }
    const [job] = await app.sql<{ status: string }>(`SELECT status FROM outbox_jobs WHERE idempotency_key = $1`, [`transfer:milestone:${milestoneId}`]);
    expect(job.status).toBe('DONE');
    expect(fake.created('tr_fake_').filter((t) => t.destination === account.id)).toHaveLength(1);
  });
});
