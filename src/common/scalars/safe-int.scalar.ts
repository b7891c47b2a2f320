import { GraphQLError, GraphQLScalarType } from 'graphql';
import { GraphQLSafeInt } from 'graphql-scalars';

/** Re-throws graphql-scalars' refusals as BAD_USER_INPUT, so clients see the same code as for any other bad input. */
function asBadInput<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new GraphQLError(error instanceof Error ? error.message : 'Expected a 53-bit safe integer', { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

/**
 * `SafeInt`: an integer within ±(2^53 - 1) (`Number.MAX_SAFE_INTEGER`), for money totals that can pass 2^31 cents.
 * graphql-scalars' `SafeInt`, with refusals coded BAD_USER_INPUT. Use as `@Field(() => SafeIntScalar)`.
 */
export const SafeIntScalar = new GraphQLScalarType<number, number>({
  name: 'SafeInt',
  description: GraphQLSafeInt.description,
  specifiedByURL: GraphQLSafeInt.specifiedByURL,
  serialize: (value) => GraphQLSafeInt.serialize(value) as number,
  parseValue: (value) => asBadInput(() => GraphQLSafeInt.parseValue(value) as number),
  parseLiteral: (ast, variables) => asBadInput(() => GraphQLSafeInt.parseLiteral(ast, variables) as number),
});
