import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { failed, given, ok, PASSWORD, Session } from './support/given.js';
import { mailbox } from './support/mailbox.js';
import { authenticator, CONFIRM, logIn, START } from './support/mfa.js';
import { TestApp } from './support/test-app.js';
import { insertPause } from './support/insert-pause.js';

const ME = `{ me { id } }`;
const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const LOG_OUT = `mutation { logOut }`;
const NEW_PASSWORD = 'a brand new long passphrase';

// The advisory lock a trigger on refresh_tokens waits for: while the test holds it, a session being
// opened (logIn, refreshToken) stops right before its refresh token is written, where a concurrent
// reset, password change, log-out or MFA enrollment can overtake it.
const PAUSE_KEY = 914;

/**
 * Races between opening a session and ending the account's sessions, played in the one order that
 * used to lose: the session's credentials (or refresh token) were checked first, the ending act ran
 * while its refresh token was being written, and that token survived the act.
 */
describe('sessions opened while the account ends its sessions', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let pause: Awaited<ReturnType<typeof insertPause>>;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
    pause = await insertPause(app, 'refresh_tokens', PAUSE_KEY);
  });
  afterAll(() => app?.close());

  /** Holds `opening` right before its refresh token is written, runs `ending` meanwhile, then lets the session go on. */
  const race = async <O, E>(opening: () => Promise<O>, ending: () => Promise<E>) => {
    const { first, second } = await pause.race(opening, ending);
    return { opened: first, ended: second };
  };

  /** The session is dead: its access token is refused and its refresh token does not rotate. */
  async function expectEnded(session: { accessToken: string; refreshToken: string }) {
    failed(await app.gql(ME, {}, session.accessToken), 'UNAUTHENTICATED');
    failed(await app.gql(REFRESH, { t: session.refreshToken }), 'UNAUTHENTICATED');
  }

  const resetToken = async (user: Session) => {
    ok(await app.gql(REQUEST_RESET, { email: user.user.email }));
    return mailbox(app).token(user.user.email, '/reset-password');
  };

  it('a log-in whose password was checked before a password reset does not outlive the reset', async () => {
    const owner = await a.coder();
    const token = await resetToken(owner);
    const { opened, ended } = await race(
      () => logIn(app, owner.user.email, PASSWORD),
      () => app.gql(RESET, { input: { token, newPassword: NEW_PASSWORD } }),
    );
    expect(ok(ended).resetPassword).toBe(true);
    // Its credentials were checked before the act: the session opens, and the act ends it.
    await expectEnded(ok(opened).logIn);
    ok(await logIn(app, owner.user.email, NEW_PASSWORD));
  });

  it('a refresh of a stolen refresh token racing a password reset does not outlive the reset', async () => {
    const owner = await a.coder();
    const stolen = ok(await logIn(app, owner.user.email, PASSWORD)).logIn;
    const token = await resetToken(owner);
    const { opened, ended } = await race(
      () => app.gql(REFRESH, { t: stolen.refreshToken }),
      () => app.gql(RESET, { input: { token, newPassword: NEW_PASSWORD } }),
    );
    expect(ok(ended).resetPassword).toBe(true);
    await expectEnded(ok(opened).refreshToken);
  });

  it("a log-in with the old password racing changePassword does not outlive the change; the changer's own session goes on", async () => {
    const owner = await a.coder();
    const { opened, ended } = await race(
      () => logIn(app, owner.user.email, PASSWORD),
      () => app.gql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } }, owner.accessToken),
    );
    expect(ok(ended).changePassword).toBe(true);
    // Its credentials were checked before the act: the session opens, and the act ends it.
    await expectEnded(ok(opened).logIn);
    ok(await app.gql(ME, {}, owner.accessToken));
    ok(await app.gql(REFRESH, { t: owner.refreshToken }));
  });

  it('a refresh racing logOut does not outlive the log-out', async () => {
    const owner = await a.coder();
    const other = ok(await logIn(app, owner.user.email, PASSWORD)).logIn;
    const { opened, ended } = await race(
      () => app.gql(REFRESH, { t: other.refreshToken }),
      () => app.gql(LOG_OUT, {}, owner.accessToken),
    );
    expect(ok(ended).logOut).toBe(true);
    await expectEnded(ok(opened).refreshToken);
  });

  it('a password-only log-in racing the confirmation of MFA does not outlive it', async () => {
    const owner = await a.coder();
    const { secret } = ok(await app.gql(START, { password: PASSWORD }, owner.accessToken)).startMfaEnrollment;
    const code = await authenticator(secret).next();
    const { opened, ended } = await race(
      () => logIn(app, owner.user.email, PASSWORD),
      () => app.gql(CONFIRM, { code }, owner.accessToken),
    );
    expect(ok(ended).confirmMfaEnrollment).toHaveLength(10);
    // Its credentials were checked before the act: the session opens, and the act ends it.
    await expectEnded(ok(opened).logIn);
  });
});
