import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { previousWeek } from '../src/domain/work-days.js';
import { ok, Session } from './support/given.js';
import { acceptedContract, backdateContract, expectLedgerBalanced } from './support/money.js';
import { TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const INVOICES = `query($contract: ID!) { invoices(contractId: $contract) { id status } }`;
const MILESTONES = `query($id: ID!) { contract(id: $id) { milestones { id status } } }`;
const LOG = `mutation($contract: ID!, $input: LogWorkInput!) { logWork(contractId: $contract, input: $input) { id } }`;
const COLLECTIONS = `mutation($contract: ID!) { reportCollections(contractId: $contract, periodStart: "2026-01-01", periodEnd: "2026-01-31", collectedCents: 1000000) { id } }`;

const EVERY_SECOND = '* * * * * *';

describe('background jobs: a failing row holds up no other', () => {
  let app: TestApp;
  let locker: pg.Client | undefined;

  beforeAll(async () => {
    app = await TestApp.start({
      // The background jobs run here (the other suites drive them by hand): the outbox every 50 ms,
      // the others every second.
      WORKER_POLL_MS: '50',
      MILESTONE_RELEASE_CRON: EVERY_SECOND,
      INVOICE_GENERATION_CRON: EVERY_SECOND,
      INVOICE_RELEASE_CRON: EVERY_SECOND,
      INVOICE_CHARGE_CRON: EVERY_SECOND,
      INVOICE_DISPUTE_DAYS: '1',
      DATABASE_LOCK_TIMEOUT_MS: '300',
    });
  });
  afterAll(async () => {
    await locker?.end().catch(() => undefined);
    await app?.close();
  });

  const invoices = async (owner: Session, contractId: string) => ok(await app.gql(INVOICES, { contract: contractId }, owner.accessToken)).invoices as { id: string; status: string }[];
  const milestones = async (owner: Session, contractId: string) => ok(await app.gql(MILESTONES, { id: contractId }, owner.accessToken)).contract.milestones as { id: string; status: string }[];

  /** A percent-of-collections contract with one invoice in its review window, and a card saved (simulated). */
  async function invoiceInReview() {
    const parties = await acceptedContract(
      app,
      { payModel: 'PERCENT_OF_COLLECTIONS', rateCents: null, percentOfCollectionsBps: 600, workType: 'BILLING' },
      { payModel: 'PERCENT_OF_COLLECTIONS', percentOfCollectionsBps: 550 },
    );
    ok(await app.gql(COLLECTIONS, { contract: parties.contractId }, parties.owner.accessToken));
    ok(await app.gql(`mutation($org: ID!) { startPaymentMethodSetup(organizationId: $org) }`, { org: parties.organizationId }, parties.owner.accessToken));
    await eventually(
      async () => (await app.sql(`SELECT 1 FROM billing_customers WHERE organization_id = $1 AND default_payment_method_id IS NOT NULL`, [parties.organizationId])).length === 1,
      'card saved',
      {
        timeoutMs: 25_000,
        intervalMs: 200,
      },
    );
    expect((await invoices(parties.owner, parties.contractId))[0].status).toBe('IN_REVIEW');
    return parties;
  }

  /** A fixed-price contract with one milestone, funded (simulated) and submitted by the coder. */
  async function submittedMilestone() {
    const parties = await acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 }, { rateCents: 50000 });
    const { createMilestone } = ok(
      await app.gql(`mutation($c: ID!) { createMilestone(contractId: $c, input: { title: "All charts", amountCents: 50000 }) { id } }`, { c: parties.contractId }, parties.owner.accessToken),
    );
    ok(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: createMilestone.id }, parties.owner.accessToken));
    await eventually(async () => (await milestones(parties.owner, parties.contractId))[0].status === 'FUNDED', 'milestone funded', { timeoutMs: 25_000, intervalMs: 200 });
    ok(await app.gql(`mutation($id: ID!) { submitMilestone(id: $id) { status } }`, { id: createMilestone.id }, parties.coder.accessToken));
    return { ...parties, milestoneId: createMilestone.id as string };
  }

  it('invoices, charges and releases every other contract while one cannot be invoiced and others cannot be locked', async () => {
    const week = previousWeek(new Date());
    const hourly = { payModel: 'HOURLY', rateCents: 6000 };
    const broken = await acceptedContract(app, hourly, hourly);
    const healthy = await acceptedContract(app, hourly, hourly);
    for (const { contractId } of [broken, healthy]) await backdateContract(app, contractId, 14);
    // A rate no client can enter: 90 minutes of it come to more than 2^53 cents, which the app refuses to write rather
    // than round, so invoicing this contract throws every time.
    await app.sql(`UPDATE contracts SET rate_cents = 9000000000000000 WHERE id = $1`, [broken.contractId]);
    for (const { coder, contractId } of [broken, healthy]) ok(await app.gql(LOG, { contract: contractId, input: { workedOn: week.start, minutes: 90 } }, coder.accessToken));

    const [lockedInvoice, freeInvoice] = [await invoiceInReview(), await invoiceInReview()];
    const [lockedMilestone, freeMilestone] = [await submittedMilestone(), await submittedMilestone()];
    // A long transaction elsewhere holds two contracts' rows: charging and releasing on them fail with a lock timeout.
    locker = new pg.Client({ connectionString: app.config.databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query(`SELECT 1 FROM contracts WHERE id IN ($1, $2) FOR NO KEY UPDATE`, [lockedInvoice.contractId, lockedMilestone.contractId]);
    // All four come due (the invoices' review windows pass), the locked ones first in line.
    await app.sql(`UPDATE invoices SET due_at = now() - CASE contract_id WHEN $1 THEN interval '2 hours' ELSE interval '1 hour' END WHERE contract_id IN ($1, $2)`, [
      lockedInvoice.contractId,
      freeInvoice.contractId,
    ]);
    await app.sql(`UPDATE milestones SET auto_release_at = now() - CASE contract_id WHEN $1 THEN interval '2 hours' ELSE interval '1 hour' END WHERE contract_id IN ($1, $2)`, [
      lockedMilestone.contractId,
      freeMilestone.contractId,
    ]);

    await eventually(async () => (await invoices(healthy.owner, healthy.contractId)).length === 1, 'the healthy contract invoiced', { timeoutMs: 25_000, intervalMs: 200 });
    await eventually(async () => (await invoices(freeInvoice.owner, freeInvoice.contractId))[0].status === 'RELEASED', 'the free invoice released', { timeoutMs: 25_000, intervalMs: 200 });
    await eventually(async () => (await milestones(freeMilestone.owner, freeMilestone.contractId))[0].status === 'RELEASED', 'the free milestone released', { timeoutMs: 25_000, intervalMs: 200 });
    expect(await invoices(broken.owner, broken.contractId)).toEqual([]);
    expect((await invoices(lockedInvoice.owner, lockedInvoice.contractId))[0].status).toBe('IN_REVIEW');
    expect((await milestones(lockedMilestone.owner, lockedMilestone.contractId))[0].status).toBe('SUBMITTED');

    // The lock goes: the next runs release those too (a failure skipped the row, it did not stop the schedule).
    await locker.query('ROLLBACK');
    await eventually(async () => (await invoices(lockedInvoice.owner, lockedInvoice.contractId))[0].status === 'RELEASED', 'the locked invoice released', { timeoutMs: 25_000, intervalMs: 200 });
    await eventually(async () => (await milestones(lockedMilestone.owner, lockedMilestone.contractId))[0].status === 'RELEASED', 'the locked milestone released', {
      timeoutMs: 25_000,
      intervalMs: 200,
    });
    await expectLedgerBalanced(app);
  });
});

