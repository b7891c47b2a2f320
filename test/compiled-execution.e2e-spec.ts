import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GRAPHQL_MODULE_OPTIONS, GraphQLSchemaHost } from '@nestjs/graphql';
import { seed } from '../bench/seed.js';
import { CompiledExecutionGateway } from '../src/common/graphql/compiled-execution.gateway.js';
import { given } from './support/given.js';
import { everyField } from './support/schema-fields.js';
import { TestApp } from './support/test-app.js';

// GRAPHQL_EXECUTOR=jit (the default) hands execution to graphql-jit through Apollo's gateway
// interface. Two apps on one database, one per executor, must give byte-for-byte the same answers,
// status codes included: data with custom scalars, errors raised by guards and resolvers, variable
// coercion errors naming the field, and the request limits.
describe('compiled execution (GRAPHQL_EXECUTOR=jit) answers exactly as graphql-js', () => {
  let jit: TestApp;
  let js: TestApp;
  let page: string;

  const gatewayOf = (app: TestApp) => (app.app.get(GRAPHQL_MODULE_OPTIONS) as { gateway?: CompiledExecutionGateway }).gateway;

  /** Sends the same request to both apps: the raw status and body of each. */
  async function both(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const send = async (app: TestApp) => {
      const req = app.http().post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return { status: res.status, body: res.body as { data?: unknown; errors?: { extensions: Record<string, unknown> }[] } };
    };
    // The jit app runs an operation it sees for the first time on graphql-js and compiles it the second time: that answer is compared.
    const first = await send(jit);
    const compiled = await send(jit);
    expect(compiled).toEqual(first);
    return { jit: compiled, js: await send(js) };
  }

  beforeAll(async () => {
    // One secret for both, so one token authenticates on either app.
    const shared = { JWT_SECRET: randomBytes(32).toString('hex'), GRAPHQL_MAX_COST: '1000000', GRAPHQL_MAX_TOKENS: '20000' };
    jit = await TestApp.start({ ...shared, GRAPHQL_EXECUTOR: 'jit' });
    js = await TestApp.start({ ...shared, GRAPHQL_EXECUTOR: 'graphql-js' }, jit);
    await seed({ coders: 30, jobs: 0, practices: 0, seed: 19, databaseUrl: jit.config.databaseUrl, quiet: true });
    const schema = jit.app.get(GraphQLSchemaHost).schema;
    page = `query($first: Int!) { coders(first: $first, sort: RATING) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${everyField(schema, 'CoderProfile', 2)} } } } }`;
  }, 120_000);
  afterAll(async () => {
    await js?.close();
    await jit?.close();
  });

  it('runs on graphql-jit only when asked, and compiles an operation once, the second time it comes', async () => {
    expect(gatewayOf(js)).toBeUndefined();
    const gateway = gatewayOf(jit)!;
    expect(gateway).toBeInstanceOf(CompiledExecutionGateway);
    const before = gateway.size;
    const query = 'query Compiled($first: Int!) { coders(first: $first) { totalCount } }';
    expect((await jit.gql(query, { first: 2 })).data).toEqual({ coders: { totalCount: 30 } });
    expect(gateway.size).toBe(before);
    expect((await jit.gql(query, { first: 3 })).data).toEqual({ coders: { totalCount: 30 } });
    expect(gateway.size).toBe(before + 1);
    expect((await jit.gql(query, { first: 4 })).data).toEqual({ coders: { totalCount: 30 } });
    expect(gateway.size).toBe(before + 1);
  });

  it('compiles nothing for a caller who sends a new text on every request', async () => {
    const gateway = gatewayOf(jit)!;
    const before = gateway.size;
    for (let k = 0; k < 20; k++) expect((await jit.gql(`{ coders(first: 1) { totalCount } k${k}: __typename }`)).data).toMatchObject({ coders: { totalCount: 30 } });
    expect(gateway.size).toBe(before);
  });

  it('gives the same directory page with every public field (DateTime, enums, nested lists, nulls)', async () => {
    const answers = await both(page, { first: 30 });
    expect(answers.jit.status).toBe(200);
    expect(answers.jit.body.errors).toBeUndefined();
    expect((answers.jit.body.data as { coders: { edges: unknown[] } }).coders.edges).toHaveLength(30);
    expect(answers.jit).toEqual(answers.js);
  });

  it('gives the same BAD_USER_INPUT naming the field, with status 400, for variables that do not coerce', async () => {
    for (const variables of [{ first: 'ten' }, {}, { first: 2 ** 40 }]) {
      const answers = await both(page, variables);
      expect(answers.jit.status).toBe(400);
      expect(answers.jit.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['first'] });
      expect(answers.jit).toEqual(answers.js);
    }
    const input = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;
    const answers = await both(input, { input: { email: 'x@example.com', password: 'p', name: 'X', role: 'GOD' } });
    expect(answers.jit.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.role'] });
    expect(answers.jit).toEqual(answers.js);
  });

  it("gives the same errors raised by the app's own checks: an argument out of range, a guard, a missing row", async () => {
    const range = await both('{ coders(first: 1000) { totalCount } }');
    expect(range.jit.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(range.jit).toEqual(range.js);

    const anonymous = await both('{ myWorkQueue { totalCount } }');
    expect(anonymous.jit.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymous.jit).toEqual(anonymous.js);

    const provider = await given(jit).provider();
    const wrongRole = await both('{ myWorkQueue { totalCount } }', {}, provider.accessToken);
    expect(wrongRole.jit.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(wrongRole.jit).toEqual(wrongRole.js);

    const missing = await both('query($id: ID!) { coderProfile(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.jit).toEqual(missing.js);
  });

  it('keeps the request limits, checked before execution, and refuses the same way', async () => {
    const aliases = await both(`{ ${Array.from({ length: 20 }, (_, k) => `a${k}: __typename`).join(' ')} }`);
    expect(aliases.jit.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(aliases.jit).toEqual(aliases.js);
  });
});
