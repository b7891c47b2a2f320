import { describe, expect, it } from '@jest/globals';
import { buildSchema, getOperationAST, OperationDefinitionNode, parse } from 'graphql';
import { MAX_REQUEST_ERRORS, operationCostError, variableErrors } from './complexity-limit.plugin.js';

const schema = buildSchema(`
  enum Day { MON TUE }
  input Line { code: String! units: Int! = 1 }
  input Batch { name: String! day: Day lines: [Line!]! = [] }
  type Query { submit(batch: Batch!, first: Int): [Int] }
`);
const QUERY = 'query($batch: Batch!, $first: Int) { submit(batch: $batch, first: $first) }';
const operation = getOperationAST(parse(QUERY)) as OperationDefinitionNode;

const check = (variables: Record<string, unknown> | undefined) =>
  variableErrors(schema, operation, variables).map((error) => ({ message: error.message, fields: error.extensions.fields, code: error.extensions.code }));

describe(variableErrors.name, () => {
  it('finds nothing wrong with valid variables', () => {
    expect(check({ batch: { name: 'b', day: 'MON', lines: [{ code: '99213' }] }, first: 3 })).toEqual([]);
  });

  it('names a missing or null variable', () => {
    expect(check(undefined)).toEqual([{ message: 'Variable "$batch" of required type "Batch!" was not provided.', fields: ['batch'], code: 'BAD_USER_INPUT' }]);
    expect(check({ batch: null })[0]).toMatchObject({ message: 'Variable "$batch" got an invalid value: Expected non-nullable type "Batch!" not to be null.', fields: ['batch'] });
  });

  it('names the path of a wrong value and never quotes the value', () => {
    const errors = check({ batch: { name: 'b', day: 'SECRET-day', lines: [{ code: 'x' }, { code: ['SECRET-code'] }] }, first: 'SECRET-first' });
    expect(errors).toEqual([
      { message: 'Variable "$batch" got an invalid value at "batch.day": Expected a value of type "Day".', fields: ['batch.day'], code: 'BAD_USER_INPUT' },
      { message: 'Variable "$batch" got an invalid value at "batch.lines.1.code": Expected a value of type "String!".', fields: ['batch.lines.1.code'], code: 'BAD_USER_INPUT' },
      { message: 'Variable "$first" got an invalid value: Expected a value of type "Int".', fields: ['first'], code: 'BAD_USER_INPUT' },
    ]);
    expect(JSON.stringify(errors)).not.toMatch(/SECRET/);
  });

  it('follows a single item given where a list is expected', () => {
    expect(check({ batch: { name: 'b', lines: { code: 7 } } })[0]).toMatchObject({ fields: ['batch.lines.code'], message: expect.stringMatching(/"String!"/) });
  });

  it('names missing required fields and unknown keys under their object', () => {
    expect(check({ batch: { lines: [{ units: 2 }], isAdmin: true } })).toEqual([
      { message: 'Variable "$batch" got an invalid value: Field "name" of required type "String!" was not provided.', fields: ['batch.name'], code: 'BAD_USER_INPUT' },
      { message: 'Variable "$batch" got an invalid value at "batch.lines.0": Field "code" of required type "String!" was not provided.', fields: ['batch.lines.0.code'], code: 'BAD_USER_INPUT' },
      { message: 'Variable "$batch" got an invalid value: Field "isAdmin" is not defined by type "Batch".', fields: ['batch.isAdmin'], code: 'BAD_USER_INPUT' },
    ]);
  });

  it('quotes a long unknown key only shortened, and suggests no field names', () => {
    const [error] = check({ batch: { name: 'b', [`nam${'e'.repeat(10_000)}`]: 1 } });
    expect(error.fields).toEqual([`batch.nam${'e'.repeat(61)}…`]);
    expect(error.message.length).toBeLessThan(200);
    expect(check({ batch: { name: 'b', nmae: 1 } })[0].message).not.toMatch(/Did you mean/);
  });

  it(`stops after ${MAX_REQUEST_ERRORS} errors and says so`, () => {
    const batch = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
    const errors = check({ batch: { name: 'b', ...batch } });
    expect(errors).toHaveLength(MAX_REQUEST_ERRORS + 1);
    expect(errors.at(-1)).toEqual({ message: `Too many problems with the variables: only the first ${MAX_REQUEST_ERRORS} are listed.`, fields: [], code: 'BAD_USER_INPUT' });
  });
});

describe(operationCostError.name, () => {
  const costly = buildSchema('type Item { id: ID } type Query { items(first: Int): [Item] }');
  const document = parse('query($first: Int) { a: items(first: $first) { id } b: items { id } }');

  it('lets an operation within the limit through', () => {
    expect(operationCostError(costly, document, undefined, { first: 1 }, 4)).toBeNull();
  });

  it('refuses an operation over the limit, saying its cost', () => {
    const error = operationCostError(costly, document, undefined, { first: 1 }, 3);
    expect(error?.message).toBe('Query is too expensive: cost 4 exceeds the limit of 3. Ask for fewer items or fields.');
    expect(error?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', cost: 4, maxCost: 3 });
  });
});
