import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, print } from 'graphql';
import { Redis } from 'ioredis';
import { MeDocument, MessageAddedDocument, SearchCodersDocument, SignUpDocument } from '../client/generated/graphql.js';
import { given, PASSWORD } from './support/given.js';
import { GraphqlSocket } from './support/graphql-socket.js';
import { hashOf, sendByHash } from './support/operations.js';
import { TestApp } from './support/test-app.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const NOT_FOUND = { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };
const UNTRUSTED = { code: 'FORBIDDEN', reason: 'UNTRUSTED_DOCUMENT' };
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** POSTs `body` to /graphql as JSON (with a bearer token when given). */
function post(app: TestApp, body: Record<string, unknown>, token?: string) {
  const req = app.http().post('/graphql').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  return req.send(body);
}

/** `query` registered as an automatic persisted query: the text with its hash, as an APQ client sends it after a miss. */
const register = (app: TestApp, query: string, variables: Record<string, unknown> = {}) => post(app, { query, variables, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });

describe('automatic persisted queries', () => {
  let app: TestApp;

  beforeAll(async () => {
    // A small cost limit, so a query's cost can be made to pass or fail by its variables alone.
    app = await TestApp.start({ GRAPHQL_MAX_COST: '200', GRAPHQL_MAX_DEPTH: '8' });
  });
  afterAll(() => app?.close());

  it('answers an unknown hash PERSISTED_QUERY_NOT_FOUND (200, not cached), so an APQ client sends the text next', async () => {
    const res = await sendByHash(app, 'a'.repeat(64), {});
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: NOT_FOUND });
  });

  it('registers a query sent with its hash, then runs it by the hash alone', async () => {
    const query = print(SearchCodersDocument);
    const variables = { first: 1 };
    const registered = await register(app, query, variables);
    expect({ status: registered.status, errors: registered.body.errors }).toEqual({ status: 200, errors: undefined });
    const byHash = await sendByHash(app, sha256(query), variables);
    expect({ status: byHash.status, body: byHash.body }).toEqual({ status: 200, body: registered.body });
  });

  it('refuses a hash that is not the sha256 of the text, and an unknown protocol version, as BAD_USER_INPUT (400)', async () => {
    const mismatch = await post(app, { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } });
    const version = await post(app, { query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: sha256('{ __typename }') } } });
    for (const [res, reason] of [
      [mismatch, 'PERSISTED_QUERY_HASH_MISMATCH'],
      [version, 'PERSISTED_QUERY_VERSION_UNSUPPORTED'],
    ] as const) {
      expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 400, errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', reason, fields: [] } })] });
    }
    // Neither was registered under the hash it came with.
    expect((await sendByHash(app, 'b'.repeat(64), {})).body).toEqual(NOT_FOUND);
  });

  it('never registers a query over a limit (depth, aliases, cost), so it cannot be run by its hash either', async () => {
    const deep = '{ jobPostings { edges { node { bids { edges { node { coder { credentials { coder { id } } } } } } } } } }'; // depth 10 > 8
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`; // 16 > 15
    const costly = 'query($n: Int) { coders(first: $n) { edges { node { id headline bio } } } }';
    const refused = await Promise.all([register(app, deep), register(app, aliases), register(app, costly, { n: 100 })]);
    expect(refused.map((res) => [res.status, res.body.errors?.[0]?.extensions?.code])).toEqual([
      [400, 'BAD_USER_INPUT'],
      [400, 'BAD_USER_INPUT'],
      [400, 'BAD_USER_INPUT'],
    ]);
    expect(refused[2].body.errors[0].message).toMatch(/too expensive/);
    for (const query of [deep, aliases, costly]) expect((await sendByHash(app, sha256(query), { n: 1 })).body).toEqual(NOT_FOUND);
  });

  it('applies the cost limit again when a registered query is run by its hash with other variables', async () => {
    const query = 'query($n: Int) { coders(first: $n) { edges { node { id headline } } } }';
    expect((await register(app, query, { n: 1 })).body.errors).toBeUndefined();
    expect((await sendByHash(app, sha256(query), { n: 1 })).body.errors).toBeUndefined();
    const tooMany = await sendByHash(app, sha256(query), { n: 100 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0]).toMatchObject({ message: expect.stringMatching(/too expensive/), extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('automatic persisted queries in Redis, shared by the instances', () => {
  let first: TestApp;
  let second: TestApp;
  let redis: Redis;
  const namespace = `apq-test-${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    const shared = { REDIS_URL, RATE_LIMIT_NAMESPACE: namespace, APQ_TTL_SECONDS: '600' };
    first = await TestApp.start(shared);
    second = await TestApp.start(shared, first);
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await redis?.quit();
    await second?.close();
    await first?.close();
  });

  it('runs on one instance by hash what was registered on another, kept in Redis with the TTL', async () => {
    const query = `query SharedApq { coders(first: 1) { totalCount } } # ${namespace}`;
    // Redis connects in the background: registration waits for it rather than failing.
    await waitForRedis(first);
    await waitForRedis(second);
    expect((await sendByHash(second, sha256(query), {})).body).toEqual(NOT_FOUND);
    const registered = await register(first, query);
    expect(registered.body.errors).toBeUndefined();
    let byHash = await sendByHash(second, sha256(query), {});
    for (let i = 0; i < 20 && byHash.body.errors; i++) byHash = await sendByHash(second, sha256(query), {});
    expect(byHash.body).toEqual(registered.body);
    const key = `${namespace}:apq:${sha256(query)}`;
    expect(await redis.get(key)).toBe(print(parse(query)));
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(500);
    expect(ttl).toBeLessThanOrEqual(600);
  });
});

