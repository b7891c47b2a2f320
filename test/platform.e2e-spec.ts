import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { failed, given, ok } from './support/given.js';
import { TestApp } from './support/test-app.js';

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;

describe('platform (development mode)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app?.close());

  it('serves the schema committed in schema.graphql', () => {
    const running = printSchema(lexicographicSortSchema(app.app.get(GraphQLSchemaHost).schema));
    expect(`${running}\n`).toBe(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
  });

  it('answers /health and /ready with the database up', async () => {
    expect((await app.http().get('/health')).body).toEqual({ status: 'ok' });
    const ready = await app.http().get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details.database.status).toBe('up');
    if (process.env.REDIS_URL) expect(ready.body.details.redis.status).toBe('up');
  });

  it("answers with a request id of its own, never the caller's X-Request-Id", async () => {
    const first = await app.http().get('/health').set('x-request-id', 'trace-123');
    const second = await app.http().get('/health').set('x-request-id', 'trace-123');
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it('keeps introspection and suggestions on in development', async () => {
    expect(ok(await app.gql(`{ __schema { queryType { name } } }`))).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const res = await app.gql(`{ mee { id } }`);
    expect(failed(res, 'BAD_USER_INPUT').message).toMatch(/Did you mean "me"\?/);
  });

  it('refuses a query nested deeper than GRAPHQL_MAX_DEPTH at validation, before any resolver runs', async () => {
    const { owner, organization } = await given(app).practice();
    let selection = 'id';
    for (let i = 0; i < 6; i++) selection = `members { edges { node { organization { ${selection} } } } }`;
    const res = await app.gql(`query($id: ID!) { organization(id: $id) { ${selection} } }`, { id: organization.id }, owner.accessToken);
    expect(failed(res, 'BAD_USER_INPUT').message).toMatch(/depth/i);
    expect(res.errors?.[0].extensions.reason).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses too many aliases', async () => {
    ok(await app.gql(aliases(15)));
    expect(failed(await app.gql(aliases(16)), 'BAD_USER_INPUT').message).toMatch(/aliases/i);
  });

  it('refuses a document with too many tokens', async () => {
    const huge = `{ __typename(list: [${'1 '.repeat(2100)}]) }`;
    const error = failed(await app.gql(huge), 'BAD_USER_INPUT');
    expect(error.message).toMatch(/more tha.? 2000 tokens/i);
    expect(error.extensions.reason).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses too many directives', async () => {
    const fields = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `f${i}: __typename @include(if: true)`).join(' ')} }`;
    ok(await app.gql(fields(10)));
    expect(failed(await app.gql(fields(11)), 'BAD_USER_INPUT').message).toMatch(/directives limit of 10/i);
  });

  it('refuses an operation whose cost exceeds GRAPHQL_MAX_COST, counting connection pages', async () => {
    const { owner, organization } = await given(app).practice();
    const nested = `members(first: 100) { edges { node { organization { members(first: 100) { edges { node { email } } } } } } }`;
    const res = await app.gql(`query($id: ID!) { organization(id: $id) { ${nested} } }`, { id: organization.id }, owner.accessToken);
    const error = failed(res, 'BAD_USER_INPUT');
    expect(res.status).toBe(400);
    expect(error.message).toMatch(/too expensive/);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED', cost: expect.any(Number), maxCost: 5000, fields: [] });
  });

  it('refuses batched requests (an array of operations)', async () => {
    const res = await app
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
  });

  it('refuses a body larger than MAX_BODY_BYTES with 413', async () => {
    const res = await app
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: `{ __typename }`, variables: { pad: 'x'.repeat(300 * 1024) } });
    expect(res.status).toBe(413);
  });

  it('tells every cache not to store GraphQL answers (GET and POST, data and errors)', async () => {
    const get = await app.http().get('/graphql').query({ query: '{ __typename }' }).set('apollo-require-preflight', 'true');
    expect(get.headers['cache-control']).toBe('no-store');
    const post = await app.http().post('/graphql').send({ query: '{ coders(first: 1) { edges { node { id } } } }' });
    expect(post.headers['cache-control']).toBe('no-store');
    const refused = await app.http().post('/graphql').send({ query: '{ me { id } }' });
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('prevents CSRF: a simple GET query without a preflight-forcing header is refused', async () => {
    const res = await app.http().get('/graphql').query({ query: '{ __typename }' });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/CSRF/i);
    const allowed = await app.http().get('/graphql').query({ query: '{ __typename }' }).set('apollo-require-preflight', 'true');
    expect(allowed.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a syntax error with BAD_USER_INPUT', async () => {
    expect(failed(await app.gql('{ me { '), 'BAD_USER_INPUT').extensions.reason).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('platform (production mode)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ NODE_ENV: 'production' });
  });
  afterAll(() => app?.close());

  it('turns introspection off', async () => {
    const res = await app.gql(`{ __schema { types { name } } }`);
    expect(res.data).toBeNull();
    expect(res.errors?.[0].message).toMatch(/introspection/i);
  });

  it('hides field suggestions', async () => {
    const error = failed(await app.gql(`{ mee { id } }`), 'BAD_USER_INPUT');
    expect(error.message).toBe('Cannot query field "mee" on type "Query".');
  });

  it('serves no GraphiQL or landing page', async () => {
    const res = await app.http().get('/graphql').set('accept', 'text/html');
    expect(res.text).not.toMatch(/graphiql|sandbox|<html/i);
  });

  it('masks internal errors and never sends a stack trace', async () => {
    await app.sql('ALTER TABLE users RENAME COLUMN name TO full_name');
    try {
      const res = await app.gql(`mutation { signUp(input: { email: "boom@example.test", password: "correct horse battery", name: "Boom", role: CODER }) { accessToken } }`);
      expect(res.errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
      expect(JSON.stringify(res.errors)).not.toMatch(/stack|full_name|relation|QueryFailed|\.ts\b/);
    } finally {
      await app.sql('ALTER TABLE users RENAME COLUMN full_name TO name');
    }
  });
});
