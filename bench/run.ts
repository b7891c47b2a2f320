// npm run bench [-- --quick] [-- --rounds N] | npm run bench -- --scale [--sizes 10000,100000,1000000]
// Seeds a fresh embedded PostgreSQL, starts the built app in production mode, and measures each
// workload with autocannon (loopback, bounded) against an anchor measured in the same round:
// three rounds, workloads alternating, medians. Prints a table, writes bench/results/latest.json
// (raw figures + ratios to the anchor) and bench/results/ratios.svg.
import 'reflect-metadata';
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../src/config/environment.js';
import { openDatabaseServer } from '../src/bootstrap/database-server.js';
import { findFreePort } from '../src/database/free-port.js';
import { typeOrmOptions } from '../src/bootstrap/typeorm-options.js';
import { Specialty } from '../src/domain/specialty.enum.js';
import x12 from 'node-x12';
import type { X12Interchange } from 'node-x12';
import { directoryCardPage } from './pages.js';
import { seed, SEED_PASSWORD } from './seed.js';
import { CLAIM_ENCOUNTERS, CLAIMS_BATCH_ID, CLAIMS_PRACTICE_EMAIL } from './seed-claims.js';
import { seedId } from './seed-data.js';

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '10000,100000,1000000' },
    // A/B of the GraphQL executor: the app is started once per executor (one database), and every app
    // workload is measured on each in the same rounds, alternating. The first is the app's `npm start` default.
    executors: { type: 'string', default: 'graphql-js' },
    // Extra environment for a second app instance measured in the same rounds (A/B of a global
    // guard, plugin or interceptor switch), e.g. --ab BENCH_OFF=throttler
    ab: { type: 'string', multiple: true, default: [] },
    // Only these workloads (comma-separated names; `hello` is always kept: every ratio is to it), and
    // another number of connections: a quick A/B on a busy machine.
    only: { type: 'string', default: '' },
    connections: { type: 'string', default: '50' },
  },
});
const ONLY = new Set(options.only.split(',').filter(Boolean));
const wanted = (name: string) => ONLY.size === 0 || name === 'hello' || ONLY.has(name);
const QUICK = options.quick;
const SIZE = QUICK ? { coders: 10_000, jobs: 1_000 } : { coders: 100_000, jobs: 10_000 };
const DURATION = QUICK ? 4 : 10;
const CONNECTIONS = Number(options.connections);
const ROUNDS = Number(options.rounds);
const RESULTS = new URL('./results/', import.meta.url);

type Body = { query: string; variables?: Record<string, unknown> };
interface Workload {
  name: string;
  /** Fewer connections than the others, for a heavy workload (the reason is at the workload). */
  connections?: number;
  /** Which server answers: the app (default) or the bare anchor app (bench/anchors/hello). */
  target?: 'anchor';
  token?: () => string;
  next: (i: number) => Body;
  /** Error answers are part of the workload (e.g. repeated bids refused): measured, not a failed run. */
  expectsErrors?: boolean;
}
interface Measure {
  rps: number;
  p50: number;
  p99: number;
  rssMb: number;
  errors: number;
  /** The app process's CPU time (user + system, every thread) over the run, per request answered: under load it inflates with contention too. */
  cpuUsPerRequest: number;
}

/** A workload whose requests answer errors: its figures would be the cost of refusing, so the run stops. */
class WorkloadFailed extends Error {}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const WORDS = [
  'cardiology',
  'epic',
  'orthopedic',
  'risk adjustment',
  'hcc',
  'emergency',
  'pediatrics',
  'oncology',
  'audit',
  'denial',
  'cerner',
  'athenahealth',
  'inpatient',
  'outpatient',
  'radiology',
  'surgery',
  'family',
  'internal medicine',
  'e/m',
  'coder',
];
const SPECIALTIES = Object.values(Specialty);

async function gql<T>(base: string, body: Body, token?: string) {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return (await res.json()) as { data?: T | null; errors?: { message: string }[] };
}

