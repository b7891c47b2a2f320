import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AUTH_FIELDS, failed, given, ok, PASSWORD, Session } from './support/given.js';
import { TestApp } from './support/test-app.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`;
const INVITE = `mutation($org: ID!, $email: String!, $role: MembershipRole!) { inviteMember(organizationId: $org, email: $email, role: $role) { id email } }`;
const MARKS = 'must not stack combining marks (the same mark twice, more than four in a row) or put a dot above a letter that already has one (i, j), where it cannot be seen';

/**
 * Combining marks NFKC leaves alone (no precomposed letter exists): a dot above `i` or `j` draws over
 * the letter's own dot, so `admi̇n@` reads as `admin@` (UTS #39 section 5.4 names this very case), and
 * a mark repeated or piled up is no address anyone types. Both are refused wherever an address comes in.
 */
describe('email addresses with combining marks', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
  });
  afterAll(() => app?.close());

  const signUp = (email: string) => app.gql<{ signUp: Session }>(SIGN_UP, { input: { email, password: PASSWORD, name: 'Lookalike', role: 'PROVIDER' } });

  it('refuses a dot above i or j next to an existing account (the lookalike of its address), in the local part and the domain', async () => {
    await a.provider({ email: 'admin@gmail.example' });
    for (const lookalike of ['admi\u0307n@gmail.example', 'ADMİN@gmail.example', 'admin@gmai\u0307l.example', 'admin@gmai\u0307l.example'.normalize('NFKC'), 'ma\u0458\u0307a@example.test']) {
      const refused = failed(await signUp(lookalike), 'BAD_USER_INPUT');
      expect({ fields: refused.extensions.fields, message: refused.message }).toEqual({ fields: ['input.email'], message: `input.email ${MARKS}` });
    }
    expect(await app.sql(`SELECT email FROM users WHERE email LIKE '%gmai%'`)).toEqual([{ email: 'admin@gmail.example' }]);
  });

  it('refuses a repeated mark and a pile of marks, and keeps the marks a language needs', async () => {
    for (const piled of ['jose\u0301\u0301@example.test', `zal${'\u0300\u0301\u0302\u0303\u0304'}go@example.test`]) failed(await signUp(piled), 'BAD_USER_INPUT');
    // A Vietnamese name (marks composed by NFKC, or two different ones on one letter) and Hindi (vowel signs).
    ok(await signUp('nguyê\u0303n@example.test'));
    ok(await signUp('अनिल@example.in'));
  });

  it('refuses such an address as an invitation too', async () => {
    const { owner, organization } = await a.practice();
    failed(await app.gql(INVITE, { org: organization.id, email: 'admi\u0307n@gmail.example', role: 'ADMIN' }, owner.accessToken), 'BAD_USER_INPUT');
  });
});
