import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { InvoicesService } from '../src/contracts/invoices.service.js';
import { previousWeek } from '../src/domain/work-days.js';
import { OutboxService } from '../src/outbox/outbox.service.js';
import { FakeStripe, fakeStripeEnv } from './support/fake-stripe.js';
import { failed, given, ok } from './support/given.js';
import { acceptedContract, backdateContract, expectLedgerBalanced, signBaa, webhookSender } from './support/money.js';
import { todayUtc } from '../src/common/scalars/local-date.scalar.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const WEBHOOK_SECRET = 'whsec_test_invoices';
const LOG = `mutation($contract: ID!, $input: LogWorkInput!) { logWork(contractId: $contract, input: $input) { id workedOn minutes charts invoiced } }`;
const INVOICES = `query($contract: ID!) { invoices(contractId: $contract) { id kind periodStart periodEnd quantity amountCents status dueAt chargeAttempts releaseAfter lines { workedOn minutes codedBatchId charts } } }`;
const SETUP = `mutation($org: ID!) { startPaymentMethodSetup(organizationId: $org) }`;
const COLLECTIONS = `mutation($contract: ID!, $start: Date!, $end: Date!, $cents: Int!) { reportCollections(contractId: $contract, periodStart: $start, periodEnd: $end, collectedCents: $cents) { id kind amountCents quantity status } }`;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('hourly and collections invoices (Stripe SDK against the local fake)', () => {
  const fake = new FakeStripe();
  let app: TestApp;
  let a: ReturnType<typeof given>;

  beforeAll(async () => {
    const port = await fake.start();
    app = await TestApp.start({
      ...fakeStripeEnv(port, WEBHOOK_SECRET),
    });
    a = given(app);
  });
  afterEach(() => expectLedgerBalanced(app));
  afterAll(async () => {
    await app?.close();
    await fake.stop();
  });

  const drain = () => app.app.get(OutboxService).drain();
  const invoicing = () => app.app.get(InvoicesService);
  async function webhook(type: string, object: Record<string, unknown>) {
    expect((await webhookSender(app, WEBHOOK_SECRET)(type, object)).status).toBe(200);
  }
  const contract = (job: Record<string, unknown>, bid: Record<string, unknown>) => acceptedContract(app, job, bid);

  it('invoices a week of hourly work in review with its lines, charges the saved card once the review window passes, and releases it to the coder', async () => {
    const { owner, coder, organizationId, contractId } = await contract({ payModel: 'HOURLY', rateCents: 6000 }, { payModel: 'HOURLY', rateCents: 6000 });
    await backdateContract(app, contractId, 14);
    const week = previousWeek(new Date());
    ok(await app.gql(LOG, { contract: contractId, input: { workedOn: week.start, minutes: 30 } }, coder.accessToken));
    const replaced = ok(await app.gql(LOG, { contract: contractId, input: { workedOn: week.start, minutes: 90, note: 'Charts 1001-1040' } }, coder.accessToken)).logWork;
    expect(replaced).toMatchObject({ workedOn: week.start, minutes: 90, charts: null, invoiced: false });
    ok(await app.gql(LOG, { contract: contractId, input: { workedOn: addDays(week.start, 2), minutes: 150 } }, coder.accessToken));
    ok(await app.gql(LOG, { contract: contractId, input: { workedOn: addDays(week.end, 1), minutes: 60 } }, coder.accessToken));

    expect(await invoicing().generateWeeklyInvoices(new Date())).toBeGreaterThanOrEqual(1);
    expect(await invoicing().generateWeeklyInvoices(new Date())).toBe(0);
    const [invoice] = ok(await app.gql(INVOICES, { contract: contractId }, owner.accessToken)).invoices;
    expect(invoice).toMatchObject({
      kind: 'WORK',
      periodStart: week.start,
      periodEnd: week.end,
      quantity: 240,
      amountCents: 24000,
      status: 'IN_REVIEW',
      chargeAttempts: 0,
      lines: [
        { workedOn: week.start, minutes: 90, codedBatchId: null, charts: null },
        { workedOn: addDays(week.start, 2), minutes: 150, codedBatchId: null, charts: null },
      ],
    });
    expect((new Date(invoice.dueAt).getTime() - Date.now()) / 86_400_000).toBeGreaterThan(6.9);
    failed(await app.gql(LOG, { contract: contractId, input: { workedOn: week.start, minutes: 10 } }, coder.accessToken), 'CONFLICT');
    const logs = ok(await app.gql(`query($id: ID!) { contract(id: $id) { workLogs { workedOn invoiced } } }`, { id: contractId }, coder.accessToken)).contract.workLogs;
    expect(logs.filter((l: Untyped) => l.invoiced)).toHaveLength(2);
    expect(logs.filter((l: Untyped) => !l.invoiced)).toHaveLength(1);

    // In review: nothing is charged, however often the jobs run.
    expect(await invoicing().chargeDue()).toBe(0);
    await drain();
    expect(fake.calls.filter((c) => c.path === '/v1/payment_intents' && c.params['metadata[invoiceId]'] === invoice.id)).toHaveLength(0);
    await app.sql(`UPDATE invoices SET due_at = now() - interval '1 minute' WHERE id = $1`, [invoice.id]);
    expect(await invoicing().chargeDue()).toBe(1);
    expect(await invoicing().chargeDue()).toBe(0);
    // No card yet: the charge waits for one.
    await drain();
    expect(fake.calls.filter((c) => c.path === '/v1/payment_intents' && c.params['metadata[invoiceId]'] === invoice.id)).toHaveLength(0);
    const clientSecret = ok(await app.gql(SETUP, { org: organizationId }, owner.accessToken)).startPaymentMethodSetup;
    expect(clientSecret).toMatch(/^seti_fake_\d+_secret_/);
    const setup = fake.objects.get(clientSecret.split('_secret_')[0])!;
    await webhook('setup_intent.succeeded', { ...setup, status: 'succeeded', payment_method: 'pm_card_visa' });
    await drain();
    const charges = fake.calls.filter((c) => c.path === '/v1/payment_intents' && c.params['metadata[invoiceId]'] === invoice.id);
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({
      idempotencyKey: `charge:invoice:${invoice.id}`,
      params: { amount: '24000', customer: setup.customer, payment_method: 'pm_card_visa', off_session: 'true', confirm: 'true', 'metadata[kind]': 'invoice', 'metadata[invoiceId]': invoice.id },
    });
    expect(ok(await app.gql(INVOICES, { contract: contractId }, owner.accessToken)).invoices[0]).toMatchObject({ status: 'OPEN', chargeAttempts: 1 });

    const intent = fake.created('pi_fake_').find((pi) => pi.metadata.invoiceId === invoice.id)!;
    await webhook('payment_intent.succeeded', { ...intent, amount_received: intent.amount });
    // Paid after the review window: released to the coder at once.
    expect(ok(await app.gql(INVOICES, { contract: contractId }, coder.accessToken)).invoices[0].status).toBe('RELEASED');
    expect(await invoicing().releaseDue()).toBe(0);
    expect(ok(await app.gql(`{ myEarnings { availableCents } }`, {}, coder.accessToken)).myEarnings.availableCents).toBe(21600);
  });

  it("publishes no accuracy from an audit on a contract until its invoice is paid (issue 17: an unpaid friend's 30 flawless charts)", async () => {
    const { owner, coder, organizationId, contractId } = await contract({ payModel: 'HOURLY', rateCents: 6000 }, { payModel: 'HOURLY', rateCents: 6000 });
    await backdateContract(app, contractId, 14);
    await signBaa(app, contractId, owner, coder);
    const [profile] = await app.sql<{ id: string }>('SELECT id FROM coder_profiles WHERE user_id = $1', [coder.user.id]);
    const charts = Array.from({ length: 30 }, (_, i) => ({
      chartRef: `CH-${i + 1}`,
      serviceDate: '2026-10-05',
      icd10cm: ['I10'],
      cpt: [{ code: '99214', modifiers: [], units: 1, diagnosisPointers: [1] }],
      hcpcs: [],
      icd10pcs: [],
    }));
    const batch = ok(
      await app.gql(
        `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { id } }`,
        { id: contractId, input: { encounters: charts } },
        coder.accessToken,
      ),
    ).submitCodedBatch;
    ok(
      await app.gql(
        `mutation($id: ID!, $input: AuditCodedBatchInput!) { auditCodedBatch(batchId: $id, input: $input) { id } }`,
        { id: batch.id, input: { sampled: 30, errors: 0 } },
        owner.accessToken,
      ),
    );
    const accuracy = async () => ok(await app.gql(`query($id: ID!) { coderProfile(id: $id) { accuracyScore accuracySampleSize } }`, { id: profile.id })).coderProfile;
    expect(await accuracy()).toEqual({ accuracyScore: null, accuracySampleSize: 0 });

    // A week of work invoiced, in review, then charged: published only once the invoice is paid.
    const week = previousWeek(new Date());
    ok(await app.gql(LOG, { contract: contractId, input: { workedOn: week.start, minutes: 60 } }, coder.accessToken));
    expect(await invoicing().generateWeeklyInvoices(new Date())).toBeGreaterThanOrEqual(1);
    const [invoice] = ok(await app.gql(INVOICES, { contract: contractId }, owner.accessToken)).invoices;
    expect(await accuracy()).toEqual({ accuracyScore: null, accuracySampleSize: 0 });
    await app.sql(`UPDATE invoices SET due_at = now() - interval '1 minute' WHERE id = $1`, [invoice.id]);
    const clientSecret = ok(await app.gql(SETUP, { org: organizationId }, owner.accessToken)).startPaymentMethodSetup;
    const setup = fake.objects.get(clientSecret.split('_secret_')[0])!;
    await webhook('setup_intent.succeeded', { ...setup, status: 'succeeded', payment_method: 'pm_card_visa' });
    expect(await invoicing().chargeDue()).toBeGreaterThanOrEqual(1);
    await drain();
    expect(ok(await app.gql(INVOICES, { contract: contractId }, owner.accessToken)).invoices[0]).toMatchObject({ id: invoice.id, status: 'OPEN' });
    expect(await accuracy()).toEqual({ accuracyScore: null, accuracySampleSize: 0 });
    const intent = fake.created('pi_fake_').find((pi) => pi.metadata.invoiceId === invoice.id)!;
    await webhook('payment_intent.succeeded', { ...intent, amount_received: intent.amount });
    expect(ok(await app.gql(INVOICES, { contract: contractId }, owner.accessToken)).invoices[0].status).toMatch(/^(PAID|RELEASED)$/);
    expect(await accuracy()).toEqual({ accuracyScore: 1, accuracySampleSize: 30 });
  });

  it('validates each log, and takes no typed-in chart counts', async () => {
    const { owner, coder, contractId } = await contract({ payModel: 'HOURLY', rateCents: 6000 }, { payModel: 'HOURLY', rateCents: 6000 });
    await backdateContract(app, contractId, 14);
    const week = previousWeek(new Date());
    expect(failed(await app.gql(LOG, { contract: contractId, input: { workedOn: week.start, charts: 10 } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.minutes']);
    expect(failed(await app.gql(LOG, { contract: contractId, input: { workedOn: week.start, minutes: 60, charts: 5 } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual([
      'input.charts',
    ]);
    expect(failed(await app.gql(LOG, { contract: contractId, input: { workedOn: '2999-01-01', minutes: 10 } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.workedOn']);
    expect(failed(await app.gql(LOG, { contract: contractId, input: { workedOn: week.start, minutes: 0 } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.minutes']);
    failed(await app.gql(LOG, { contract: contractId, input: { workedOn: week.start, minutes: 10 } }, owner.accessToken), 'FORBIDDEN');
    failed(await app.gql(LOG, { contract: contractId, input: { workedOn: week.start, minutes: 10 } }, (await a.coder()).accessToken), 'NOT_FOUND');
    failed(await app.gql(INVOICES, { contract: contractId }, (await a.provider()).accessToken), 'NOT_FOUND');
    // Per-chart work is billed from accepted coded batches: a count typed in is refused.
    const perChart = await contract({}, { rateCents: 400 });
    failed(await app.gql(LOG, { contract: perChart.contractId, input: { workedOn: todayUtc(), charts: 37 } }, perChart.coder.accessToken), 'CONFLICT');
    expect(await app.sql(`SELECT 1 FROM work_logs WHERE contract_id = $1`, [perChart.contractId])).toHaveLength(0);
  });

  it('invoices reported collections at the contract share, once per period', async () => {
    const { owner, coder, contractId } = await contract(
      { payModel: 'PERCENT_OF_COLLECTIONS', rateCents: null, percentOfCollectionsBps: 600, workType: 'BILLING' },
      { payModel: 'PERCENT_OF_COLLECTIONS', percentOfCollectionsBps: 550 },
    );
    const vars = { contract: contractId, start: '2026-10-01', end: '2026-10-31', cents: 1_000_000 };
    expect(ok(await app.gql(COLLECTIONS, vars, owner.accessToken)).reportCollections).toMatchObject({ kind: 'COLLECTIONS', quantity: 1_000_000, amountCents: 55000, status: 'IN_REVIEW' });
    failed(await app.gql(COLLECTIONS, vars, owner.accessToken), 'CONFLICT');
    failed(await app.gql(COLLECTIONS, { ...vars, start: '2026-11-01', end: '2026-11-02' }, coder.accessToken), 'FORBIDDEN');
    expect(failed(await app.gql(COLLECTIONS, { ...vars, start: '2026-11-10', end: '2026-11-01' }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['periodEnd']);
    expect(failed(await app.gql(COLLECTIONS, { ...vars, cents: -5 }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['collectedCents']);
  });
});