describe('background jobs: each on its own schedule', () => {
  let app: TestApp;

  beforeAll(async () => {
    // A fast outbox, and automatic releases that never come round.
    app = await TestApp.start({ WORKER_POLL_MS: '50', MILESTONE_RELEASE_CRON: '0 0 0 1 1 *' });
  });
  afterAll(() => app?.close());

  it('polls the outbox often without releasing milestones any sooner', async () => {
    const parties = await acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 }, { rateCents: 50000 });
    const { createMilestone } = ok(
      await app.gql(`mutation($c: ID!) { createMilestone(contractId: $c, input: { title: "All charts", amountCents: 50000 }) { id } }`, { c: parties.contractId }, parties.owner.accessToken),
    );
    ok(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: createMilestone.id }, parties.owner.accessToken));
    const status = async () => ok(await app.gql(MILESTONES, { id: parties.contractId }, parties.owner.accessToken)).contract.milestones[0].status as string;
    await eventually(async () => (await status()) === 'FUNDED', 'milestone funded', { timeoutMs: 25_000, intervalMs: 200 });
    ok(await app.gql(`mutation($id: ID!) { submitMilestone(id: $id) { status } }`, { id: createMilestone.id }, parties.coder.accessToken));
    await app.sql(`UPDATE milestones SET auto_release_at = now() - interval '1 hour' WHERE id = $1`, [createMilestone.id]);

    // The outbox keeps running every 50 ms (a refund queued now goes out through it)...
    const other = await acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 }, { rateCents: 50000 });
    const { createMilestone: refunded } = ok(
      await app.gql(`mutation($c: ID!) { createMilestone(contractId: $c, input: { title: "Refunded", amountCents: 20000 }) { id } }`, { c: other.contractId }, other.owner.accessToken),
    );
    ok(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: refunded.id }, other.owner.accessToken));
    await eventually(async () => ok(await app.gql(MILESTONES, { id: other.contractId }, other.owner.accessToken)).contract.milestones[0].status === 'FUNDED', 'second milestone funded', {
      timeoutMs: 25_000,
      intervalMs: 200,
    });
    ok(await app.gql(`mutation($id: ID!) { refundMilestone(id: $id) { status } }`, { id: refunded.id }, other.owner.accessToken));
    await eventually(
      async () => (await app.sql<{ status: string }>(`SELECT status FROM outbox_jobs WHERE idempotency_key = $1`, [`refund:milestone:${refunded.id}`]))[0]?.status === 'DONE',
      'refund sent by the outbox',
    );
    // ...while the overdue milestone waits for its own schedule (under WORKER_POLL_MS * 30 it went within 1.5 s).
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await status()).toBe('SUBMITTED');
    await expectLedgerBalanced(app);
  });
});
