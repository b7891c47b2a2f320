import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { given } from './support/given.js';
import { TestApp } from './support/test-app.js';

// Red team of issue 19 (error paths on jit and graphql-js). Subscriptions are served over the
// WebSocket only; over HTTP, GET refuses one (405 BAD_USER_INPUT) but a POST ran the subscription's
// field as if it were a query: no event to resolve, so "Cannot return null for non-nullable field"
// came back as INTERNAL_SERVER_ERROR, and each such request wrote an error-level log line with a
// stack trace, on either executor, for any visitor.
describe('a subscription POSTed over HTTP', () => {
  let jit: TestApp;
  let js: TestApp;

  beforeAll(async () => {
    const shared = { JWT_SECRET: randomBytes(32).toString('hex') };
    jit = await TestApp.start({ ...shared, GRAPHQL_EXECUTOR: 'jit' });
    js = await TestApp.start({ ...shared, GRAPHQL_EXECUTOR: 'graphql-js' }, jit);
  }, 60_000);
  afterAll(async () => {
    await js?.close();
    await jit?.close();
  });

  it('is refused as a client error (400 BAD_USER_INPUT), not answered INTERNAL_SERVER_ERROR, by either executor, for a visitor and a signed-in user', async () => {
    const coder = await given(jit).coder();
    const answers: Record<string, { status: number; codes: unknown[] }> = {};
    for (const [executor, app] of [
      ['jit', jit],
      ['graphql-js', js],
    ] as const) {
      for (const [viewer, token] of [
        ['visitor', undefined],
        ['coder', coder.accessToken],
      ] as const) {
        for (const query of ['subscription { notificationAdded { id } }', 'subscription($c: ID!) { messageAdded(contractId: $c) { id } }']) {
          const req = app.http().post('/graphql').set('content-type', 'application/json');
          if (token) req.set('authorization', `Bearer ${token}`);
          const res = await req.send({ query, variables: query.includes('$c') ? { c: '00000000-0000-4000-8000-000000000000' } : {} });
          answers[`${executor} ${viewer} ${query.slice(0, 30)}`] = { status: res.status, codes: (res.body.errors ?? []).map((e: { extensions: { code: string } }) => e.extensions.code) };
        }
      }
    }
    for (const [request, answer] of Object.entries(answers)) expect({ request, ...answer }).toEqual({ request, status: 400, codes: ['BAD_USER_INPUT'] });
  });
});
