import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLEnumType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import Stripe from 'stripe';
import { FakeStripe, fakeStripeEnv } from './support/fake-stripe.js';
import { acceptedContract, expectLedgerBalanced, signBaa } from './support/money.js';
import { given, ok, postJob, Session, VALID_NPI } from './support/given.js';
import { GraphqlResponse, TestApp } from './support/test-app.js';

// Values meant to break things: boundaries, wrong types, huge and odd strings, unicode and NUL bytes.
const nasty = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('\u0000'),
  fc.constant('a'.repeat(20_000)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308, NaN),
  fc.double(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.uuid(),
);

/** An arbitrary value for a GraphQL input type: mostly well-typed, often not. */
function arbitraryFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryFor((type as GraphQLNonNull<GraphQLInputType>).ofType, depth);
  if (depth > 3) return nasty;
  if (isListType(type)) return fc.oneof(fc.array(arbitraryFor((type as GraphQLList<GraphQLInputType>).ofType, depth + 1), { maxLength: 4 }), nasty);
  if (isEnumType(type)) return fc.oneof(fc.constantFrom(...(type as GraphQLEnumType).getValues().map((v) => v.name)), nasty);
  if (isInputObjectType(type)) {
    const fields = (type as GraphQLInputObjectType).getFields();
    const record = fc.record(Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, arbitraryFor(field.type, depth + 1)])), { requiredKeys: [] });
    return fc.oneof({ weight: 4, arbitrary: record }, { weight: 1, arbitrary: nasty });
  }
  const scalar = (type as GraphQLScalarType).name;
  const typed: Record<string, fc.Arbitrary<unknown>> = {
    String: fc.string({ maxLength: 60 }),
    ID: fc.uuid(),
    Int: fc.integer({ min: -5, max: 200_000 }),
    Float: fc.double({ min: 0, max: 10, noNaN: true }),
    Boolean: fc.boolean(),
    Date: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    DateTime: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  };
  return fc.oneof({ weight: 3, arbitrary: typed[scalar] ?? fc.string() }, { weight: 1, arbitrary: nasty });
}

// Mutations that end the caller's session are left out: they would log the fuzzer out.
const SKIPPED = new Set(['logOut']);

