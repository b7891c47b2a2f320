// npm run soak [-- --seconds 180] [-- --workers 6]
// A bounded soak on loopback: the built app (production mode, as `npm start` runs it) on its own
// PostgreSQL, mixed reads and writes from several client pairs, while the database is cut off for a
// while and the app is killed (SIGKILL) and started again. Afterwards it checks that no acknowledged
// write was lost, that every approved milestone stayed released, and that the ledger balances (each
// journal, the whole ledger, and each contract's escrow against the milestones it holds).
// Prints a summary, writes bench/results/soak.json, exits 1 when a check fails.
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { ensureDatabase, withDatabase } from '../src/bootstrap/database-server.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { findFreePort } from '../src/database/free-port.js';

const { values: options } = parseArgs({ options: { seconds: { type: 'string', default: '180' }, workers: { type: 'string', default: '6' }, 'cut-seconds': { type: 'string', default: '8' } } });
const SECONDS = Number(options.seconds);
const WORKERS = Number(options.workers);
const CUT_SECONDS = Number(options['cut-seconds']);
const DATABASE = 'chartbridge_soak';
const ADMIN = { email: 'admin@soak.chartbridge.test', password: 'soak-admin-password-123' };
const PASSWORD = 'soak-password-for-everyone';

type Phase = 'steady' | 'database-cut' | 'restart';
interface Call {
  op: string;
  phase: Phase;
  ms: number;
  outcome: string;
}
type Gql<T> = { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
/** What the set-up mutations answer: the object made (its id), or a session (its token). */
type Made<Field extends string> = Record<Field, { id: string }>;

const calls: Call[] = [];
let phase: Phase = 'steady';
const ack = { messages: new Set<string>(), milestonesCreated: new Set<string>(), milestonesApproved: new Map<string, number>() };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Where the app writes its mail (no SMTP_URL): $DATA_DIR/mail. */
let mailDir = '';

class App {
  child: ChildProcess | null = null;
  constructor(
    readonly base: string,
    private readonly env: Record<string, string>,
  ) {}

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['--enable-source-maps', '--max-old-space-size=256', '--max-semi-space-size=8', 'dist/src/main.js'], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; i < 300; i++) {
      if (
        await fetch(`${this.base}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      if (this.child.exitCode !== null) throw new Error(`the app exited with ${this.child.exitCode} while starting`);
      await sleep(100);
    }
    throw new Error('the app did not answer /health within 30 s');
  }

  kill(): Promise<void> {
    const child = this.child!;
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  stop(): Promise<void> {
    const child = this.child!;
    if (child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

async function gql<T = unknown>(app: App, op: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Gql<T> | null> {
  const started = performance.now();
  let outcome: string;
  let body: Gql<T> | null = null;
  try {
    const res = await fetch(`${app.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(15_000),
    });
    body = (await res.json()) as Gql<T>;
    outcome = body.errors?.length ? (body.errors[0].extensions?.code ?? 'ERROR') : 'ok';
  } catch (error) {
    outcome = (error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable';
  }
  calls.push({ op, phase, ms: performance.now() - started, outcome });
  return body;
}

/** Setup calls must succeed: retried a few times, then fatal. */
async function must<T>(app: App, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await gql<T>(app, 'setup', query, variables, token);
    if (res?.data && !res.errors) return res.data;
    if (attempt === 4) throw new Error(`setup failed: ${query.slice(0, 60)}: ${JSON.stringify(res?.errors)}`);
    await sleep(200);
  }
  throw new Error('unreachable');
}

/** A new account whose email is verified (funding and approving need it) through the link the app mailed: without SMTP_URL, an .eml file in $DATA_DIR/mail. */
async function signUp(app: App, role: 'PROVIDER' | 'CODER', i: number): Promise<string> {
  const input = { email: `soak-${role.toLowerCase()}-${i}-${randomBytes(3).toString('hex')}@soak.chartbridge.test`, password: PASSWORD, name: `Soak ${role} ${i}`, role };
  const token = (await must<{ signUp: { accessToken: string } }>(app, 'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }', { input })).signUp.accessToken;
  await must(app, 'mutation($token: String!) { verifyEmail(token: $token) { id } }', { token: await verificationToken(input.email) });
  return token;
}

/** The token of the verification link mailed to `email`, once the app's outbox worker has written the mail. */
async function verificationToken(email: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const name of (await readdir(mailDir).catch(() => [] as string[])).filter((file) => file.endsWith('.eml'))) {
      const mail = await simpleParser(await readFile(join(mailDir, name)));
      const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((address) => address.value.map((value) => value.address));
      const link = /\/verify-email\?token=([\w-]+)/.exec(mail.text ?? '');
      if (to.includes(email) && link) return link[1];
    }
    await sleep(100);
  }
  throw new Error(`no verification mail to ${email} within 10 s`);
}