async function login(base: string, email: string): Promise<string> {
  const res = await gql<{ logIn: { accessToken: string } | null }>(base, {
    query: 'mutation($i: LogInInput!) { logIn(input: $i) { accessToken } }',
    variables: { i: { email, password: SEED_PASSWORD } },
  });
  if (!res.data?.logIn) throw new Error(`cannot log in ${email}: ${JSON.stringify(res.errors)}`);
  return res.data.logIn.accessToken;
}

/** CPU time the process has used so far (user + system, all threads), in microseconds. */
function cpuUs(child: ChildProcess): number {
  // Fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second on Linux); the name (field 2) may hold spaces.
  const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function measure(
  base: string,
  workload: Workload,
  child: ChildProcess,
  load = { connections: Math.min(CONNECTIONS, workload.connections ?? CONNECTIONS), duration: DURATION },
): Promise<Measure> {
  let i = 0;
  // The first answer that is not a clean 200 (GraphQL errors included), to name it if the workload does not expect any.
  let firstError: string | undefined;
  let graphqlErrors = 0;
  const cpuBefore = cpuUs(child);
  const result = await autocannon({
    url: `${base}/graphql`,
    connections: load.connections,
    duration: load.duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const token = workload.token?.();
          return { ...req, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(workload.next(i++)) };
        },
        onResponse: (status, body) => {
          // A substring test, not a parse: the load generator shares the CPUs with the app.
          const ok = status >= 200 && status < 300;
          if (ok && !body.includes('"errors":')) return;
          if (ok) graphqlErrors++;
          firstError ??= `${status} ${body.slice(0, 500)}`;
        },
      },
    ],
  });
  const errors = result.errors + result.non2xx + graphqlErrors;
  if (!workload.expectsErrors && errors > 0) {
    throw new WorkloadFailed(
      `workload ${workload.name} answered errors (${result.non2xx} non-2xx, ${graphqlErrors} 200s with GraphQL errors, ${result.errors} connection errors): its figures would measure refusals. First: ${firstError ?? '(no answer body)'}`,
    );
  }
  const cpuUsPerRequest = Math.round((cpuUs(child) - cpuBefore) / Math.max(result.requests.total, 1));
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, rssMb: rssMb(child), errors, cpuUsPerRequest };
}

/** The issue's targets, drawn as red marks on the chart. */
const TARGETS: Record<string, number> = { directory_vs_hello: 0.15, match_vs_hello: 0.05, hello_vs_anchor: 0.9 };

