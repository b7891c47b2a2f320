import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import request from 'supertest';
import { dropDatabase, withDatabase } from '../src/bootstrap/database-server.js';
import { PASSWORD } from './support/given.js';
import { cloneTemplate, TestApp } from './support/test-app.js';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;
const CODERS = `query($first: Int, $filter: CoderFilterInput) { coders(filter: $filter, first: $first) { edges { node { id } } } }`;
const SECRET = 'S3cret-hunter2-never-echo';

/** Sends an anonymous GraphQL request and keeps what a client can measure: status, body size, errors, time. */
async function send(app: TestApp, query: string, variables: Record<string, unknown>) {
  const started = performance.now();
  const res = await app.http().post('/graphql').set('content-type', 'application/json').send({ query, variables });
  return { status: res.status, text: res.text, errors: (res.body.errors ?? []) as { message: string; extensions: { code: string; fields?: string[] } }[], ms: performance.now() - started };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 50));

// Worst case for the old error formatting: each repetition is a place where its suggestion and
// "was not provided" patterns start over and scan to the end of the message.
const pathological = (bytes: number) => 'Field "a" of required type Did you mean '.repeat(Math.ceil(bytes / 40)).slice(0, bytes);

describe('hostile input (production mode)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ NODE_ENV: 'production' });
  });
  afterAll(() => app?.close());

  it('answers a request wrong in thousands of ways at once with 400 and a short list of errors', async () => {
    // ~50 KB: thousands of unknown keys in one input object, a huge list of wrong values and a deeply nested list.
    const filter: Record<string, unknown> = { specialties: Array.from({ length: 2000 }, (_, i) => `NOPE_${i}`) };
    let nested: unknown = 'CPC';
    for (let i = 0; i < 500; i++) nested = [nested];
    filter.credentialTypes = nested;
    for (let i = 0; i < 4000; i++) filter[`k${i}`] = i;
    const res = await send(app, CODERS, { filter, first: 'many' });

    expect(res.status).toBe(400);
    expect(res.errors.length).toBeGreaterThan(1);
    expect(res.errors.length).toBeLessThanOrEqual(21);
    expect(res.errors.every((e) => e.extensions.code === 'BAD_USER_INPUT')).toBe(true);
    expect(res.errors.flatMap((e) => e.extensions.fields ?? [])).toEqual(expect.arrayContaining(['first', 'filter.specialties.0']));
    expect(res.errors.at(-1)?.message).toMatch(/too many/i);
    expect(res.text.length).toBeLessThan(8 * 1024);
    // Generous for a loaded 2-core machine: the old code took ~5 s here and ~40 s at 60 KB (out of a 256 MB heap).
    expect(res.ms).toBeLessThan(3000);
  });

  it('answers very long keys with short messages that still name the field', async () => {
    const key = `x${'y'.repeat(100_000)}`;
    const res = await send(app, LOG_IN, { input: { email: 'a@example.test', password: 'irrelevant', [key]: 1 } });

    expect(res.status).toBe(400);
    expect(res.errors).toHaveLength(1);
    const [field] = res.errors[0].extensions.fields ?? [];
    expect(field).toMatch(/^input\.xy{10,}/);
    expect(field.length).toBeLessThan(200);
    expect(res.errors[0].message.length).toBeLessThan(1000);
    expect(res.text.length).toBeLessThan(2 * 1024);
  });

  it('answers a document with many mistakes and long literals with a short list of short errors', async () => {
    const unknownFields = Array.from({ length: 200 }, (_, i) => `f${i}`).join(' ');
    const res = await send(app, `{ coders(first: "${'9'.repeat(100_000)}") { totalCount } ${unknownFields} }`, {});

    expect(res.status).toBe(400);
    expect(res.errors.length).toBeLessThanOrEqual(21);
    expect(res.errors.every((e) => e.extensions.code === 'BAD_USER_INPUT' && e.message.length <= 1001)).toBe(true);
    expect(res.errors[0].message).toMatch(/^Int cannot represent non-integer value: "9{900,}…$/);
    expect(res.text.length).toBeLessThan(8 * 1024);
  });

  it('formats the error about a 150 KB pathological key without blocking the event loop', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    await tick(); // the histogram measures from its first sample on
    const res = await send(app, LOG_IN, { input: { email: 'a@example.test', password: 'irrelevant', [pathological(150_000)]: 1 } });
    await tick();
    delay.disable();

    expect(res.status).toBe(400);
    expect(res.errors.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    // The longest stall while the request ran, generous for a loaded machine: the old patterns held the loop ~8 s here.
    expect(delay.max / 1e6).toBeLessThan(2000);
  });

  it('never echoes a variable value: a password in a bad logIn variable stays out of the answer', async () => {
    const answers = await Promise.all([
      send(app, LOG_IN, { input: { email: 'a@example.test', password: SECRET, rememberMe: true } }),
      send(app, LOG_IN, { input: { email: 'a@example.test', password: [SECRET] } }),
      send(app, LOG_IN, { input: { email: { value: SECRET }, password: SECRET } }),
      send(app, SIGN_UP, { input: { email: 'a@example.test', password: 'correct horse battery', name: 'Eve', role: SECRET } }),
    ]);

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    for (const answer of answers) {
      expect(answer.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.text).not.toContain(SECRET);
      expect(answer.text).not.toContain('hunter2');
    }
    expect(answers.map((a) => a.errors[0].extensions.fields)).toEqual([['input.rememberMe'], ['input.password'], ['input.email'], ['input.role']]);
  });

  it('answers persisted-query requests as the APQ protocol says, never as an internal error: unknown hash, wrong hash, unknown version', async () => {
    const hash = 'a'.repeat(64);
    const answers = [
      [{ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, 200, { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
      [
        { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
        400,
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_HASH_MISMATCH', fields: [] } }),
      ],
      [
        { extensions: { persistedQuery: { version: 2, sha256Hash: hash } } },
        400,
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_VERSION_UNSUPPORTED', fields: [] } }),
      ],
    ] as const;
    for (const [body, status, error] of answers) {
      const res = await app.http().post('/graphql').set('content-type', 'application/json').send(body);
      expect({ status: res.status, body: res.body }).toEqual({ status, body: { errors: [error] } });
    }
  });
});

/**
 * The API as `npm start` runs it (production, 256 MB heap, JSON logs on stdout) in its own process,
 * on its own clone of the test database: what a crash or a log line of a real instance looks like.
 */
class ApiProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly databaseUrl: string,
    private readonly database: string,
    private readonly dataDir: string,
  ) {
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(): Promise<ApiProcess> {
    const adminUrl = process.env.CHARTBRIDGE_TEST_ADMIN_URL!;
    const database = `chartbridge_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await cloneTemplate(adminUrl, database, process.env.CHARTBRIDGE_TEST_TEMPLATE!);
    const databaseUrl = withDatabase(adminUrl, database);
    const dataDir = mkdtempSync(join(tmpdir(), 'chartbridge-data-'));
    const port = await freePort();
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PAYMENTS_SIMULATED: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      MIGRATIONS_RUN: 'false',
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('hex'),
      DOCUMENT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      RATE_LIMIT_ENABLED: 'false',
      WORKER_POLL_MS: '0',
      LOG_LEVEL: 'info',
    };
    // The heap flags of `npm start`; swc compiles the sources as the test runner does.
    const args = ['--max-old-space-size=256', '--max-semi-space-size=8', '--import', '@swc-node/register/esm-register', 'src/main.ts'];
    const child = spawn(process.execPath, args, { cwd: fileURLToPath(new URL('..', import.meta.url)), env, stdio: ['ignore', 'pipe', 'pipe'] });
    const api = new ApiProcess(child, `http://127.0.0.1:${port}`, databaseUrl, database, dataDir);
    await api.waitFor(() => api.output.includes('listening on'), 90_000);
    return api;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  get logs(): string {
    return this.output;
  }

  http() {
    return request(this.url);
  }

  async sql(text: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  }

  /** Resolves once `condition` holds; fails at once if the process has exited, or after `ms`. */
  async waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (!this.running) throw new Error(`the API process exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.output.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting on the API process:\n${this.output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    if (this.running) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await dropDatabase(process.env.CHARTBRIDGE_TEST_ADMIN_URL!, this.database);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('hostile input against the API as `npm start` runs it (production, 256 MB heap)', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await ApiProcess.start();
  }, 120_000);
  afterAll(() => api?.stop());

  it('answers ~250 KB of unknown keys with 400 and keeps serving', async () => {
    const input: Record<string, unknown> = { email: 'a@example.test', password: 'irrelevant' };
    for (let i = 0; i < 24_000; i++) input[`k${i}`] = 1;
    const body = { query: LOG_IN, variables: { input } };
    expect(JSON.stringify(body).length).toBeLessThan(256 * 1024); // under MAX_BODY_BYTES: the request is read in full

    const res = await api.http().post('/graphql').set('content-type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.length).toBeLessThanOrEqual(21);
    expect(res.text.length).toBeLessThan(8 * 1024);
    // The old code coerced these keys without a cap, each error quoting all of them: the heap ran out and the process died.
    expect(api.running).toBe(true);
    expect((await api.http().get('/health')).status).toBe(200);
  });

  it('logs an unexpected error without the values the client sent or the secrets derived from them', async () => {
    const email = `leak-${randomBytes(4).toString('hex')}@example.test`;
    const name = `Leaky ${randomBytes(4).toString('hex')}`;
    // Every new user row is refused: the sign-up fails inside its INSERT, an internal error.
    await api.sql('ALTER TABLE users ADD CONSTRAINT refuse_new_users CHECK (false) NOT VALID');
    try {
      const res = await api
        .http()
        .post('/graphql')
        .send({ query: SIGN_UP, variables: { input: { email, password: PASSWORD, name, role: 'CODER' } } });
      expect(res.body.errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
      await api.waitFor(() => api.logs.includes('unexpected error in a GraphQL request'));
    } finally {
      await api.sql('ALTER TABLE users DROP CONSTRAINT refuse_new_users');
    }

    const logged = api.logs.split('\n').filter((line) => line.includes('refuse_new_users'));
    expect(logged.length).toBeGreaterThan(0); // the failure itself is logged, with the constraint that refused it
    for (const secret of [email, name, PASSWORD, '$argon2id$']) expect(api.logs).not.toContain(secret);
  });

  it('answers an unknown persisted-query hash PERSISTED_QUERY_NOT_FOUND, never logged as an internal error', async () => {
    const res = await api
      .http()
      .post('/graphql')
      .send({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(res.status).toBe(200);
    expect(res.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // The request's own log line shows the log has caught up with it.
    await api.waitFor(() => api.logs.includes(res.headers['x-request-id']));
    expect(api.logs).not.toMatch(/PersistedQuery|unexpected error in a GraphQL request.*persisted/i);
  });

  it('keeps serving after hundreds of distinct anonymous documents padded to ~250 KB: the parsed-document cache is bounded by what it keeps', async () => {
    // Each distinct text is parsed, validated and cached. A cached document keeps its source text and
    // every token (comments included) through its nodes' `loc`, which Apollo's default cache did not
    // count: ~840 space-padded ones ran the 256 MB heap out, comment-padded ones (7 MB each) a few dozen.
    const padded = (i: number) => (i % 2 === 0 ? `{ __typename }\n${'#\n'.repeat(82_000)}#${i}` : `{ __typename }${' '.repeat(250_000)}#${i}`);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 240; i += 4) {
      const answers = await Promise.all(
        [0, 1, 2, 3].map((k) =>
          fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: padded(i + k) }) }).then(
            async (res) => `${res.status} ${(await res.text()).trim()}`,
            (error: unknown) => `failed: ${String((error as { cause?: unknown }).cause ?? error)}`,
          ),
        ),
      );
      for (const answer of answers) outcomes.set(answer, (outcomes.get(answer) ?? 0) + 1);
      if (!api.running) break;
    }
    expect(outcomes).toEqual(new Map([['200 {"data":{"__typename":"Query"}}', 240]]));
    expect(api.running).toBe(true);
    const unrelated = await api.http().post('/graphql').send({ query: '{ coders(first: 1) { totalCount } }' });
    expect(unrelated.body).toEqual({ data: { coders: { totalCount: expect.any(Number) } } });
  }, 120_000);
});
