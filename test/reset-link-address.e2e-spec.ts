import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { failed, given, ok, PASSWORD } from './support/given.js';
import { insertPause } from './support/insert-pause.js';
import { mailbox } from './support/mailbox.js';
import { logIn } from './support/mfa.js';
import { TestApp } from './support/test-app.js';

const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const REQUEST_EMAIL_CHANGE = `mutation($input: RequestEmailChangeInput!) { requestEmailChange(input: $input) }`;
const VERIFY_EMAIL = `mutation($token: String!) { verifyEmail(token: $token) { id email } }`;

/**
 * A reset link proves control of the address it was mailed to, so it may only set the password of
 * an account that still has that address. An account that moved away from a mailbox (one it lost:
 * a former employer's) must not be taken over through a reset asked for that mailbox.
 */
describe('a password-reset link and the address it was sent to', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let pause: Awaited<ReturnType<typeof insertPause>>;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
    pause = await insertPause(app, 'account_tokens', 915);
  });
  afterAll(() => app?.close());

  it('does not reset the password of an account that moved to another address while the link was being made', async () => {
    const owner = await a.provider();
    const oldAddress = owner.user.email;
    const newAddress = `moved-${owner.user.id.slice(0, 8)}@example.test`;
    ok(await app.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail: newAddress, currentPassword: PASSWORD } }, owner.accessToken));
    const changeToken = await mailbox(app).token(newAddress, '/verify-email');
    // Whoever reads the old mailbox asks for a reset; the worker finds the account by that address...
    ok(await app.gql(REQUEST_RESET, { email: oldAddress }));
    // ...and, while it writes the link, the owner moves the account to the new address.
    const { second: moved } = await pause.race(
      () => mailbox(app).deliver(),
      () => app.gql(VERIFY_EMAIL, { token: changeToken }),
    );
    expect(ok(moved).verifyEmail.email).toBe(newAddress);

    const staleLink = await mailbox(app).token(oldAddress, '/reset-password');
    const refused = failed(await app.gql(RESET, { input: { token: staleLink, newPassword: 'taken over by the old mailbox' } }), 'BAD_USER_INPUT');
    expect(refused.extensions.fields).toEqual(['input.token']);
    ok(await logIn(app, newAddress, PASSWORD));
    ok(await app.gql(`{ me { id } }`, {}, owner.accessToken));
  });
});
