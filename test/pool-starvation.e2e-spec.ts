import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { OutboxService } from '../src/outbox/outbox.service.js';
import { FakeStripe, fakeStripeEnv } from './support/fake-stripe.js';
import { failed, ok } from './support/given.js';
import { acceptedContract, expectLedgerBalanced, webhookSender } from './support/money.js';
import { GraphqlResponse, TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const END = `mutation($id: ID!) { endContract(id: $id) { id status } }`;
const REFUND = `mutation($id: ID!) { refundMilestone(id: $id) { id status } }`;
const APPROVE = `mutation($id: ID!) { approveMilestone(id: $id) { id status } }`;
const MILESTONES = `query($id: ID!) { contract(id: $id) { milestones { id status } } }`;
const PUBLIC_POSTING = `query($id: ID!) { jobPosting(id: $id) { id title } }`;
const BURST = 20;

const codesOf = (answers: GraphqlResponse[]) => answers.map((answer) => answer.errors?.[0]?.extensions.code ?? 'OK');

describe('a burst of conflicting writes does not starve the connection pool', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterEach(() => expectLedgerBalanced(app));
  afterAll(() => app?.close());

  /**
   * Fires BURST copies of one mutation at once and, while they are unanswered, keeps asking an
   * unrelated anonymous query: the mutations' answers, and how long each anonymous answer took.
   */
  async function burst(query: string, variables: Record<string, unknown>, token: string, postingId: string) {
    let settled = false;
    const all = Promise.all(Array.from({ length: BURST }, () => app.gql(query, variables, token))).finally(() => (settled = true));
    const bystander: { ms: number; answer: GraphqlResponse }[] = [];
    await new Promise((resolve) => setTimeout(resolve, 50));
    do {
      const started = Date.now();
      const answer = await app.gql(PUBLIC_POSTING, { id: postingId });
      bystander.push({ ms: Date.now() - started, answer });
    } while (!settled && bystander.length < 20);
    return { answers: await all, bystander };
  }

  function expectBystanderServed(bystander: { ms: number; answer: GraphqlResponse }[], postingId: string) {
    for (const { answer } of bystander) expect(ok(answer).jobPosting).toMatchObject({ id: postingId });
    // Generous on a loaded 2-core box: a starved pool made it wait for the 5 s checkout timeout.
    expect(Math.max(...bystander.map((b) => b.ms))).toBeLessThan(2000);
  }

  async function fixedPriceContract() {
    const parties = await acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 }, { rateCents: 80000 });
    const [{ job_posting_id: postingId }] = await app.sql<{ job_posting_id: string }>('SELECT job_posting_id FROM contracts WHERE id = $1', [parties.contractId]);
    return { ...parties, postingId };
  }

  async function fundedMilestone() {
    const parties = await fixedPriceContract();
    const { createMilestone } = ok(
      await app.gql(`mutation($c: ID!) { createMilestone(contractId: $c, input: { title: "All charts", amountCents: 50000 }) { id } }`, { c: parties.contractId }, parties.owner.accessToken),
    );
    ok(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: createMilestone.id }, parties.owner.accessToken));
    await eventually(async () => ok(await app.gql(MILESTONES, { id: parties.contractId }, parties.owner.accessToken)).contract.milestones[0].status === 'FUNDED', 'milestone funded');
    return { ...parties, milestoneId: createMilestone.id as string };
  }

  it('ends a contract once and answers CONFLICT to the 19 others and to 20 more on the ended contract, with no internal error', async () => {
    const { owner, contractId, postingId } = await fixedPriceContract();

    const first = await burst(END, { id: contractId }, owner.accessToken, postingId);
    expectBystanderServed(first.bystander, postingId);
    expect(codesOf(first.answers).sort()).toEqual([...Array<string>(BURST - 1).fill('CONFLICT'), 'OK']);
    expect(first.answers.find((a) => !a.errors)!.data!.endContract).toEqual({ id: contractId, status: 'ENDED' });

    const again = await burst(END, { id: contractId }, owner.accessToken, postingId);
    expectBystanderServed(again.bystander, postingId);
    expect(codesOf(again.answers)).toEqual(Array(BURST).fill('CONFLICT'));
    expect(again.answers[0].errors![0].message).toBe('This contract is ENDED and cannot be ended now');
    expect(await app.sql(`SELECT kind FROM notifications WHERE kind = 'CONTRACT_ENDED' AND data->>'contractId' = $1`, [contractId])).toHaveLength(1);
  }, 60_000);

  it('refunds a funded milestone once, and answers CONFLICT to every refund of a released one, with no internal error', async () => {
    const funded = await fundedMilestone();
    const refunds = await burst(REFUND, { id: funded.milestoneId }, funded.owner.accessToken, funded.postingId);
    expectBystanderServed(refunds.bystander, funded.postingId);
    expect(codesOf(refunds.answers).sort()).toEqual([...Array<string>(BURST - 1).fill('CONFLICT'), 'OK']);
    expect(await app.sql(`SELECT 1 FROM outbox_jobs WHERE idempotency_key = $1`, [`refund:milestone:${funded.milestoneId}`])).toHaveLength(1);

    const released = await fundedMilestone();
    expect(ok(await app.gql(APPROVE, { id: released.milestoneId }, released.owner.accessToken)).approveMilestone.status).toBe('RELEASED');
    const late = await burst(REFUND, { id: released.milestoneId }, released.owner.accessToken, released.postingId);
    expectBystanderServed(late.bystander, released.postingId);
    expect(codesOf(late.answers)).toEqual(Array(BURST).fill('CONFLICT'));
    expect(late.answers[0].errors![0].message).toBe('Only a FUNDED milestone can be refunded; this one is RELEASED');
  }, 60_000);
});