interface Pair {
  provider: string;
  coder: string;
  contractId: string;
}

async function pair(app: App, adminToken: string, i: number): Promise<Pair> {
  const provider = await signUp(app, 'PROVIDER', i);
  const organization = (
    await must<Made<'createOrganization'>>(
      app,
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { name: `Soak Practice ${i}`, kind: 'PROVIDER_PRACTICE' } },
      provider,
    )
  ).createOrganization;
  const job = (
    await must<Made<'createJobPosting'>>(
      app,
      'mutation($input: CreateJobPostingInput!) { createJobPosting(input: $input) { id } }',
      {
        input: {
          organizationId: organization.id,
          title: `Soak cardiology coding ${i}`,
          description: 'Fixed-price coding work for the soak test.',
          specialty: 'CARDIOLOGY',
          codeSets: ['ICD10CM', 'CPT'],
          workType: 'CODING',
          setting: 'OUTPATIENT',
          requiredCredentialTypes: ['CPC'],
          turnaroundHours: 48,
          accuracyTargetBps: 9500,
          payModel: 'FIXED_PRICE',
          budgetCents: 10_000_000,
          requiresBaa: false,
          positions: 1,
        },
      },
      provider,
    )
  ).createJobPosting;
  const coder = await signUp(app, 'CODER', i);
  await must(
    app,
    'mutation($input: UpsertCoderProfileInput!) { upsertCoderProfile(input: $input) { id } }',
    {
      input: {
        headline: `Soak coder ${i}`,
        bio: 'Cardiology coding.',
        yearsExperience: 5,
        timezone: 'America/Chicago',
        weeklyCapacityHours: 30,
        hourlyRateCents: 4000,
        available: true,
        specialties: [{ specialty: 'CARDIOLOGY', yearsExperience: 5 }],
        codeSets: ['ICD10CM', 'CPT'],
        workTypes: ['CODING'],
        ehrSystems: ['Epic'],
      },
    },
    coder,
  );
  const credential = (
    await must<Made<'addCredential'>>(
      app,
      'mutation($input: AddCredentialInput!) { addCredential(input: $input) { id } }',
      { input: { type: 'CPC', number: `CPC-SOAK-${i}-${randomBytes(3).toString('hex')}`, issuedOn: '2024-01-15', expiresOn: `${new Date().getUTCFullYear() + 1}-12-31` } },
      coder,
    )
  ).addCredential;
  await must(app, 'mutation($id: ID!) { verifyCredential(id: $id, approve: true) { id } }', { id: credential.id }, adminToken);
  const bid = (
    await must<Made<'submitBid'>>(
      app,
      'mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }',
      { input: { jobPostingId: job.id, rateCents: 500_000, coverLetter: 'Ready for the soak.' } },
      coder,
    )
  ).submitBid;
  const contract = (await must<Made<'acceptBid'>>(app, 'mutation($id: ID!) { acceptBid(id: $id) { id } }', { id: bid.id }, provider)).acceptBid;
  await must(app, 'mutation { startPayoutOnboarding(returnUrl: "https://soak.test/done", refreshUrl: "https://soak.test/retry") }', {}, coder);
  return { provider, coder, contractId: contract.id };
}

const MILESTONE = 'query($id: ID!) { contract(id: $id) { milestones { id status } } }';

