import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType, GraphQLInputObjectType, GraphQLInputType, GraphQLList, GraphQLNonNull, GraphQLScalarType, isEnumType, isInputObjectType, isListType, isNonNullType } from 'graphql';
import { acceptedContract, expectLedgerBalanced } from './support/money.js';
import { given, Session } from './support/given.js';
import { TestApp } from './support/test-app.js';

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
      const variables = fc.record(Object.fromEntries(mutation.args.map((arg) => [arg.name, arg.type.toString().startsWith('ID') ? fc.oneof(fc.constantFrom(...ids), arbitraryFor(arg.type)) : arbitraryFor(arg.type)])), { requiredKeys: [] });
      const declarations = mutation.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const call = mutation.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const document = `mutation${declarations ? `(${declarations})` : ''} { ${mutation.name}${call ? `(${call})` : ''} ${selectionFor(mutation.type.toString())} }`;
      await fc.assert(
        fc.asyncProperty(variables, fc.constantFrom(...actors), async (vars, actor) => {
          const res = await app.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${actor.accessToken}`).send({ query: document, variables: vars });
          const internal = res.status >= 500 || (res.body.errors ?? []).some((e: { extensions?: { code?: string } }) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
          if (internal) failures.push(`${mutation.name} ${JSON.stringify(vars).slice(0, 300)} -> ${res.status} ${JSON.stringify(res.body.errors?.[0] ?? res.body).slice(0, 300)}`);
          return !internal;
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 12), seed: Number(process.env.FUZZ_SEED ?? 20261127), endOnFailure: true },
      ).catch(() => undefined);
    }
    expect(failures).toEqual([]);
    await expectLedgerBalanced(app);
  });
});

/** A minimal selection set for a mutation's return type. */
function selectionFor(type: string): string {
  const name = type.replace(/[[\]!]/g, '');
  return ['String', 'Boolean', 'Int', 'ID'].includes(name) ? '' : name === 'AuthPayload' ? '{ accessToken }' : name === 'FundingIntent' ? '{ status }' : '{ id }';
}