describe('fuzzing every mutation input', () => {
  let app: TestApp;
  let actors: Session[];
  let ids: string[];

  beforeAll(async () => {
    app = await TestApp.start();
    const { owner, coder, contractId } = await acceptedContract(app, {}, { rateCents: 400 });
    actors = [owner, coder, await given(app).admin()];
    // Real ids mixed into the generated ones, so some calls reach the services.
    ids = [contractId];
  });
  afterAll(() => app?.close());

  it('answers success or a client error, never an internal error, and leaves the ledger balanced', async () => {
    const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter((field) => !SKIPPED.has(field.name));
    const failures: string[] = [];
    for (const mutation of mutations) {
      const variables = fc.record(
        Object.fromEntries(mutation.args.map((arg) => [arg.name, arg.type.toString().startsWith('ID') ? fc.oneof(fc.constantFrom(...ids), arbitraryFor(arg.type)) : arbitraryFor(arg.type)])),
        { requiredKeys: [] },
      );
      const declarations = mutation.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const call = mutation.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const document = `mutation${declarations ? `(${declarations})` : ''} { ${mutation.name}${call ? `(${call})` : ''} ${selectionFor(mutation.type.toString())} }`;
      await fc
        .assert(
          fc.asyncProperty(variables, fc.constantFrom(...actors), async (vars, actor) => {
            const res = await app.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${actor.accessToken}`).send({ query: document, variables: vars });
            const internal = res.status >= 500 || (res.body.errors ?? []).some((e: { extensions?: { code?: string } }) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
            if (internal) failures.push(`${mutation.name} ${JSON.stringify(vars).slice(0, 300)} -> ${res.status} ${JSON.stringify(res.body.errors?.[0] ?? res.body).slice(0, 300)}`);
            return !internal;
          }),
          { numRuns: Number(process.env.FUZZ_RUNS ?? 12), seed: Number(process.env.FUZZ_SEED ?? 20261127), endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
    await expectLedgerBalanced(app);
  });
});

/** A minimal selection set for a mutation's return type. */
function selectionFor(type: string): string {
  const name = type.replace(/[[\]!]/g, '');
  const selections: Record<string, string> = { AuthPayload: '{ accessToken }', FundingIntent: '{ status }', MfaEnrollment: '{ otpauthUrl }' };
  return ['String', 'Boolean', 'Int', 'ID'].includes(name) ? '' : (selections[name] ?? '{ id }');
}

const isInternal = (res: GraphqlResponse) => res.status >= 500 || (res.errors ?? []).some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
const loadSchema = () => buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

/** True when `type` is, or (through lists and input objects) holds, the scalar named `leaf`. */
function holds(type: GraphQLInputType, leaf: string, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    if (seen.has(named.name)) return false;
    seen.add(named.name);
    return Object.values(named.getFields()).some((field) => holds(field.type, leaf, seen));
  }
  return named.name === leaf;
}

/**
 * A well-typed value for `type` with `bad` in every `leaf` scalar (String, or ID) and plausible
 * values elsewhere (required fields only; real ids where the name says which, so calls would
 * reach the database); records the input paths that hold `bad`.
 */
function valueWith(bad: string, type: GraphQLInputType, path: string, leaf: string, paths: string[], ids: Record<string, string>): unknown {
  if (isNonNullType(type)) return valueWith(bad, (type as GraphQLNonNull<GraphQLInputType>).ofType, path, leaf, paths, ids);
  if (isListType(type)) return [valueWith(bad, (type as GraphQLList<GraphQLInputType>).ofType, `${path}.0`, leaf, paths, ids)];
  if (isEnumType(type)) return (type as GraphQLEnumType).getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values((type as GraphQLInputObjectType).getFields()).filter((field) => isNonNullType(field.type) || holds(field.type, leaf));
    return Object.fromEntries(fields.map((field) => [field.name, valueWith(bad, field.type, `${path}.${field.name}`, leaf, paths, ids)]));
  }
  const name = (type as GraphQLScalarType).name;
  if (name === leaf) {
    paths.push(path);
    return bad;
  }
  const plausible: Record<string, unknown> = {
    String: 'plain text',
    ID: ids[path.split('.').at(-1)!] ?? randomUUID(),
    Int: 1,
    Float: 1,
    Boolean: true,
    Date: '2026-01-15',
    DateTime: new Date(Date.now() + 86_400_000).toISOString(),
  };
  if (!(name in plausible)) throw new Error(`no plausible value for the scalar ${name}: add one`);
  return plausible[name];
}

/** A document calling one root field with `args` as variables, selecting as little as possible. */
function documentFor(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: readonly GraphQLArgument[]): string {
  const declarations = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
  return `${operation}${declarations ? `(${declarations})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selection} }`;
}

/** Every query and mutation (but logOut, which would end the session) with its operation type. */
function rootFields(schema: GraphQLSchema): { operation: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] {
  return [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ operation: 'query' as const, field })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ operation: 'mutation' as const, field })),
  ].filter(({ field }) => field.name !== 'logOut');
}

const WEBHOOK_SECRET = 'whsec_test_fuzz';
const stripe = new Stripe('sk_test_unused');
const b64 = (text: string) => Buffer.from(text).toString('base64url');
// The sweeps below send a few hundred requests each: a few seconds alone, more on a loaded machine.
const SWEEP_TIMEOUT_MS = 120_000;

describe('bad input is never an internal error', () => {
  const fake = new FakeStripe();
  let app: TestApp;
  let owner: Session;
  let coder: Session;
  let admin: Session;
  let contractId: string;
  let organizationId: string;
  let jobPostingId: string;
  let batchId: string;

  beforeAll(async () => {
    const port = await fake.start();
    app = await TestApp.start({
      ...fakeStripeEnv(port, WEBHOOK_SECRET),
    });
    ({ owner, coder, contractId, organizationId } = await acceptedContract(app, {}, { rateCents: 400 }));
    admin = await given(app).admin();
    jobPostingId = (await postJob(app, owner, organizationId)).id;
    ok(await app.gql(`mutation($id: ID!) { sendMessage(contractId: $id, body: "First message") { id } }`, { id: contractId }, owner.accessToken));
    await signBaa(app, contractId, owner, coder);
    const encounter = {
      chartRef: 'FUZZ-1',
      serviceDate: '2026-11-02',
      placeOfService: '11',
      billingNpi: VALID_NPI,
      icd10cm: ['I10'],
      cpt: [{ code: '99214', modifiers: [], units: 1, diagnosisPointers: [1] }],
    };
    batchId = ok(
      await app.gql<{ submitCodedBatch: { id: string } }>(
        `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { id } }`,
        { id: contractId, input: { encounters: [encounter] } },
        coder.accessToken,
      ),
    ).submitCodedBatch.id;
  });
  afterAll(async () => {
    await app?.close();
    await fake.stop();
  });

  describe('NUL bytes and other characters that are not text', () => {
    it.each([
      ['a NUL byte', 'nul\u0000byte'],
      ['an unpaired surrogate', 'half \uD800 a pair'],
    ])(
      'refuses %s in every string argument of every query and mutation with BAD_USER_INPUT naming it, never an internal error',
      async (_, bad) => {
        const tokens = [undefined, owner.accessToken, coder.accessToken, admin.accessToken];
        const failures: string[] = [];
        const tested: string[] = [];
        for (const { operation, field } of rootFields(loadSchema())) {
          // In every String (IDs valid, so the strings are what is refused); fields without a String get it in their IDs.
          const leaf = field.args.some((arg) => holds(arg.type, 'String')) ? 'String' : 'ID';
          const paths: string[] = [];
          const args = field.args.filter((arg) => isNonNullType(arg.type) || holds(arg.type, leaf));
          const variables = Object.fromEntries(args.map((arg) => [arg.name, valueWith(bad, arg.type, arg.name, leaf, paths, { contractId, organizationId, jobPostingId })]));
          if (!paths.length) continue;
          tested.push(field.name);
          const document = documentFor(operation, field, args);
          const answers = await Promise.all(tokens.map((token) => app.gql(document, variables, token)));
          for (const res of answers.filter(isInternal)) failures.push(`${field.name}: internal error ${JSON.stringify(res.errors ?? res.status).slice(0, 300)}`);
          // Guards come first (a caller without the role is refused), so one of the callers must get to the bad string.
          const refused = answers.some(
            (res) =>
              res.errors?.length === 1 &&
              res.errors[0].extensions.code === 'BAD_USER_INPUT' &&
              res.errors[0].extensions.fields!.length > 0 &&
              res.errors[0].extensions.fields!.every((f) => paths.includes(f)),
          );
          if (!refused)
            failures.push(
              `${field.name}: no caller got BAD_USER_INPUT naming one of ${paths.join(', ')}: ${answers
                .map((res) => JSON.stringify(res.errors?.[0]?.extensions ?? 'no error'))
                .join(' | ')
                .slice(0, 400)}`,
            );
        }
        expect(failures).toEqual([]);
        expect(tested).toEqual(
          expect.arrayContaining(['logIn', 'signUp', 'sendMessage', 'coders', 'jobPostings', 'createJobPosting', 'createOrganization', 'upsertCoderProfile', 'submitCodedBatch', 'openDispute']),
        );
      },
      SWEEP_TIMEOUT_MS,
    );

    it('names the field holding the NUL, in variables and in inline literals, and stores nothing', async () => {
      const logIn = await app.gql(`mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email: 'admin\u0000@chartbridge.test', password: 'x' } });
      expect(logIn.errors?.map((e) => [e.extensions.code, e.extensions.fields])).toEqual([['BAD_USER_INPUT', ['input.email']]]);
      const inline = await app.gql(`mutation { signUp(input: { email: "a@b.test", password: "long enough password", name: "Eve\\u0000", role: CODER }) { accessToken } }`);
      expect(inline.errors?.map((e) => [e.extensions.code, e.extensions.fields])).toEqual([['BAD_USER_INPUT', ['input.name']]]);
      const search = await app.gql(`query($text: String) { coders(filter: { text: $text }) { totalCount } }`, { text: 'cardio\u0000logy' });
      expect(search.errors?.map((e) => [e.extensions.code, e.extensions.fields])).toEqual([['BAD_USER_INPUT', ['filter.text']]]);
      const surrogate = await app.gql(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
        { input: { name: 'Lakeside \uDC00', kind: 'PROVIDER_PRACTICE' } },
        owner.accessToken,
      );
      expect(surrogate.errors?.map((e) => [e.extensions.code, e.extensions.fields])).toEqual([['BAD_USER_INPUT', ['input.name']]]);
      const message = await app.gql(
        `mutation($id: ID!, $body: String!) { sendMessage(contractId: $id, body: $body) { id } }`,
        { id: contractId, body: 'line one\n\tline two\u0001' },
        owner.accessToken,
      );
      expect(message.errors?.map((e) => [e.extensions.code, e.extensions.fields])).toEqual([['BAD_USER_INPUT', ['body']]]);
      // Tabs and line breaks are text, not control input.
      ok(await app.gql(`mutation($id: ID!, $body: String!) { sendMessage(contractId: $id, body: $body) { id } }`, { id: contractId, body: 'line one\r\n\tline two' }, owner.accessToken));
      expect(await app.sql(`SELECT 1 FROM users WHERE email = 'a@b.test'`)).toEqual([]);
      // REST parameters go through the same check.
      const download = await app
        .http()
        .get(`/documents/${encodeURIComponent('doc\u0000')}`)
        .set('authorization', `Bearer ${owner.accessToken}`);
      expect([download.status, download.body.code, download.body.fields]).toEqual([400, 'BAD_USER_INPUT', ['id']]);
    });
  });

  describe('crafted pagination cursors', () => {
    const uuid = randomUUID();
    const now = new Date().toISOString();
    const keyset = (...parts: unknown[]) => b64(JSON.stringify(parts));
    // Invalid for every connection, keyset (timestamp + id) and offset ("offset:n") alike.
    const crafted: Record<string, string> = {
      'not base64': '%%%***',
      'base64 of junk': b64('junk'),
      'JSON null': b64('null'),
      'JSON object': b64('{"v":1}'),
      'empty array': keyset(),
      'one element': keyset(now),
      'three elements': keyset(now, uuid, 'extra'),
      'nested arrays': b64('['.repeat(200) + ']'.repeat(200)),
      'words for a date': keyset('not a date', uuid),
      'February 30th': keyset('2026-02-30T00:00:00.000Z', uuid),
      'year 0': keyset('0000-01-01T00:00:00.000Z', uuid),
      'year 275760': keyset('+275760-09-13T00:00:00.000Z', uuid),
      'date without time': keyset('2026-01-01', uuid),
      'huge number': keyset(1e308, uuid),
      'negative number': keyset(-1, uuid),
      'object for a date': keyset({}, uuid),
      'NUL in the date': keyset(`${now}\u0000`, uuid),
      'dashes for an id': keyset(now, '-'.repeat(36)),
      'not hex id': keyset(now, 'g'.repeat(8) + '-gggg-gggg-gggg-' + 'g'.repeat(12)),
      'number for an id': keyset(now, 42),
      'NUL in the id': keyset(now, `${uuid.slice(0, 35)}\u0000`),
      'negative offset': b64('offset:-1'),
      'exponent offset': b64('offset:1e3'),
      'huge offset': b64('offset:99999999999'),
      'hex offset': b64('offset:0x10'),
      'empty offset': b64('offset:'),
      'huge cursor': 'A'.repeat(10_000),
    };

    /** Every connection a client can page: root queries with `after` (from the schema) and the nested ones. */
    function connections(): { name: string; document: string; variables: Record<string, unknown> }[] {
      const ids: Record<string, string> = { contractId, organizationId, jobPostingId, batchId };
      const root = Object.values(loadSchema().getQueryType()!.getFields())
        .filter((field) => field.args.some((arg) => arg.name === 'after'))
        .map((field) => {
          const required = field.args.filter((arg) => isNonNullType(arg.type));
          for (const arg of required) if (!ids[arg.name]) throw new Error(`${field.name}: no id for ${arg.name}`);
          const declarations = ['$after: String', ...required.map((arg) => `$${arg.name}: ${arg.type.toString()}`)].join(', ');
          const call = ['after: $after', ...required.map((arg) => `${arg.name}: $${arg.name}`)].join(', ');
          return {
            name: field.name,
            document: `query(${declarations}) { ${field.name}(${call}) { edges { cursor } pageInfo { endCursor } } }`,
            variables: Object.fromEntries(required.map((arg) => [arg.name, ids[arg.name]])),
          };
        });
      const nested = (name: string, parent: string, field: string, id: string) => ({
        name,
        document: `query($after: String, $id: ID!) { ${parent}(id: $id) { ${field}(after: $after) { edges { cursor } pageInfo { endCursor } } } }`,
        variables: { id },
      });
      return [
        ...root,
        nested('JobPosting.bids', 'jobPosting', 'bids', jobPostingId),
        nested('JobPosting.invitations', 'jobPosting', 'invitations', jobPostingId),
        nested('Organization.members', 'organization', 'members', organizationId),
      ];
    }

    /** The caller who may read the connection (its first page answers without errors). */
    async function readerOf(connection: { document: string; variables: Record<string, unknown> }): Promise<string | undefined | null> {
      for (const token of [owner.accessToken, coder.accessToken, admin.accessToken, undefined]) {
        if (!(await app.gql(connection.document, connection.variables, token)).errors) return token;
      }
      return null;
    }

    it(
      'refuses crafted cursors on every connection with BAD_USER_INPUT naming after, and still follows real ones',
      async () => {
        const failures: string[] = [];
        const all = connections();
        expect(all.length).toBeGreaterThanOrEqual(13);
        for (const connection of all) {
          const token = await readerOf(connection);
          if (token === null) {
            failures.push(`${connection.name}: no caller can read it`);
            continue;
          }
          const first = await app.gql(connection.document, connection.variables, token);
          const endCursor = JSON.stringify(first.data).match(/"endCursor":"([^"]+)"/)?.[1];
          if (endCursor && (await app.gql(connection.document, { ...connection.variables, after: endCursor }, token)).errors) failures.push(`${connection.name}: its own cursor is refused`);
          const answers = await Promise.all(Object.values(crafted).map((after) => app.gql(connection.document, { ...connection.variables, after }, token)));
          Object.keys(crafted).forEach((name, i) => {
            const answer = answers[i].errors?.map((e) => `${e.extensions.code} ${JSON.stringify(e.extensions.fields)}`).join('; ') ?? 'a page';
            if (answers[i].status >= 500 || answer !== 'BAD_USER_INPUT ["after"]') failures.push(`${connection.name} with ${name}: ${answers[i].status} ${answer}`);
          });
        }
        expect(failures).toEqual([]);
      },
      SWEEP_TIMEOUT_MS,
    );

    it(
      'answers a page or BAD_USER_INPUT, never an internal error, for generated cursors',
      async () => {
        const cursors = fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.json({ maxDepth: 3 }).map(b64),
          fc
            .tuple(
              fc.oneof(
                fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
                fc.string(),
                fc.double(),
                fc.integer(),
              ),
              fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })),
            )
            .map((pair) => b64(JSON.stringify(pair))),
          fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 12 })).map((n) => b64(`offset:${n}`)),
        );
        const failures: string[] = [];
        for (const connection of connections()) {
          const token = await readerOf(connection);
          await fc
            .assert(
              fc.asyncProperty(cursors, async (after) => {
                const res = await app.gql(connection.document, { ...connection.variables, after }, token ?? undefined);
                const fine = res.status < 500 && (!res.errors || (res.errors.length === 1 && res.errors[0].extensions.code === 'BAD_USER_INPUT'));
                if (!fine) failures.push(`${connection.name} after=${JSON.stringify(after).slice(0, 120)}: ${res.status} ${JSON.stringify(res.errors).slice(0, 200)}`);
                return fine;
              }),
              { numRuns: Number(process.env.FUZZ_RUNS ?? 15), seed: Number(process.env.FUZZ_SEED ?? 20261127), endOnFailure: true },
            )
            .catch(() => undefined);
        }
        expect(failures).toEqual([]);
      },
      SWEEP_TIMEOUT_MS,
    );
  });

  describe('signed webhooks', () => {
    const send = (payload: string, timestamp?: number) =>
      app
        .http()
        .post('/webhooks/stripe')
        .set('content-type', 'application/json')
        .set('stripe-signature', stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, ...(timestamp === undefined ? {} : { timestamp }) }))
        .send(payload);
    const storedEvents = async () => Number((await app.sql<{ n: string }>('SELECT count(*)::text AS n FROM stripe_events'))[0].n);
    const event = (overrides: Record<string, unknown> = {}) => ({
      id: `evt_fuzz_${randomUUID()}`,
      object: 'event',
      type: 'customer.updated',
      data: { object: { id: 'cus_fuzz', object: 'customer' } },
      ...overrides,
    });
    const without = (key: string) => Object.fromEntries(Object.entries(event()).filter(([k]) => k !== key));

    it('answers 400 and stores nothing for a correctly signed event without an id or data, with a NUL, or nested without end', async () => {
      const malformed: Record<string, unknown> = {
        'no id': without('id'),
        'empty id': event({ id: '' }),
        'numeric id': event({ id: 42 }),
        'object id': event({ id: { $gt: '' } }),
        'huge id': event({ id: `evt_${'x'.repeat(5000)}` }),
        'NUL in the id': event({ id: 'evt_\u0000' }),
        'no type': without('type'),
        'NUL in the type': event({ type: 'customer.updated\u0000' }),
        'no data': without('data'),
        'null data': event({ data: null }),
        'data without object': event({ data: {} }),
        'string data.object': event({ data: { object: 'pi_1' } }),
        'array data.object': event({ data: { object: [] } }),
        'object data.object.id': event({ type: 'payment_intent.succeeded', data: { object: { id: { not: 'a string' }, amount: 100 } } }),
        'NUL in a value of a handled event': event({ type: 'payment_intent.succeeded', data: { object: { id: 'pi_fuzz', description: 'a\u0000b', amount: 100 } } }),
        'NUL in a value of an unhandled event': event({ data: { object: { id: 'cus_fuzz', name: 'Eve\u0000' } } }),
        'NUL in a key': event({ data: { object: { id: 'cus_fuzz', 'k\u0000': 1 } } }),
        'unpaired surrogate in a value': event({ data: { object: { id: 'cus_fuzz', name: 'Eve \uD800' } } }),
        'an array': [event()],
        'a string': 'evt_1',
        null: null,
        'a number': 42,
      };
      const before = await storedEvents();
      const statuses: Record<string, number> = {};
      for (const [name, payload] of Object.entries(malformed)) statuses[name] = (await send(JSON.stringify(payload))).status;
      // Nested 50,000 levels (100 KB): serializing it for storage overflowed the stack.
      const deep = JSON.stringify(event({ data: { object: { id: 'cus_fuzz', nested: '@' } } })).replace('"@"', '['.repeat(50_000) + ']'.repeat(50_000));
      statuses['nested 50,000 levels'] = (await send(deep)).status;
      expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((name) => [name, 400])));
      expect(await storedEvents()).toBe(before);
      // A well-formed event still goes through.
      expect((await send(JSON.stringify(event()))).status).toBe(200);
      expect(await storedEvents()).toBe(before + 1);
    });

    it('stores, but does not apply, a well-formed event whose object lacks what its handler looks rows up by', async () => {
      const cases = [
        event({ type: 'payment_intent.succeeded', data: { object: { object: 'payment_intent', amount: 100, metadata: {} } } }),
        event({ type: 'account.updated', data: { object: { object: 'account' } } }),
        event({ type: 'setup_intent.succeeded', data: { object: { id: 'seti_fuzz', object: 'setup_intent', customer: null, payment_method: 'pm_fuzz' } } }),
      ];
      const statuses: [string, number][] = [];
      for (const payload of cases) statuses.push([payload.type, (await send(JSON.stringify(payload))).status]);
      expect(statuses).toEqual(cases.map((payload) => [payload.type, 200]));
      expect(await app.sql('SELECT count(*)::int AS n FROM stripe_events WHERE id = ANY($1) AND processed_at IS NOT NULL', [cases.map((c) => c.id)])).toEqual([{ n: 3 }]);
    });

    it(
      'answers 200 or 400, never 500, to generated signed events, and stores only those it accepted',
      async () => {
        const value = fc.oneof(
          nasty,
          fc.json({ maxDepth: 2 }).map((json) => JSON.parse(json) as unknown),
        );
        const events = fc.record(
          {
            id: fc.oneof(
              fc.uuid().map((id) => `evt_gen_${id}`),
              nasty,
            ),
            object: fc.constant('event'),
            type: fc.oneof(fc.constantFrom('payment_intent.succeeded', 'setup_intent.succeeded', 'account.updated', 'customer.updated'), nasty),
            data: fc.oneof(
              nasty,
              fc.record(
                { object: fc.oneof(nasty, fc.dictionary(fc.oneof(fc.constantFrom('id', 'customer', 'amount', 'metadata', 'payment_method'), fc.string({ maxLength: 8 })), value, { maxKeys: 5 })) },
                { requiredKeys: [] },
              ),
            ),
          },
          { requiredKeys: [] },
        );
        const failures: string[] = [];
        await fc
          .assert(
            fc.asyncProperty(events, async (generated) => {
              const payload = JSON.stringify(generated);
              const res = await send(payload);
              const id = (JSON.parse(payload) as { id?: unknown }).id;
              const stored = typeof id === 'string' && !id.includes('\u0000') ? (await app.sql('SELECT 1 FROM stripe_events WHERE id = $1', [id])).length : 0;
              const fine = (res.status === 200 && stored === 1) || (res.status === 400 && stored === 0);
              if (!fine) failures.push(`${payload.slice(0, 200)} -> ${res.status} (stored ${stored})`);
              return fine;
            }),
            { numRuns: Number(process.env.FUZZ_RUNS ?? 12) * 8, seed: Number(process.env.FUZZ_SEED ?? 20261127), endOnFailure: true },
          )
          .catch(() => undefined);
        expect(failures).toEqual([]);
        await expectLedgerBalanced(app);
      },
      SWEEP_TIMEOUT_MS,
    );

    it('refuses a signature dated beyond the tolerance either way, and accepts one within it', async () => {
      const seconds = Math.floor(Date.now() / 1000);
      const future = event();
      const past = event();
      const close = event();
      expect((await send(JSON.stringify(future), seconds + 600)).status).toBe(400);
      expect((await send(JSON.stringify(past), seconds - 600)).status).toBe(400);
      expect((await send(JSON.stringify(close), seconds + 60)).status).toBe(200);
      expect(await app.sql('SELECT id FROM stripe_events WHERE id = ANY($1) ORDER BY id', [[future.id, past.id, close.id]])).toEqual([{ id: close.id }]);
    });
  });
});