/** One client pair's loop: a milestone through its whole life, messages, and the reads a client makes. */
async function worker(app: App, p: Pair, deadline: number): Promise<void> {
  let n = 0;
  while (Date.now() < deadline) {
    n++;
    const sent = await gql<Made<'sendMessage'>>(
      app,
      'sendMessage',
      'mutation($c: ID!, $b: String!) { sendMessage(contractId: $c, body: $b) { id } }',
      { c: p.contractId, b: `Batch ${n} is ready for review.` },
      n % 2 ? p.provider : p.coder,
    );
    if (sent?.data?.sendMessage) ack.messages.add(sent.data.sendMessage.id);
    await gql(app, 'coders', '{ coders(first: 20, filter: { specialties: [CARDIOLOGY] }) { totalCount edges { node { id headline ratingAverage } } } }');
    await gql(app, 'myContracts', '{ myContracts(first: 10) { edges { node { id status milestones { id status amountCents } } } } }', {}, p.provider);

    const amount = 1_000 + Math.floor(Math.random() * 50_000);
    const created = await gql<Made<'createMilestone'>>(
      app,
      'createMilestone',
      'mutation($c: ID!, $a: Int!) { createMilestone(contractId: $c, input: { title: "Soak batch", amountCents: $a }) { id } }',
      { c: p.contractId, a: amount },
      p.provider,
    );
    const milestoneId = created?.data?.createMilestone?.id;
    if (!milestoneId) continue;
    ack.milestonesCreated.add(milestoneId);
    if (!(await gql(app, 'fundMilestone', 'mutation($id: ID!) { fundMilestone(id: $id) { status } }', { id: milestoneId }, p.provider))?.data) continue;
    let funded = false;
    for (let i = 0; i < 40 && !funded && Date.now() < deadline; i++) {
      const res = await gql<{ contract: { milestones: { id: string; status: string }[] } | null }>(app, 'contract', MILESTONE, { id: p.contractId }, p.provider);
      funded = res?.data?.contract?.milestones.some((m) => m.id === milestoneId && m.status === 'FUNDED') ?? false;
      if (!funded) await sleep(100);
    }
    if (!funded) continue;
    if (!(await gql(app, 'submitMilestone', 'mutation($id: ID!) { submitMilestone(id: $id) { status } }', { id: milestoneId }, p.coder))?.data) continue;
    const approved = await gql<Made<'approveMilestone'>>(app, 'approveMilestone', 'mutation($id: ID!) { approveMilestone(id: $id) { status } }', { id: milestoneId }, p.provider);
    if (approved?.data?.approveMilestone) ack.milestonesApproved.set(milestoneId, amount);
  }
}

