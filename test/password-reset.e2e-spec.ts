import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { failed, given, ok, PASSWORD, Session } from './support/given.js';
import { GraphqlSocket } from './support/graphql-socket.js';
import { mailbox } from './support/mailbox.js';
import { GraphqlResponse, TestApp } from './support/test-app.js';

const ME = `{ me { id emailVerified } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken user { id } } }`;
const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const NOTIFICATIONS = `subscription { notificationAdded { id } }`;
const NEW_PASSWORD = 'a brand new long passphrase';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('password reset and change', () => {
  let app: TestApp;
  let host: string;
  let a: ReturnType<typeof given>;
  const sockets: GraphqlSocket[] = [];

  beforeAll(async () => {
    app = await TestApp.start({ APP_URL: 'https://app.chartbridge.test' });
    host = await app.listen();
    a = given(app);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await app?.close();
  });

  const logIn = (email: string, password: string) => app.gql<{ logIn: Session }>(LOG_IN, { input: { email, password } });
  const resetToken = (email: string) => mailbox(app).token(email, '/reset-password');
  const subscribed = async (token: string) => {
    const socket = await GraphqlSocket.connect(host, token);
    sockets.push(socket);
    socket.subscribe('n', NOTIFICATIONS);
    return socket;
  };

  describe('requestPasswordReset and resetPassword', () => {
    it('mails a one-hour link; the reset sets the password once and verifies the address', async () => {
      const user = await a.coder({ verified: false });
      expect(ok(await app.gql(REQUEST_RESET, { email: ` ${user.user.email.toUpperCase()} ` })).requestPasswordReset).toBe(true);
      const mail = await mailbox(app).latest(user.user.email);
      expect(mail.subject).toBe('Reset your ChartBridge password');
      expect(mail.text).toMatch(/https:\/\/app\.chartbridge\.test\/reset-password\?token=[\w-]{43}\b/);
      expect(mail.text).toContain('expires in one hour');
      const token = await resetToken(user.user.email);
      expect(await app.sql(`SELECT purpose, round(extract(epoch FROM expires_at - created_at) / 60) AS minutes FROM account_tokens WHERE token_hash = $1`, [sha256(token)])).toEqual([
        { purpose: 'RESET_PASSWORD', minutes: '60' },
      ]);

      expect(ok(await app.gql(RESET, { input: { token, newPassword: NEW_PASSWORD } })).resetPassword).toBe(true);
      failed(await logIn(user.user.email, PASSWORD), 'UNAUTHENTICATED');
      const session = ok(await logIn(user.user.email, NEW_PASSWORD)).logIn;
      expect(ok(await app.gql(ME, {}, session.accessToken)).me).toEqual({ id: user.user.id, emailVerified: true });
      expect((await mailbox(app).latest(user.user.email)).subject).toBe('Your ChartBridge password was changed');

      const reused = failed(await app.gql(RESET, { input: { token, newPassword: 'yet another long password' } }), 'BAD_USER_INPUT');
      expect(reused.extensions.fields).toEqual(['input.token']);
      ok(await logIn(user.user.email, NEW_PASSWORD));
    });

    it('answers an unknown address exactly as a known one, doing the same work, and mails nobody', async () => {
      const known = await a.provider();
      const unknown = `nobody-${randomUUID()}@example.test`;
      const answers = [await app.gql(REQUEST_RESET, { email: known.user.email }), await app.gql(REQUEST_RESET, { email: unknown })];
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[0]).toEqual({ status: 200, data: { requestPasswordReset: true }, errors: undefined });
      // The request itself writes one job either way; the address is looked up later, by the outbox worker.
      const jobs = await app.sql<{ email: string }>(`SELECT payload->>'email' AS email FROM outbox_jobs WHERE kind = 'account.password-reset' AND payload->>'email' IN ($1, $2)`, [
        known.user.email,
        unknown,
      ]);
      expect(jobs.map((job) => job.email).sort()).toEqual([known.user.email, unknown].sort());
      expect(await mailbox(app).to(unknown)).toEqual([]);
      expect(await mailbox(app).token(known.user.email, '/reset-password')).toMatch(/^[\w-]{43}$/);
      expect(await app.sql(`SELECT result FROM outbox_jobs WHERE kind = 'account.password-reset' AND payload->>'email' = $1`, [unknown])).toEqual([{ result: { account: 'none' } }]);
    });

    it('refuses forged and expired tokens, and keeps only the newest link of several requests', async () => {
      const user = await a.coder();
      ok(await app.gql(REQUEST_RESET, { email: user.user.email }));
      const first = await resetToken(user.user.email);
      ok(await app.gql(REQUEST_RESET, { email: user.user.email }));
      const second = await resetToken(user.user.email);
      expect(second).not.toBe(first);
      failed(await app.gql(RESET, { input: { token: first, newPassword: NEW_PASSWORD } }), 'BAD_USER_INPUT');
      failed(await app.gql(RESET, { input: { token: 'A'.repeat(43), newPassword: NEW_PASSWORD } }), 'BAD_USER_INPUT');
      await app.sql(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [sha256(second)]); // the hour went by
      failed(await app.gql(RESET, { input: { token: second, newPassword: NEW_PASSWORD } }), 'BAD_USER_INPUT');
      ok(await logIn(user.user.email, PASSWORD));
    });

    it('refuses a too short new password, naming it, and leaves the link usable', async () => {
      const user = await a.coder();
      ok(await app.gql(REQUEST_RESET, { email: user.user.email }));
      const token = await resetToken(user.user.email);
      expect(failed(await app.gql(RESET, { input: { token, newPassword: 'short' } }), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.newPassword']);
      ok(await app.gql(RESET, { input: { token, newPassword: NEW_PASSWORD } }));
    });

    it('resets once when the same link is used ten times at once', async () => {
      const user = await a.coder();
      ok(await app.gql(REQUEST_RESET, { email: user.user.email }));
      const token = await resetToken(user.user.email);
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => app.gql(RESET, { input: { token, newPassword: `${NEW_PASSWORD} ${i}` } })));
      const winners = answers.flatMap((answer, i) => (answer.errors ? [] : [i]));
      expect(winners).toHaveLength(1);
      expect(answers.filter((answer) => answer.errors?.[0].extensions.code === 'BAD_USER_INPUT')).toHaveLength(9);
      ok(await logIn(user.user.email, `${NEW_PASSWORD} ${winners[0]}`));
    });

    it('ends every session: access tokens, refresh tokens and live subscriptions', async () => {
      const user = await a.coder();
      const other = ok(await logIn(user.user.email, PASSWORD)).logIn;
      const sockets = [await subscribed(user.accessToken), await subscribed(other.accessToken)];
      expect(await sockets[0].alive()).toBe(true);

      ok(await app.gql(REQUEST_RESET, { email: user.user.email }));
      ok(await app.gql(RESET, { input: { token: await resetToken(user.user.email), newPassword: NEW_PASSWORD } }));

      for (const socket of sockets) expect(await socket.closedWithin()).toEqual({ code: 4401, reason: 'Session ended' });
      for (const session of [user, other]) {
        failed(await app.gql(ME, {}, session.accessToken), 'UNAUTHENTICATED');
        failed(await app.gql(REFRESH, { t: session.refreshToken }), 'UNAUTHENTICATED');
      }
      const fresh = ok(await logIn(user.user.email, NEW_PASSWORD)).logIn;
      expect(ok(await app.gql(ME, {}, fresh.accessToken)).me.id).toBe(user.user.id);
    });

    it('cancels an email change asked for before the reset', async () => {
      const user = await a.coder();
      const attacker = `attacker-${randomUUID()}@example.test`;
      ok(await app.gql(`mutation($input: RequestEmailChangeInput!) { requestEmailChange(input: $input) }`, { input: { newEmail: attacker, currentPassword: PASSWORD } }, user.accessToken));
      const change = await mailbox(app).token(attacker, '/verify-email');
      ok(await app.gql(REQUEST_RESET, { email: user.user.email }));
      ok(await app.gql(RESET, { input: { token: await resetToken(user.user.email), newPassword: NEW_PASSWORD } }));
      failed(await app.gql(`mutation($token: String!) { verifyEmail(token: $token) { id } }`, { token: change }), 'BAD_USER_INPUT');
    });
  });

  describe('changePassword', () => {
    it("ends the other sessions and keeps the caller's: its access token, its refresh token, its socket", async () => {
      const user = await a.provider();
      const other = ok(await logIn(user.user.email, PASSWORD)).logIn;
      const [mine, theirs] = [await subscribed(user.accessToken), await subscribed(other.accessToken)];

      expect(ok(await app.gql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } }, user.accessToken)).changePassword).toBe(true);

      expect(await theirs.closedWithin()).toEqual({ code: 4401, reason: 'Session ended' });
      failed(await app.gql(ME, {}, other.accessToken), 'UNAUTHENTICATED');
      failed(await app.gql(REFRESH, { t: other.refreshToken }), 'UNAUTHENTICATED');

      expect(await mine.alive()).toBe(true);
      expect(ok(await app.gql(ME, {}, user.accessToken)).me.id).toBe(user.user.id);
      const refreshed = ok(await app.gql<{ refreshToken: Session }>(REFRESH, { t: user.refreshToken })).refreshToken;
      expect(ok(await app.gql(ME, {}, refreshed.accessToken)).me.id).toBe(user.user.id);

      failed(await logIn(user.user.email, PASSWORD), 'UNAUTHENTICATED');
      ok(await logIn(user.user.email, NEW_PASSWORD));
      expect((await mailbox(app).latest(user.user.email)).subject).toBe('Your ChartBridge password was changed');
    });

    it('needs the current password and a valid new one, and changes nothing otherwise', async () => {
      const user = await a.provider();
      const other = ok(await logIn(user.user.email, PASSWORD)).logIn;
      const wrong = failed(await app.gql(CHANGE, { input: { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD } }, user.accessToken), 'BAD_USER_INPUT');
      expect(wrong.extensions.fields).toEqual(['input.currentPassword']);
      expect(failed(await app.gql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'short' } }, user.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.newPassword']);
      failed(await app.gql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } }), 'UNAUTHENTICATED');
      ok(await logIn(user.user.email, PASSWORD));
      ok(await app.gql(ME, {}, other.accessToken));
    });
  });
});