describe('automatic persisted queries in Redis: what anonymous registrations can cost', () => {
  let app: TestApp;
  let redis: Redis;
  const namespace = `apq-budget-${randomBytes(6).toString('hex')}`;
  const budget = 64 * 1024;

  beforeAll(async () => {
    app = await TestApp.start({ REDIS_URL, RATE_LIMIT_NAMESPACE: namespace, APQ_MAX_BYTES: String(budget), APQ_ANONYMOUS_REGISTRATIONS_PER_MINUTE: '10000', GRAPHQL_MAX_TOKENS: '5000' });
    redis = new Redis(REDIS_URL);
    await waitForRedis(app);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis?.quit();
    await app?.close();
  });

  /** Total bytes of the APQ entries kept in Redis for this namespace. */
  async function apqBytes(): Promise<{ count: number; bytes: number }> {
    const keys = await redis.keys(`${namespace}:apq:*`);
    const sizes = await Promise.all(keys.map((key) => redis.strlen(key)));
    return { count: keys.length, bytes: sizes.reduce((sum, size) => sum + size, 0) };
  }

  it('keeps a comment-padded query as printed, so 31 KB of comments cost nothing', async () => {
    const padded = Array.from({ length: 40 }, (_, i) => `query Padded${i} { __typename }\n# ${'x'.repeat(31 * 1024)}`);
    for (const query of padded) expect((await register(app, query)).body.errors).toBeUndefined();
    const { count, bytes } = await apqBytes();
    expect(count).toBe(40);
    expect(bytes).toBeLessThan(40 * 100);
    // Still runs by its hash (the hash of the text as sent).
    expect((await sendByHash(app, sha256(padded[0]), {})).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('keeps every registration together within APQ_MAX_BYTES, evicting the oldest, while the APQ flow still works', async () => {
    // Distinct queries of ~4.5 KB as printed (each field on its own line): 40 of them are ~180 KB, the budget 64 KB.
    const big = Array.from({ length: 40 }, (_, i) => `query Big${i} { ${'__typename '.repeat(350)} }`);
    for (const query of big) expect((await register(app, query)).body.errors).toBeUndefined();
    const { bytes } = await apqBytes();
    expect(bytes).toBeLessThanOrEqual(budget);
    expect(bytes).toBeGreaterThan(budget / 2);
    // The oldest was evicted (its client gets NOT_FOUND and sends the text again); the newest runs by hash.
    expect((await sendByHash(app, sha256(big[0]), {})).body).toEqual(NOT_FOUND);
    const newest = await sendByHash(app, sha256(big[39]), {});
    expect(newest.body.errors).toBeUndefined();
    expect(newest.body.data).toEqual({ __typename: 'Query' });
    // Registered again after the miss, it runs by hash again.
    expect((await register(app, big[0])).body.errors).toBeUndefined();
    expect((await sendByHash(app, sha256(big[0]), {})).body.data).toEqual({ __typename: 'Query' });
    expect((await apqBytes()).bytes).toBeLessThanOrEqual(budget);
  });

  it('does not keep a query still over 8 KB as printed, yet runs it from its text', async () => {
    const huge = `query Huge { __type(name: "${'T'.repeat(9000)}") { name } }`; // ~9 KB printed
    const res = await register(app, huge);
    expect(res.body).toEqual({ data: { __type: null } });
    expect(await redis.exists(`${namespace}:apq:${sha256(huge)}`)).toBe(0);
    expect((await sendByHash(app, sha256(huge), {})).body).toEqual(NOT_FOUND);
  });
});

describe('automatic persisted queries: registrations by anonymous callers', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ REDIS_URL, APQ_ANONYMOUS_REGISTRATIONS_PER_MINUTE: '3' });
    await waitForRedis(app);
  });
  afterAll(() => app?.close());

  it('registers at most the per-IP budget of anonymous registrations (fired at once); the rest run from their text, unregistered', async () => {
    const queries = Array.from({ length: 8 }, (_, i) => `query Anonymous${i} { __typename }`);
    const answers = await Promise.all(queries.map((query) => register(app, query)));
    expect(answers.map((res) => [res.status, res.body])).toEqual(queries.map(() => [200, { data: { __typename: 'Query' } }]));
    const byHash = await Promise.all(queries.map((query) => sendByHash(app, sha256(query), {})));
    const registered = byHash.filter((res) => !res.body.errors);
    expect(registered).toHaveLength(3);
    expect(byHash.filter((res) => res.body.errors)).toEqual(Array.from({ length: 5 }, () => expect.objectContaining({ body: NOT_FOUND })));
  });

  it('lets a signed-in caller register beyond it, and anyone run what was registered', async () => {
    const session = await given(app).provider();
    const query = `query SignedIn { __typename }`;
    const res = await post(app, { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } }, session.accessToken);
    expect(res.body).toEqual({ data: { __typename: 'Query' } });
    expect((await sendByHash(app, sha256(query), {})).body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('automatic persisted queries over the WebSocket (TRUSTED_DOCUMENTS=off)', () => {
  let app: TestApp;
  let host: string;

  beforeAll(async () => {
    app = await TestApp.start({ REDIS_URL, TRUSTED_DOCUMENTS: 'off' });
    host = await app.listen();
    await waitForRedis(app);
  });
  afterAll(() => app?.close());

  it('runs a subscription by the hash registered over HTTP, and answers an unknown hash PERSISTED_QUERY_NOT_FOUND', async () => {
    const session = await given(app).provider();
    const contractId = '00000000-0000-4000-8000-000000000000';
    // Registered over HTTP with its text (a subscription is not served there, but its text is kept).
    const query = `${print(MessageAddedDocument)}\n# registered ${randomBytes(6).toString('hex')}`;
    await post(app, { query, variables: { contractId }, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } }, session.accessToken);
    const socket = await GraphqlSocket.connect(host, session.accessToken);
    try {
      socket.send({ id: 'unknown-hash', type: 'subscribe', payload: { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: 'd'.repeat(64) } } } });
      socket.send({ id: 'by-hash', type: 'subscribe', payload: { query: '', variables: { contractId }, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } } });
      expect((await socket.waitFor((m) => m.id === 'unknown-hash' && m.type === 'error'))?.payload).toEqual([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
      // It reached the resolver, which answers NOT_FOUND for a contract the caller is not party to.
      const byHash = await socket.waitFor((m) => m.id === 'by-hash' && m.type !== 'complete');
      expect(JSON.stringify(byHash?.payload)).toMatch(/"code":"NOT_FOUND"/);
    } finally {
      socket.terminate();
    }
  });
});

