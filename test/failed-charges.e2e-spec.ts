import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { todayUtc } from '../src/common/scalars/local-date.scalar.js';
import { InvoicesService } from '../src/contracts/invoices.service.js';
import { addDays, previousWeek } from '../src/domain/work-days.js';
import { OutboxService } from '../src/outbox/outbox.service.js';
import { FakeStripe, fakeStripeEnv } from './support/fake-stripe.js';
import { failed, given, ok, Session } from './support/given.js';
import { acceptedContract, backdateContract, expectLedgerBalanced, webhookSender } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const WEBHOOK_SECRET = 'whsec_test_failed_charges';
const PAUSE = `mutation($id: ID!) { pauseContract(id: $id) { id status pausedAt pauseReason } }`;
const RESUME = `mutation($id: ID!) { resumeContract(id: $id) { id status pausedAt pauseReason } }`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { id status pausedAt pauseReason } }`;
const LOG = `mutation($contract: ID!, $input: LogWorkInput!) { logWork(contractId: $contract, input: $input) { id } }`;
const INVOICES = `query($contract: ID!) { invoices(contractId: $contract) { id status amountCents chargeAttempts nextChargeAt } }`;
const SUBMIT = `mutation($id: ID!) { submitCodedBatch(contractId: $id, input: { encounters: [{ chartRef: "P-1", serviceDate: "2026-11-02", icd10cm: ["I10"] }] }) { id } }`;
const NOTIFICATIONS = `{ myNotifications(first: 50) { edges { node { kind message data } } } }`;
const hourly = { payModel: 'HOURLY', rateCents: 6000 };
const DAY = 86_400_000;

describe('pausing and resuming contracts, and failed charges', () => {
  const fake = new FakeStripe();
  let app: TestApp;
  let a: ReturnType<typeof given>;

  beforeAll(async () => {
    const port = await fake.start();
    // The retry schedule as the issue suggests it: the next day, then days 3 and 5.
    app = await TestApp.start({ ...fakeStripeEnv(port, WEBHOOK_SECRET), INVOICE_CHARGE_RETRY_DAYS: '1,3,5' });
    a = given(app);
  });
  afterEach(() => expectLedgerBalanced(app));
  afterAll(async () => {
    await app?.close();
    await fake.stop();
  });

  const invoicing = () => app.app.get(InvoicesService);
  const drain = () => app.app.get(OutboxService).drain();
  const contractOf = async (viewer: Session, id: string) => ok(await app.gql(CONTRACT, { id }, viewer.accessToken)).contract;
  const invoicesOf = async (viewer: Session, id: string) => ok(await app.gql(INVOICES, { contract: id }, viewer.accessToken)).invoices as Untyped[];
  const kindsOf = async (viewer: Session) => ok(await app.gql(NOTIFICATIONS, {}, viewer.accessToken)).myNotifications.edges.map((e: Untyped) => e.node.kind) as string[];
  async function webhook(type: string, object: Record<string, unknown>) {
    expect((await webhookSender(app, WEBHOOK_SECRET)(type, object)).status).toBe(200);
  }
  async function saveCard(owner: Session, organizationId: string, paymentMethod: string) {
    const secret = ok(await app.gql(`mutation($org: ID!) { startPaymentMethodSetup(organizationId: $org) }`, { org: organizationId }, owner.accessToken)).startPaymentMethodSetup;
    const setup = fake.objects.get(secret.split('_secret_')[0])!;
    await webhook('setup_intent.succeeded', { ...setup, status: 'succeeded', payment_method: paymentMethod });
  }

  describe('pauseContract and resumeContract', () => {
    it("are the practice OWNER's or ADMIN's: the coder, a practice MEMBER and an admin are FORBIDDEN, other tenants NOT_FOUND", async () => {
      const { owner, coder, organizationId, contractId } = await acceptedContract(app, hourly, hourly);
      const member = await a.member(owner, organizationId);
      const outsiders = [await a.provider(), await a.coder()];
      for (const mutation of [PAUSE, RESUME]) {
        for (const refused of [coder, member, await a.admin()]) failed(await app.gql(mutation, { id: contractId }, refused.accessToken), 'FORBIDDEN');
        for (const outsider of outsiders) failed(await app.gql(mutation, { id: contractId }, outsider.accessToken), 'NOT_FOUND');
      }
      expect((await contractOf(owner, contractId)).status).toBe('ACTIVE');
    });

    it('stops logging and coded batches while PAUSED (reading goes on), tells the coder, and refuses days a pause covered after it resumes', async () => {
      const { owner, coder, contractId } = await acceptedContract(app, { ...hourly, requiresBaa: false }, hourly);
      await backdateContract(app, contractId, 20);
      const today = todayUtc();
      // Paused twice at once: one pause, the other answers CONFLICT.
      const both = await Promise.all([app.gql(PAUSE, { id: contractId }, owner.accessToken), app.gql(PAUSE, { id: contractId }, owner.accessToken)]);
      expect(both.map((r) => r.errors?.[0]?.extensions.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
      const seen = await contractOf(coder, contractId);
      expect(seen).toMatchObject({ status: 'PAUSED', pauseReason: 'PROVIDER' });
      expect(Date.now() - new Date(seen.pausedAt).getTime()).toBeLessThan(60_000);
      expect(await kindsOf(coder)).toContain('CONTRACT_PAUSED');

      failed(await app.gql(LOG, { contract: contractId, input: { workedOn: today, minutes: 60 } }, coder.accessToken), 'CONFLICT');
      failed(await app.gql(SUBMIT, { id: contractId }, coder.accessToken), 'CONFLICT');
      ok(await app.gql(`query($id: ID!) { codedBatches(contractId: $id) { edges { node { id } } } }`, { id: contractId }, owner.accessToken));
      ok(await app.gql(`query($id: ID!) { documents(contractId: $id) { id } }`, { id: contractId }, coder.accessToken));

      // Paused four days ago, resumed now: the three days in between were paused all day.
      await app.sql(`UPDATE contract_pauses SET paused_at = now() - interval '4 days' WHERE contract_id = $1`, [contractId]);
      await app.sql(`UPDATE contracts SET paused_at = now() - interval '4 days' WHERE id = $1`, [contractId]);
      expect(ok(await app.gql(RESUME, { id: contractId }, owner.accessToken)).resumeContract).toMatchObject({ status: 'ACTIVE', pausedAt: null, pauseReason: null });
      failed(await app.gql(RESUME, { id: contractId }, owner.accessToken), 'CONFLICT');
      expect(await kindsOf(coder)).toContain('CONTRACT_RESUMED');
      for (const day of [-3, -2, -1]) {
        expect(failed(await app.gql(LOG, { contract: contractId, input: { workedOn: addDays(today, day), minutes: 60 } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual([
          'input.workedOn',
        ]);
      }
      // The day it was paused and the day it resumed were worked in part.
      for (const day of [-4, 0, -5]) ok(await app.gql(LOG, { contract: contractId, input: { workedOn: addDays(today, day), minutes: 60 } }, coder.accessToken));
      ok(await app.gql(SUBMIT, { id: contractId }, coder.accessToken));
    });

    it('pauses only an ACTIVE contract', async () => {
      const { owner, contractId } = await acceptedContract(app, hourly, hourly);
      ok(await app.gql(`mutation($id: ID!) { endContract(id: $id) { id } }`, { id: contractId }, owner.accessToken));
      failed(await app.gql(PAUSE, { id: contractId }, owner.accessToken), 'CONFLICT');
      failed(await app.gql(RESUME, { id: contractId }, owner.accessToken), 'CONFLICT');
    });
  });

  describe('a declined off-session charge', () => {
    /** An hourly contract whose last week's invoice is due, with a card saved that attaches but is declined (Stripe's `pm_card_chargeCustomerFail`). */
    async function dueInvoiceOnDecliningCard() {
      const parties = await acceptedContract(app, hourly, hourly);
      await backdateContract(app, parties.contractId, 14);
      const week = previousWeek(new Date());
      ok(await app.gql(LOG, { contract: parties.contractId, input: { workedOn: week.start, minutes: 120 } }, parties.coder.accessToken));
      await invoicing().generateWeeklyInvoices(new Date());
      const [invoice] = await invoicesOf(parties.owner, parties.contractId);
      expect(invoice).toMatchObject({ status: 'IN_REVIEW', amountCents: 12000 });
      await saveCard(parties.owner, parties.organizationId, 'pm_card_chargeCustomerFail');
      await app.sql(`UPDATE invoices SET due_at = now() - interval '1 minute' WHERE id = $1`, [invoice.id]);
      return { ...parties, invoiceId: invoice.id as string };
    }
    /** Brings a FAILED invoice's retry due, as if the days had passed. */
    const retryComesDue = (invoiceId: string) => app.sql(`UPDATE invoices SET next_charge_at = now() - interval '1 minute' WHERE id = $1`, [invoiceId]);
    const callsFor = (invoiceId: string, intentId?: string) =>
      fake.calls.filter((c) => (c.path === '/v1/payment_intents' && c.params['metadata[invoiceId]'] === invoiceId) || (intentId && c.path === `/v1/payment_intents/${intentId}/confirm`));

    it('marks the invoice FAILED and tells the practice, retries on the schedule, pauses the contract after the last try, and resumes it once a new card pays', async () => {
      const { owner, coder, organizationId, contractId, invoiceId } = await dueInvoiceOnDecliningCard();
      expect(await invoicing().chargeDue()).toBe(1);
      await drain();
      const [declined] = await invoicesOf(owner, contractId);
      expect(declined).toMatchObject({ status: 'FAILED', chargeAttempts: 1 });
      const firstDecline = Date.now();
      expect(Math.abs(new Date(declined.nextChargeAt).getTime() - (firstDecline + DAY))).toBeLessThan(60_000);
      expect(await kindsOf(owner)).toContain('INVOICE_PAYMENT_FAILED');
      // The one PaymentIntent of the invoice, left requires_payment_method by the decline (402 card_error).
      const intent = fake.created('pi_fake_').find((pi) => pi.metadata.invoiceId === invoiceId)!;
      expect(intent).toMatchObject({ status: 'requires_payment_method', last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' } });
      expect(callsFor(invoiceId)).toHaveLength(1);
      // Stripe's own event for it is stored, and changes nothing: the confirmation's answer was acted on.
      await webhook('payment_intent.payment_failed', { ...intent });
      expect(
        await app.sql(`SELECT processed_at IS NOT NULL AS processed FROM stripe_events WHERE type = 'payment_intent.payment_failed' AND payload->'data'->'object'->>'id' = $1`, [intent.id]),
      ).toEqual([{ processed: true }]);
      expect((await invoicesOf(owner, contractId))[0]).toMatchObject({ status: 'FAILED', chargeAttempts: 1 });
      // Not due yet: the jobs leave it alone, and draining again charges nothing.
      expect(await invoicing().chargeDue()).toBe(0);
      await drain();
      expect(callsFor(invoiceId, intent.id)).toHaveLength(1);

      // Retries on days 1, 3 and 5 after the first decline, each confirming the same intent under its own key.
      for (const [attempt, day] of [
        [2, 3],
        [3, 5],
      ]) {
        await retryComesDue(invoiceId);
        expect(await invoicing().chargeDue()).toBe(1);
        await drain();
        const invoice = (await invoicesOf(owner, contractId))[0];
        expect(invoice).toMatchObject({ status: 'FAILED', chargeAttempts: attempt });
        expect(Math.abs(new Date(invoice.nextChargeAt).getTime() - (firstDecline + day * DAY))).toBeLessThan(60_000);
        expect((await contractOf(coder, contractId)).status).toBe('ACTIVE');
      }
      await retryComesDue(invoiceId);
      expect(await invoicing().chargeDue()).toBe(1);
      await drain();
      const confirms = callsFor(invoiceId, intent.id).filter((c) => c.path.endsWith('/confirm'));
      expect(confirms.map((c) => c.idempotencyKey)).toEqual([`charge:invoice:${invoiceId}:2`, `charge:invoice:${invoiceId}:3`, `charge:invoice:${invoiceId}:4`]);
      expect(confirms.every((c) => c.params.payment_method === 'pm_card_chargeCustomerFail' && c.params.off_session === 'true')).toBe(true);

      // The last try failed: no more retries, the contract paused for the failed payment, and the coder sees it.
      expect((await invoicesOf(coder, contractId))[0]).toMatchObject({ status: 'FAILED', chargeAttempts: 4, nextChargeAt: null });
      expect(await contractOf(coder, contractId)).toMatchObject({ status: 'PAUSED', pauseReason: 'PAYMENT_FAILED' });
      expect(await kindsOf(coder)).toContain('CONTRACT_PAUSED');
      expect(await invoicing().chargeDue()).toBe(0);
      failed(await app.gql(LOG, { contract: contractId, input: { workedOn: todayUtc(), minutes: 30 } }, coder.accessToken), 'CONFLICT');
      // The practice cannot lift it without paying.
      failed(await app.gql(RESUME, { id: contractId }, owner.accessToken), 'CONFLICT');

      // A new card: the invoice is charged again at once with it, paid, released; the contract resumes.
      await saveCard(owner, organizationId, 'pm_card_visa');
      expect((await invoicesOf(owner, contractId))[0]).toMatchObject({ status: 'OPEN', chargeAttempts: 5 });
      await drain();
      const paidWith = callsFor(invoiceId, intent.id).at(-1)!;
      expect(paidWith).toMatchObject({ path: `/v1/payment_intents/${intent.id}/confirm`, idempotencyKey: `charge:invoice:${invoiceId}:5`, params: { payment_method: 'pm_card_visa' } });
      expect(fake.objects.get(intent.id)).toMatchObject({ status: 'succeeded', amount_received: 12000 });
      await webhook('payment_intent.succeeded', { ...fake.objects.get(intent.id)! });
      expect((await invoicesOf(coder, contractId))[0].status).toBe('RELEASED');
      expect(await contractOf(coder, contractId)).toMatchObject({ status: 'ACTIVE', pausedAt: null, pauseReason: null });
      expect(await kindsOf(coder)).toContain('CONTRACT_RESUMED');
      expect(fake.created('pi_fake_').filter((pi) => pi.metadata.invoiceId === invoiceId)).toHaveLength(1);
    });

    it('lets a dispute settle a declined invoice of a contract paused for it: a REFUND voids it and the contract runs again', async () => {
      const { owner, coder, contractId, invoiceId } = await dueInvoiceOnDecliningCard();
      await invoicing().chargeDue();
      await drain();
      // Every retry spent at once (as after day 5).
      await app.sql(`UPDATE invoices SET charge_attempts = 3, next_charge_at = now() - interval '1 minute' WHERE id = $1`, [invoiceId]);
      await invoicing().chargeDue();
      await drain();
      expect(await contractOf(coder, contractId)).toMatchObject({ status: 'PAUSED', pauseReason: 'PAYMENT_FAILED' });

      const { openDispute } = ok(await app.gql(`mutation($id: ID!) { openDispute(contractId: $id, reason: "Not worked") { id } }`, { id: contractId }, owner.accessToken));
      // While disputed, a new card charges nothing.
      await saveCard(owner, (await app.sql<{ organization_id: string }>(`SELECT organization_id FROM contracts WHERE id = $1`, [contractId]))[0].organization_id, 'pm_card_visa');
      expect((await invoicesOf(owner, contractId))[0].status).toBe('FAILED');
      ok(await app.gql(`mutation($id: ID!) { resolveDispute(id: $id, input: { outcome: REFUND }) { id } }`, { id: openDispute.id }, (await a.admin()).accessToken));
      expect((await invoicesOf(owner, contractId))[0]).toMatchObject({ status: 'VOID' });
      expect(await contractOf(coder, contractId)).toMatchObject({ status: 'ACTIVE', pauseReason: null });
    });
  });
});
