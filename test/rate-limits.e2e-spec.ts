import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { failed, given, ok, Session } from './support/given.js';
import { TestApp } from './support/test-app.js';

describe('rate limits', () => {
  let app: TestApp;
  let first: Session;
  let second: Session;

  beforeAll(async () => {
    // Two sign-ups use 2 of the 5 auth attempts allowed per IP and minute.
    app = await TestApp.start({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_AUTH_PER_MINUTE: '5', RATE_LIMIT_PER_MINUTE: '8' });
    [first, second] = [await given(app).coder(), await given(app).coder()];
  });
  afterAll(() => app?.close());

  it('limits logIn attempts per IP, answering TOO_MANY_REQUESTS with the seconds to wait', async () => {
    const email = `target-${randomBytes(4).toString('hex')}@example.test`;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.gql(`mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email, password: 'guess-guess-guess' } });
      codes.push(res.errors![0].extensions.code);
      if (res.errors![0].extensions.code === 'TOO_MANY_REQUESTS') {
        expect(res.errors![0].extensions.retryAfterSeconds).toBeGreaterThan(0);
        expect(res.errors![0].message).toMatch(/try again in \d+ s/);
      }
    }
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
  });

  it('limits every operation per user, counting each alias, separately for each user', async () => {
    const res = await app.gql(`{ ${Array.from({ length: 10 }, (_, i) => `m${i}: me { id }`).join(' ')} }`, {}, first.accessToken);
    // Ten aliases are ten calls against a limit of eight (graphql-js reports the first failure of the nulled root).
    expect(res.data).toBeNull();
    expect(res.errors!.map((e) => e.extensions.code)).toContain('TOO_MANY_REQUESTS');
    failed(await app.gql(`{ me { id } }`, {}, first.accessToken), 'TOO_MANY_REQUESTS');
    ok(await app.gql(`{ me { id } }`, {}, second.accessToken));
  });

  it('counts every GraphQL request, one that runs no resolver too ({ __typename }): 429 TOO_MANY_REQUESTS', async () => {
    const statuses: number[] = [];
    let refused;
    // This address has used up to 7 of its 8 requests a minute above (sign-ups, logIn attempts).
    for (let i = 0; i < 9; i++) {
      const res = await app.http().post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });
      statuses.push(res.status);
      refused ??= res.status === 429 ? res : undefined;
    }
    expect(statuses.filter((status) => status === 200).length).toBeLessThan(8);
    expect(statuses.at(-1)).toBe(429);
    expect(refused!.body).toEqual({
      errors: [{ message: expect.stringMatching(/^Too many requests: try again in \d+ s$/), extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) } }],
    });
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(0);
    // Counted per user when the request carries a valid token: another caller is still served.
    ok(await app.gql(`{ me { id } }`, {}, second.accessToken));
  });

  it('never limits /health and /ready: load balancers poll them', async () => {
    for (let i = 0; i < 12; i++) {
      expect((await app.http().get('/health')).status).toBe(200);
      expect((await app.http().get('/ready')).status).toBe(200);
    }
  });
});
