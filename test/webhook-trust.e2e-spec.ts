import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { InvoicesService } from '../src/contracts/invoices.service.js';
import { OutboxService } from '../src/outbox/outbox.service.js';
import { FakeStripe, fakeStripeEnv } from './support/fake-stripe.js';
import { failed, ok } from './support/given.js';
import { acceptedContract, expectLedgerBalanced, webhookSender } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const WEBHOOK_SECRET = 'whsec_test_webhook_trust';
const CREATE_MILESTONE = `mutation($contract: ID!, $input: CreateMilestoneInput!) { createMilestone(contractId: $contract, input: $input) { id } }`;
const FUND = `mutation($id: ID!) { fundMilestone(id: $id) { milestoneId clientSecret status } }`;
const MILESTONES = `query($id: ID!) { contract(id: $id) { milestones { id status } } }`;
const INVOICES = `query($contract: ID!) { invoices(contractId: $contract) { id amountCents status } }`;
const SETUP = `mutation($org: ID!) { startPaymentMethodSetup(organizationId: $org) }`;
const COLLECTIONS = `mutation($contract: ID!, $day: Date!, $cents: Int!) { reportCollections(contractId: $contract, periodStart: $day, periodEnd: $day, collectedCents: $cents) { id amountCents status } }`;
const ONBOARD = `mutation { startPayoutOnboarding(returnUrl: "https://app.chartbridge.test/payouts/done", refreshUrl: "https://app.chartbridge.test/payouts/retry") }`;

/**
 * Issue 15, item 4: a `payment_intent.succeeded` moves money only when it is the intent we recorded
 * for the milestone or invoice, for its amount and currency. Each scenario comes from the dishonest
 * side (a foreign intent, a doctored amount or currency, metadata alone, another account's event)
 * and ends with the object where it was, the event stored with what it did, and the ledger balanced.
 */
