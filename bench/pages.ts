import { getNamedType, GraphQLObjectType, GraphQLSchema, isListType, isNonNullType, isObjectType } from 'graphql';

/**
 * Fields a directory card never shows: the ones only the coder or an admin reads (null or false for
 * a visitor), and the ones that lead from a credential back to the coder the card already shows
 * (`Credential.coder`, `Credential.coderProfile`: the row itself again, once per credential).
 */
const NOT_ON_A_CARD: Record<string, string[]> = {
  CoderProfile: ['screening'],
  Credential: ['coder', 'coderProfile', 'evidence', 'pendingChange', 'number', 'reviewNote'],
  User: ['email', 'mfaEnabled'],
};

/**
 * Every field of `typeName` a visitor's directory card shows, `depth` object levels down: every field
 * a client may select without arguments, minus NOT_ON_A_CARD; lists with a `first` argument ask for 3
 * (a card shows a few reviews). Generated from the schema, so a public field added later is on the card.
 */
export function everyCardField(schema: GraphQLSchema, typeName: string, depth: number): string {
  const type = schema.getType(typeName) as GraphQLObjectType;
  const left = NOT_ON_A_CARD[typeName] ?? [];
  return Object.values(type.getFields())
    .filter((field) => !left.includes(field.name) && field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined))
    .map((field) => {
      const named = getNamedType(field.type);
      const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
      const args = list && field.args.some((arg) => arg.name === 'first') ? '(first: 3)' : '';
      if (!isObjectType(named)) return field.name;
      return depth > 0 ? `${field.name}${args} { ${everyCardField(schema, named.name, depth - 1)} }` : '';
    })
    .filter(Boolean)
    .join(' ');
}

/**
 * The directory page a frontend shows: `first` cards with every public field (profile, credentials,
 * specialties, three reviews, accuracy, the coder's public user fields, publicUrl), filtered by `$f`.
 */
export const directoryCardPage = (schema: GraphQLSchema, first = 20): string =>
  `query($f: CoderFilterInput) { coders(filter: $f, first: ${first}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${everyCardField(schema, 'CoderProfile', 2)} } } } }`;
