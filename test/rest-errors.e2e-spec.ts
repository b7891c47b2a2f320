import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { given, ok, Session } from './support/given.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';
import { asAdmin } from './support/wait.js';

/** The `extensions.code` values of the GraphQL contract, which REST answers use too. */
const CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS', 'INTERNAL_SERVER_ERROR'];
const SIGN = `mutation($id: ID!) { signBaa(contractId: $id) { id } }`;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A REST error answers like a GraphQL error: JSON `{ statusCode, code, message, fields? }`, with the contract's code for its status. */
function expectError(res: Response, status: number, code: string): void {
  expect({ status: res.status, type: res.headers['content-type'], code: res.body?.code }).toEqual({ status, type: expect.stringMatching(/^application\/json/), code });
  expect(CODES).toContain(res.body.code);
  expect(res.body).toMatchObject({ statusCode: status, message: expect.any(String) });
  if (code === 'BAD_USER_INPUT') expect(res.body.fields).toEqual(expect.any(Array));
  expect(JSON.stringify(res.body)).not.toMatch(/\bat \S+\.[jt]s:\d+|node_modules|FST_ERR/);
}

describe('REST error bodies', () => {
  let app: TestApp;
  let owner: Session;
  let coder: Session;
  let contractId: string;

  beforeAll(async () => {
    app = await TestApp.start({ MAX_DOCUMENT_BYTES: '4096' });
    ({ owner, coder, contractId } = await acceptedContract(app, { requiresBaa: true }, { rateCents: 400 }));
  });
  afterAll(() => app?.close());

  const upload = (token: string | null, id: string, bytes: Buffer, filename = 'chart.pdf', contentType = 'application/pdf', field = 'file') => {
    const req = app.http().post(`/contracts/${id}/documents`);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.attach(field, bytes, { filename, contentType });
  };
  const download = (token: string | null, id: string) => {
    const req = app.http().get(`/documents/${id}`);
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };
  const webhook = () => app.http().post('/webhooks/stripe');

  it('answers document uploads refused for access, state or input with the contract codes', async () => {
    expectError(await upload(null, contractId, PDF), 401, 'UNAUTHENTICATED');
    expectError(await upload('not.a.token', contractId, PDF), 401, 'UNAUTHENTICATED');
    expectError(await upload(owner.accessToken, 'not-a-uuid', PDF), 400, 'BAD_USER_INPUT');
    expectError(await upload(owner.accessToken, UNKNOWN_ID, PDF), 404, 'NOT_FOUND');
    expectError(await upload(owner.accessToken, contractId, PDF), 409, 'CONFLICT');

    ok(await app.gql(SIGN, { id: contractId }, owner.accessToken));
    ok(await app.gql(SIGN, { id: contractId }, coder.accessToken));
    expectError(await app.http().post(`/contracts/${contractId}/documents`).set('authorization', `Bearer ${owner.accessToken}`).send({ file: 'x' }), 400, 'BAD_USER_INPUT');
    expectError(await upload(owner.accessToken, contractId, PDF, 'chart.pdf', 'application/pdf', 'attachment'), 400, 'BAD_USER_INPUT');
    expectError(await upload(owner.accessToken, contractId, Buffer.alloc(0), 'empty.txt', 'text/plain'), 400, 'BAD_USER_INPUT');
    expectError(await upload(owner.accessToken, contractId, Buffer.from('MZ\x90\x00binary'), 'x.pdf'), 415, 'BAD_USER_INPUT');
    expectError(await upload(owner.accessToken, contractId, Buffer.concat([PDF, Buffer.alloc(5000, 0x20)])), 413, 'BAD_USER_INPUT');
  });

  it('answers document downloads refused, missing or failing their integrity check with the contract codes', async () => {
    expectError(await download(null, UNKNOWN_ID), 401, 'UNAUTHENTICATED');
    expectError(await download(owner.accessToken, 'not-a-uuid'), 400, 'BAD_USER_INPUT');
    expectError(await download(owner.accessToken, UNKNOWN_ID), 404, 'NOT_FOUND');
    const { body } = await upload(owner.accessToken, contractId, PDF);
    const path = join(app.config.env.DATA_DIR, 'documents', `${body.id}.enc`);
    const bytes = readFileSync(path);
    bytes[bytes.length - 3] ^= 0xff;
    writeFileSync(path, bytes);
    expectError(await download(owner.accessToken, body.id), 500, 'INTERNAL_SERVER_ERROR');
  });

  it('answers refused Stripe webhooks with the contract codes, whatever part refused them', async () => {
    expectError(await webhook().set('content-type', 'application/json').send('{"id":"evt_1","type":"payment_intent.succeeded"}'), 400, 'BAD_USER_INPUT');
    expectError(await webhook().set('content-type', 'application/json').set('stripe-signature', 't=1,v1=00').send('{"id":"evt_1"}'), 400, 'BAD_USER_INPUT');
    expectError(await webhook().set('content-type', 'application/json').send('{"id": '), 400, 'BAD_USER_INPUT');
    expectError(await webhook().set('content-type', 'text/xml').send('<event/>'), 415, 'BAD_USER_INPUT');
    expectError(
      await webhook()
        .set('content-type', 'application/json')
        .send(JSON.stringify({ pad: 'x'.repeat(300 * 1024) })),
      413,
      'BAD_USER_INPUT',
    );
  });

  it('answers unknown routes and methods with NOT_FOUND', async () => {
    expectError(await app.http().get('/no-such-route'), 404, 'NOT_FOUND');
    expectError(await app.http().post('/contracts').send({}), 404, 'NOT_FOUND');
    expectError(await app.http().delete(`/documents/${UNKNOWN_ID}`).set('authorization', `Bearer ${owner.accessToken}`), 404, 'NOT_FOUND');
  });

  it("answers a URL the router cannot decode with BAD_USER_INPUT in the same shape, not Fastify's own", async () => {
    const res = await app.http().get('/documents/%C0%AF');
    expectError(res, 400, 'BAD_USER_INPUT');
    expect(res.body).toEqual({ statusCode: 400, code: 'BAD_USER_INPUT', message: 'The request URL is not valid', fields: [] });
  });

  it('answers a GraphQL request refused before GraphQL ran as a GraphQL response, with the contract codes', async () => {
    const graphql = () => app.http().post('/graphql');
    for (const [res, status] of [
      [
        await graphql()
          .set('content-type', 'application/json')
          .send({ query: '{ __typename }', variables: { pad: 'x'.repeat(300 * 1024) } }),
        413,
      ],
      [await graphql().set('content-type', 'application/json').send('{"query": '), 400],
      [await graphql().set('content-type', 'text/xml').send('<query/>'), 415],
    ] as const) {
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', fields: [] } }] });
    }
  });

  // Last on purpose: it boots and closes a second app (see payments.e2e-spec.ts on why closing one goes last).
  it('answers an unready service, an unexpected failure and a rate limit with the contract codes, keeping their details', async () => {
    const limited = await TestApp.start({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_PER_MINUTE: '3' });
    const database = new URL(limited.config.databaseUrl).pathname.slice(1);
    try {
      // Anonymous calls count against the IP: this sign-up is the first of the three allowed a minute.
      const user = await given(limited).coder();
      await asAdmin(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
      await asAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);
      const ready = await limited.http().get('/ready');
      expectError(ready, 503, 'INTERNAL_SERVER_ERROR');
      expect(ready.body.details.database.status).toBe('down');
      expect(ready.body.message).toBe('Not ready: database unavailable');
      // The token cannot be checked without the database: our failure, masked, not the client's.
      const unexpected = await limited.http().get(`/documents/${UNKNOWN_ID}`).set('authorization', `Bearer ${user.accessToken}`);
      expectError(unexpected, 500, 'INTERNAL_SERVER_ERROR');
      expect(unexpected.body).toEqual({ statusCode: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
      await asAdmin(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);

      // /health and /ready are never limited (load balancers poll them): a limited REST route, as the same caller.
      let refused = await limited.http().get(`/documents/${UNKNOWN_ID}`).set('authorization', `Bearer ${user.accessToken}`);
      for (let i = 0; i < 5 && refused.status !== 429; i++) refused = await limited.http().get(`/documents/${UNKNOWN_ID}`).set('authorization', `Bearer ${user.accessToken}`);
      expectError(refused, 429, 'TOO_MANY_REQUESTS');
      expect(refused.body.retryAfterSeconds).toEqual(expect.any(Number));
    } finally {
      await asAdmin(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`).catch(() => undefined);
      await limited.close();
    }
  });
});
