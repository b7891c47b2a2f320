import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, failed, given, ok, PASSWORD, Session } from './support/given.js';
import { GraphqlSocket } from './support/graphql-socket.js';
import { authenticator, CONFIRM, DISABLE, enrollMfa, logIn, START } from './support/mfa.js';
import { TestApp } from './support/test-app.js';

const ME = `{ me { id mfaEnabled } }`;
const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }`;
const BAD_CREDENTIALS = 'Email or password is incorrect';

describe('MFA (TOTP)', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let host: string;
  const sockets: GraphqlSocket[] = [];

  beforeAll(async () => {
    // The progressive log-in slow-down (LOGIN_THROTTLE_*, where it exists) is off: these tests judge the
    // second factor's own limit, with many log-ins on one account from one address.
    app = await TestApp.start({ LOGIN_THROTTLE_ENABLED: 'false' });
    host = await app.listen();
    a = given(app);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await app?.close();
  });

  const connect = async (session: Session) => {
    const socket = await GraphqlSocket.connect(host, session.accessToken);
    sockets.push(socket);
    socket.subscribe('n', `subscription { notificationAdded { id } }`);
    return socket;
  };

  const mfaEnabled = async (session: Session) => ok(await app.gql<{ me: { mfaEnabled: boolean } }>(ME, {}, session.accessToken)).me.mfaEnabled;
  const reasonOf = (response: { errors?: { extensions: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions.reason;

  describe('enrollment', () => {
    it('enrolls with a code made from the returned secret: pending (and restartable) until confirmed, then on, with ten recovery codes', async () => {
      const user = await a.provider();
      expect(await mfaEnabled(user)).toBe(false);
      failed(await app.gql(CONFIRM, { code: '123456' }, user.accessToken), 'CONFLICT');

      const first = ok(await app.gql(START, { password: PASSWORD }, user.accessToken)).startMfaEnrollment;
      expect(first.secret).toMatch(/^[A-Z2-7]{32}$/);
      const url = new URL(first.otpauthUrl);
      expect([url.protocol, url.host, decodeURIComponent(url.pathname)]).toEqual(['otpauth:', 'totp', `/ChartBridge:${user.user.email}`]);
      expect(Object.fromEntries(url.searchParams)).toEqual({ secret: first.secret, issuer: 'ChartBridge' });
      // Pending is not active: the password alone still logs in.
      expect(await mfaEnabled(user)).toBe(false);
      ok(await logIn(app, user.user.email, PASSWORD));

      // Restarting replaces the pending secret: the first one's codes no longer confirm.
      const second = ok(await app.gql(START, { password: PASSWORD }, user.accessToken)).startMfaEnrollment;
      expect(second.secret).not.toEqual(first.secret);
      const oldApp = authenticator(first.secret);
      const newApp = authenticator(second.secret);
      const stale = await oldApp.next();
      if (stale !== (await newApp.codeFor(oldApp.lastStep!))) {
        expect(failed(await app.gql(CONFIRM, { code: stale }, user.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['code']);
      }
      expect(failed(await app.gql(CONFIRM, { code: await newApp.wrong() }, user.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['code']);
      expect(await mfaEnabled(user)).toBe(false);

      const codes: string[] = ok(await app.gql(CONFIRM, { code: await newApp.next() }, user.accessToken)).confirmMfaEnrollment;
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
      expect(await mfaEnabled(user)).toBe(true);
      // Once on, enrollment cannot be restarted or confirmed again.
      failed(await app.gql(START, { password: PASSWORD }, user.accessToken), 'CONFLICT');
      failed(await app.gql(CONFIRM, { code: await newApp.next() }, user.accessToken), 'CONFLICT');
    });

    it('stores the secret sealed and the recovery codes hashed, never in the clear', async () => {
      const user = await a.coder();
      const { secret, recoveryCodes } = await enrollMfa(app, user);
      const [factor] = await app.sql<{ sealed_secret: Buffer; row: string }>('SELECT sealed_secret, row_to_json(f)::text AS row FROM mfa_factors f WHERE user_id = $1', [user.user.id]);
      expect(factor.sealed_secret.includes(Buffer.from(secret))).toBe(false);
      expect(factor.sealed_secret.includes(Buffer.from(secret.toLowerCase()))).toBe(false);
      expect(factor.row).not.toContain(secret);
      const rows = await app.sql<{ row: string }>('SELECT row_to_json(c)::text AS row FROM mfa_recovery_codes c WHERE user_id = $1', [user.user.id]);
      expect(rows).toHaveLength(10);
      for (const code of recoveryCodes) {
        for (const { row } of rows) {
          expect(row).not.toContain(code);
          expect(row).not.toContain(code.replace(/-/g, ''));
        }
      }
    });

    it("ends the account's other sessions when MFA is turned on, and keeps the caller's", async () => {
      const user = await a.provider();
      const other = ok(await logIn(app, user.user.email, PASSWORD)).logIn;
      const [otherSocket, ownSocket] = [await connect(other), await connect(user)];
      await enrollMfa(app, user);
      // (Before the refresh below: presenting a revoked refresh token ends its session's sockets by itself.)
      expect(await otherSocket.closedWithin()).toEqual({ code: 4401, reason: 'Session ended' });
      expect(await ownSocket.alive()).toBe(true);
      failed(await app.gql(ME, {}, other.accessToken), 'UNAUTHENTICATED');
      failed(await app.gql(REFRESH, { t: other.refreshToken }), 'UNAUTHENTICATED');
      expect(await mfaEnabled(user)).toBe(true);
      ok(await app.gql(REFRESH, { t: user.refreshToken }));
    });

    it('needs a token', async () => {
      failed(await app.gql(START, { password: PASSWORD }), 'UNAUTHENTICATED');
      failed(await app.gql(CONFIRM, { code: '123456' }), 'UNAUTHENTICATED');
      failed(await app.gql(DISABLE, { code: '123456' }), 'UNAUTHENTICATED');
    });
  });

  describe('logIn', () => {
    it('asks for the second factor (MFA_REQUIRED) only once the password is right', async () => {
      const user = await a.provider();
      const { app: authApp } = await enrollMfa(app, user);
      const code = await authApp.next();

      // A wrong password answers as it always did, with or without a code, and does not spend the code.
      for (const mfaCode of [undefined, code]) {
        const error = failed(await logIn(app, user.user.email, 'not the password at all', mfaCode), 'UNAUTHENTICATED');
        expect([error.message, error.extensions.reason]).toEqual([BAD_CREDENTIALS, undefined]);
      }
      const missing = failed(await logIn(app, user.user.email, PASSWORD), 'UNAUTHENTICATED');
      expect(missing.extensions.reason).toBe('MFA_REQUIRED');
      const session = ok(await logIn(app, user.user.email, PASSWORD, code)).logIn;
      expect(session.user.id).toBe(user.user.id);
      ok(await app.gql(ME, {}, session.accessToken));
    });

    it('refuses a wrong code, the same code twice, and a code older than the last one used (replay)', async () => {
      const user = await a.coder();
      const { app: authApp, recoveryCodes } = await enrollMfa(app, user);
      const wrong = await logIn(app, user.user.email, PASSWORD, await authApp.wrong());
      expect(failed(wrong, 'UNAUTHENTICATED').extensions.reason).toBe('MFA_CODE_INVALID');

      const older = await authApp.next();
      const newer = await authApp.next();
      ok(await logIn(app, user.user.email, PASSWORD, newer));
      expect(reasonOf(await logIn(app, user.user.email, PASSWORD, newer))).toBe('MFA_CODE_INVALID');
      expect(reasonOf(await logIn(app, user.user.email, PASSWORD, older))).toBe('MFA_CODE_INVALID');
      // ...while the account itself still logs in with its second factor.
      ok(await logIn(app, user.user.email, PASSWORD, recoveryCodes[0]));
    });

    it('lets exactly one of ten concurrent log-ins use one TOTP code', async () => {
      const user = await a.provider();
      const { app: authApp } = await enrollMfa(app, user);
      const code = await authApp.next();
      const answers = await Promise.all(Array.from({ length: 10 }, () => logIn(app, user.user.email, PASSWORD, code)));
      // Attempts are judged one at a time: the first wins, the next five count as wrong codes, the rest find the factor blocked.
      expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
      expect(answers.filter((answer) => reasonOf(answer) === 'MFA_CODE_INVALID')).toHaveLength(5);
      expect(answers.filter((answer) => reasonOf(answer) === 'MFA_LOCKED')).toHaveLength(4);
      expect(await app.sql('SELECT 1 FROM refresh_tokens WHERE user_id = $1', [user.user.id])).toHaveLength(2);
    });

    it('accepts each recovery code once, however it is typed', async () => {
      const user = await a.provider();
      const { recoveryCodes } = await enrollMfa(app, user);
      ok(await logIn(app, user.user.email, PASSWORD, recoveryCodes[0]));
      expect(reasonOf(await logIn(app, user.user.email, PASSWORD, recoveryCodes[0]))).toBe('MFA_CODE_INVALID');
      ok(await logIn(app, user.user.email, PASSWORD, ` ${recoveryCodes[1].toUpperCase().replace(/-/g, '')} `));
      expect(reasonOf(await logIn(app, user.user.email, PASSWORD, recoveryCodes[1]))).toBe('MFA_CODE_INVALID');
      expect(await app.sql('SELECT 1 FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL', [user.user.id])).toHaveLength(2);
    });

    it('lets exactly one of ten concurrent log-ins spend one recovery code', async () => {
      const user = await a.coder();
      const { recoveryCodes } = await enrollMfa(app, user);
      const answers = await Promise.all(Array.from({ length: 10 }, () => logIn(app, user.user.email, PASSWORD, recoveryCodes[3])));
      expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
      expect(answers.filter((answer) => reasonOf(answer) === 'MFA_CODE_INVALID')).toHaveLength(5);
      expect(answers.filter((answer) => reasonOf(answer) === 'MFA_LOCKED')).toHaveLength(4);
      expect(await app.sql('SELECT 1 FROM refresh_tokens WHERE user_id = $1', [user.user.id])).toHaveLength(2);
      expect(await app.sql('SELECT 1 FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL', [user.user.id])).toHaveLength(1);
    });

    it('blocks the factor after five wrong codes, even for the right code, without touching wrong-password answers', async () => {
      const user = await a.provider();
      const { app: authApp, recoveryCodes } = await enrollMfa(app, user);
      for (let i = 0; i < 5; i++) expect(reasonOf(await logIn(app, user.user.email, PASSWORD, await authApp.wrong()))).toBe('MFA_CODE_INVALID');

      for (const code of [await authApp.next(), recoveryCodes[0]]) {
        const blocked = failed(await logIn(app, user.user.email, PASSWORD, code), 'TOO_MANY_REQUESTS');
        expect(blocked.extensions.reason).toBe('MFA_LOCKED');
        expect(blocked.extensions.retryAfterSeconds).toBeGreaterThan(0);
        expect(blocked.extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
      }
      // The block is reached only with the right password: a wrong one is answered as ever.
      expect(failed(await logIn(app, user.user.email, 'not the password at all', recoveryCodes[0]), 'UNAUTHENTICATED').message).toBe(BAD_CREDENTIALS);
      expect(await app.sql('SELECT failed_attempts FROM mfa_factors WHERE user_id = $1', [user.user.id])).toEqual([{ failed_attempts: 5 }]);
      expect(await app.sql('SELECT 1 FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL', [user.user.id])).toHaveLength(0);
    });

    it('counts concurrent wrong codes one at a time: five are judged, the rest find the factor blocked', async () => {
      const user = await a.coder();
      const { app: authApp } = await enrollMfa(app, user);
      const wrong = await authApp.wrong();
      const answers = await Promise.all(Array.from({ length: 12 }, () => logIn(app, user.user.email, PASSWORD, wrong)));
      expect(answers.filter((answer) => reasonOf(answer) === 'MFA_CODE_INVALID')).toHaveLength(5);
      expect(answers.filter((answer) => reasonOf(answer) === 'MFA_LOCKED')).toHaveLength(7);
    });
  });

  describe('disableMfa', () => {
    it('refuses without MFA on (CONFLICT) and with a wrong or spent code (BAD_USER_INPUT, counted), leaving MFA on', async () => {
      const user = await a.provider();
      failed(await app.gql(DISABLE, { code: '123456' }, user.accessToken), 'CONFLICT');
      const { app: authApp, recoveryCodes } = await enrollMfa(app, user);
      ok(await logIn(app, user.user.email, PASSWORD, recoveryCodes[0]));
      for (const code of [await authApp.wrong(), recoveryCodes[0], 'not-a-code']) {
        expect(failed(await app.gql(DISABLE, { code }, user.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['code']);
      }
      expect(await mfaEnabled(user)).toBe(true);
      expect(await app.sql('SELECT failed_attempts FROM mfa_factors WHERE user_id = $1', [user.user.id])).toEqual([{ failed_attempts: 3 }]);
      failed(await logIn(app, user.user.email, PASSWORD), 'UNAUTHENTICATED');
    });

    it("turns MFA off with a current code, ends the account's other sessions, and logIn needs no code after", async () => {
      const user = await a.coder();
      const { app: authApp } = await enrollMfa(app, user);
      const other = ok(await logIn(app, user.user.email, PASSWORD, await authApp.next())).logIn;
      const otherSocket = await connect(other);
      expect(ok(await app.gql(DISABLE, { code: await authApp.next() }, user.accessToken)).disableMfa).toBe(true);

      expect(await mfaEnabled(user)).toBe(false);
      expect(await otherSocket.closedWithin()).toEqual({ code: 4401, reason: 'Session ended' });
      failed(await app.gql(ME, {}, other.accessToken), 'UNAUTHENTICATED');
      failed(await app.gql(REFRESH, { t: other.refreshToken }), 'UNAUTHENTICATED');
      expect(await app.sql('SELECT 1 FROM mfa_factors WHERE user_id = $1 UNION ALL SELECT 1 FROM mfa_recovery_codes WHERE user_id = $1', [user.user.id])).toEqual([]);
      ok(await logIn(app, user.user.email, PASSWORD));
    });

    it('turns MFA off with a recovery code', async () => {
      const user = await a.provider();
      const { recoveryCodes } = await enrollMfa(app, user);
      expect(ok(await app.gql(DISABLE, { code: recoveryCodes[9] }, user.accessToken)).disableMfa).toBe(true);
      expect(await mfaEnabled(user)).toBe(false);
    });
  });

  it('shows whether MFA is on to the user and admins only', async () => {
    const c = coders(app);
    const { coder, profile } = await c.verifiedCoder();
    await enrollMfa(app, coder);
    const query = `query($id: ID!) { coderProfile(id: $id) { user { id mfaEnabled } } }`;
    const seen = async (token?: string) => ok(await app.gql(query, { id: profile.id }, token)).coderProfile.user.mfaEnabled;
    expect(await seen(coder.accessToken)).toBe(true);
    expect(await seen((await a.admin()).accessToken)).toBe(true);
    expect(await seen((await a.provider()).accessToken)).toBe(false);
    expect(await seen()).toBe(false);
  });
});
