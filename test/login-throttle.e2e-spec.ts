import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { AUTH_FIELDS, given, PASSWORD, Session } from './support/given.js';
import { enrollMfa } from './support/mfa.js';
import { GraphqlError, GraphqlResponse, TestApp } from './support/test-app.js';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { ${AUTH_FIELDS} } }`;
const WRONG = 'not the password at all';

/** One logIn from the client address `ip` (the app trusts the loopback proxy's X-Forwarded-For). */
async function logInFrom(app: TestApp, ip: string, email: string, password: string, mfaCode?: string): Promise<GraphqlResponse<{ logIn: Session }>> {
  const input = { email, password, ...(mfaCode === undefined ? {} : { mfaCode }) };
  const res = await app.http().post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', ip).send({ query: LOG_IN, variables: { input } });
  return { status: res.status, data: res.body.data ?? null, errors: res.body.errors };
}

const codeOf = (res: GraphqlResponse) => res.errors?.[0].extensions.code ?? 'OK';
const throttled = (res: GraphqlResponse): GraphqlError => {
  expect(codeOf(res)).toBe('TOO_MANY_REQUESTS');
  return res.errors![0];
};
const sleepSeconds = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
// Each test takes its own addresses, so counts per address do not carry over between tests.
let lastOctet = 0;
const freshIp = () => `198.51.100.${++lastOctet}`;

describe('login throttle (LOGIN_THROTTLE_*), on although RATE_LIMIT_ENABLED=false', () => {
  describe('with a first wait of a minute, longer than any of these tests', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start({ TRUST_PROXY: 'loopback', LOGIN_THROTTLE_BASE_DELAY_SECONDS: '60' });
    });
    afterAll(() => app?.close());

    it('after five failures from one address refuses even the right password from it, before checking it; the owner from a clean address logs in', async () => {
      const owner = await given(app).coder();
      const guesser = freshIp();
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push(codeOf(await logInFrom(app, guesser, owner.user.email, WRONG)));
      expect(codes).toEqual(Array(5).fill('UNAUTHENTICATED'));

      const right = throttled(await logInFrom(app, guesser, owner.user.email, PASSWORD));
      const wrong = throttled(await logInFrom(app, guesser, owner.user.email, WRONG));
      expect(right.extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(right.extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(right.message).toBe(`Too many failed log-ins: try again in ${right.extensions.retryAfterSeconds} s`);
      // No oracle while throttled: the right and the wrong password get the same answer.
      expect({ ...wrong, message: '', extensions: { ...wrong.extensions, retryAfterSeconds: 0 } }).toEqual({ ...right, message: '', extensions: { ...right.extensions, retryAfterSeconds: 0 } });

      const fromHome = await logInFrom(app, freshIp(), owner.user.email, PASSWORD);
      expect(codeOf(fromHome)).toBe('OK');
      expect(fromHome.data!.logIn.user.id).toBe(owner.user.id);
    });

    it('throttles the same address again when it spells the email another way (fullwidth, upper case)', async () => {
      const owner = await given(app).coder();
      const guesser = freshIp();
      for (let i = 0; i < 5; i++) await logInFrom(app, guesser, owner.user.email, WRONG);
      throttled(await logInFrom(app, guesser, owner.user.email.toUpperCase(), PASSWORD));
      throttled(
        await logInFrom(
          app,
          guesser,
          owner.user.email.replace(/[a-z]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)),
          PASSWORD,
        ),
      );
    });

    it('counts concurrent failed attempts: of 20 fired at once from one address, five are checked and fifteen refused', async () => {
      const owner = await given(app).coder();
      const guesser = freshIp();
      const results = await Promise.all(Array.from({ length: 20 }, () => logInFrom(app, guesser, owner.user.email, WRONG)));
      const codes = results.map(codeOf).sort();
      expect(codes).toEqual([...Array(15).fill('TOO_MANY_REQUESTS'), ...Array(5).fill('UNAUTHENTICATED')]);
      throttled(await logInFrom(app, guesser, owner.user.email, PASSWORD));
    });

    it('clears an address’s count for the account when it logs in: five more mistakes are free again', async () => {
      const owner = await given(app).coder();
      const home = freshIp();
      for (let i = 0; i < 4; i++) expect(codeOf(await logInFrom(app, home, owner.user.email, WRONG))).toBe('UNAUTHENTICATED');
      expect(codeOf(await logInFrom(app, home, owner.user.email, PASSWORD))).toBe('OK');
      const codes = [];
      for (let i = 0; i < 6; i++) codes.push(codeOf(await logInFrom(app, home, owner.user.email, WRONG)));
      expect(codes).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'TOO_MANY_REQUESTS']);
    });

    it('throttles an unknown email exactly like a known one (no user enumeration)', async () => {
      const owner = await given(app).coder();
      const unknown = `nobody-${randomBytes(5).toString('hex')}@example.test`;
      const [known, missing] = [freshIp(), freshIp()];
      const answers: Record<string, string[]> = { known: [], missing: [] };
      for (let i = 0; i < 6; i++) {
        answers.known.push(codeOf(await logInFrom(app, known, owner.user.email, WRONG)));
        answers.missing.push(codeOf(await logInFrom(app, missing, unknown, WRONG)));
      }
      expect(answers.missing).toEqual(answers.known);
      expect(answers.known).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'TOO_MANY_REQUESTS']);
      const shape = (error: GraphqlError) => ({ ...error, message: error.message.replace(/\d+/, 'N'), extensions: { ...error.extensions, retryAfterSeconds: 'N' } });
      expect(shape(throttled(await logInFrom(app, missing, unknown, PASSWORD)))).toEqual(shape(throttled(await logInFrom(app, known, owner.user.email, PASSWORD))));
    });

    it('slows one address trying many accounts once it passes LOGIN_THROTTLE_IP_FREE_FAILURES', async () => {
      const small = await TestApp.start({ TRUST_PROXY: 'loopback', LOGIN_THROTTLE_BASE_DELAY_SECONDS: '60', LOGIN_THROTTLE_IP_FREE_FAILURES: '4' });
      try {
        const owner = await given(small).coder();
        const stuffer = freshIp();
        const codes = [];
        for (let i = 0; i < 5; i++) codes.push(codeOf(await logInFrom(small, stuffer, `victim-${i}@example.test`, WRONG)));
        expect(codes).toEqual([...Array(4).fill('UNAUTHENTICATED'), 'TOO_MANY_REQUESTS']);
        throttled(await logInFrom(small, stuffer, owner.user.email, PASSWORD));
        expect(codeOf(await logInFrom(small, freshIp(), owner.user.email, PASSWORD))).toBe('OK');
      } finally {
        await small.close();
      }
    });
  });

  describe('with two free failures per address and per account', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start({ TRUST_PROXY: 'loopback', LOGIN_THROTTLE_BASE_DELAY_SECONDS: '60', LOGIN_THROTTLE_IP_FREE_FAILURES: '2', LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES: '2' });
    });
    afterAll(() => app?.close());

    it('does not count the MFA_REQUIRED step of an MFA log-in: an MFA user logs in more often than the free failures allow', async () => {
      const owner = await given(app).coder();
      const { recoveryCodes } = await enrollMfa(app, owner);
      const office = freshIp();
      for (const code of recoveryCodes.slice(0, 4)) {
        const first = await logInFrom(app, office, owner.user.email, PASSWORD);
        expect([codeOf(first), first.errors?.[0].extensions.reason]).toEqual(['UNAUTHENTICATED', 'MFA_REQUIRED']);
        expect(codeOf(await logInFrom(app, office, owner.user.email, PASSWORD, code))).toBe('OK');
      }
    });
  });

  describe('with a first wait of 2 s and the account-wide wait capped at 2 s', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start({
        TRUST_PROXY: 'loopback',
        LOGIN_THROTTLE_BASE_DELAY_SECONDS: '2',
        LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES: '10',
        LOGIN_THROTTLE_ACCOUNT_MAX_DELAY_SECONDS: '2',
      });
    });
    afterAll(() => app?.close());

    it('makes each further failure from an address wait twice as long as the one before', async () => {
      const owner = await given(app).coder();
      const guesser = freshIp();
      for (let i = 0; i < 5; i++) await logInFrom(app, guesser, owner.user.email, WRONG);
      const waits: number[] = [];
      for (let round = 0; round < 3; round++) {
        const wait = Number(throttled(await logInFrom(app, guesser, owner.user.email, WRONG)).extensions.retryAfterSeconds);
        waits.push(wait);
        if (round === 2) break;
        await sleepSeconds(wait);
        // Waited out: this one is checked (and fails), and the next wait is twice as long.
        expect(codeOf(await logInFrom(app, guesser, owner.user.email, WRONG))).toBe('UNAUTHENTICATED');
      }
      expect(waits[1]).toBeGreaterThan(waits[0]);
      expect(waits[2]).toBeGreaterThan(waits[1]);
      expect(waits[2]).toBeLessThanOrEqual(8);
    });

    it('lets many addresses taking turns on one account slow it by at most the account-wide cap: the owner gets in from a clean address', async () => {
      const owner = await given(app).coder();
      // Ten guessing addresses, one failure each: no address is slowed, the account's count reaches its free failures.
      for (let i = 0; i < 10; i++) expect(codeOf(await logInFrom(app, freshIp(), owner.user.email, WRONG))).toBe('UNAUTHENTICATED');
      const home = freshIp();
      // The owner waits at most the account-wide cap, never the minutes a guessing address earns ...
      const wait = Number(throttled(await logInFrom(app, home, owner.user.email, PASSWORD)).extensions.retryAfterSeconds);
      expect(wait).toBeLessThanOrEqual(2);
      await sleepSeconds(wait);
      // ... and then gets in.
      const session = await logInFrom(app, home, owner.user.email, PASSWORD);
      expect(codeOf(session)).toBe('OK');
      expect(session.data!.logIn.user.id).toBe(owner.user.id);
    });
  });

  describe('per-minute rate limits on (RATE_LIMIT_ENABLED=true)', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start({ TRUST_PROXY: 'loopback', RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_AUTH_PER_MINUTE: '5' });
    });
    afterAll(() => app?.close());

    it('no longer lets guesses from other addresses use up the owner’s log-ins for the minute', async () => {
      const owner = await given(app).coder();
      for (let i = 0; i < 8; i++) expect(codeOf(await logInFrom(app, freshIp(), owner.user.email, WRONG))).toBe('UNAUTHENTICATED');
      expect(codeOf(await logInFrom(app, freshIp(), owner.user.email, PASSWORD))).toBe('OK');
    });
  });

  describe('two instances', () => {
    const withRedis = Boolean(process.env.REDIS_URL);
    const shared = { TRUST_PROXY: 'loopback', LOGIN_THROTTLE_BASE_DELAY_SECONDS: '60', JWT_SECRET: randomBytes(32).toString('hex'), RATE_LIMIT_NAMESPACE: `login-${randomBytes(4).toString('hex')}` };
    let first: TestApp;
    let second: TestApp;
    beforeAll(async () => {
      first = await TestApp.start(shared);
      second = await TestApp.start(shared, first);
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
    });

    it(withRedis ? 'share the counts through Redis: failures on either instance add up' : 'count on their own without Redis (REDIS_URL unset)', async () => {
      const owner = await given(first).coder();
      const guesser = freshIp();
      for (let i = 0; i < 3; i++) expect(codeOf(await logInFrom(first, guesser, owner.user.email, WRONG))).toBe('UNAUTHENTICATED');
      for (let i = 0; i < 2; i++) expect(codeOf(await logInFrom(second, guesser, owner.user.email, WRONG))).toBe('UNAUTHENTICATED');
      const answers = [codeOf(await logInFrom(first, guesser, owner.user.email, PASSWORD)), codeOf(await logInFrom(second, guesser, owner.user.email, PASSWORD))];
      expect(answers).toEqual(withRedis ? ['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS'] : ['OK', 'OK']);
    });
  });
});
