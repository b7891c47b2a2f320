import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { WorkWithinTheContract1795870000000 } from '../migrations/1795870000000-WorkWithinTheContract.js';
import { typeOrmOptions } from '../src/bootstrap/typeorm-options.js';
import { todayUtc } from '../src/common/scalars/local-date.scalar.js';
import { InvoicesService } from '../src/contracts/invoices.service.js';
import { addDays, isoWeekOf, previousWeek } from '../src/domain/work-days.js';
import { OutboxService } from '../src/outbox/outbox.service.js';
import { FakeStripe, fakeStripeEnv } from './support/fake-stripe.js';
import { failed, given, ok, postJob, Session } from './support/given.js';
import { acceptedContract, backdateContract, expectLedgerBalanced, webhookSender } from './support/money.js';
import { TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';
import type { Untyped } from './support/untyped.js';

const WEBHOOK_SECRET = 'whsec_test_work_limits';
const LOG = `mutation($contract: ID!, $input: LogWorkInput!) { logWork(contractId: $contract, input: $input) { id workedOn minutes } }`;
const INVOICES = `query($contract: ID!) { invoices(contractId: $contract) { id kind periodStart periodEnd quantity amountCents status dueAt chargeAttempts lines { workedOn minutes codedBatchId charts } } }`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { id status weeklyHourLimit pausedAt pauseReason endedAt } }`;
const SUBMIT = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { id encounterCount } }`;
const REVIEW = `mutation($id: ID!, $accept: Boolean!, $comments: [EncounterCommentInput!]!) { reviewCodedBatch(batchId: $id, input: { accept: $accept, comments: $comments }) { id status } }`;
const DISPUTE = `mutation($id: ID!) { openDispute(contractId: $id, reason: "These hours were never worked") { id status } }`;
const RESOLVE = `mutation($id: ID!, $input: ResolveDisputeInput!) { resolveDispute(id: $id, input: $input) { id status heldCents coderCents } }`;
const END = `mutation($id: ID!) { endContract(id: $id) { id status } }`;

const encounters = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ chartRef: `${prefix}-${i + 1}`, serviceDate: '2026-11-02', icd10cm: ['I10'] }));
const hourly = (weeklyHourLimit?: number) => ({ payModel: 'HOURLY', rateCents: 6000, ...(weeklyHourLimit ? { weeklyHourLimit } : {}) });

