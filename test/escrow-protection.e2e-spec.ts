import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { MilestonesService } from '../src/contracts/milestones.service.js';
import { InvoicesService } from '../src/contracts/invoices.service.js';
import { OutboxService } from '../src/outbox/outbox.service.js';
import { FakeStripe, fakeStripeEnv } from './support/fake-stripe.js';
import { failed, given, ok, Session } from './support/given.js';
import { acceptedContract, expectLedgerBalanced, webhookSender } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';
import { eventually } from './support/wait.js';

const WEBHOOK_SECRET = 'whsec_test_escrow_protection';

const MILESTONE = 'id status amountCents submissionNote autoReleaseAt firstSubmittedAt changesRequestedNote changesRequestedAt cancelledAt';
const CREATE_MILESTONE = `mutation($contract: ID!, $input: CreateMilestoneInput!) { createMilestone(contractId: $contract, input: $input) { id } }`;
const FUND = `mutation($id: ID!) { fundMilestone(id: $id) { milestoneId clientSecret status } }`;
const SUBMIT = `mutation($id: ID!, $note: String) { submitMilestone(id: $id, note: $note) { ${MILESTONE} } }`;
const APPROVE = `mutation($id: ID!) { approveMilestone(id: $id) { id status } }`;
const REFUND = `mutation($id: ID!) { refundMilestone(id: $id) { id status } }`;
const REQUEST_CHANGES = `mutation($id: ID!, $note: String!) { requestMilestoneChanges(id: $id, note: $note) { ${MILESTONE} } }`;
const CANCEL = `mutation($id: ID!) { cancelMilestone(id: $id) { ${MILESTONE} } }`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { id status milestones { ${MILESTONE} } } }`;
const END = `mutation($id: ID!) { endContract(id: $id) { id status } }`;
const EARNINGS = `{ myEarnings { pendingCents availableCents paidOutCents } }`;
const NOTIFICATIONS = `{ myNotifications { edges { node { kind message data } } } }`;
const LEAVE_REVIEW = `mutation($id: ID!, $rating: Int!) { leaveReview(contractId: $id, rating: $rating) { id authorSide published } }`;
const OPEN_DISPUTE = `mutation($contract: ID!, $reason: String!) { openDispute(contractId: $contract, reason: $reason) { id status } }`;
const RESOLVE = `mutation($id: ID!, $input: ResolveDisputeInput!) { resolveDispute(id: $id, input: $input) { id status } }`;
const DISPUTES = `query($id: ID!) { contract(id: $id) { disputes { id reason openedBySide status outcome heldCents coderCents practiceCents resolutionNote resolvedAt } } }`;

describe('escrow protects both parties (Stripe SDK against the local fake)', () => {
  const fake = new FakeStripe();
  let app: TestApp;

  beforeAll(async () => {
    const port = await fake.start();
    app = await TestApp.start({ ...fakeStripeEnv(port, WEBHOOK_SECRET), PLATFORM_FEE_BPS: '1000' });
  });
  afterEach(() => expectLedgerBalanced(app));
  afterAll(async () => {
    await app?.close();
    await fake.stop();
  });

  const drain = () => app.app.get(OutboxService).drain();
  const webhook = (type: string, object: Record<string, unknown>, id?: string) => webhookSender(app, WEBHOOK_SECRET)(type, object, id);
  const fixedPriceContract = () => acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 300000 }, { rateCents: 250000 });
  const milestoneOf = async (token: string, contractId: string, id: string) => (ok(await app.gql(CONTRACT, { id: contractId }, token)).contract.milestones as Untyped[]).find((m) => m.id === id);
  const escrowHeld = async (contractId: string) =>
    Number((await app.sql<{ held: string }>(`SELECT coalesce(-sum(amount_cents), 0)::text AS held FROM ledger_entries WHERE account = $1`, [`escrow:${contractId}`]))[0].held);
  const notificationsOf = async (session: Session) => (ok(await app.gql(NOTIFICATIONS, {}, session.accessToken)).myNotifications.edges as Untyped[]).map((e) => e.node);
  const refundJobs = (milestoneId: string) => app.sql(`SELECT 1 FROM outbox_jobs WHERE kind = 'stripe.refund' AND payload->>'milestoneId' = $1`, [milestoneId]);

  /** A milestone of `parties`' contract whose payment was started (FUNDING): the intent is waiting at the fake. */
  async function fundingMilestone(parties: { owner: Session; contractId: string }, amountCents = 100000) {
    const { createMilestone } = ok(await app.gql(CREATE_MILESTONE, { contract: parties.contractId, input: { title: 'Q1 backlog', amountCents } }, parties.owner.accessToken));
    const { fundMilestone } = ok(await app.gql(FUND, { id: createMilestone.id }, parties.owner.accessToken));
    expect(fundMilestone.status).toBe('FUNDING');
    return { milestoneId: createMilestone.id as string, intent: fake.objects.get(fundMilestone.clientSecret.split('_secret_')[0])! };
  }

  /** Stripe's confirmation of a payment: the intent succeeded (at the fake too) and its webhook arrives. */
  async function paymentSucceeds(intent: Record<string, Untyped>, eventId?: string) {
    intent.status = 'succeeded';
    const response = await webhook('payment_intent.succeeded', { ...intent, amount_received: intent.amount }, eventId);
    expect(response.status).toBe(200);
  }

  async function fundedMilestone(amountCents = 100000) {
    const parties = await fixedPriceContract();
    const { milestoneId, intent } = await fundingMilestone(parties, amountCents);
    await paymentSucceeds(intent);
    return { ...parties, milestoneId, intent };
  }

  async function submittedMilestone(amountCents = 100000) {
    const funded = await fundedMilestone(amountCents);
    expect(ok(await app.gql(SUBMIT, { id: funded.milestoneId, note: 'All 120 charts coded' }, funded.coder.accessToken)).submitMilestone.status).toBe('SUBMITTED');
    return funded;
  }

  describe('delivered work', () => {
    it('refuses the practice a refund of a SUBMITTED milestone: CONFLICT naming approve, changes and dispute, the money still held', async () => {
      const { owner, coder, contractId, milestoneId, intent } = await submittedMilestone(80000);
      const refused = failed(await app.gql(REFUND, { id: milestoneId }, owner.accessToken), 'CONFLICT');
      expect(refused.message).toMatch(/^The coder delivered this milestone: approve it, request changes, or open a dispute .*released to the coder at \d{4}-/);
      expect(await milestoneOf(owner.accessToken, contractId, milestoneId)).toMatchObject({ status: 'SUBMITTED' });
      expect(await escrowHeld(contractId)).toBe(80000);
      expect(await refundJobs(milestoneId)).toEqual([]);
      await drain();
      expect(fake.created('re_fake_').filter((r) => r.payment_intent === intent.id)).toEqual([]);
      expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings).toEqual({ pendingCents: 72000, availableCents: 0, paidOutCents: 0 });

      // Sending it back for changes does not reopen the refund either: delivered work stays protected.
      ok(await app.gql(REQUEST_CHANGES, { id: milestoneId, note: 'Charts 14 and 15 need modifier 25' }, owner.accessToken));
      expect(failed(await app.gql(REFUND, { id: milestoneId }, owner.accessToken), 'CONFLICT').message).toMatch(/sent back for changes: approve it once redelivered, or open a dispute/);
      expect(await escrowHeld(contractId)).toBe(80000);

      // What the practice can do instead: a dispute, which an admin settles.
      const { openDispute } = ok(await app.gql(OPEN_DISPUTE, { contract: contractId, reason: 'Modifiers missing on several charts' }, owner.accessToken));
      const admin = await given(app).admin();
      ok(await app.gql(RESOLVE, { id: openDispute.id, input: { outcome: 'SPLIT', coderCents: 60000 } }, admin.accessToken));
      expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 54000, paidOutCents: 0 });
    });

    it('lets exactly one of a refund and a submission racing on a FUNDED milestone win', async () => {
      for (let i = 0; i < 4; i++) {
        const { owner, coder, contractId, milestoneId } = await fundedMilestone(20000);
        const [refund, submit] = await Promise.all([app.gql(REFUND, { id: milestoneId }, owner.accessToken), app.gql(SUBMIT, { id: milestoneId }, coder.accessToken)]);
        expect([refund, submit].filter((r) => !r.errors)).toHaveLength(1);
        expect([refund, submit].filter((r) => r.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(1);
        const { status } = await milestoneOf(owner.accessToken, contractId, milestoneId);
        expect(status).toBe(refund.errors ? 'SUBMITTED' : 'REFUNDED');
        expect(await escrowHeld(contractId)).toBe(refund.errors ? 20000 : 0);
      }
    });

    it('sends a delivery back with a note the coder reads, then releases the redelivery once its review window passes', async () => {
      const { owner, coder, contractId, milestoneId } = await submittedMilestone(50000);
      const outsider = await given(app).practice();
      failed(await app.gql(REQUEST_CHANGES, { id: milestoneId, note: 'Redo it' }, coder.accessToken), 'FORBIDDEN');
      failed(await app.gql(REQUEST_CHANGES, { id: milestoneId, note: 'Redo it' }, outsider.owner.accessToken), 'NOT_FOUND');
      expect(failed(await app.gql(REQUEST_CHANGES, { id: milestoneId, note: '   ' }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['note']);
      expect(await milestoneOf(owner.accessToken, contractId, milestoneId)).toMatchObject({ status: 'SUBMITTED', changesRequestedNote: null });

      // The review window is about to close when the practice answers: the answer stops the release.
      await app.sql(`UPDATE milestones SET auto_release_at = now() - interval '1 minute' WHERE id = $1`, [milestoneId]);
      // Concurrent requests: one sends it back, the others find it FUNDED.
      const note = 'Charts 14 and 15 need modifier 25';
      const requests = await Promise.all([1, 2, 3].map(() => app.gql(REQUEST_CHANGES, { id: milestoneId, note }, owner.accessToken)));
      expect(requests.filter((r) => !r.errors)).toHaveLength(1);
      expect(requests.filter((r) => r.errors?.[0].message === 'Only a SUBMITTED milestone can be sent back for changes; this one is FUNDED')).toHaveLength(2);

      const sentBack = await milestoneOf(coder.accessToken, contractId, milestoneId);
      expect(sentBack).toMatchObject({ status: 'FUNDED', changesRequestedNote: note, autoReleaseAt: null, submissionNote: 'All 120 charts coded' });
      expect(Date.parse(sentBack.changesRequestedAt)).toBeGreaterThanOrEqual(Date.parse(sentBack.firstSubmittedAt));
      expect(await notificationsOf(coder)).toContainEqual({
        kind: 'MILESTONE_CHANGES_REQUESTED',
        message: 'Changes were requested on milestone "Q1 backlog"',
        data: { contractId, milestoneId },
      });
      // Sent back, it waits for the coder: nothing is released.
      expect(await app.app.get(MilestonesService).releaseOverdue()).toBe(0);

      const resubmitted = ok(await app.gql(SUBMIT, { id: milestoneId, note: 'Modifiers added' }, coder.accessToken)).submitMilestone;
      expect(resubmitted).toMatchObject({ status: 'SUBMITTED', submissionNote: 'Modifiers added', changesRequestedNote: note, firstSubmittedAt: sentBack.firstSubmittedAt });
      expect(Date.parse(resubmitted.autoReleaseAt)).toBeGreaterThan(Date.now() + 13 * 86_400_000);
      expect(await app.app.get(MilestonesService).releaseOverdue()).toBe(0);

      // The practice neither approves nor answers: fourteen days later the coder is paid.
      await app.sql(`UPDATE milestones SET auto_release_at = now() - interval '1 minute' WHERE id = $1`, [milestoneId]);
      expect(await app.app.get(MilestonesService).releaseOverdue()).toBe(1);
      expect(await milestoneOf(owner.accessToken, contractId, milestoneId)).toMatchObject({ status: 'RELEASED' });
      expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 45000, paidOutCents: 0 });
      failed(await app.gql(REQUEST_CHANGES, { id: milestoneId, note }, owner.accessToken), 'CONFLICT');
    });

    it('still lets the practice refund a FUNDED milestone the coder has not delivered, and tells the coder', async () => {
      const { owner, coder, contractId, milestoneId, intent } = await fundedMilestone(30000);
      expect(ok(await app.gql(REFUND, { id: milestoneId }, owner.accessToken)).refundMilestone.status).toBe('REFUNDED');
      expect(await notificationsOf(coder)).toContainEqual(expect.objectContaining({ kind: 'MILESTONE_REFUNDED', data: { contractId, milestoneId } }));
      await drain();
      expect(
        fake
          .created('re_fake_')
          .filter((r) => r.payment_intent === intent.id)
          .map((r) => r.amount),
      ).toEqual([30000]);
      expect(await escrowHeld(contractId)).toBe(0);
    });
  });

  describe('abandoned payments', () => {
    it('cancels a FUNDING milestone and its PaymentIntent at Stripe, so the contract can end', async () => {
      const parties = await fixedPriceContract();
      const { owner, coder, contractId } = parties;
      const { milestoneId, intent } = await fundingMilestone(parties);
      const { createMilestone: unfunded } = ok(await app.gql(CREATE_MILESTONE, { contract: contractId, input: { title: 'Never funded', amountCents: 5000 } }, owner.accessToken));
      expect(failed(await app.gql(END, { id: contractId }, owner.accessToken), 'CONFLICT').message).toMatch(/cancel those being paid \(cancelMilestone\)/);

      failed(await app.gql(CANCEL, { id: milestoneId }, coder.accessToken), 'FORBIDDEN');
      failed(await app.gql(CANCEL, { id: milestoneId }, (await given(app).practice()).owner.accessToken), 'NOT_FOUND');
      expect(fake.calls.filter((call) => call.path.endsWith('/cancel'))).toEqual([]);

      const cancelled = ok(await app.gql(CANCEL, { id: milestoneId }, owner.accessToken)).cancelMilestone;
      expect(cancelled).toMatchObject({ id: milestoneId, status: 'CANCELLED', cancelledAt: expect.any(String) });
      const calls = fake.calls.filter((call) => call.path === `/v1/payment_intents/${intent.id}/cancel`);
      expect(calls).toEqual([expect.objectContaining({ method: 'POST', params: { cancellation_reason: 'abandoned' } })]);
      expect(fake.objects.get(intent.id)).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });

      // Cancelled is final: it cannot be funded, cancelled or refunded again.
      expect(failed(await app.gql(FUND, { id: milestoneId }, owner.accessToken), 'CONFLICT').message).toBe('This milestone is already CANCELLED');
      failed(await app.gql(CANCEL, { id: milestoneId }, owner.accessToken), 'CONFLICT');
      failed(await app.gql(REFUND, { id: milestoneId }, owner.accessToken), 'CONFLICT');
      // A milestone never funded is cancelled without a call to Stripe.
      expect(ok(await app.gql(CANCEL, { id: unfunded.id }, owner.accessToken)).cancelMilestone.status).toBe('CANCELLED');
      expect(fake.calls.filter((call) => call.path.endsWith('/cancel'))).toHaveLength(1);

      expect(ok(await app.gql(END, { id: contractId }, owner.accessToken)).endContract.status).toBe('ENDED');
    });

    it('finishes a cancel whose PaymentIntent Stripe had already cancelled (an answer lost on the way)', async () => {
      const parties = await fixedPriceContract();
      const { milestoneId, intent } = await fundingMilestone(parties, 12000);
      // Stripe cancelled the intent on an earlier try whose answer never came back: it now refuses, naming the status.
      Object.assign(intent, { status: 'canceled', cancellation_reason: 'abandoned' });
      expect(ok(await app.gql(CANCEL, { id: milestoneId }, parties.owner.accessToken)).cancelMilestone.status).toBe('CANCELLED');
      expect(fake.calls.filter((call) => call.path === `/v1/payment_intents/${intent.id}/cancel`)).toHaveLength(1);
    });

    it('refuses to cancel a payment that already went through; its webhook then funds the milestone', async () => {
      const parties = await fixedPriceContract();
      const { owner, contractId } = parties;
      const { milestoneId, intent } = await fundingMilestone(parties, 40000);
      // The practice paid at Stripe a moment ago; the webhook is still on its way.
      intent.status = 'succeeded';
      expect(failed(await app.gql(CANCEL, { id: milestoneId }, owner.accessToken), 'CONFLICT').message).toBe(
        'The payment for this milestone already went through at Stripe (succeeded): the milestone becomes FUNDED when Stripe confirms it',
      );
      expect(await milestoneOf(owner.accessToken, contractId, milestoneId)).toMatchObject({ status: 'FUNDING', cancelledAt: null });
      await paymentSucceeds(intent);
      expect(await milestoneOf(owner.accessToken, contractId, milestoneId)).toMatchObject({ status: 'FUNDED' });
      expect(failed(await app.gql(CANCEL, { id: milestoneId }, owner.accessToken), 'CONFLICT').message).toMatch(/^This milestone is paid \(FUNDED\)/);
      expect(await escrowHeld(contractId)).toBe(40000);
    });

    it('refunds money that arrives for a milestone already cancelled, once, without funding it', async () => {
      const parties = await fixedPriceContract();
      const { owner, coder, contractId } = parties;
      const { milestoneId, intent } = await fundingMilestone(parties, 25000);
      ok(await app.gql(CANCEL, { id: milestoneId }, owner.accessToken));
      // A payment Stripe reports as succeeded anyway (delivered late, or one that could not be stopped).
      await paymentSucceeds(intent, `evt_late_${milestoneId}`);
      await paymentSucceeds(intent, `evt_late_again_${milestoneId}`);
      expect(await milestoneOf(owner.accessToken, contractId, milestoneId)).toMatchObject({ status: 'CANCELLED' });
      expect(await refundJobs(milestoneId)).toHaveLength(1);
      expect(await escrowHeld(contractId)).toBe(0);
      expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings.pendingCents).toBe(0);
      expect((await notificationsOf(coder)).map((n) => n.kind)).not.toContain('MILESTONE_FUNDED');
      await drain();
      await drain();
      expect(
        fake
          .created('re_fake_')
          .filter((r) => r.payment_intent === intent.id)
          .map((r) => r.amount),
      ).toEqual([25000]);
      expect(ok(await app.gql(END, { id: contractId }, owner.accessToken)).endContract.status).toBe('ENDED');
    });

    it('refunds the payment whose webhook was being applied when the cancel committed', async () => {
      const parties = await fixedPriceContract();
      const { milestoneId, intent } = await fundingMilestone(parties, 15000);
      // Another transaction holds the milestone's row, so both writers queue on it: the cancel first
      // (Stripe has cancelled the intent; its UPDATE waits), then the webhook (its locking read waits
      // too; the cancel commits first, so the webhook finds the milestone CANCELLED).
      const locker = new pg.Client({ connectionString: app.config.databaseUrl });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('SELECT 1 FROM milestones WHERE id = $1 FOR UPDATE', [milestoneId]);
        const waiting = async () =>
          Number(
            (
              await app.sql<{ n: string }>(
                `SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND (query LIKE 'UPDATE "milestones"%' OR query LIKE '%FROM "milestones"%FOR UPDATE%')`,
              )
            )[0].n,
          );
        const cancelling = app.gql(CANCEL, { id: milestoneId }, parties.owner.accessToken);
        await eventually(async () => (await waiting()) === 1, 'the cancel waiting on the row');
        const delivering = webhook('payment_intent.succeeded', { ...intent, status: 'succeeded', amount_received: intent.amount });
        await eventually(async () => (await waiting()) === 2, 'the webhook waiting on the row');
        await locker.query('ROLLBACK');
        expect(ok(await cancelling).cancelMilestone.status).toBe('CANCELLED');
        expect((await delivering).status).toBe(200);
      } finally {
        await locker.end();
      }
      expect(await refundJobs(milestoneId)).toHaveLength(1);
      expect(await escrowHeld(parties.contractId)).toBe(0);
    });

    it('settles a succeeded webhook racing the cancel one way or the other, never both', async () => {
      const parties = await fixedPriceContract();
      for (let i = 0; i < 6; i++) {
        const { milestoneId, intent } = await fundingMilestone(parties, 10000 + i);
        const [cancel, delivered] = await Promise.all([
          app.gql(CANCEL, { id: milestoneId }, parties.owner.accessToken),
          webhook('payment_intent.succeeded', { ...intent, status: 'succeeded', amount_received: intent.amount }),
        ]);
        expect(delivered.status).toBe(200);
        const { status } = await milestoneOf(parties.owner.accessToken, parties.contractId, milestoneId);
        if (cancel.errors) {
          // The payment landed first: funded, nothing to refund.
          expect([cancel.errors[0].extensions.code, status]).toEqual(['CONFLICT', 'FUNDED']);
          expect(await refundJobs(milestoneId)).toEqual([]);
        } else {
          // The cancel landed first: the money that still came is on its way back.
          expect(status).toBe('CANCELLED');
          expect(await refundJobs(milestoneId)).toHaveLength(1);
        }
      }
    });
  });

  describe('reviews', () => {
    it('refuses a review on a contract no money reached the coder on, even after a refund', async () => {
      const puppet = await fixedPriceContract();
      ok(await app.gql(END, { id: puppet.contractId }, puppet.owner.accessToken));
      for (const party of [puppet.owner, puppet.coder]) {
        expect(failed(await app.gql(LEAVE_REVIEW, { id: puppet.contractId, rating: 5 }, party.accessToken), 'CONFLICT').message).toBe(
          'Reviews are for contracts where money reached the coder (a milestone released or an invoice paid); no money moved on this one',
        );
      }
      const refunded = await fundedMilestone(20000);
      ok(await app.gql(REFUND, { id: refunded.milestoneId }, refunded.owner.accessToken));
      ok(await app.gql(END, { id: refunded.contractId }, refunded.owner.accessToken));
      failed(await app.gql(LEAVE_REVIEW, { id: refunded.contractId, rating: 5 }, refunded.owner.accessToken), 'CONFLICT');
      expect(await app.sql(`SELECT 1 FROM reviews WHERE contract_id IN ($1, $2)`, [puppet.contractId, refunded.contractId])).toEqual([]);
    });

    it('takes a review once the practice paid an invoice of the contract, not while it is only billed', async () => {
      const { owner, coder, organizationId, contractId } = await acceptedContract(
        app,
        { payModel: 'PERCENT_OF_COLLECTIONS', rateCents: null, percentOfCollectionsBps: 600, workType: 'BILLING' },
        { payModel: 'PERCENT_OF_COLLECTIONS', percentOfCollectionsBps: 500 },
      );
      const { reportCollections: invoice } = ok(
        await app.gql(
          `mutation($c: ID!) { reportCollections(contractId: $c, periodStart: "2026-10-01", periodEnd: "2026-10-31", collectedCents: 400000) { id status } }`,
          { c: contractId },
          owner.accessToken,
        ),
      );
      ok(await app.gql(END, { id: contractId }, coder.accessToken));
      failed(await app.gql(LEAVE_REVIEW, { id: contractId, rating: 5 }, coder.accessToken), 'CONFLICT');

      // The practice saves a card; its review window over, the charge goes out and Stripe confirms it: the invoice is paid (and released to the coder).
      await app.sql(`UPDATE invoices SET due_at = now() - interval '1 minute' WHERE id = $1`, [invoice.id]);
      expect(await app.app.get(InvoicesService).chargeDue()).toBeGreaterThanOrEqual(1);
      const clientSecret = ok(await app.gql(`mutation($org: ID!) { startPaymentMethodSetup(organizationId: $org) }`, { org: organizationId }, owner.accessToken)).startPaymentMethodSetup;
      const setup = fake.objects.get(clientSecret.split('_secret_')[0])!;
      expect((await webhook('setup_intent.succeeded', { ...setup, status: 'succeeded', payment_method: 'pm_card_visa' })).status).toBe(200);
      await drain();
      const charge = fake.created('pi_fake_').find((pi) => pi.metadata.invoiceId === invoice.id)!;
      expect((await webhook('payment_intent.succeeded', { ...charge, amount_received: charge.amount })).status).toBe(200);
      expect(ok(await app.gql(`query($c: ID!) { invoices(contractId: $c) { id status } }`, { c: contractId }, coder.accessToken)).invoices).toEqual([{ id: invoice.id, status: 'RELEASED' }]);
      expect(ok(await app.gql(LEAVE_REVIEW, { id: contractId, rating: 5 }, coder.accessToken)).leaveReview).toMatchObject({ authorSide: 'coder' });
    });

    it('takes both reviews once a milestone was released to the coder', async () => {
      const { owner, coder, contractId, milestoneId } = await submittedMilestone(20000);
      ok(await app.gql(APPROVE, { id: milestoneId }, owner.accessToken));
      ok(await app.gql(END, { id: contractId }, coder.accessToken));
      expect(ok(await app.gql(LEAVE_REVIEW, { id: contractId, rating: 5 }, owner.accessToken)).leaveReview).toMatchObject({ authorSide: 'provider', published: false });
      expect(ok(await app.gql(LEAVE_REVIEW, { id: contractId, rating: 4 }, coder.accessToken)).leaveReview).toMatchObject({ authorSide: 'coder', published: true });
    });
  });

  describe('disputes', () => {
    it("shows a contract's disputes, with the admin's decision and the amounts, to both parties and admins, and to no one else", async () => {
      const { owner, coder, contractId } = await submittedMilestone(50000);
      const { openDispute } = ok(await app.gql(OPEN_DISPUTE, { contract: contractId, reason: 'No answer to my delivery for a week' }, coder.accessToken));
      const open = { id: openDispute.id, reason: 'No answer to my delivery for a week', openedBySide: 'coder', status: 'OPEN', outcome: null, heldCents: null, coderCents: null, practiceCents: null };
      for (const party of [owner, coder]) expect(ok(await app.gql(DISPUTES, { id: contractId }, party.accessToken)).contract.disputes).toEqual([expect.objectContaining(open)]);

      const admin = await given(app).admin();
      ok(await app.gql(RESOLVE, { id: openDispute.id, input: { outcome: 'SPLIT', coderCents: 35000, note: 'Most charts were right' } }, admin.accessToken));
      const resolved = {
        ...open,
        status: 'RESOLVED',
        outcome: 'SPLIT',
        heldCents: 50000,
        coderCents: 35000,
        practiceCents: 15000,
        resolutionNote: 'Most charts were right',
        resolvedAt: expect.any(String),
      };
      for (const viewer of [owner, coder, admin]) expect(ok(await app.gql(DISPUTES, { id: contractId }, viewer.accessToken)).contract.disputes).toEqual([resolved]);
      const listed = ok(await app.gql(`{ myContracts { edges { node { id disputes { id outcome practiceCents } } } } }`, {}, owner.accessToken)).myContracts.edges as Untyped[];
      expect(listed.find((edge) => edge.node.id === contractId).node.disputes).toEqual([{ id: openDispute.id, outcome: 'SPLIT', practiceCents: 15000 }]);

      const strangers = [(await given(app).practice()).owner, await given(app).coder()];
      for (const stranger of strangers) {
        expect(failed(await app.gql(DISPUTES, { id: contractId }, stranger.accessToken), 'NOT_FOUND').message).toBe('Contract not found');
        const theirs = ok(await app.gql(`{ myContracts { edges { node { id disputes { id } } } } }`, {}, stranger.accessToken)).myContracts.edges as Untyped[];
        expect(theirs.map((edge) => edge.node.id)).not.toContain(contractId);
      }
      failed(await app.gql(DISPUTES, { id: contractId }), 'UNAUTHENTICATED');
    });
  });
});
