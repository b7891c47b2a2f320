import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { failed, given, ok, PASSWORD } from './support/given.js';
import { authenticator, CONFIRM, logIn, START } from './support/mfa.js';
import { TestApp } from './support/test-app.js';

const START_WITHOUT_PASSWORD = `mutation { startMfaEnrollment { secret otpauthUrl } }`;
const ME = `{ me { id mfaEnabled } }`;

/**
 * What someone holding only a copy of an access token (15 minutes, e.g. read from a shared browser
 * or a log) can make of it. Changing the password or the email already needs the current password;
 * so does putting a second factor on the account (which would otherwise lock its owner out: no code
 * to log in with, none to turn it off with, a reset keeps it), unless the session was opened with
 * the password in the last 10 minutes (the owner enrolling right after signing up or logging in).
 */
describe('a stolen access token', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;

  beforeAll(async () => {
    app = await TestApp.start({ ACCOUNT_MAIL_PER_HOUR: '3' });
    a = given(app);
  });
  afterAll(() => app?.close());

  /** Makes the caller's session look as if it had been opened `minutes` ago. */
  const age = (session: { user: { id: string } }, minutes: number) =>
    app.sql(`UPDATE refresh_tokens SET created_at = created_at - make_interval(mins => $2) WHERE user_id = $1`, [session.user.id, minutes]);

  it('cannot turn MFA on without the current password once the session is older than 10 minutes; the owner keeps logging in with the password alone', async () => {
    const owner = await a.coder();
    const stolen = owner.accessToken;
    await age(owner, 11);

    const withoutPassword = await app.gql(START_WITHOUT_PASSWORD, {}, stolen);
    expect(withoutPassword.data).toBeNull();
    expect(withoutPassword.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const wrong = failed(await app.gql(START, { password: 'a guess at the password' }, stolen), 'BAD_USER_INPUT');
    expect(wrong.extensions.fields).toEqual(['currentPassword']);
    expect(await app.sql('SELECT 1 FROM mfa_factors WHERE user_id = $1', [owner.user.id])).toEqual([]);

    ok(await logIn(app, owner.user.email, PASSWORD));
    expect(ok(await app.gql(ME, {}, owner.accessToken)).me.mfaEnabled).toBe(false);
  });

  it('lets a session opened with the password in the last 10 minutes enroll without typing it again', async () => {
    const owner = await a.coder();
    await age(owner, 9);
    const { secret } = ok(await app.gql(START_WITHOUT_PASSWORD, {}, owner.accessToken)).startMfaEnrollment;
    expect(ok(await app.gql(CONFIRM, { code: await authenticator(secret).next() }, owner.accessToken)).confirmMfaEnrollment).toHaveLength(10);
  });

  it('cannot guess the password through startMfaEnrollment: past ACCOUNT_MAIL_PER_HOUR tries, TOO_MANY_REQUESTS even for the right one', async () => {
    const owner = await a.coder();
    for (let i = 0; i < 3; i++) failed(await app.gql(START, { password: `guess number ${i}` }, owner.accessToken), 'BAD_USER_INPUT');
    failed(await app.gql(START, { password: PASSWORD }, owner.accessToken), 'TOO_MANY_REQUESTS');
  });

  it('lets the owner, who knows the password, enroll', async () => {
    const owner = await a.coder();
    const { secret, otpauthUrl } = ok(await app.gql(START, { password: PASSWORD }, owner.accessToken)).startMfaEnrollment;
    expect(otpauthUrl).toContain(secret);
    expect(ok(await app.gql(CONFIRM, { code: await authenticator(secret).next() }, owner.accessToken)).confirmMfaEnrollment).toHaveLength(10);
  });
});