describe('hourly and per-chart work cannot be invented', () => {
  const fake = new FakeStripe();
  let app: TestApp;
  let a: ReturnType<typeof given>;

  beforeAll(async () => {
    const port = await fake.start();
    app = await TestApp.start({ ...fakeStripeEnv(port, WEBHOOK_SECRET) });
    a = given(app);
  });
  afterEach(() => expectLedgerBalanced(app));
  afterAll(async () => {
    await app?.close();
    await fake.stop();
  });

  const invoicing = () => app.app.get(InvoicesService);
  const drain = () => app.app.get(OutboxService).drain();
  const log = (coder: Session, contractId: string, workedOn: string, minutes: number) => app.gql(LOG, { contract: contractId, input: { workedOn, minutes } }, coder.accessToken);
  const invoices = async (viewer: Session, contractId: string) => ok(await app.gql(INVOICES, { contract: contractId }, viewer.accessToken)).invoices as Untyped[];
  async function webhook(type: string, object: Record<string, unknown>) {
    expect((await webhookSender(app, WEBHOOK_SECRET)(type, object)).status).toBe(200);
  }
  /** The practice saves a card that pays. */
  async function saveCard(owner: Session, organizationId: string, paymentMethod = 'pm_card_visa') {
    const secret = ok(await app.gql(`mutation($org: ID!) { startPaymentMethodSetup(organizationId: $org) }`, { org: organizationId }, owner.accessToken)).startPaymentMethodSetup;
    const setup = fake.objects.get(secret.split('_secret_')[0])!;
    await webhook('setup_intent.succeeded', { ...setup, status: 'succeeded', payment_method: paymentMethod });
  }

  describe('logWork', () => {
    it('refuses days before the contract started, in the future, and after it ended (UTC calendar days); takes the days of its life', async () => {
      const { owner, coder, contractId } = await acceptedContract(app, hourly(), hourly());
      const today = todayUtc();
      // The attack: a full day logged on a contract accepted today, for a day before it existed.
      expect(failed(await log(coder, contractId, addDays(today, -1), 1440), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.workedOn']);
      expect(failed(await log(coder, contractId, addDays(today, -45), 480), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.workedOn']);
      expect(failed(await log(coder, contractId, addDays(today, 1), 60), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.workedOn']);
      ok(await log(coder, contractId, today, 60));

      // Accepted 20 days ago, ended 5 days ago: its days are those in between.
      await backdateContract(app, contractId, 20);
      ok(await app.gql(END, { id: contractId }, owner.accessToken));
      await backdateContract(app, contractId, 20, 5);
      const ended = addDays(today, -5);
      expect(failed(await log(coder, contractId, addDays(ended, 1), 120), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.workedOn']);
      expect(failed(await log(coder, contractId, today, 120), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.workedOn']);
      expect(failed(await log(coder, contractId, addDays(today, -21), 120), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.workedOn']);
      // The coder may still log the contract's last days for a week after it ended...
      expect(ok(await log(coder, contractId, ended, 120)).logWork).toMatchObject({ workedOn: ended, minutes: 120 });
      ok(await log(coder, contractId, addDays(today, -20), 30));
      // ...and no longer after that.
      await backdateContract(app, contractId, 30, 9);
      failed(await log(coder, contractId, addDays(today, -10), 60), 'CONFLICT');
      const logged = await app.sql<{ worked_on: string }>(`SELECT to_char(worked_on, 'YYYY-MM-DD') AS worked_on FROM work_logs WHERE contract_id = $1 ORDER BY worked_on`, [contractId]);
      expect(logged.map((row) => row.worked_on)).toEqual([addDays(today, -20), ended, today]);
    });

    it('takes the weekly hour limit agreed in the bid (else the posting, else 40) and holds every ISO week within it', async () => {
      // The posting offers 20 hours a week; the accepted bid agreed 10.
      const { coder, contractId } = await acceptedContract(app, hourly(20), hourly(10));
      expect(ok(await app.gql(CONTRACT, { id: contractId }, coder.accessToken)).contract.weeklyHourLimit).toBe(10);
      const fromPosting = await acceptedContract(app, hourly(20), hourly());
      expect(ok(await app.gql(CONTRACT, { id: fromPosting.contractId }, fromPosting.coder.accessToken)).contract.weeklyHourLimit).toBe(20);
      const neither = await acceptedContract(app, hourly(), hourly());
      expect(ok(await app.gql(CONTRACT, { id: neither.contractId }, neither.coder.accessToken)).contract.weeklyHourLimit).toBe(40);
      const perChart = await acceptedContract(app, {}, { rateCents: 400 });
      expect(ok(await app.gql(CONTRACT, { id: perChart.contractId }, perChart.coder.accessToken)).contract.weeklyHourLimit).toBeNull();

      await backdateContract(app, contractId, 14);
      const week = previousWeek(new Date());
      ok(await log(coder, contractId, week.start, 300));
      ok(await log(coder, contractId, addDays(week.start, 1), 240));
      // 540 + 120 minutes: over the 600 the week may hold.
      const over = failed(await log(coder, contractId, addDays(week.start, 2), 120), 'BAD_USER_INPUT');
      expect(over.extensions.fields).toEqual(['input.minutes']);
      expect(over.message).toMatch(/10 hours/);
      // Logging a day again replaces it: the day counts once.
      ok(await log(coder, contractId, addDays(week.start, 1), 180));
      ok(await log(coder, contractId, addDays(week.start, 2), 120));
      failed(await log(coder, contractId, week.end, 1), 'BAD_USER_INPUT');
      // The next ISO week starts afresh (Monday, UTC).
      const thisWeek = isoWeekOf(todayUtc());
      ok(await log(coder, contractId, thisWeek.start, 600));
      const [{ minutes }] = await app.sql<{ minutes: number }>(`SELECT sum(minutes)::int AS minutes FROM work_logs WHERE contract_id = $1 AND worked_on BETWEEN $2 AND $3`, [
        contractId,
        week.start,
        week.end,
      ]);
      expect(minutes).toBe(600);
    });

    it('refuses a weekly hour limit on anything but HOURLY postings and bids, and outside 1..168', async () => {
      const { owner, organization } = await a.practice();
      const job = (overrides: Record<string, unknown>) =>
        app.gql(`mutation($input: CreateJobPostingInput!) { createJobPosting(input: $input) { id weeklyHourLimit } }`, { input: { ...jobFields(organization.id), ...overrides } }, owner.accessToken);
      expect(failed(await job({ weeklyHourLimit: 10 }), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.weeklyHourLimit']);
      expect(failed(await job({ ...hourly(), weeklyHourLimit: 169 }), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.weeklyHourLimit']);
      expect(failed(await job({ ...hourly(), weeklyHourLimit: 0 }), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.weeklyHourLimit']);
      expect(ok(await job(hourly(168))).createJobPosting.weeklyHourLimit).toBe(168);
      const perChart = await postJob(app, owner, organization.id, { requiredCredentialTypes: [] });
      const coder = await a.coder();
      ok(
        await app.gql(
          `mutation { upsertCoderProfile(input: { headline: "Coder", bio: "", yearsExperience: 3, timezone: "UTC", weeklyCapacityHours: 30, available: true, specialties: [], codeSets: [CPT], workTypes: [CODING], ehrSystems: [] }) { id } }`,
          {},
          coder.accessToken,
        ),
      );
      const bid = await app.gql(
        `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`,
        { input: { jobPostingId: perChart.id, rateCents: 400, coverLetter: 'Ready.', weeklyHourLimit: 10 } },
        coder.accessToken,
      );
      expect(failed(bid, 'BAD_USER_INPUT').extensions.fields).toEqual(['input.weeklyHourLimit']);
    });

    it('lets concurrent logs of one week pass the limit together never: the contract is locked while the week is counted', async () => {
      const { coder, contractId } = await acceptedContract(app, hourly(10), hourly(10));
      await backdateContract(app, contractId, 14);
      const week = previousWeek(new Date());
      // Five days of 3 hours, all at once: only three fit in 10 hours. Another transaction holds the
      // contract's row until all five wait on it, so they meet for sure: counted without the lock,
      // each would see an empty week and all five would be written.
      const locker = new pg.Client({ connectionString: app.config.databaseUrl });
      await locker.connect();
      let results: Awaited<ReturnType<typeof log>>[];
      try {
        await locker.query('BEGIN');
        await locker.query('SELECT 1 FROM contracts WHERE id = $1 FOR UPDATE', [contractId]);
        const pending = Promise.all([0, 1, 2, 3, 4].map((day) => log(coder, contractId, addDays(week.start, day), 180)));
        // Asked on connections of their own: pg_stat_activity is a snapshot for the rest of a transaction.
        await eventually(
          async () => (await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n === 5,
          'all five logs waiting on the contract',
        );
        await locker.query('ROLLBACK');
        results = await pending;
      } finally {
        await locker.end();
      }
      const codes = results.map((result) => result.errors?.[0]?.extensions.code ?? 'OK');
      expect(codes.filter((code) => code === 'OK')).toHaveLength(3);
      expect(codes.filter((code) => code === 'BAD_USER_INPUT')).toHaveLength(2);
      const [{ minutes }] = await app.sql<{ minutes: number }>(`SELECT sum(minutes)::int AS minutes FROM work_logs WHERE contract_id = $1`, [contractId]);
      expect(minutes).toBe(540);
    });
  });

  describe('per-chart invoices', () => {
    async function perChartContract() {
      const parties = await acceptedContract(app, { requiresBaa: false }, { rateCents: 400 });
      const batch = async (prefix: string, count: number) =>
        ok(await app.gql(SUBMIT, { id: parties.contractId, input: { encounters: encounters(prefix, count) } }, parties.coder.accessToken)).submitCodedBatch.id as string;
      return { ...parties, batch };
    }

    it('bills the encounters of accepted coded batches, each batch once, with the batches as its lines', async () => {
      const { owner, coder, contractId, batch } = await perChartContract();
      const first = await batch('A', 3);
      const second = await batch('B', 2);
      const returned = await batch('R', 4);
      const waiting = await batch('W', 5);
      for (const id of [first, second]) ok(await app.gql(REVIEW, { id, accept: true, comments: [] }, owner.accessToken));
      ok(await app.gql(REVIEW, { id: returned, accept: false, comments: [{ chartRef: 'R-1', comment: 'Missing laterality' }] }, owner.accessToken));
      // The typed-in count the issue abused is gone: per-chart work is what the practice accepted.
      failed(await app.gql(LOG, { contract: contractId, input: { workedOn: todayUtc(), charts: 2000 } }, coder.accessToken), 'CONFLICT');

      // Batches accepted this week are billed on the invoice of this week, issued next week.
      await invoicing().generateWeeklyInvoices(new Date());
      expect(await invoices(owner, contractId)).toEqual([]);
      const nextWeek = new Date(Date.now() + 7 * 86_400_000);
      expect(await invoicing().generateWeeklyInvoices(nextWeek)).toBeGreaterThanOrEqual(1);
      expect(await invoicing().generateWeeklyInvoices(nextWeek)).toBe(0);
      const [invoice, ...more] = await invoices(owner, contractId);
      expect(more).toEqual([]);
      expect(invoice).toMatchObject({ kind: 'WORK', quantity: 5, amountCents: 2000, status: 'IN_REVIEW', periodStart: isoWeekOf(todayUtc()).start });
      expect(invoice.lines).toEqual(
        expect.arrayContaining([
          { workedOn: null, minutes: null, codedBatchId: first, charts: 3 },
          { workedOn: null, minutes: null, codedBatchId: second, charts: 2 },
        ]),
      );
      expect(invoice.lines).toHaveLength(2);

      // Accepted later, billed on a later invoice: only itself.
      ok(await app.gql(REVIEW, { id: waiting, accept: true, comments: [] }, owner.accessToken));
      expect(await invoicing().generateWeeklyInvoices(new Date(Date.now() + 14 * 86_400_000))).toBeGreaterThanOrEqual(1);
      const later = (await invoices(coder, contractId)).find((i) => i.id !== invoice.id)!;
      expect(later).toMatchObject({ quantity: 5, amountCents: 2000, lines: [{ workedOn: null, minutes: null, codedBatchId: waiting, charts: 5 }] });
      // The database refuses a second line for a batch, whatever the code does.
      await expect(app.sql(`INSERT INTO invoice_lines (invoice_id, coded_batch_id, charts) VALUES ($1, $2, 3)`, [later.id, first])).rejects.toThrow(/invoice_lines_coded_batch_key/);
    });

    it('bills a batch once when invoicing runs concurrently (several instances, whatever week each bills)', async () => {
      const { owner, contractId, batch } = await perChartContract();
      const id = await batch('C', 4);
      ok(await app.gql(REVIEW, { id, accept: true, comments: [] }, owner.accessToken));
      // Four runs, billing three different weeks (so no unique period stops the extra ones), held at
      // the contract's row until all four wait on it: they meet for sure.
      const locker = new pg.Client({ connectionString: app.config.databaseUrl });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('SELECT 1 FROM contracts WHERE id = $1 FOR UPDATE', [contractId]);
        const runs = Promise.all([7, 14, 21, 7].map((days) => invoicing().generateWeeklyInvoices(new Date(Date.now() + days * 86_400_000))));
        await eventually(
          async () => (await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n === 4,
          'all four runs waiting on the contract',
        );
        await locker.query('ROLLBACK');
        await runs;
      } finally {
        await locker.end();
      }
      const billed = await invoices(owner, contractId);
      expect(billed).toHaveLength(1);
      expect(billed[0]).toMatchObject({ quantity: 4, amountCents: 1600, lines: [{ codedBatchId: id, charts: 4 }] });
      expect(await app.sql(`SELECT 1 FROM invoice_lines WHERE coded_batch_id = $1`, [id])).toHaveLength(1);
    });
  });

  describe('review before the charge, and disputes after the end', () => {
    /** An hourly contract with last week's work invoiced (in review), and a card saved. */
    async function invoicedContract(minutes: number[]) {
      const parties = await acceptedContract(app, hourly(), hourly());
      await backdateContract(app, parties.contractId, 14);
      const week = previousWeek(new Date());
      for (const [day, m] of minutes.entries()) ok(await log(parties.coder, parties.contractId, addDays(week.start, day), m));
      expect(await invoicing().generateWeeklyInvoices(new Date())).toBeGreaterThanOrEqual(1);
      await saveCard(parties.owner, parties.organizationId);
      const [invoice] = await invoices(parties.owner, parties.contractId);
      return { ...parties, week, invoice };
    }
    const chargesOf = (invoiceId: string) => fake.calls.filter((c) => c.path.startsWith('/v1/payment_intents') && (c.params['metadata[invoiceId]'] === invoiceId || c.path.includes('/confirm')));

    it('shows the practice each line before the charge, and holds the invoice of an ENDED contract through a dispute until an admin settles it', async () => {
      const { owner, coder, organizationId, contractId, week, invoice } = await invoicedContract([480, 480, 240]);
      const member = await a.member(owner, organizationId);
      // Every reader of the practice sees what it will be charged, and when.
      for (const viewer of [owner, member, coder]) {
        expect((await invoices(viewer, contractId))[0]).toMatchObject({
          status: 'IN_REVIEW',
          amountCents: 120000,
          lines: [
            { workedOn: week.start, minutes: 480 },
            { workedOn: addDays(week.start, 1), minutes: 480 },
            { workedOn: addDays(week.start, 2), minutes: 240 },
          ],
        });
      }
      const notified = await app.sql(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'INVOICE_ISSUED' AND data->>'invoiceId' = $2`, [owner.user.id, invoice.id]);
      expect(notified).toHaveLength(1);

      // The coder ends the contract a moment later: the invoice stays, in review, disputable.
      ok(await app.gql(END, { id: contractId }, coder.accessToken));
      expect((await invoices(owner, contractId))[0].status).toBe('IN_REVIEW');
      failed(await app.gql(DISPUTE, { id: contractId }, member.accessToken), 'FORBIDDEN');
      expect(ok(await app.gql(DISPUTE, { id: contractId }, owner.accessToken)).openDispute.status).toBe('OPEN');
      expect(ok(await app.gql(CONTRACT, { id: contractId }, coder.accessToken)).contract.status).toBe('DISPUTED');

      // Its window passes while the dispute runs: nothing is charged.
      await app.sql(`UPDATE invoices SET due_at = now() - interval '1 minute' WHERE id = $1`, [invoice.id]);
      expect(await invoicing().chargeDue()).toBe(0);
      await drain();
      expect(chargesOf(invoice.id)).toHaveLength(0);

      // The admin splits it: 8 hours' worth is charged, the rest never is; the contract is ENDED again.
      const admin = await a.admin();
      const [dispute] = await app.sql<{ id: string }>(`SELECT id FROM disputes WHERE contract_id = $1`, [contractId]);
      failed(await app.gql(RESOLVE, { id: dispute.id, input: { outcome: 'SPLIT', coderCents: 120001 } }, admin.accessToken), 'BAD_USER_INPUT');
      expect(ok(await app.gql(RESOLVE, { id: dispute.id, input: { outcome: 'SPLIT', coderCents: 48000 } }, admin.accessToken)).resolveDispute).toMatchObject({
        status: 'RESOLVED',
        heldCents: 120000,
        coderCents: 48000,
      });
      expect(ok(await app.gql(CONTRACT, { id: contractId }, coder.accessToken)).contract.status).toBe('ENDED');
      expect((await invoices(owner, contractId))[0]).toMatchObject({ status: 'OPEN', amountCents: 48000, chargeAttempts: 1 });
      await drain();
      const [charge] = chargesOf(invoice.id);
      expect(charge.params).toMatchObject({ amount: '48000', payment_method: 'pm_card_visa' });
      const intent = fake.created('pi_fake_').find((pi) => pi.metadata.invoiceId === invoice.id)!;
      await webhook('payment_intent.succeeded', { ...intent, amount_received: intent.amount });
      expect((await invoices(coder, contractId))[0].status).toBe('RELEASED');
      // Nothing of it is held any more: the ended contract cannot be disputed again.
      failed(await app.gql(DISPUTE, { id: contractId }, owner.accessToken), 'CONFLICT');
    });

    it('voids the invoices a REFUND settles; an ENDED contract holding nothing cannot be disputed', async () => {
      const { owner, coder, contractId, invoice } = await invoicedContract([600]);
      ok(await app.gql(END, { id: contractId }, owner.accessToken));
      const opened = ok(await app.gql(DISPUTE, { id: contractId }, coder.accessToken)).openDispute;
      ok(await app.gql(RESOLVE, { id: opened.id, input: { outcome: 'REFUND' } }, (await a.admin()).accessToken));
      expect((await invoices(owner, contractId))[0]).toMatchObject({ id: invoice.id, status: 'VOID', chargeAttempts: 0 });
      await app.sql(`UPDATE invoices SET due_at = now() - interval '1 minute' WHERE id = $1`, [invoice.id]);
      expect(await invoicing().chargeDue()).toBe(0);
      await drain();
      expect(chargesOf(invoice.id)).toHaveLength(0);
      failed(await app.gql(DISPUTE, { id: contractId }, owner.accessToken), 'CONFLICT');

      // A contract ended with nothing held at all is not disputable either.
      const idle = await acceptedContract(app, hourly(), hourly());
      ok(await app.gql(END, { id: idle.contractId }, idle.owner.accessToken));
      failed(await app.gql(DISPUTE, { id: idle.contractId }, idle.owner.accessToken), 'CONFLICT');
    });
  });

  describe('migration of existing rows (1795870000000-WorkWithinTheContract)', () => {
    it('gives hourly contracts a cap that no week already worked exceeds, keeps invoices charging, and marks accepted batches billed', async () => {
      const busy = await acceptedContract(app, hourly(), hourly());
      const quiet = await acceptedContract(app, hourly(), hourly());
      const perChart = await acceptedContract(app, { requiresBaa: false }, { rateCents: 400 });
      const batch = ok(await app.gql(SUBMIT, { id: perChart.contractId, input: { encounters: encounters('M', 2) } }, perChart.coder.accessToken)).submitCodedBatch.id;
      ok(await app.gql(REVIEW, { id: batch, accept: true, comments: [] }, perChart.owner.accessToken));
      const dataSource = new DataSource(typeOrmOptions(app.config.databaseUrl, { migrationsRun: false, poolSize: 1 }));
      await dataSource.initialize();
      const runner = dataSource.createQueryRunner();
      const migration = new WorkWithinTheContract1795870000000();
      try {
        await runner.startTransaction();
        await migration.down(runner);
        // As the old code let them in: 50 hours in one week, an OPEN invoice over two of its days, typed-in charts.
        const monday = isoWeekOf(addDays(todayUtc(), -21)).start;
        for (const [day, minutes] of [600, 600, 600, 600, 600].entries()) {
          await runner.query(`INSERT INTO work_logs (contract_id, worked_on, minutes) VALUES ($1, $2, $3)`, [busy.contractId, addDays(monday, day), minutes]);
        }
        const [open] = await runner.query(
          `INSERT INTO invoices (contract_id, kind, period_start, period_end, quantity, amount_cents, status) VALUES ($1, 'WORK', $2, $3, 1200, 120000, 'OPEN') RETURNING id`,
          [busy.contractId, monday, addDays(monday, 6)],
        );
        await runner.query(`UPDATE work_logs SET invoice_id = $1 WHERE contract_id = $2 AND worked_on IN ($3, $4)`, [open.id, busy.contractId, monday, addDays(monday, 1)]);
        await runner.query(`INSERT INTO work_logs (contract_id, worked_on, charts) VALUES ($1, $2, 40)`, [perChart.contractId, todayUtc()]);

        await migration.up(runner);
        const limits: { id: string; weekly_hour_limit: number | null }[] = await runner.query(`SELECT id, weekly_hour_limit FROM contracts WHERE id = ANY($1)`, [
          [busy.contractId, quiet.contractId, perChart.contractId],
        ]);
        expect(Object.fromEntries(limits.map((row) => [row.id, row.weekly_hour_limit]))).toEqual({ [busy.contractId]: 50, [quiet.contractId]: 40, [perChart.contractId]: null });
        expect(await runner.query(`SELECT status, charge_attempts, due_at FROM invoices WHERE id = $1`, [open.id])).toEqual([{ status: 'OPEN', charge_attempts: 1, due_at: null }]);
        const lines: { worked_on: string; minutes: number }[] = await runner.query(
          `SELECT to_char(worked_on, 'YYYY-MM-DD') AS worked_on, minutes FROM invoice_lines WHERE invoice_id = $1 ORDER BY worked_on`,
          [open.id],
        );
        expect(lines).toEqual([
          { worked_on: monday, minutes: 600 },
          { worked_on: addDays(monday, 1), minutes: 600 },
        ]);
        const [billed] = await runner.query(`SELECT invoiced_at IS NOT NULL AS billed, invoice_id FROM coded_batches WHERE id = $1`, [batch]);
        expect(billed).toEqual({ billed: true, invoice_id: null });
        // The rules hold for the migrated rows.
        await expect(runner.query(`UPDATE contracts SET status = 'PAUSED' WHERE id = $1`, [quiet.contractId])).rejects.toThrow(/contracts_pause_check/);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
        await dataSource.destroy();
      }
    });
  });
});

/** A posting's required fields (HOURLY or not is the caller's). */
function jobFields(organizationId: string) {
  return {
    organizationId,
    title: 'Coder',
    description: 'Code clinic visits.',
    specialty: 'CARDIOLOGY',
    codeSets: ['ICD10CM'],
    workType: 'CODING',
    setting: 'OUTPATIENT',
    requiredCredentialTypes: [],
    turnaroundHours: 48,
    accuracyTargetBps: 9500,
    payModel: 'PER_CHART',
    rateCents: 400,
    requiresBaa: false,
  };
}
