import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AUTH_FIELDS, given, ok, PASSWORD } from './support/given.js';
import { mailbox } from './support/mailbox.js';
import { GraphqlResponse, TestApp } from './support/test-app.js';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { ${AUTH_FIELDS} } }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const WRONG = 'not the password at all';
const NEW_PASSWORD = 'a brand new long passphrase';
const ACCOUNT_FREE_FAILURES = 3;
const ACCOUNT_MAX_DELAY_SECONDS = 2;

const sleepSeconds = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
let lastOctet = 0;
const freshIp = () => `203.0.113.${++lastOctet}`;

/**
 * The account-wide count (many addresses taking turns on one account) delays every address, the
 * owner's too, by at most LOGIN_THROTTLE_ACCOUNT_MAX_DELAY_SECONDS at a time. An attacker with many
 * addresses re-arms it each time it runs out, before the owner (a person) tries again: the owner was
 * then refused for as long as the attack went on. Addresses the owner proved themself from (a log-in,
 * a password reset) are not held up by that count.
 */
describe('login throttle: the account-wide delay cannot keep the owner out', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({
      TRUST_PROXY: 'loopback',
      LOGIN_THROTTLE_BASE_DELAY_SECONDS: '1',
      LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES: String(ACCOUNT_FREE_FAILURES),
      LOGIN_THROTTLE_ACCOUNT_MAX_DELAY_SECONDS: String(ACCOUNT_MAX_DELAY_SECONDS),
    });
  });
  afterAll(() => app?.close());

  async function from(ip: string, query: string, variables: Record<string, unknown>): Promise<GraphqlResponse> {
    const res = await app.http().post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', ip).send({ query, variables });
    return { status: res.status, data: res.body.data ?? null, errors: res.body.errors };
  }
  const logInFrom = (ip: string, email: string, password: string) => from(ip, LOG_IN, { input: { email, password } });
  const codeOf = (res: GraphqlResponse) => res.errors?.[0].extensions.code ?? 'OK';

  it('lets the owner in from an address they logged in from before, however often attackers re-arm the delay; a new address of theirs once they reset the password from it', async () => {
    const owner = await given(app).coder();
    const email = owner.user.email;
    const home = freshIp();
    expect(codeOf(await logInFrom(home, email, PASSWORD))).toBe('OK');

    // Attackers, each guess from another address: the account's free failures, then the delay is armed.
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) expect(codeOf(await logInFrom(freshIp(), email, WRONG))).toBe('UNAUTHENTICATED');
    for (let round = 0; round < 3; round++) {
      // The delay runs out; an attacker's next guess comes first and arms it again.
      await sleepSeconds(ACCOUNT_MAX_DELAY_SECONDS + 0.1);
      expect(codeOf(await logInFrom(freshIp(), email, WRONG))).toBe('UNAUTHENTICATED');
      expect(codeOf(await logInFrom(home, email, PASSWORD))).toBe('OK');
    }

    // From an address the owner never used, the delay applies as to anyone...
    await sleepSeconds(ACCOUNT_MAX_DELAY_SECONDS + 0.1);
    expect(codeOf(await logInFrom(freshIp(), email, WRONG))).toBe('UNAUTHENTICATED');
    const travel = freshIp();
    expect(codeOf(await logInFrom(travel, email, PASSWORD))).toBe('TOO_MANY_REQUESTS');
    // ...until the owner proves themself there through the mailbox: the reset link used from it.
    ok(await from(travel, REQUEST_RESET, { email }));
    ok(await from(travel, RESET, { input: { token: await mailbox(app).token(email, '/reset-password'), newPassword: NEW_PASSWORD } }));
    await sleepSeconds(ACCOUNT_MAX_DELAY_SECONDS + 0.1);
    expect(codeOf(await logInFrom(freshIp(), email, WRONG))).toBe('UNAUTHENTICATED');
    expect(codeOf(await logInFrom(travel, email, NEW_PASSWORD))).toBe('OK');
  });

  it('still holds an attacker at the owner’s own address to its per-address count', async () => {
    const owner = await given(app).coder();
    const shared = freshIp();
    expect(codeOf(await logInFrom(shared, owner.user.email, PASSWORD))).toBe('OK');
    // Being known spares the address the account-wide count, not its own: five failures, then it waits.
    for (let i = 0; i < 5; i++) expect(codeOf(await logInFrom(shared, owner.user.email, WRONG))).not.toBe('OK');
    expect(codeOf(await logInFrom(shared, owner.user.email, PASSWORD))).toBe('TOO_MANY_REQUESTS');
  });
});
