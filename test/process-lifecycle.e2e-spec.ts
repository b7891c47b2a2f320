import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/bootstrap/database-server.js';
import { findFreePort } from '../src/database/free-port.js';
import { AppProcess, BuiltApps, buildApp, childrenOf, eventually, isAlive, parentOf, postmasterOf, sleep } from './support/app-process.js';

// These tests run the built app (`node dist/src/main.js`, what `npm start` runs) in processes of its
// own, because what they check (signals, process groups, a killed process's orphans) only exists there.
const COUNT_CODERS = '{ coders(first: 1) { totalCount } }';
const SERVED = { status: 200, body: { data: { coders: { totalCount: 0 } } } };
const TIMEOUT = 90_000;

describe('process lifecycle (the built app in its own process)', () => {
  const built = new BuiltApps('chartbridge-process');
  const databases: string[] = [];
  const adminUrl = () => process.env.CHARTBRIDGE_TEST_ADMIN_URL!;
  // One DATA_DIR with an embedded PostgreSQL that the embedded tests start on again and again, as
  // a developer's `.data` is (the first start initialises and migrates it).
  let dataDir: string;
  let databaseDir: string;

  beforeAll(async () => {
    await buildApp();
    dataDir = built.tempDir();
    databaseDir = join(dataDir, 'postgres');
  }, 120_000);

  afterAll(async () => {
    await built.cleanUp();
    for (const name of databases) await dropDatabase(adminUrl(), name).catch(() => undefined);
  }, 60_000);

  async function start(env: Record<string, string>, options: { detached?: boolean } = {}): Promise<AppProcess> {
    const app = await built.spawnBuiltApp(env, options);
    await app.waitForOutput(/listening on/, 60_000);
    return app;
  }

  /** A migrated database of its own on the test server, for an app started with DATABASE_URL. */
  async function externalDatabase(): Promise<string> {
    const name = `chartbridge_process_${process.pid}_${randomBytes(4).toString('hex')}`;
    await ensureDatabase(adminUrl(), name, process.env.CHARTBRIDGE_TEST_TEMPLATE!);
    databases.push(name);
    return withDatabase(adminUrl(), name);
  }

  async function stopWithSigterm(app: AppProcess): Promise<void> {
    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
  }

  async function served(response: Promise<Response>): Promise<unknown> {
    return response.then(
      async (res) => ({ status: res.status, body: await res.json() }),
      (error: unknown) => ({ error: String((error as { cause?: unknown }).cause ?? error) }),
    );
  }

  /**
   * Holds an exclusive lock on `coder_profiles` from a connection of our own, so the app's
   * directory query waits for it: a request held in flight for as long as we like.
   */
  async function lockCoderProfiles(url: string): Promise<{ waiting(): Promise<boolean>; release(): Promise<void> }> {
    const holder = new pg.Client({ connectionString: url });
    holder.on('error', () => undefined); // the old code's Ctrl-C killed this connection too
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE coder_profiles IN ACCESS EXCLUSIVE MODE');
    return {
      waiting: async () => {
        const { rows } = await holder.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
        return rows[0].n > 0;
      },
      release: async () => {
        await holder.query('COMMIT').catch(() => undefined);
        await holder.end().catch(() => undefined);
      },
    };
  }

  async function statusOf(url: string): Promise<number> {
    return fetch(url).then(
      (res) => res.status,
      () => 0,
    );
  }

  describe('embedded PostgreSQL', () => {
    it(
      'stops with the app when the app is SIGKILLed, and the app starts again on the same DATA_DIR',
      async () => {
        const first = await start({ DATA_DIR: dataDir });
        const server = postmasterOf(databaseDir)!;
        expect(isAlive(server.pid)).toBe(true);

        first.child.kill('SIGKILL');
        await first.exited;
        // Nothing of the app is left to stop it: the server must notice its parent died.
        expect(await eventually(() => !isAlive(server.pid), 15_000)).toBe(true);

        const second = await start({ DATA_DIR: dataDir });
        expect(await statusOf(`${second.url}/ready`)).toBe(200);
        expect(await served(second.gql(COUNT_CODERS))).toEqual(SERVED);
        await stopWithSigterm(second);
        expect(postmasterOf(databaseDir)).toBeNull();
      },
      TIMEOUT,
    );

    it(
      'stops an orphaned server on start (its app and everything watching it were SIGKILLed) and serves',
      async () => {
        const first = await start({ DATA_DIR: dataDir });
        const server = postmasterOf(databaseDir)!;
        // Kill whatever watches the server for the app (any process between them, and its other
        // children), then the app: nothing is left to stop the server.
        const parent = parentOf(server.pid);
        if (parent !== first.pid) for (const pid of [parent, ...childrenOf(parent).filter((pid) => pid !== server.pid)]) process.kill(pid, 'SIGKILL');
        first.child.kill('SIGKILL');
        await first.exited;
        await sleep(500);
        expect(isAlive(server.pid)).toBe(true);

        const second = await start({ DATA_DIR: dataDir });
        expect(isAlive(server.pid)).toBe(false);
        expect(second.stdout()).toMatch(new RegExp(`stopping the embedded PostgreSQL \\(pid ${server.pid}\\) left running`, 'i'));
        expect(await served(second.gql(COUNT_CODERS))).toEqual(SERVED);
        await stopWithSigterm(second);
      },
      TIMEOUT,
    );

    it(
      'refuses, in one line, to start on a DATA_DIR whose server another running app owns, and leaves that one serving',
      async () => {
        const first = await start({ DATA_DIR: dataDir });
        const second = await built.spawnBuiltApp({ DATA_DIR: dataDir });
        expect((await second.exited).code).toBe(1);
        expect(second.stderr().trim().split('\n')).toEqual([expect.stringContaining(`in use by another ChartBridge (pid ${first.pid})`)]);
        expect(await served(first.gql(COUNT_CODERS))).toEqual(SERVED);
        await stopWithSigterm(first);
      },
      TIMEOUT,
    );

    it(
      'drains on Ctrl-C: the request in flight gets its answer, new requests get 503, then the server stops',
      async () => {
        const app = await start({ DATA_DIR: dataDir }, { detached: true });
        const server = postmasterOf(databaseDir)!;
        const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
        const lock = await lockCoderProfiles(`postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${server.port}/chartbridge`);
        try {
          const inFlight = served(app.gql(COUNT_CODERS));
          expect(await eventually(lock.waiting, 10_000)).toBe(true);

          // A terminal's Ctrl-C signals the whole foreground process group; under `npm start`, npm
          // forwards it to the app once more.
          app.interruptGroup('SIGINT');
          app.child.kill('SIGINT');
          expect(await eventually(async () => (await statusOf(`${app.url}/health`)) === 503, 10_000)).toBe(true);
          expect((await app.gql(COUNT_CODERS)).status).toBe(503);

          await lock.release();
          expect(await inFlight).toEqual(SERVED);
        } finally {
          await lock.release();
        }
        expect(await app.exited).toEqual({ code: 0, signal: null });
        expect(isAlive(server.pid)).toBe(false);
        expect(postmasterOf(databaseDir)).toBeNull();
      },
      TIMEOUT,
    );
  });

  describe('external PostgreSQL (DATABASE_URL)', () => {
    it(
      'drains on SIGTERM: the request in flight gets its answer, not an empty reply, and new requests get 503',
      async () => {
        const url = await externalDatabase();
        const app = await start({ DATA_DIR: built.tempDir(), DATABASE_URL: url, MIGRATIONS_RUN: 'false' });
        const lock = await lockCoderProfiles(url);
        try {
          const inFlight = served(app.gql(COUNT_CODERS));
          expect(await eventually(lock.waiting, 10_000)).toBe(true);

          app.child.kill('SIGTERM');
          expect(await eventually(async () => (await statusOf(`${app.url}/health`)) === 503, 10_000)).toBe(true);
          expect((await app.gql(COUNT_CODERS)).status).toBe(503);

          await lock.release();
          expect(await inFlight).toEqual(SERVED);
        } finally {
          await lock.release();
        }
        expect(await app.exited).toEqual({ code: 0, signal: null });
      },
      TIMEOUT,
    );

    it(
      'fails start-up on an unreachable DATABASE_URL within seconds, in one line on stderr without the password',
      async () => {
        const closedPort = await findFreePort();
        const app = await built.spawnBuiltApp({ DATA_DIR: built.tempDir(), DATABASE_URL: `postgresql://postgres:hunter2-secret@127.0.0.1:${closedPort}/chartbridge` });
        // Today's bound is generous for a loaded machine; the old code took about 30 s.
        const outcome = await Promise.race([app.exited, sleep(15_000).then(() => 'still running')]);
        expect(outcome).toEqual({ code: 1, signal: null });
        const lines = app.stderr().trim().split('\n');
        expect(lines).toEqual([expect.stringMatching(new RegExp(`DATABASE_URL.*127\\.0\\.0\\.1:${closedPort}`))]);
        expect(app.stderr() + app.stdout()).not.toContain('hunter2-secret');
      },
      TIMEOUT,
    );

    it(
      'never prints the user, password or query string of DATABASE_URL or REDIS_URL when start-up fails, nor any of a URL that does not parse',
      async () => {
        const closedPort = await findFreePort();
        const failures: Record<string, string>[] = [
          { DATABASE_URL: `postgresql://nobody:TOPSECRET@127.0.0.1:${closedPort}/x?password=TOPSECRETQS` },
          { DATABASE_URL: 'postgresql://nobody:TOPSECRET@[::1:5432/x' },
          { REDIS_URL: 'redis://:TOPSECRET@[::1:6379' },
        ];
        const runs = await Promise.all(
          failures.map(async (env) => {
            const app = await built.spawnBuiltApp({ DATA_DIR: built.tempDir(), ...env });
            const outcome = await Promise.race([app.exited, sleep(15_000).then(() => 'still running')]);
            return { outcome, stdout: app.stdout(), stderr: app.stderr() };
          }),
        );
        for (const run of runs) {
          expect(run.outcome).toEqual({ code: 1, signal: null });
          expect(run.stdout + run.stderr).not.toContain('TOPSECRET');
          expect(run.stderr.trim().split('\n')).toHaveLength(1);
        }
        expect(runs.map((run) => run.stderr.trim())).toEqual([
          `Cannot connect to the database in DATABASE_URL (postgresql://***@127.0.0.1:${closedPort}/x?***): connect ECONNREFUSED 127.0.0.1:${closedPort}`,
          'Invalid environment variable DATABASE_URL: DATABASE_URL must be a URL address (got "(not shown: not a valid URL)")',
          'Invalid environment variable REDIS_URL: REDIS_URL must be a URL address (got "(not shown: not a valid URL)")',
        ]);
      },
      TIMEOUT,
    );
  });

  describe('Redis unreachable', () => {
    it(
      'answers /health, names redis in /ready, keeps serving GraphQL with rate limits counted in-process, and logs the outage once',
      async () => {
        const url = await externalDatabase();
        const app = await start({
          DATA_DIR: built.tempDir(),
          DATABASE_URL: url,
          MIGRATIONS_RUN: 'false',
          REDIS_URL: `redis://127.0.0.1:${await findFreePort()}`,
          RATE_LIMIT_ENABLED: 'true',
          RATE_LIMIT_AUTH_PER_MINUTE: '2',
        });
        expect(await statusOf(`${app.url}/health`)).toBe(200);
        const ready = await fetch(`${app.url}/ready`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({ info: { database: { status: 'up' } }, error: { redis: { status: 'down' } } });

        for (let i = 0; i < 5; i++) expect(await served(app.gql(COUNT_CODERS))).toEqual(SERVED);
        // Limits still hold, counted by this instance until Redis answers again.
        const logIn = `mutation { logIn(input: { email: "nobody@example.test", password: "not-the-password" }) { accessToken } }`;
        const codes = [];
        for (let i = 0; i < 3; i++) codes.push(((await (await app.gql(logIn)).json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code);
        expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS']);

        // Logged when it starts, not once per request nor per reconnection attempt.
        const redisLines = () => (app.stdout() + app.stderr()).split('\n').filter((line) => /redis/i.test(line));
        const logged = redisLines().length;
        expect(logged).toBeGreaterThan(0);
        for (let i = 0; i < 10; i++) expect(await served(app.gql(COUNT_CODERS))).toEqual(SERVED);
        await sleep(2_000);
        expect(redisLines()).toHaveLength(logged);
        expect(app.stdout() + app.stderr()).not.toContain('Unhandled error event');
        await stopWithSigterm(app);
      },
      TIMEOUT,
    );
  });
});
