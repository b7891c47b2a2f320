import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { ok, Session } from './support/given.js';
import { acceptedContract } from './support/money.js';
import { GraphqlResponse, TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const SIGN = `mutation($id: ID!) { signBaa(contractId: $id) { id } }`;
const AUDIT = `query($id: ID!) { auditLog(contractId: $id, first: 100) { edges { node { actorId action outcome ip requestId } } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LOOPBACK = /^(::ffff:)?127\.0\.0\.1$|^::1$/;
const FORGED_ID = 'forged-request-id-1';

/** One GraphQL call with extra headers (X-Forwarded-For, X-Request-Id); also returns the answer's X-Request-Id. */
async function gqlWith(app: TestApp, headers: Record<string, string>, query: string, variables: Record<string, unknown>, token?: string): Promise<GraphqlResponse & { requestId: string }> {
  const req = app.http().post('/graphql').set('content-type', 'application/json').set(headers);
  if (token) req.set('authorization', `Bearer ${token}`);
  const res = await req.send({ query, variables });
  return { status: res.status, data: res.body.data ?? null, errors: res.body.errors, requestId: res.headers['x-request-id'] };
}

/** A failed logIn for a fresh account each time (so only the per-IP limit can stop it); returns the error code. */
async function failedLogIn(app: TestApp, forwardedFor: string): Promise<string> {
  const email = `nobody-${randomBytes(5).toString('hex')}@example.test`;
  const res = await gqlWith(app, { 'x-forwarded-for': forwardedFor }, LOG_IN, { input: { email, password: 'guess-guess-guess' } });
  return res.errors![0].extensions.code;
}

/** The owner signs the BAA through forged headers; returns the signature's IP, the audit event and the id we answered with. */
async function signThrough(app: TestApp, forwardedFor: string): Promise<{ owner: Session; signatureIp: string; event: Record<string, unknown>; answeredId: string }> {
  const { owner, contractId } = await acceptedContract(app, { requiresBaa: true }, { rateCents: 400 });
  const signed = await gqlWith(app, { 'x-forwarded-for': forwardedFor, 'x-request-id': FORGED_ID }, SIGN, { id: contractId }, owner.accessToken);
  ok(signed);
  const [signature] = await app.sql<{ ip: string }>('SELECT ip FROM baa_signatures WHERE contract_id = $1', [contractId]);
  const events = ok(await app.gql(AUDIT, { id: contractId }, owner.accessToken)).auditLog.edges.map((e: Untyped) => e.node);
  expect(events).toHaveLength(1);
  return { owner, signatureIp: signature.ip, event: events[0], answeredId: signed.requestId };
}

describe('client identity in production, no trusted proxy (TRUST_PROXY unset)', () => {
  describe('rate limits', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start({ NODE_ENV: 'production', RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_AUTH_PER_MINUTE: '5' });
    });
    afterAll(() => app?.close());

    it('does not let a rotated X-Forwarded-For escape the logIn limit per IP', async () => {
      const codes: string[] = [];
      for (let i = 1; i <= 8; i++) codes.push(await failedLogIn(app, `198.51.100.${i}`));
      expect(codes).toEqual([...Array(5).fill('UNAUTHENTICATED'), ...Array(3).fill('TOO_MANY_REQUESTS')]);
    });
  });

  describe('evidence', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start({ NODE_ENV: 'production' });
    });
    afterAll(() => app?.close());

    it('records the peer address and our own request id on the BAA signature and its audit event, not the forged headers', async () => {
      const { owner, signatureIp, event, answeredId } = await signThrough(app, '198.51.100.66');
      expect(signatureIp).toMatch(LOOPBACK);
      expect(answeredId).toMatch(UUID);
      expect(event).toEqual({ actorId: owner.user.id, action: 'SIGN_BAA', outcome: 'ALLOWED', ip: signatureIp, requestId: answeredId });
    });

    it('records the same for document uploads over REST', async () => {
      const { owner, coder, contractId } = await acceptedContract(app, { requiresBaa: false }, { rateCents: 400 });
      const res = await app
        .http()
        .post(`/contracts/${contractId}/documents`)
        .set('authorization', `Bearer ${coder.accessToken}`)
        .set('x-forwarded-for', '198.51.100.67')
        .set('x-request-id', FORGED_ID)
        .attach('file', Buffer.from('chart,code\n0042,I10\n'), { filename: 'batch.csv', contentType: 'text/csv' });
      expect(res.status).toBe(201);
      expect(res.headers['x-request-id']).toMatch(UUID);
      const [event] = ok(await app.gql(AUDIT, { id: contractId }, owner.accessToken)).auditLog.edges.map((e: Untyped) => e.node);
      expect(event).toEqual({ actorId: coder.user.id, action: 'UPLOAD', outcome: 'ALLOWED', ip: expect.stringMatching(LOOPBACK), requestId: res.headers['x-request-id'] });
    });
  });
});

describe('client identity in production behind one trusted proxy (TRUST_PROXY=1)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ NODE_ENV: 'production', TRUST_PROXY: '1', RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_AUTH_PER_MINUTE: '5' });
  });
  afterAll(() => app?.close());

  it('counts logIn attempts against the right-most X-Forwarded-For hop, whatever the client put before it', async () => {
    const codes: string[] = [];
    for (let i = 1; i <= 8; i++) codes.push(await failedLogIn(app, `198.51.100.${i}, 203.0.113.7`));
    expect(codes).toEqual([...Array(5).fill('UNAUTHENTICATED'), ...Array(3).fill('TOO_MANY_REQUESTS')]);
    // Another address seen by the proxy is another client, with its own allowance.
    expect(await failedLogIn(app, '198.51.100.1, 203.0.113.8')).toBe('UNAUTHENTICATED');
  });

  it('records the right-most hop on the BAA signature and its audit event, and our own request id', async () => {
    const { signatureIp, event, answeredId } = await signThrough(app, '198.51.100.66, 203.0.113.9');
    expect(signatureIp).toBe('203.0.113.9');
    expect(answeredId).toMatch(UUID);
    expect(event).toMatchObject({ ip: '203.0.113.9', requestId: answeredId });
  });
});

describe('client identity in production behind proxies named by address (TRUST_PROXY=loopback,10.0.0.0/8)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ NODE_ENV: 'production', TRUST_PROXY: 'loopback, 10.0.0.0/8' });
  });
  afterAll(() => app?.close());

  it('records the right-most X-Forwarded-For entry that is not a trusted proxy', async () => {
    const { signatureIp, event } = await signThrough(app, '198.51.100.66, 203.0.113.9, 10.1.2.3');
    expect(signatureIp).toBe('203.0.113.9');
    expect(event).toMatchObject({ ip: '203.0.113.9' });
  });
});