/** Opens a transaction on its own connection that locks `sql`'s rows, as another request's transaction would. */
async function lockRows(url: string, sql: string, params: unknown[]): Promise<{ release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(sql, params);
  } catch (error) {
    await client.end();
    throw error;
  }
  let released: Promise<void> | undefined;
  return { release: () => (released ??= client.query('ROLLBACK').then(() => client.end())) };
}

describe('database timeouts answer a retryable CONFLICT', () => {
  let app: TestApp;
  let noLockTimeout: TestApp;

  beforeAll(async () => {
    const shared = { JWT_SECRET: randomBytes(32).toString('hex'), DOCUMENT_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    app = await TestApp.start({ ...shared, DATABASE_LOCK_TIMEOUT_MS: '300', DATABASE_STATEMENT_TIMEOUT_MS: '10000' });
    // A second instance on the same database where only the statement timeout bounds a wait.
    noLockTimeout = await TestApp.start({ ...shared, DATABASE_LOCK_TIMEOUT_MS: '0', DATABASE_STATEMENT_TIMEOUT_MS: '300' }, app);
  });
  afterAll(async () => {
    await noLockTimeout?.close();
    await app?.close();
  });

  it('sets lock_timeout and statement_timeout on the pooled connections', async () => {
    expect(await app.app.get(DataSource).query(`SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS statement`)).toEqual([{ lock: '300ms', statement: '10s' }]);
  });

  it.each([
    ['LOCK_TIMEOUT', () => app],
    ['STATEMENT_TIMEOUT', () => noLockTimeout],
  ])('ends a contract whose row another transaction holds with CONFLICT (%s), and the retry succeeds', async (reason, instance) => {
    const { owner, contractId } = await acceptedContract(app, {}, { rateCents: 400 });
    const held = await lockRows(app.config.databaseUrl, 'SELECT 1 FROM contracts WHERE id = $1 FOR UPDATE', [contractId]);
    // Let go after 3 s in any case, so a server that would wait forever answers late instead of never.
    const letGo = setTimeout(() => void held.release(), 3000);
    const started = Date.now();
    const answer = await instance().gql(END, { id: contractId }, owner.accessToken);
    const ms = Date.now() - started;
    clearTimeout(letGo);
    await held.release();
    expect(ms).toBeLessThan(2500);
    const error = failed(answer, 'CONFLICT');
    expect(error.extensions).toEqual({ code: 'CONFLICT', retryable: true, reason });
    expect(JSON.stringify(error)).not.toMatch(/stack|canceling statement|QueryFailed/i);
    expect(ok(await instance().gql(END, { id: contractId }, owner.accessToken)).endContract.status).toBe('ENDED');
  });
});

describe('the outbox holds no transaction or lock while Stripe answers slowly', () => {
  const WEBHOOK_SECRET = 'whsec_test_pool';
  const fake = new FakeStripe();
  let app: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    const port = await fake.start();
    const env = {
      ...fakeStripeEnv(port, WEBHOOK_SECRET),
      JWT_SECRET: randomBytes(32).toString('hex'),
      DOCUMENT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    app = await TestApp.start(env);
    second = await TestApp.start(env, app);
  });
  afterEach(() => {
    fake.delayMs = 0;
    return expectLedgerBalanced(app);
  });
  afterAll(async () => {
    await second?.close();
    await app?.close();
    await fake.stop();
  });

  const webhook = (type: string, object: Record<string, unknown>) => webhookSender(app, WEBHOOK_SECRET)(type, object);
  const stripeCalls = (path: string, key: string) => fake.calls.filter((call) => call.path === path && call.idempotencyKey === key);

  async function fundedMilestone() {
    const parties = await acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 }, { rateCents: 80000 });
    const { createMilestone } = ok(
      await app.gql(`mutation($c: ID!) { createMilestone(contractId: $c, input: { title: "Backlog", amountCents: 30000 }) { id } }`, { c: parties.contractId }, parties.owner.accessToken),
    );
    const { fundMilestone } = ok(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { clientSecret } }`, { id: createMilestone.id }, parties.owner.accessToken));
    const intent = fake.objects.get(fundMilestone.clientSecret.split('_secret_')[0])!;
    expect((await webhook('payment_intent.succeeded', { ...intent, status: 'succeeded', amount_received: intent.amount })).status).toBe(200);
    return { ...parties, milestoneId: createMilestone.id as string, intent };
  }

  it('calls Stripe with no row locked and no transaction open, and the other instance leaves the leased job alone', async () => {
    const { owner, milestoneId, intent } = await fundedMilestone();
    expect(ok(await app.gql(REFUND, { id: milestoneId }, owner.accessToken)).refundMilestone.status).toBe('REFUNDED');
    const key = `refund:milestone:${milestoneId}`;

    fake.delayMs = 1500;
    const draining = app.app.get(OutboxService).drain();
    await eventually(async () => stripeCalls('/v1/refunds', key).length === 1, 'the refund reached Stripe');

    // While Stripe is still answering: another transaction locks the job row at once...
    const locked = await lockRows(app.config.databaseUrl, 'SELECT 1 FROM outbox_jobs WHERE idempotency_key = $1 FOR UPDATE NOWAIT', [key]);
    await locked.release();
    // ...no connection of the app sits in an open transaction...
    const open = await app.sql(`SELECT state FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'chartbridge' AND state LIKE 'idle in transaction%'`);
    expect(open).toEqual([]);
    // ...and the other instance skips the job its lease covers.
    expect(await second.app.get(OutboxService).drain()).toBe(0);

    expect(await draining).toBe(1);
    const [job] = await app.sql<{ status: string; attempts: number; result: { refundId: string } }>('SELECT status, attempts, result FROM outbox_jobs WHERE idempotency_key = $1', [key]);
    expect(job).toMatchObject({ status: 'DONE', attempts: 1 });
    expect(stripeCalls('/v1/refunds', key)).toHaveLength(1);
    expect(
      fake
        .created('re_fake_')
        .filter((refund) => refund.payment_intent === intent.id)
        .map((refund) => refund.id),
    ).toEqual([job.result.refundId]);
  });

  it('pays once when a lease runs out mid-call and the other instance runs the job again', async () => {
    const { owner, coder, milestoneId } = await fundedMilestone();
    ok(await app.gql(`mutation { startPayoutOnboarding(returnUrl: "https://a.test/ok", refreshUrl: "https://a.test/retry") }`, {}, coder.accessToken));
    const account = fake.created('acct_fake_').find((x) => x.email === coder.user.email)!;
    account.payouts_enabled = true;
    expect((await webhook('account.updated', { id: account.id, object: 'account' })).status).toBe(200);
    ok(await app.gql(APPROVE, { id: milestoneId }, owner.accessToken));
    const key = `transfer:milestone:${milestoneId}`;

    fake.delayMs = 1000;
    const first = app.app.get(OutboxService).drain();
    await eventually(async () => stripeCalls('/v1/transfers', key).length === 1, 'the transfer reached Stripe');
    // As if the first worker had stalled past its lease: the job is runnable again.
    await app.sql(`UPDATE outbox_jobs SET run_after = now() WHERE idempotency_key = $1`, [key]);
    const again = second.app.get(OutboxService).drain();
    expect(await Promise.all([first, again])).toEqual([1, 1]);

    expect(stripeCalls('/v1/transfers', key)).toHaveLength(2);
    expect(fake.created('tr_fake_').filter((transfer) => transfer.destination === account.id)).toHaveLength(1);
    expect(await app.sql('SELECT status, attempts FROM outbox_jobs WHERE idempotency_key = $1', [key])).toEqual([{ status: 'DONE', attempts: 1 }]);
    expect(await app.sql('SELECT 1 FROM ledger_journals WHERE reference = $1', [`${key}:paid`])).toHaveLength(1);
    expect(ok(await app.gql(`{ myEarnings { availableCents paidOutCents } }`, {}, coder.accessToken)).myEarnings).toEqual({ availableCents: 0, paidOutCents: 27000 });
  });
});
