import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BuiltApps, buildApp } from './support/app-process.js';

// The built app (`node dist/src/main.js`, what `npm start` and the container run) as operators see it:
// its standard output, and its refusals to start.
const TIMEOUT = 120_000;

describe('the built app’s output and start-up refusals', () => {
  const built = new BuiltApps('chartbridge-logs');

  beforeAll(() => buildApp(), 120_000);
  afterAll(() => built.cleanUp(), 60_000);

  async function refusal(env: Record<string, string>): Promise<{ code: number | null; stderr: string[]; stdout: string }> {
    const app = await built.spawnBuiltApp({ DATA_DIR: built.tempDir(), ...env });
    const { code } = await app.exited;
    return { code, stderr: app.stderr().trim().split('\n'), stdout: app.stdout() };
  }

  it(
    'writes only JSON lines to standard output, from the first line to the last (start-up, embedded database, requests, shutdown)',
    async () => {
      // Development without secrets and without DATABASE_URL: the start-up logs the most before the app
      // exists (generated secrets, the embedded PostgreSQL). Not a terminal, so JSON, not pretty lines.
      const app = await built.spawnBuiltApp({ DATA_DIR: built.tempDir(), NODE_ENV: 'development', JWT_SECRET: '', DOCUMENT_ENCRYPTION_KEY: '', LOG_LEVEL: 'info' });
      await app.waitForOutput(/listening on/, 90_000);
      const res = await app.gql('query Count { coders(first: 1) { totalCount } }');
      expect(res.status).toBe(200);
      app.child.kill('SIGTERM');
      expect(await app.exited).toEqual({ code: 0, signal: null });

      const lines = app
        .stdout()
        .split('\n')
        .filter((line) => line !== '');
      const notJson = lines.filter((line) => {
        try {
          return typeof JSON.parse(line) !== 'object';
        } catch {
          return true;
        }
      });
      expect(notJson).toEqual([]);
      const messages = lines.map((line) => JSON.parse(line) as { msg?: string; context?: string; level: number });
      // The lines written before the app's own logger took over are among them, in the same format.
      expect(messages[0].msg).toMatch(/JWT_SECRET is not set/);
      expect(messages.map((m) => m.msg)).toEqual(
        expect.arrayContaining([expect.stringMatching(/starting the embedded PostgreSQL/), expect.stringMatching(/listening on/), 'request completed', 'SIGTERM received: shutting down']),
      );
      expect(app.stdout()).not.toContain(String.fromCharCode(27)); // no colour codes (ESC)
    },
    TIMEOUT,
  );

  it(
    'refuses an unknown boolean value with one line naming the variable, not reading it as false',
    async () => {
      const cases = [
        ['RATE_LIMIT_ENABLED', 'ture'],
        ['PAYMENTS_SIMULATED', 'yes'],
      ];
      // Side by side: each process spends seconds loading the app before it refuses.
      const refusals = await Promise.all(cases.map(([name, value]) => refusal({ [name]: value })));
      cases.forEach(([name, value], i) => {
        const { code, stderr, stdout } = refusals[i];
        expect({ code, stderr, stdout }).toEqual({ code: 1, stderr: [`Invalid environment variable ${name}: ${name} must be true or false (got "${value}")`], stdout: '' });
      });
    },
    TIMEOUT,
  );

  it(
    'refuses to start in production with simulated payments unless PAYMENTS_SIMULATED=true says so, in one line naming it',
    async () => {
      const { code, stderr } = await refusal({ NODE_ENV: 'production', PAYMENTS_SIMULATED: 'false' });
      expect(code).toBe(1);
      expect(stderr).toHaveLength(1);
      expect(stderr[0]).toMatch(/^Invalid environment variable STRIPE_SECRET_KEY: .*PAYMENTS_SIMULATED=true/);
    },
    TIMEOUT,
  );
});