async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const percentile = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] : 0);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chartbridge-soak-'));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres(join(dir, 'postgres'), randomBytes(12).toString('hex'));
  const adminUrl = server.url();
  await ensureDatabase(adminUrl, DATABASE);
  const databaseUrl = withDatabase(adminUrl, DATABASE);
  const port = await findFreePort();
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  mailDir = join(dataDir, 'mail');
  const app = new App(`http://127.0.0.1:${port}`, {
    NODE_ENV: 'production',
    PAYMENTS_SIMULATED: 'true',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DOCUMENT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'error',
    WORKER_POLL_MS: '200',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
  });
  const events: { at: number; what: string }[] = [];
  const started = Date.now();
  const note = (what: string) => {
    events.push({ at: Math.round((Date.now() - started) / 100) / 10, what });
    process.stdout.write(`[${events.at(-1)!.at}s] ${what}\n`);
  };
  let failed: boolean;
  try {
    await app.start();
    note('app started');
    const adminToken = (await must<{ logIn: { accessToken: string } }>(app, 'mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }', { input: ADMIN })).logIn.accessToken;
    const pairs: Pair[] = [];
    for (let i = 0; i < WORKERS; i++) pairs.push(await pair(app, adminToken, i));
    note(`${WORKERS} client pairs with contracts`);

    const loadStarted = Date.now();
    const deadline = loadStarted + SECONDS * 1000;
    const load = Promise.all(pairs.map((p) => worker(app, p, deadline)));

    // The database goes away a third of the way in: new connections refused, the app's killed.
    await sleep(SECONDS * 333);
    phase = 'database-cut';
    note(`database cut off for ${CUT_SECONDS} s`);
    await sql(adminUrl, `ALTER DATABASE ${DATABASE} ALLOW_CONNECTIONS false`);
    await sql(adminUrl, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [DATABASE]);
    await sleep(CUT_SECONDS * 1000);
    await sql(adminUrl, `ALTER DATABASE ${DATABASE} ALLOW_CONNECTIONS true`);
    note('database back');
    await sleep(3000);
    phase = 'steady';

    // Two thirds in, the app dies without warning and is started again.
    await sleep(Math.max(0, loadStarted + SECONDS * 667 - Date.now()));
    phase = 'restart';
    note('app killed (SIGKILL)');
    await app.kill();
    await app.start();
    note('app restarted');
    await sleep(3000);
    phase = 'steady';
    await load;
    note('load finished');

    // Let the outbox finish what the crash interrupted (transfers after approval), then check.
    for (let i = 0; i < 60; i++) {
      const [pending] = await sql<{ count: string }>(databaseUrl, `SELECT count(*)::text AS count FROM outbox_jobs WHERE status = 'PENDING'`);
      if (pending.count === '0') break;
      await sleep(500);
    }
    const checks: Record<string, { ok: boolean; detail: string }> = {};
    const messages = await sql<{ id: string }>(databaseUrl, 'SELECT id FROM messages WHERE id = ANY($1::uuid[])', [[...ack.messages]]);
    checks.messagesKept = { ok: messages.length === ack.messages.size, detail: `${messages.length} of ${ack.messages.size} acknowledged messages stored` };
    const milestones = await sql<{ id: string; status: string }>(databaseUrl, 'SELECT id, status FROM milestones WHERE id = ANY($1::uuid[])', [[...ack.milestonesCreated]]);
    checks.milestonesKept = { ok: milestones.length === ack.milestonesCreated.size, detail: `${milestones.length} of ${ack.milestonesCreated.size} acknowledged milestones stored` };
    const released = milestones.filter((m) => ack.milestonesApproved.has(m.id) && m.status === 'RELEASED').length;
    checks.approvalsKept = { ok: released === ack.milestonesApproved.size, detail: `${released} of ${ack.milestonesApproved.size} acknowledged approvals RELEASED` };
    const unbalanced = await sql(databaseUrl, 'SELECT journal_id FROM ledger_entries GROUP BY journal_id HAVING sum(amount_cents) <> 0');
    const [total] = await sql<{ total: string }>(databaseUrl, 'SELECT coalesce(sum(amount_cents), 0)::text AS total FROM ledger_entries');
    checks.journalsBalance = { ok: unbalanced.length === 0 && total.total === '0', detail: `${unbalanced.length} unbalanced journals, ledger total ${total.total}` };
    // Escrow of each contract holds exactly its funded, undelivered-or-unapproved milestones.
    const escrow = await sql<{ contract_id: string; held: string; escrow: string }>(
      databaseUrl,
      `SELECT k.id AS contract_id,
              (SELECT coalesce(sum(m.amount_cents), 0) FROM milestones m WHERE m.contract_id = k.id AND m.status IN ('FUNDED', 'SUBMITTED'))::text AS held,
              (SELECT coalesce(-sum(e.amount_cents), 0) FROM ledger_entries e WHERE e.account = 'escrow:' || k.id)::text AS escrow
         FROM contracts k`,
    );
    const mismatched = escrow.filter((row) => row.held !== row.escrow);
    checks.escrowMatchesMilestones = {
      ok: mismatched.length === 0,
      detail: mismatched.length ? `mismatch: ${JSON.stringify(mismatched)}` : `${escrow.length} contracts, escrow equals funded milestones`,
    };
    // Every side effect the crash or the outage interrupted was carried out once it was over.
    const outbox = await sql<{ status: string; count: string }>(databaseUrl, 'SELECT status, count(*)::text AS count FROM outbox_jobs GROUP BY status ORDER BY status');
    const unfinished = outbox.filter((row) => row.status === 'PENDING' || row.status === 'FAILED');
    checks.outboxDrained = { ok: unfinished.length === 0, detail: outbox.map((row) => `${row.count} ${row.status}`).join(', ') || 'no jobs' };
    const internalOutsideOutages = calls.filter((c) => c.phase === 'steady' && c.outcome === 'INTERNAL_SERVER_ERROR').length;
    checks.noInternalErrorsWhenHealthy = { ok: internalOutsideOutages === 0, detail: `${internalOutsideOutages} internal errors outside the outage windows` };

    const byPhase = Object.fromEntries(
      (['steady', 'database-cut', 'restart'] as Phase[]).map((name) => {
        const inPhase = calls.filter((c) => c.phase === name && c.op !== 'setup');
        const outcomes: Record<string, number> = {};
        for (const c of inPhase) outcomes[c.outcome] = (outcomes[c.outcome] ?? 0) + 1;
        const okMs = inPhase.filter((c) => c.outcome === 'ok').map((c) => c.ms);
        return [name, { calls: inPhase.length, outcomes, p50Ms: Math.round(percentile(okMs, 0.5)), p99Ms: Math.round(percentile(okMs, 0.99)) }];
      }),
    );
    const loadCalls = calls.filter((c) => c.op !== 'setup');
    const summary = {
      seconds: SECONDS,
      workers: WORKERS,
      requests: loadCalls.length,
      requestsPerSecond: Math.round(loadCalls.length / SECONDS),
      acknowledged: { messages: ack.messages.size, milestones: ack.milestonesCreated.size, approvals: ack.milestonesApproved.size },
      byPhase,
      events,
      checks,
    };
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('./results/soak.json', import.meta.url), `${JSON.stringify(summary, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    failed = Object.values(checks).some((c) => !c.ok);
    process.stdout.write(failed ? 'SOAK FAILED\n' : 'soak passed: no acknowledged write lost, ledger balanced\n');
  } finally {
    await app.stop().catch(() => undefined);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
