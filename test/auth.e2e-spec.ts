import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { AUTH_FIELDS, failed, given, ok, PASSWORD, Session } from './support/given.js';
import { ADMIN_EMAIL, TestApp } from './support/test-app.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { ${AUTH_FIELDS} } }`;
const REFRESH = `mutation($token: String!) { refreshToken(refreshToken: $token) { ${AUTH_FIELDS} } }`;
const ME = `{ me { id email name role } }`;

describe('identity', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
  });
  afterAll(() => app?.close());

  describe('signUp', () => {
    it('creates an account, normalizes the email and logs it in', async () => {
      const { signUp } = ok(await app.gql<{ signUp: Session }>(SIGN_UP, { input: { email: '  Dana.Coder@Example.TEST ', password: PASSWORD, name: ' Dana ', role: 'CODER' } }));
      expect(signUp.user).toMatchObject({ email: 'dana.coder@example.test', name: 'Dana', role: 'CODER' });
      const { me } = ok(await app.gql(ME, {}, signUp.accessToken));
      expect(me).toEqual(signUp.user);
      const [row] = await app.sql<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [signUp.user.id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    });

    it('refuses an email already taken in another case with CONFLICT', async () => {
      await a.provider({ email: 'taken@example.test' });
      const res = await app.gql(SIGN_UP, { input: { email: 'TAKEN@example.test', password: PASSWORD, name: 'Other', role: 'CODER' } });
      expect(failed(res, 'CONFLICT').message).toMatch(/already exists/);
      expect(await app.sql("SELECT 1 FROM users WHERE email = 'taken@example.test'")).toHaveLength(1);
    });

    it('lets exactly one of two concurrent sign-ups with the same email through', async () => {
      const input = { email: 'race@example.test', password: PASSWORD, name: 'Racer', role: 'PROVIDER' };
      const results = await Promise.all([1, 2, 3].map(() => app.gql(SIGN_UP, { input })));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(2);
    });

    it('names every invalid field: weak password, malformed email, blank name', async () => {
      const res = await app.gql(SIGN_UP, { input: { email: 'not-an-email', password: 'short', name: '   ', role: 'CODER' } });
      const error = failed(res, 'BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual(expect.arrayContaining(['input.email', 'input.password', 'input.name']));
      expect(error.message).toMatch(/at least 12 characters/);
      expect(await app.sql("SELECT 1 FROM users WHERE name = ''")).toHaveLength(0);
    });

    it('does not let anyone choose the ADMIN role', async () => {
      const res = await app.gql(SIGN_UP, { input: { email: 'wannabe@example.test', password: PASSWORD, name: 'Mallory', role: 'ADMIN' } });
      expect(res.status).toBe(400);
      const error = failed(res, 'BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual(['input.role']);
      expect(await app.sql("SELECT 1 FROM users WHERE email = 'wannabe@example.test'")).toHaveLength(0);
    });

    it('refuses unknown input fields (no mass assignment)', async () => {
      const res = await app.gql(SIGN_UP, { input: { email: 'extra@example.test', password: PASSWORD, name: 'Eve', role: 'CODER', isAdmin: true } });
      expect(failed(res, 'BAD_USER_INPUT').extensions.fields).toContain('input.isAdmin');
    });
  });

  describe('logIn', () => {
    it('logs in with the email in any case', async () => {
      const coder = await a.coder({ email: 'case@example.test' });
      const { logIn } = ok(await app.gql<{ logIn: Session }>(LOG_IN, { input: { email: 'CASE@Example.test', password: PASSWORD } }));
      expect(logIn.user.id).toBe(coder.user.id);
    });

    it('answers an unknown email and a wrong password identically', async () => {
      await a.coder({ email: 'known@example.test' });
      const wrongPassword = failed(await app.gql(LOG_IN, { input: { email: 'known@example.test', password: 'wrong password 123' } }), 'UNAUTHENTICATED');
      const unknownEmail = failed(await app.gql(LOG_IN, { input: { email: 'nobody@example.test', password: PASSWORD } }), 'UNAUTHENTICATED');
      expect(unknownEmail).toEqual(wrongPassword);
    });

    it('logs in the bootstrap admin created at start-up', async () => {
      const admin = await a.admin();
      expect(admin.user).toMatchObject({ email: ADMIN_EMAIL, role: 'ADMIN' });
    });
  });

  describe('access tokens', () => {
    it('is required by me', async () => {
      failed(await app.gql(ME), 'UNAUTHENTICATED');
    });

    it('refuses a malformed, a forged and an expired token', async () => {
      const coder = await a.coder();
      const claims = jwt.decode(coder.accessToken) as Record<string, unknown>;
      const forged = jwt.sign({ sub: claims.sub, role: 'ADMIN', ver: 0 }, 'not-the-secret-not-the-secret-not-the', { algorithm: 'HS256', issuer: 'chartbridge', audience: 'chartbridge-api' });
      const unsigned = jwt.sign({ sub: claims.sub, role: 'CODER', ver: 0, iss: 'chartbridge', aud: 'chartbridge-api' }, '', { algorithm: 'none' });
      const expired = jwt.sign({ sub: claims.sub, role: 'CODER', ver: 0, exp: Math.floor(Date.now() / 1000) - 60 }, app.config.jwtSecret, {
        algorithm: 'HS256',
        issuer: 'chartbridge',
        audience: 'chartbridge-api',
      });
      for (const token of ['garbage', forged, unsigned, expired]) failed(await app.gql(ME, {}, token), 'UNAUTHENTICATED');
    });

    it('expires after JWT_ACCESS_TTL_SECONDS (15 minutes by default) and pins HS256', async () => {
      const coder = await a.coder();
      const header = JSON.parse(Buffer.from(coder.accessToken.split('.')[0], 'base64url').toString());
      const claims = jwt.decode(coder.accessToken) as { iat: number; exp: number };
      expect(header.alg).toBe('HS256');
      expect(claims.exp - claims.iat).toBe(900);
    });
  });

  describe('refreshToken', () => {
    it('rotates: the new pair works, the old refresh token does not', async () => {
      const coder = await a.coder();
      const { refreshToken: next } = ok(await app.gql<{ refreshToken: Session }>(REFRESH, { token: coder.refreshToken }));
      expect(next.refreshToken).not.toBe(coder.refreshToken);
      ok(await app.gql(ME, {}, next.accessToken));
      failed(await app.gql(REFRESH, { token: coder.refreshToken }), 'UNAUTHENTICATED');
    });

    it('revokes the whole family when a used refresh token is presented again', async () => {
      const coder = await a.coder();
      const { refreshToken: stolen } = ok(await app.gql<{ refreshToken: Session }>(REFRESH, { token: coder.refreshToken }));
      ok(await app.gql(ME, {}, stolen.accessToken));
      failed(await app.gql(REFRESH, { token: coder.refreshToken }), 'UNAUTHENTICATED');
      failed(await app.gql(REFRESH, { token: stolen.refreshToken }), 'UNAUTHENTICATED');
      // The family's access tokens end with it, at once, over HTTP as over the WebSocket.
      failed(await app.gql(ME, {}, stolen.accessToken), 'UNAUTHENTICATED');
      failed(await app.gql(ME, {}, coder.accessToken), 'UNAUTHENTICATED');
    });

    it('keeps other sessions of the same user alive when one family is revoked', async () => {
      const coder = await a.coder();
      const { logIn: other } = ok(await app.gql<{ logIn: Session }>(LOG_IN, { input: { email: coder.user.email, password: PASSWORD } }));
      ok(await app.gql(REFRESH, { token: coder.refreshToken }));
      failed(await app.gql(REFRESH, { token: coder.refreshToken }), 'UNAUTHENTICATED');
      ok(await app.gql(REFRESH, { token: other.refreshToken }));
      ok(await app.gql(ME, {}, other.accessToken));
    });

    it('lets exactly one of several concurrent refreshes with one token succeed', async () => {
      const coder = await a.coder();
      const results = await Promise.all([1, 2, 3, 4].map(() => app.gql(REFRESH, { token: coder.refreshToken })));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      const rows = await app.sql<{ n: string }>('SELECT count(*) AS n FROM refresh_tokens WHERE user_id = $1', [coder.user.id]);
      expect(Number(rows[0].n)).toBe(2);
    });

    it('refuses an unknown refresh token', async () => {
      failed(await app.gql(REFRESH, { token: 'not-a-token' }), 'UNAUTHENTICATED');
    });

    it('stores refresh tokens hashed, never as issued', async () => {
      const coder = await a.coder();
      const rows = await app.sql<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens WHERE user_id = $1', [coder.user.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).not.toContain(coder.refreshToken);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe('logOut', () => {
    it("revokes the caller's refresh tokens and access tokens", async () => {
      const coder = await a.coder();
      const { logIn: second } = ok(await app.gql<{ logIn: Session }>(LOG_IN, { input: { email: coder.user.email, password: PASSWORD } }));
      expect(ok(await app.gql(`mutation { logOut }`, {}, coder.accessToken))).toEqual({ logOut: true });
      failed(await app.gql(REFRESH, { token: coder.refreshToken }), 'UNAUTHENTICATED');
      failed(await app.gql(REFRESH, { token: second.refreshToken }), 'UNAUTHENTICATED');
      failed(await app.gql(ME, {}, second.accessToken), 'UNAUTHENTICATED');
      const { logIn: again } = ok(await app.gql<{ logIn: Session }>(LOG_IN, { input: { email: coder.user.email, password: PASSWORD } }));
      ok(await app.gql(ME, {}, again.accessToken));
    });

    it('needs a token', async () => {
      failed(await app.gql(`mutation { logOut }`), 'UNAUTHENTICATED');
    });
  });
});