describe('webhooks trust only what we asked for (Stripe SDK against the local fake)', () => {
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
  const send = async (type: string, object: Record<string, unknown>, envelope: Record<string, unknown> = {}) => {
    const id = `evt_trust_${randomUUID()}`;
    expect((await webhookSender(app, WEBHOOK_SECRET)(type, object, id, envelope)).status).toBe(200);
    return id;
  };
  const stored = async (eventId: string) =>
    (
      await app.sql<{ outcome: string; outcome_detail: string | null; processed: boolean }>(`SELECT outcome, outcome_detail, processed_at IS NOT NULL AS processed FROM stripe_events WHERE id = $1`, [
        eventId,
      ])
    )[0];
  const escrow = async (contractId: string) =>
    (await app.sql<{ total: string }>(`SELECT coalesce(sum(amount_cents), 0)::text AS total FROM ledger_entries WHERE account = $1`, [`escrow:${contractId}`]))[0].total;

  const funded = async (invoiceId: string) => (await app.sql(`SELECT 1 FROM ledger_journals WHERE reference = $1`, [`invoice:${invoiceId}:funded`])).length === 1;

  const fixedPrice = () => acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 300000 }, { rateCents: 250000 });
  async function milestone(amountCents = 40000) {
    const parties = await fixedPrice();
    const { createMilestone } = ok(await app.gql(CREATE_MILESTONE, { contract: parties.contractId, input: { title: 'Q1 backlog', amountCents } }, parties.owner.accessToken));
    const status = async () => ok(await app.gql(MILESTONES, { id: parties.contractId }, parties.owner.accessToken)).contract.milestones.map((m: Untyped) => m.status);
    return { ...parties, milestoneId: createMilestone.id as string, status };
  }
  async function fundingMilestone(amountCents = 40000) {
    const m = await milestone(amountCents);
    const { fundMilestone } = ok(await app.gql(FUND, { id: m.milestoneId }, m.owner.accessToken));
    return { ...m, intent: fake.objects.get(fundMilestone.clientSecret.split('_secret_')[0])! };
  }
  const succeeded = (intent: Record<string, Untyped>, overrides: Record<string, unknown> = {}) => ({ ...intent, status: 'succeeded', amount_received: intent.amount, ...overrides });

  describe('milestones', () => {
    it('does not fund a milestone from a succeeded intent that is not the one it recorded, whatever the metadata says', async () => {
      const { contractId, milestoneId, intent, status } = await fundingMilestone();
      // An intent made elsewhere (another integration, the dashboard, a replay from another environment) naming our milestone.
      const foreign = await send('payment_intent.succeeded', succeeded({ ...intent, id: 'pi_foreign_1' }));
      expect(await status()).toEqual(['FUNDING']);
      expect(await escrow(contractId)).toBe('0');
      expect(await stored(foreign)).toEqual({ outcome: 'MISMATCH', outcome_detail: `milestone ${milestoneId} awaits ${intent.id}, not pi_foreign_1`, processed: true });

      // Our own intent still funds it.
      expect((await stored(await send('payment_intent.succeeded', succeeded(intent)))).outcome).toBe('APPLIED');
      expect(await status()).toEqual(['FUNDED']);
      expect(await escrow(contractId)).toBe('-40000');
    });

    it('does not fund a milestone when our intent reports another amount or currency', async () => {
      const { contractId, milestoneId, intent, status } = await fundingMilestone(40000);
      const events = [
        await send('payment_intent.succeeded', succeeded(intent, { amount: 100, amount_received: 100 })),
        await send('payment_intent.succeeded', succeeded(intent, { amount_received: 39999 })),
        await send('payment_intent.succeeded', succeeded(intent, { currency: 'eur' })),
        await send('payment_intent.succeeded', succeeded(intent, { currency: 'USD ' })),
      ];
      expect(await status()).toEqual(['FUNDING']);
      expect(await escrow(contractId)).toBe('0');
      const outcomes = await Promise.all(events.map(stored));
      expect(outcomes.map((o) => o.outcome)).toEqual(['MISMATCH', 'MISMATCH', 'MISMATCH', 'MISMATCH']);
      expect(outcomes[2].outcome_detail).toBe(`${intent.id} is in eur, milestone ${milestoneId} in usd`);
      // The honest event afterwards still funds it, once.
      await send('payment_intent.succeeded', succeeded(intent));
      await send('payment_intent.succeeded', succeeded(intent));
      expect(await status()).toEqual(['FUNDED']);
      expect(await escrow(contractId)).toBe('-40000');
    });

    it('never funds a milestone that has no intent from metadata alone, nor later when it is funded with another intent', async () => {
      const { owner, contractId, milestoneId, status } = await milestone(25000);
      const metadataOnly = await send('payment_intent.succeeded', {
        id: 'pi_forged_1',
        object: 'payment_intent',
        amount: 25000,
        amount_received: 25000,
        currency: 'usd',
        status: 'succeeded',
        metadata: { kind: 'milestone', milestoneId, contractId },
      });
      expect(await status()).toEqual(['CREATED']);
      expect(await stored(metadataOnly)).toMatchObject({ outcome: 'IGNORED' });

      // Funding it records our own intent; the forged payment stays unapplied.
      const { fundMilestone } = ok(await app.gql(FUND, { id: milestoneId }, owner.accessToken));
      expect(fundMilestone.status).toBe('FUNDING');
      expect(await stored(metadataOnly)).toMatchObject({ outcome: 'IGNORED' });
      expect(await escrow(contractId)).toBe('0');
      await send('payment_intent.succeeded', succeeded(fake.objects.get(fundMilestone.clientSecret.split('_secret_')[0])!));
      expect(await status()).toEqual(['FUNDED']);
    });

    it('applies a success that overtook the recording of our intent once the intent is recorded', async () => {
      const { owner, milestoneId, status } = await milestone(12000);
      // Stripe makes the intent but every answer is lost: fundMilestone fails, nothing is recorded.
      fake.failAfterEffect('/v1/payment_intents', 3);
      failed(await app.gql(FUND, { id: milestoneId }, owner.accessToken), 'INTERNAL_SERVER_ERROR');
      const intent = fake.created('pi_fake_').find((pi) => pi.metadata.milestoneId === milestoneId)!;
      const early = await send('payment_intent.succeeded', succeeded(intent));
      expect(await status()).toEqual(['CREATED']);
      expect((await stored(early)).outcome).toBe('IGNORED');

      // Funding again gets the same intent (same idempotency key), records it, and the stored success applies.
      ok(await app.gql(FUND, { id: milestoneId }, owner.accessToken));
      expect(await status()).toEqual(['FUNDED']);
      expect((await stored(early)).outcome).toBe('APPLIED');
    });

    it('ignores events for milestones that do not exist and events of other Stripe accounts', async () => {
      const { contractId, intent, status } = await fundingMilestone(9000);
      const unknown = await send('payment_intent.succeeded', succeeded(intent, { metadata: { kind: 'milestone', milestoneId: randomUUID(), contractId } }));
      const notAnId = await send('payment_intent.succeeded', succeeded(intent, { metadata: { kind: 'milestone', milestoneId: "x' OR 1=1", contractId } }));
      // A Connect event: a connected account's own object, even when it carries our ids.
      const connect = await send('payment_intent.succeeded', succeeded(intent), { account: 'acct_someone_else' });
      expect(await status()).toEqual(['FUNDING']);
      expect((await Promise.all([unknown, notAnId, connect].map(stored))).map((o) => o.outcome)).toEqual(['IGNORED', 'IGNORED', 'IGNORED']);
      expect((await stored(connect)).outcome_detail).toMatch(/connected account acct_someone_else/);
      await send('payment_intent.succeeded', succeeded(intent));
      expect(await status()).toEqual(['FUNDED']);
    });
  });

  describe('invoices', () => {
    /** A collections contract whose practice saved a card, with one reported period invoiced and its review window over (OPEN, its charge queued). */
    async function invoiced(collectedCents = 1_000_000) {
      const parties = await acceptedContract(
        app,
        { payModel: 'PERCENT_OF_COLLECTIONS', rateCents: null, percentOfCollectionsBps: 600, workType: 'BILLING' },
        { payModel: 'PERCENT_OF_COLLECTIONS', percentOfCollectionsBps: 500 },
      );
      const setup = fake.objects.get(ok(await app.gql(SETUP, { org: parties.organizationId }, parties.owner.accessToken)).startPaymentMethodSetup.split('_secret_')[0])!;
      await send('setup_intent.succeeded', { ...setup, status: 'succeeded', payment_method: 'pm_card_visa' });
      const today = new Date().toISOString().slice(0, 10);
      const invoice = ok(await app.gql(COLLECTIONS, { contract: parties.contractId, day: today, cents: collectedCents }, parties.owner.accessToken)).reportCollections;
      await app.sql(`UPDATE invoices SET due_at = now() - interval '1 minute' WHERE id = $1`, [invoice.id]);
      expect(await app.app.get(InvoicesService).chargeDue()).toBeGreaterThanOrEqual(1);
      const status = async () => ok(await app.gql(INVOICES, { contract: parties.contractId }, parties.owner.accessToken)).invoices.map((i: Untyped) => i.status);
      const charge = () => fake.created('pi_fake_').find((pi) => pi.metadata.invoiceId === invoice.id);
      return { ...parties, invoice, status, charge };
    }

    it('pays an invoice only with the charge we made for it, for its amount', async () => {
      const { contractId, invoice, status, charge } = await invoiced();
      const metadataOnly = await send('payment_intent.succeeded', {
        id: 'pi_forged_invoice',
        object: 'payment_intent',
        amount: invoice.amountCents,
        amount_received: invoice.amountCents,
        currency: 'usd',
        metadata: { kind: 'invoice', invoiceId: invoice.id, contractId },
      });
      expect(await status()).toEqual(['OPEN']);
      expect((await stored(metadataOnly)).outcome).toBe('IGNORED');

      await drain();
      const ours = charge()!;
      const foreign = await send('payment_intent.succeeded', succeeded({ ...ours, id: 'pi_foreign_invoice' }));
      const cheaper = await send('payment_intent.succeeded', succeeded(ours, { amount: 1, amount_received: 1 }));
      expect(await status()).toEqual(['OPEN']);
      expect(await escrow(contractId)).toBe('0');
      expect((await Promise.all([metadataOnly, foreign, cheaper].map(stored))).map((o) => o.outcome)).toEqual(['IGNORED', 'MISMATCH', 'MISMATCH']);

      await send('payment_intent.succeeded', succeeded(ours));
      // Paid after its review window: funded into escrow and released to the coder at once.
      expect(await status()).toEqual(['RELEASED']);
      expect(await funded(invoice.id)).toBe(true);
    });

    it("applies a charge's success reported before the charge's result was recorded, once it is", async () => {
      const { invoice, status, charge } = await invoiced(400_000);
      // Stripe charges the card and reports it, but our worker never hears the answer.
      fake.failAfterEffect('/v1/payment_intents', 3);
      await drain();
      const early = await send('payment_intent.succeeded', succeeded(charge()!));
      expect(await status()).toEqual(['OPEN']);
      expect((await stored(early)).outcome).toBe('IGNORED');

      // The retry (same key, same charge) records the intent, and the stored success is applied with it.
      await app.sql(`UPDATE outbox_jobs SET run_after = now() WHERE idempotency_key = $1`, [`charge:invoice:${invoice.id}`]);
      await drain();
      expect(fake.created('pi_fake_').filter((pi) => pi.metadata.invoiceId === invoice.id)).toHaveLength(1);
      expect(await status()).toEqual(['RELEASED']);
      expect((await stored(early)).outcome).toBe('APPLIED');
      expect(await funded(invoice.id)).toBe(true);
    });
  });

  describe('connected accounts', () => {
    it("ignores account.updated for accounts that are not our payees', and applies one delivered by Connect for our own", async () => {
      const before = fake.calls.filter((c) => c.method === 'GET').length;
      const unknown = await send('account.updated', { id: 'acct_not_ours', object: 'account', payouts_enabled: true });
      const mislabelled = await send('account.updated', { id: 'acct_not_ours', object: 'account', payouts_enabled: true }, { account: 'acct_other' });
      expect((await Promise.all([unknown, mislabelled].map(stored))).map((o) => o.outcome)).toEqual(['IGNORED', 'IGNORED']);
      // Nothing was even looked up at Stripe for them.
      expect(fake.calls.filter((c) => c.method === 'GET').length).toBe(before);

      const { coder } = await fixedPrice();
      ok(await app.gql(ONBOARD, {}, coder.accessToken));
      const account = fake.created('acct_fake_').find((x) => x.email === coder.user.email)!;
      account.payouts_enabled = true;
      account.details_submitted = true;
      const ours = await send('account.updated', { id: account.id, object: 'account' }, { account: account.id });
      expect((await stored(ours)).outcome).toBe('APPLIED');
      expect(ok(await app.gql(`{ payoutAccount { status } }`, {}, coder.accessToken)).payoutAccount.status).toBe('ENABLED');
    });
  });
});