function svg(ratios: Record<string, number>): string {
  const entries = Object.entries(ratios);
  const width = 640;
  const bar = 26;
  const height = 40 + entries.length * (bar + 8);
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const rows = entries
    .map(([name, value], k) => {
      const y = 30 + k * (bar + 8);
      const w = Math.max(1, Math.round((value / max) * 380));
      const target =
        TARGETS[name] === undefined
          ? ''
          : `<rect x="${210 + Math.round((TARGETS[name] / max) * 380)}" y="${y - 3}" width="2" height="${bar + 6}" fill="#d83b3b"><title>target ${TARGETS[name]}x</title></rect>`;
      return `<text x="10" y="${y + 18}" font-size="13">${name}</text><rect x="210" y="${y}" width="${w}" height="${bar}" fill="#3b7dd8"/>${target}<text x="${218 + Math.max(w, TARGETS[name] ? Math.round((TARGETS[name] / max) * 380) + 4 : 0)}" y="${y + 18}" font-size="13">${value.toFixed(3)}x</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif"><text x="10" y="18" font-size="14" font-weight="bold">req/s relative to the anchor ({ __typename }), same run, medians; red: target</text>${rows}</svg>\n`;
}

/** The master key every app of a run starts with: the seed seals the 837P workload's claim data under it. */
const DOCUMENT_KEY = randomBytes(32);

/** A fresh embedded PostgreSQL in a temporary directory, migrated. */
async function freshDatabase(): Promise<{ dataDir: string; server: Awaited<ReturnType<typeof openDatabaseServer>> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chartbridge-bench-'));
  const server = await openDatabaseServer(loadEnvironment({ DATA_DIR: dataDir }));
  const dataSource = new DataSource(typeOrmOptions(server.url, { migrationsRun: false, poolSize: 1 }));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  return { dataDir, server };
}

/** The built app in production mode (rate limits and background workers off, no Redis), once it is ready. */
async function startApp(dataDir: string, databaseUrl: string, extra: Record<string, string> = {}): Promise<{ app: ChildProcess; base: string }> {
  const port = await findFreePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    ...MALLOC_ENV,
    PAYMENTS_SIMULATED: 'true',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    MIGRATIONS_RUN: 'false',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DOCUMENT_ENCRYPTION_KEY: DOCUMENT_KEY.toString('base64'),
    RATE_LIMIT_ENABLED: 'false',
    WORKER_POLL_MS: '0',
    LOG_LEVEL: 'warn',
    REDIS_URL: '',
    ...extra,
  };
  // The same node flags as `npm start` (package.json): the heap cap is part of the memory budget.
  const app = spawn(process.execPath, [...NODE_FLAGS, 'dist/src/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  await firstAnswer(base, '/ready');
  return { app, base };
}

/** The same node flags as `npm start` (package.json): the heap cap is part of the memory budget. */
const NODE_FLAGS = ['--enable-source-maps', '--max-old-space-size=256', '--max-semi-space-size=8'];

/**
 * The malloc setting the container image runs with (Dockerfile): allocations of 4 MiB and more (argon2's
 * 19 MiB per password hash, the bench's log-ins) go back to the system when freed instead of staying in
 * a thread's malloc arena. Given to the anchor too, so both are started alike.
 */
const MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: '4194304' };

/** Polls `path` every 20 ms (a GET, or a GraphQL POST of `query`) until it answers 200; the milliseconds it took. */
async function firstAnswer(base: string, path: string, query?: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  const init = query ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) } : undefined;
  while (performance.now() - started < timeoutMs) {
    const answered = await fetch(`${base}${path}`, init).then(
      (r) => r.ok,
      () => false,
    );
    if (answered) return Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${base}${path} did not answer within ${timeoutMs} ms`);
}

/** The bare NestJS + Apollo (Fastify) anchor (bench/anchors/hello), built by `npm run bench`, started like the app. */
async function startAnchor(): Promise<{ app: ChildProcess; base: string }> {
  const port = await findFreePort();
  const env = { ...process.env, NODE_ENV: 'production', ...MALLOC_ENV, PORT: String(port), HOST: '127.0.0.1' };
  const app = spawn(process.execPath, [...NODE_FLAGS, 'dist/bench/anchors/hello/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  await firstAnswer(base, '/graphql', '{ hello }');
  return { app, base };
}

/**
 * Cold start: `node dist/src/main.js` (what `npm start` runs after its build) on a fresh DATA_DIR
 * (initdb of the embedded PostgreSQL, every migration) until /graphql first answers; warm start:
 * the same again on that DATA_DIR. Milliseconds from spawn.
 */
async function startTimes(): Promise<{ coldMs: number; warmMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chartbridge-start-'));
  const times: number[] = [];
  try {
    for (let run = 0; run < 2; run++) {
      const port = await findFreePort();
      const env = {
        ...process.env,
        NODE_ENV: 'production',
        ...MALLOC_ENV,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        JWT_SECRET: 'x'.repeat(40),
        DOCUMENT_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        PAYMENTS_SIMULATED: 'true',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        REDIS_URL: '',
      };
      const started = performance.now();
      const app = spawn(process.execPath, [...NODE_FLAGS, 'dist/src/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
      try {
        await firstAnswer(`http://127.0.0.1:${port}`, '/graphql', '{ __typename }');
        times.push(Math.round(performance.now() - started));
      } finally {
        const exited = new Promise((resolve) => app.once('exit', resolve));
        app.kill('SIGTERM');
        await exited;
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { coldMs: times[0], warmMs: times[1] };
}

const SCHEMA = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
/** The directory page a frontend shows (bench/pages.ts): 20 cards with every public field. */
const DIRECTORY_FULL = directoryCardPage(SCHEMA);
const QUEUE = `{ myWorkQueue(first: 20) { totalCount edges { node { id contractId title chartCount chartsDone chartsAccepted overDelivered dueAt overdue priority status } } } }`;

const EXPORT_837P = `query($id: ID!) { codedBatchExport(id: $id, format: X12_837P) }`;

/**
 * The 837P export answers an interchange of one claim per encounter: parsed with node-x12 in strict
 * mode (envelopes, control numbers), it must hold CLAIM_ENCOUNTERS CLM segments, or the bench stops
 * rather than report the speed of an error or of a smaller file.
 */
async function verify837(base: string, token: string): Promise<void> {
  const res = await gql<{ codedBatchExport: string }>(base, { query: EXPORT_837P, variables: { id: CLAIMS_BATCH_ID } }, token);
  const text = res.data?.codedBatchExport;
  if (!text) throw new Error(`export_837p: the export answered no file: ${JSON.stringify(res.errors)}`);
  const interchange = new x12.X12Parser(true).parse(text) as X12Interchange;
  const segments = interchange.functionalGroups.flatMap((group) => group.transactions.flatMap((transaction) => transaction.segments));
  const claims = segments.filter((segment) => segment.tag === 'CLM').length;
  if (claims !== CLAIM_ENCOUNTERS) throw new Error(`export_837p: the file holds ${claims} CLM segments, not ${CLAIM_ENCOUNTERS}`);
}

const DIRECTORY = `query($f: CoderFilterInput) { coders(filter: $f, first: 20) { edges { node { id headline hourlyRateCents ratingAverage specialties { specialty yearsExperience } credentials { type status } } } } }`;

/**
 * Every workload, by name. `jobs` and `practices` locate seeded ids: posting i belongs to practice
 * i % practices, so practice 0 (provider-00000, who runs `matchCoders`) owns postings 0, p, 2p, ...
 */
async function workloads(base: string, size: { coders: number; jobs: number; practices: number }, queueCoders: string[] = []): Promise<Workload[]> {
  const provider = wanted('match') ? await login(base, 'provider-00000@seed.chartbridge.test') : '';
  const queueTokens: string[] = [];
  if (wanted('work_queue')) for (const email of queueCoders.slice(0, 50)) queueTokens.push(await login(base, email));
  let practiceToken = '';
  if (wanted('export_837p')) {
    practiceToken = await login(base, CLAIMS_PRACTICE_EMAIL);
    await verify837(base, practiceToken);
  }
  const coderTokens: string[] = [];
  if (wanted('recommended') || wanted('submit_bid')) for (let k = 1; k <= 50; k++) coderTokens.push(await login(base, `coder-${String(k).padStart(6, '0')}@seed.chartbridge.test`));
  const practiceJobs = Array.from({ length: 50 }, (_, k) => k * size.practices)
    .filter((i) => i < size.jobs)
    .map((i) => seedId('job', i));
  const profiles = Array.from({ length: 50 }, (_, k) => seedId('coder-profile', (k * 97) % size.coders));
  const openJobs = Array.from({ length: 50 }, (_, k) => seedId('job', (k * 7 + 1) % size.jobs));
  const rotating = () => {
    let k = 0;
    return () => coderTokens[k++ % coderTokens.length];
  };
  return [
    { name: 'hello', next: () => ({ query: '{ __typename }' }) },
    { name: 'anchor_hello', target: 'anchor', next: () => ({ query: '{ hello }' }) },
    {
      name: 'directory_filter',
      next: (i) => ({ query: DIRECTORY, variables: { f: { specialties: [SPECIALTIES[i % SPECIALTIES.length]], availableOnly: true, maxHourlyRateCents: 3000 + (i % 5) * 1000 } } }),
    },
    { name: 'directory_text', next: (i) => ({ query: DIRECTORY, variables: { f: { text: WORDS[i % WORDS.length], availableOnly: i % 2 === 0 } } }) },
    {
      name: 'directory_full',
      next: (i) => ({ query: DIRECTORY_FULL, variables: { f: i % 2 ? { text: WORDS[i % WORDS.length] } : { specialties: [SPECIALTIES[i % SPECIALTIES.length]], availableOnly: true } } }),
    },
    ...(queueTokens.length
      ? [
          {
            name: 'work_queue',
            token: (() => {
              let k = 0;
              return () => queueTokens[k++ % queueTokens.length];
            })(),
            next: () => ({ query: QUEUE }),
          },
        ]
      : []),
    ...(practiceToken
      ? [
          {
            name: 'export_837p',
            // One export decrypts 500 claim payloads and writes a file of about 200 KB: tens of ms of CPU
            // each. 50 connections would only queue (p50 = 50 x the service time) and hold 50 files on a
            // 256 MB heap; 4 keep both vCPUs busy and measure the export, not the queue.
            connections: 4,
            token: () => practiceToken,
            next: () => ({ query: EXPORT_837P, variables: { id: CLAIMS_BATCH_ID } }),
          },
        ]
      : []),
    {
      name: 'job_search',
      next: (i) => ({
        query: `query($f: JobPostingFilterInput) { jobPostings(filter: $f, first: 20) { edges { node { id title specialty payModel } } } }`,
        variables: { f: i % 2 ? { text: WORDS[i % WORDS.length] } : { specialties: [SPECIALTIES[i % SPECIALTIES.length]] } },
      }),
    },
    {
      name: 'profile_by_id',
      next: (i) => ({ query: `query($id: ID!) { coderProfile(id: $id) { id headline specialties { specialty } credentials { type status } } }`, variables: { id: profiles[i % profiles.length] } }),
    },
    {
      name: 'match',
      token: () => provider,
      next: (i) => ({ query: `query($id: ID!) { matchCoders(jobPostingId: $id, first: 10) { score reasons coder { id } } }`, variables: { id: practiceJobs[i % practiceJobs.length] } }),
    },
    { name: 'recommended', token: rotating(), next: () => ({ query: '{ recommendedJobs(first: 10) { score job { id } } }' }) },
    {
      name: 'submit_bid',
      // A coder bidding again on a posting they already bid on is refused (CONFLICT): part of the workload.
      expectsErrors: true,
      token: rotating(),
      next: (i) => ({
        query: `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`,
        variables: { input: { jobPostingId: openJobs[i % openJobs.length], rateCents: 500, coverLetter: 'bench' } },
      }),
    },
  ];
}

async function main(): Promise<void> {
  // Start times first, on a quiet app: cold (fresh DATA_DIR: initdb + migrations) and warm.
  const start = wanted('start') ? await startTimes() : undefined;
  if (start) process.stdout.write(`start to first answer: cold ${start.coldMs} ms (fresh DATA_DIR), warm ${start.warmMs} ms\n`);
  const { dataDir, server } = await freshDatabase();
  const running: ChildProcess[] = [];
  try {
    const practices = Math.max(1, Math.floor(SIZE.jobs / 50));
    const started = Date.now();
    await seed({ ...SIZE, practices, seed: 42, databaseUrl: server.url, workQueues: true, claims: wanted('export_837p') ? { documentKey: DOCUMENT_KEY } : undefined });
    process.stdout.write(`\nseeded ${SIZE.coders} coders, ${SIZE.jobs} postings in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const queueCoders = (
      await client.query<{ email: string }>(
        `SELECT DISTINCT u.email FROM work_requests w JOIN contracts c ON c.id = w.contract_id JOIN users u ON u.id = c.coder_id WHERE w.status = 'OPEN' ORDER BY u.email LIMIT 50`,
      )
    ).rows.map((r) => r.email);
    await client.end();

    // One app per executor (the first is the default), plus one per --ab variant, all on this database.
    const executors = options.executors.split(',').filter(Boolean);
    const variants: { label: string; env: Record<string, string> }[] = executors.map((executor, k) => ({ label: k === 0 ? '' : `@${executor}`, env: { GRAPHQL_EXECUTOR: executor } }));
    for (const ab of options.ab) {
      const [key, value] = ab.split('=');
      variants.push({ label: `@${key}=${value}`, env: { GRAPHQL_EXECUTOR: executors[0], [key]: value } });
    }
    const apps: { label: string; base: string; app: ChildProcess }[] = [];
    for (const variant of variants) {
      const app = await startApp(dataDir, server.url, variant.env);
      running.push(app.app);
      apps.push({ label: variant.label, ...app });
    }
    const anchor = await startAnchor();
    running.push(anchor.app);

    // Every app workload once per app variant; the anchor's `hello` once.
    const all: { workload: Workload; base: string; child: ChildProcess }[] = [];
    for (const app of apps) {
      for (const workload of (await workloads(app.base, { ...SIZE, practices }, queueCoders)).filter((w) => wanted(w.name))) {
        if (workload.target === 'anchor') {
          if (app === apps[0]) all.push({ workload, base: anchor.base, child: anchor.app });
        } else all.push({ workload: { ...workload, name: `${workload.name}${app.label}` }, base: app.base, child: app.app });
      }
    }
    // Warm-up: each workload once, briefly, so compilation and caches are not measured in round 1.
    for (const { workload, base, child } of all) await measure(base, workload, child, { connections: 4, duration: 1 });

    const rounds: Record<string, Measure>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const measures: Record<string, Measure> = {};
      // Alternate the order each round, so no workload always runs on a machine warmed (or tired) by the same neighbour.
      const ordered = round % 2 ? [...all].reverse() : all;
      for (const { workload, base, child } of ordered) {
        measures[workload.name] = await measure(base, workload, child);
        process.stdout.write(
          `round ${round + 1} ${workload.name}: ${measures[workload.name].rps} req/s, ${measures[workload.name].cpuUsPerRequest} µs app CPU a request${measures[workload.name].errors ? ` (${measures[workload.name].errors} errors)` : ''}\n`,
        );
      }
      rounds.push(measures);
    }
    const names = all.map((w) => w.workload.name);
    const summary = Object.fromEntries(
      names.map((name) => [
        name,
        {
          rps: median(rounds.map((r) => r[name].rps)),
          p50: median(rounds.map((r) => r[name].p50)),
          p99: median(rounds.map((r) => r[name].p99)),
          rssMb: Math.max(...rounds.map((r) => r[name].rssMb)),
          errors: rounds.reduce((s, r) => s + r[name].errors, 0),
          cpuUsPerRequest: median(rounds.map((r) => r[name].cpuUsPerRequest)),
        },
      ]),
    );
    const ratioOf = (name: string, anchorName = 'hello') => median(rounds.map((r) => r[name].rps / r[anchorName].rps));
    const round3 = (x: number) => Math.round(x * 1000) / 1000;
    const ratios: Record<string, number> = Object.fromEntries(names.filter((n) => n !== 'hello' && n !== 'anchor_hello').map((name) => [`${name}_vs_hello`, round3(ratioOf(name))]));
    if (names.includes('directory_filter') && names.includes('directory_text'))
      ratios.directory_vs_hello = round3(median(rounds.map((r) => Math.min(r.directory_filter.rps, r.directory_text.rps) / r.hello.rps)));
    // The project's `{ __typename }` against the bare NestJS + Apollo app's `{ hello }`: target >= 0.9.
    if (names.includes('anchor_hello')) ratios.hello_vs_anchor = round3(ratioOf('hello', 'anchor_hello'));
    // Executor and --ab variants: each workload against the same workload on the default app.
    const variantsVsDefault: Record<string, number> = {};
    for (const name of names) {
      const at = name.indexOf('@');
      if (at > 0) variantsVsDefault[name] = round3(median(rounds.map((r) => r[name].rps / r[name.slice(0, at)].rps)));
    }

    process.stdout.write(`\n${'workload'.padEnd(34)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'RSS MB'.padStart(9)}${'errors'.padStart(9)}${'CPU µs/req'.padStart(12)}\n`);
    for (const name of names) {
      const m = summary[name];
      process.stdout.write(
        `${name.padEnd(34)}${String(m.rps).padStart(9)}${String(m.p50).padStart(9)}${String(m.p99).padStart(9)}${String(m.rssMb).padStart(9)}${String(m.errors).padStart(9)}${String(m.cpuUsPerRequest).padStart(12)}\n`,
      );
    }
    process.stdout.write(`\nratios: ${JSON.stringify(ratios)}\n`);
    if (Object.keys(variantsVsDefault).length) process.stdout.write(`variants vs default (same workload, same rounds): ${JSON.stringify(variantsVsDefault)}\n`);
    mkdirSync(RESULTS, { recursive: true });
    const report = {
      when: new Date().toISOString(),
      mode: QUICK ? 'quick' : 'full',
      size: SIZE,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      executors,
      ab: options.ab,
      start,
      rounds,
      summary,
      ratios,
      variantsVsDefault,
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version, loadAverage: (await import('node:os')).loadavg() },
    };
    // latest.* is the last run of either mode; <mode>.json keeps the last run of each. A partial run
    // (--only, other connections) is an A/B check, not the figures: it goes to ab.json only.
    if (ONLY.size || CONNECTIONS !== 50) {
      writeFileSync(new URL('ab.json', RESULTS), `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write('wrote bench/results/ab.json\n');
    } else {
      for (const name of ['latest.json', `${report.mode}.json`]) writeFileSync(new URL(name, RESULTS), `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(new URL('ratios.svg', RESULTS), svg(ratios));
      process.stdout.write(`wrote bench/results/latest.json, bench/results/${report.mode}.json and bench/results/ratios.svg\n`);
    }
  } finally {
    for (const child of running) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Cost growth: the directory and matching at 10k, 100k and 1M coders (postings a tenth of that,
 * 20 practices), one database grown in place (the seed skips rows already there), VACUUM ANALYZE
 * after each step, then the p50 latency of each workload from one connection (no queueing: the cost of
 * one request) and its req/s. Writes bench/results/scale.json.
 */
async function scale(): Promise<void> {
  const sizes = options.sizes.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1000)) throw new Error('--sizes takes coder counts >= 1000, comma-separated');
  const names = ['directory_filter', 'directory_text', 'match'];
  const load = { connections: 1, duration: QUICK ? 5 : 10 };
  const { dataDir, server } = await freshDatabase();
  let app: ChildProcess | undefined;
  try {
    const running = await startApp(dataDir, server.url);
    app = running.app;
    const results: Record<string, Record<string, Measure>> = {};
    for (const coders of sizes) {
      const size = { coders, jobs: Math.floor(coders / 10), practices: 20 };
      const started = Date.now();
      await seed({ ...size, seed: 42, databaseUrl: server.url });
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      await client.query('VACUUM ANALYZE');
      await client.end();
      process.stdout.write(`\nseeded ${coders} coders, ${size.jobs} postings in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      const all = (await workloads(running.base, size)).filter((w) => names.includes(w.name));
      results[coders] = {};
      for (const workload of all) {
        await measure(running.base, workload, running.app, { connections: load.connections, duration: 2 });
        results[coders][workload.name] = await measure(running.base, workload, running.app, load);
        process.stdout.write(`${coders} coders ${workload.name}: p50 ${results[coders][workload.name].p50} ms, ${results[coders][workload.name].rps} req/s\n`);
      }
    }
    const [smallest, largest] = [sizes[0], sizes.at(-1)!];
    const growth = Object.fromEntries(names.map((name) => [`${name}_p50_${largest}_vs_${smallest}`, Math.round((results[largest][name].p50 / Math.max(results[smallest][name].p50, 1)) * 100) / 100]));
    process.stdout.write(`\n${'coders'.padEnd(10)}${names.map((n) => `${n} p50 ms`.padStart(24)).join('')}\n`);
    for (const coders of sizes) process.stdout.write(`${String(coders).padEnd(10)}${names.map((n) => String(results[coders][n].p50).padStart(24)).join('')}\n`);
    process.stdout.write(`\ngrowth (target <= 1.5): ${JSON.stringify(growth)}\n`);
    mkdirSync(RESULTS, { recursive: true });
    const report = {
      when: new Date().toISOString(),
      sizes,
      connections: load.connections,
      durationSeconds: load.duration,
      results,
      growth,
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    };
    writeFileSync(new URL('scale.json', RESULTS), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write('wrote bench/results/scale.json\n');
  } finally {
    app?.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

(options.scale ? scale() : main()).catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
