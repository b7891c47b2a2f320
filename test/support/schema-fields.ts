import { getNamedType, GraphQLObjectType, GraphQLSchema, isNonNullType, isObjectType } from 'graphql';

/**
 * Every field of `typeName` a client may select without arguments (list fields keep their default
 * `first`), following object fields `depth` levels down. Built from the running schema, so a field
 * added later is selected too.
 */
export function everyField(schema: GraphQLSchema, typeName: string, depth: number): string {
  const type = schema.getType(typeName) as GraphQLObjectType;
  return Object.values(type.getFields())
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined))
    .map((field) => {
      const named = getNamedType(field.type);
      if (!isObjectType(named)) return field.name;
      return depth > 0 ? `${field.name} { ${everyField(schema, named.name, depth - 1)} }` : '';
    })
    .filter(Boolean)
    .join(' ');
}