async function waitForRedis(app: TestApp): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await app.http().get('/ready');
    if (res.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('Redis never became ready');
}

describe('TRUSTED_DOCUMENTS=only: the operations of the manifest, nothing else', () => {
  let app: TestApp;
  let host: string;
  const manifest = JSON.parse(readFileSync('client/generated/persisted-documents.json', 'utf8')) as Record<string, string>;

  beforeAll(async () => {
    app = await TestApp.start({ TRUSTED_DOCUMENTS: 'only' });
    host = await app.listen();
  });
  afterAll(() => app?.close());

  const signUpByHash = async () => {
    const input = { email: `trusted-${randomBytes(5).toString('hex')}@example.test`, password: PASSWORD, name: 'Trusted Client', role: 'CODER' };
    const res = await sendByHash(app, hashOf(SignUpDocument), { input });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.signUp as { accessToken: string; user: { id: string } };
  };

  it('runs a manifest operation sent by its hash alone, by its exact text, or by its text as printed by a client', async () => {
    const session = await signUpByHash();
    const me = await sendByHash(app, hashOf(MeDocument), {}, session.accessToken);
    expect(me.body).toEqual({ data: { me: expect.objectContaining({ id: session.user.id }) } });
    const exact = await post(app, { query: manifest[hashOf(MeDocument)] }, session.accessToken);
    const printed = await post(app, { query: print(MeDocument) }, session.accessToken);
    expect([exact.body, printed.body]).toEqual([me.body, me.body]);
  });

  it('runs a manifest query named by hash in a GET request', async () => {
    const res = await app
      .http()
      .get('/graphql')
      .set('apollo-require-preflight', 'true')
      .query({ variables: JSON.stringify({ first: 1 }), extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf(SearchCodersDocument) } }) });
    expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(res.body.data.coders).toEqual(expect.objectContaining({ totalCount: expect.any(Number) }));
  });

  it('refuses any other text, a manifest operation changed by one field, and APQ registrations, with FORBIDDEN (403) before running anything', async () => {
    const session = await signUpByHash();
    const changed = print(MeDocument).replace('mfaEnabled', 'mfaEnabled createdAt');
    const answers = await Promise.all([
      post(app, { query: '{ __typename }' }),
      post(app, { query: changed }, session.accessToken),
      post(app, { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ __typename }') } } }),
      post(app, { query: 'mutation { logOut }' }, session.accessToken),
      app.http().get('/graphql').set('apollo-require-preflight', 'true').query({ query: '{ __typename }' }),
    ]);
    for (const res of answers) {
      expect({ status: res.status, body: res.body }).toEqual({ status: 403, body: { errors: [{ message: expect.stringMatching(/trusted-documents manifest/), extensions: UNTRUSTED }] } });
    }
    // The refused registration left nothing to run by hash; the session was not logged out.
    expect((await sendByHash(app, sha256('{ __typename }'), {})).body).toEqual(NOT_FOUND);
    expect((await sendByHash(app, hashOf(MeDocument), {}, session.accessToken)).body.errors).toBeUndefined();
  });

  it('answers a hash the manifest lacks PERSISTED_QUERY_NOT_FOUND', async () => {
    const res = await sendByHash(app, sha256('query Other { me { id } }'), {});
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: NOT_FOUND });
  });

  it('over the WebSocket, starts only the subscriptions of the manifest (by text or by hash)', async () => {
    const session = await signUpByHash();
    const socket = await GraphqlSocket.connect(host, session.accessToken);
    try {
      const contractId = '00000000-0000-4000-8000-000000000000';
      socket.subscribe('untrusted', 'subscription { notificationAdded { id } }');
      socket.send({ id: 'unknown-hash', type: 'subscribe', payload: { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: 'c'.repeat(64) } } } });
      // Trusted: they reach the resolver, which answers NOT_FOUND for a contract the caller is not party to.
      socket.subscribe('by-text', print(MessageAddedDocument), { contractId });
      socket.send({ id: 'by-hash', type: 'subscribe', payload: { query: '', variables: { contractId }, extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(MessageAddedDocument) } } } });
      const errorOf = async (id: string) => (await socket.waitFor((m) => m.id === id && m.type === 'error'))?.payload;
      expect(await errorOf('untrusted')).toEqual([expect.objectContaining({ extensions: UNTRUSTED })]);
      expect(await errorOf('unknown-hash')).toEqual([expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } })]);
      const trusted = [await socket.waitFor((m) => m.id === 'by-text' && m.type !== 'complete'), await socket.waitFor((m) => m.id === 'by-hash' && m.type !== 'complete')];
      for (const message of trusted) expect(JSON.stringify(message?.payload)).toMatch(/"code":"NOT_FOUND"/);
    } finally {
      socket.terminate();
    }
  });
});

describe('TRUSTED_DOCUMENTS_MANIFEST: a team ships its own manifest', () => {
  let app: TestApp;
  let dir: string;
  const ping = 'query Ping { __typename }';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chartbridge-manifest-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ [sha256(ping)]: ping }));
    app = await TestApp.start({ TRUSTED_DOCUMENTS: 'only', TRUSTED_DOCUMENTS_MANIFEST: join(dir, 'manifest.json') });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts its operations and no longer those of client/operations', async () => {
    expect((await post(app, { query: ping })).body).toEqual({ data: { __typename: 'Query' } });
    expect((await sendByHash(app, sha256(ping), {})).body).toEqual({ data: { __typename: 'Query' } });
    expect((await sendByHash(app, hashOf(SearchCodersDocument), {})).body).toEqual(NOT_FOUND);
    expect((await post(app, { query: print(SearchCodersDocument) })).status).toBe(403);
  });
});