describe('account rate limits (on even with RATE_LIMIT_ENABLED=false)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_ENABLED: 'false', ACCOUNT_MAIL_PER_HOUR: '2', ACCOUNT_MAIL_PER_IP_PER_HOUR: '6' });
  });
  afterAll(() => app?.close());

  const tooMany = (response: GraphqlResponse) => expect(failed(response, 'TOO_MANY_REQUESTS').extensions.retryAfterSeconds).toBeGreaterThan(3000);

  it('limits reset requests per account (known or not, alike) and per client address', async () => {
    const user = await given(app).coder();
    const unknown = `nobody-${randomUUID()}@example.test`;
    for (const email of [user.user.email, unknown]) {
      ok(await app.gql(REQUEST_RESET, { email }));
      ok(await app.gql(REQUEST_RESET, { email: email.toUpperCase() }));
      tooMany(await app.gql(REQUEST_RESET, { email }));
    }
    // Six counted from this address so far: any other account is refused too, for the hour.
    tooMany(await app.gql(REQUEST_RESET, { email: `someone-${randomUUID()}@example.test` }));
    tooMany(await app.gql(RESET, { input: { token: 'A'.repeat(43), newPassword: NEW_PASSWORD } }));
    expect(
      await mailbox(app)
        .to(user.user.email)
        .then((mails) => mails.filter((mail) => mail.subject.startsWith('Reset'))),
    ).toHaveLength(2);
  });

  it('limits password checks per account: changePassword with guessed passwords', async () => {
    const limited = await TestApp.start({ ACCOUNT_MAIL_PER_HOUR: '3' });
    try {
      const user = await given(limited).provider();
      for (let i = 0; i < 3; i++) failed(await limited.gql(CHANGE, { input: { currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD } }, user.accessToken), 'BAD_USER_INPUT');
      failed(await limited.gql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } }, user.accessToken), 'TOO_MANY_REQUESTS');
      ok(await limited.gql(LOG_IN, { input: { email: user.user.email, password: PASSWORD } }));
    } finally {
      await limited.close();
    }
  });
});
