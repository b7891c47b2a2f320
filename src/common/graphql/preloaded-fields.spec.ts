import { describe, expect, it } from '@jest/globals';
import { graphql, GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema, GraphQLString } from 'graphql';
import { answerPreloadedFields, PRELOADABLE, selectedFieldsAt, withPreloaded } from './preloaded-fields.js';

/** A schema like Nest builds it: `Row.label` has a resolver and the PRELOADABLE extension; `rows` answers two rows, the second preloaded. */
function schemaWith(seen: Set<string>[] = []) {
  const calls: string[] = [];
  const row = new GraphQLObjectType({
    name: 'Row',
    fields: {
      id: { type: GraphQLString },
      label: { type: GraphQLString, extensions: PRELOADABLE, resolve: (source: { id: string }) => (calls.push(source.id), `resolved ${source.id}`) },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        rows: {
          type: new GraphQLList(row),
          args: { first: { type: GraphQLInt } },
          resolve: (_source, _args, _context, info: GraphQLResolveInfo) => {
            seen.push(selectedFieldsAt(info, []));
            return [{ id: 'a' }, withPreloaded({ id: 'b' }, { label: 'preloaded b' })];
          },
        },
      },
    }),
  });
  return { schema: answerPreloadedFields(schema), calls };
}

describe('preloaded fields', () => {
  it('answers a row carrying the value from it, and calls the resolver for any other row', async () => {
    const { schema, calls } = schemaWith();
    expect((await graphql({ schema, source: '{ rows { id label } }' })).data).toEqual({
      rows: [
        { id: 'a', label: 'resolved a' },
        { id: 'b', label: 'preloaded b' },
      ],
    });
    expect(calls).toEqual(['a']);
  });

  it('tells the list resolver which fields the operation selects, through fragments, as @skip and @include decide for the variables', async () => {
    const seen: Set<string>[] = [];
    const { schema } = schemaWith(seen);
    await graphql({ schema, source: '{ rows { id ...F ... on Row { label } } } fragment F on Row { id }' });
    await graphql({ schema, source: '{ rows { id } }' });
    await graphql({ schema, source: 'query($x: Boolean!) { rows { id label @include(if: $x) } }', variableValues: { x: true } });
    await graphql({ schema, source: 'query($x: Boolean!) { rows { id label @include(if: $x) } }', variableValues: { x: false } });
    await graphql({ schema, source: '{ rows { id @skip(if: false) ... on Row @skip(if: true) { label } } }' });
    expect(seen.map((fields) => [...fields].sort())).toEqual([['id', 'label'], ['id'], ['id', 'label'], ['id'], ['id']]);
  });

  it('refuses at start-up a preloadable field with arguments', () => {
    const type = new GraphQLObjectType({ name: 'Query', fields: { f: { type: GraphQLString, args: { n: { type: GraphQLInt } }, extensions: PRELOADABLE, resolve: () => 'x' } } });
    expect(() => answerPreloadedFields(new GraphQLSchema({ query: type }))).toThrow(/Query.f is marked preloadable/);
  });
});
