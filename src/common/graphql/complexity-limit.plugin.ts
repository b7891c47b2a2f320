import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import {
  coerceInputValue,
  DocumentNode,
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isInputType,
  isLeafType,
  isListType,
  isNonNullType,
  OperationDefinitionNode,
  OperationTypeNode,
  typeFromAST,
  VariableDefinitionNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { formatGraphqlError } from '../errors/format-graphql-error.js';

/**
 * Most errors one request is answered with (variables and validation alike); one more says the list
 * was cut. graphql-js's own default is 50 for variables and 100 for validation: a client needs few.
 */
export const MAX_REQUEST_ERRORS = 20;

// Longest client-supplied key quoted back in an error: enough to recognise it, never the whole of it.
const MAX_QUOTED_KEY = 64;

const NOT_DEFINED = '" is not defined by type "';

class ErrorLimitReached extends Error {}

/**
 * What is wrong with `inputs` for the operation's variables, as at most `maxErrors` errors (and one
 * saying there were more), each naming the offending path in `extensions.fields`. Unlike graphql-js's
 * own messages these never quote a value the client sent (a password in a bad `logIn` stays out of
 * the answer) and quote unknown keys only shortened, so the work and the answer stay small however
 * many problems a request carries. Empty when the variables are valid.
 */
export function variableErrors(schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: Record<string, unknown> | null | undefined, maxErrors = MAX_REQUEST_ERRORS): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const report = (error: GraphQLError) => {
    if (errors.length >= maxErrors) throw new ErrorLimitReached();
    errors.push(error);
  };
  try {
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      const type = typeFromAST(schema, definition.type);
      // Validation (VariablesAreInputTypesRule) has refused any other type already.
      if (!type || !isInputType(type)) continue;
      if (!inputs || !Object.hasOwn(inputs, name)) {
        if (!definition.defaultValue && isNonNullType(type)) report(variableError(definition, [], `Variable "$${name}" of required type "${String(type)}" was not provided.`));
        continue;
      }
      // hideSuggestions: suggestions would map the schema for a stranger, and cost work per unknown key.
      coerceInputValue(inputs[name], type, (path, invalidValue, problem) => report(describeProblem(definition, type, path, invalidValue, problem)), true);
    }
  } catch (error) {
    if (!(error instanceof ErrorLimitReached)) throw error;
    errors.push(new GraphQLError(`Too many problems with the variables: only the first ${maxErrors} are listed.`, { extensions: { code: 'BAD_USER_INPUT', fields: [] } }));
  }
  return errors;
}

/**
 * The error to refuse an operation with when its estimated cost exceeds `maxCost`, else null.
 * Fields cost 1; connections cost their children once per requested item (`connectionComplexity`).
 * `variables` must have passed `variableErrors`: the estimator coerces them again, without a cap.
 */
export function operationCostError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  maxCost: number,
): GraphQLError | null {
  let cost: number;
  try {
    cost = costOf(schema, document, operationName ?? undefined, variables);
  } catch (error) {
    // E.g. more selections than the estimator walks: the client's mistake (400).
    if (error instanceof GraphQLError) return new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT' } });
    throw error;
  }
  if (cost <= maxCost) return null;
  return new GraphQLError(`Query is too expensive: cost ${cost} exceeds the limit of ${maxCost}. Ask for fewer items or fields.`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost, maxCost },
  });
}

const ESTIMATORS = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

// Costs of operations that declare no variables, by schema, document and operation name. Such a cost
// depends on nothing else, and Apollo's document store hands out the same parsed document for the same
// text, so a repeated query is walked once (the walk was 6 % of a `{ __typename }` request's CPU).
// Weakly held: an entry goes with its document (the store is bounded; WebSocket documents are not kept).
const knownCosts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();

/** The estimated cost (throws the estimator's GraphQLError for a document it refuses to walk). */
function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): number {
  const estimate = () => getComplexity({ schema, query: document, operationName, variables, estimators: ESTIMATORS });
  // With variables the cost may depend on their values (`first: $n`, `@include(if: $x)`): estimated every time.
  const operation = getOperationAST(document, operationName);
  if (!operation || (operation.variableDefinitions?.length ?? 0) > 0) return estimate();
  let byDocument = knownCosts.get(schema);
  if (!byDocument) knownCosts.set(schema, (byDocument = new WeakMap()));
  let byName = byDocument.get(document);
  if (!byName) byDocument.set(document, (byName = new Map()));
  const key = operationName ?? '';
  let cost = byName.get(key);
  if (cost === undefined) byName.set(key, (cost = estimate()));
  return cost;
}

/**
 * The checks every operation passes after validation and before any resolver, over any transport:
 * valid variables (a bounded list of errors otherwise), then a cost within `maxCost`.
 * Empty when the operation may run; an operation the document does not name is left to execution.
 */
export function requestLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  maxCost: number,
): GraphQLError[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const invalid = variableErrors(schema, operation, variables);
  if (invalid.length > 0) return invalid;
  const tooExpensive = operationCostError(schema, document, operationName, variables ?? undefined, maxCost);
  return tooExpensive ? [tooExpensive] : [];
}

/**
 * Runs `requestLimitErrors` on every HTTP operation and answers 400 with its errors instead of
 * executing. Apollo's own variable coercion comes later and has no say over the message text,
 * and cost estimation must not coerce invalid variables without a cap (its work grew with the
 * square of the unknown keys: ~60 KB of them ran a 256 MB heap out).
 */
export function complexityLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let errors: GraphQLError[] = [];
      return {
        // Checked before Apollo registers an automatic persisted query (right after this hook): a query
        // over the limits is not registered, so it cannot be run by its hash either.
        async didResolveOperation({ request, document, schema, metrics, operation }) {
          errors = requestLimitErrors(schema, document, request.operationName, request.variables, maxCost);
          if (errors.length > 0) metrics.persistedQueryRegister = false;
          // Apollo would run a subscription's field once as a query, with no event to resolve (an internal
          // error and an error log line, for any caller): over HTTP it is the client's mistake. Its text
          // is still registered as a persisted query: the WebSocket runs it by its hash.
          else if (operation?.operation === OperationTypeNode.SUBSCRIPTION)
            errors = [new GraphQLError('Subscriptions are served over the WebSocket (graphql-ws), not over HTTP.', { nodes: operation, extensions: { code: 'BAD_USER_INPUT' } })];
        },
        // Apollo answers only one error thrown from didResolveOperation; this hook can answer the whole list.
        async responseForOperation() {
          if (errors.length === 0) return null;
          return { http: { status: 400, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: errors.map((error) => formatGraphqlError(error.toJSON(), error)) } } };
        },
      };
    },
  };
}

/** One coercion problem as a message without the value, the path in `extensions.fields`. */
function describeProblem(definition: VariableDefinitionNode, variableType: GraphQLInputType, path: readonly (string | number)[], invalidValue: unknown, problem: GraphQLError): GraphQLError {
  const type = typeAt(variableType, path);
  const named = getNamedType(type);
  const at = [definition.variable.name.value, ...path];
  // Null where a value is required: graphql-js's message names only the schema's types.
  if (invalidValue === null || invalidValue === undefined) return variableError(definition, at, problem.message);
  if (isLeafType(named)) return variableError(definition, at, `Expected a value of type "${String(type)}".`);
  if (isInputObjectType(named) && problem.message.startsWith('Field "')) {
    const unknown = problem.message.lastIndexOf(NOT_DEFINED);
    if (unknown > 0 && problem.message.endsWith(`${NOT_DEFINED}${named.name}".`)) {
      // The only client text graphql-js puts in an input object's errors: the unknown key.
      const key = shorten(problem.message.slice('Field "'.length, unknown));
      return variableError(definition, at, `Field "${key}" is not defined by type "${named.name}".`, [...at, key]);
    }
    // `Field "name" of required type "T" was not provided.`: a schema field name.
    const field = shorten(problem.message.slice('Field "'.length, problem.message.indexOf('"', 'Field "'.length)));
    return variableError(definition, at, problem.message, [...at, field]);
  }
  // Not an object, or a OneOf type given several keys: schema text only.
  return variableError(definition, at, problem.message);
}

/** `at` is where the problem is (`input`), `field` the path a client fixes (`input.email`), both from the variable's name on. */
function variableError(definition: VariableDefinitionNode, at: readonly (string | number)[], reason: string, field = at): GraphQLError {
  const name = definition.variable.name.value;
  const where = at.length > 1 ? ` at "${at.join('.')}"` : '';
  const message = at.length === 0 ? reason : `Variable "$${name}" got an invalid value${where}: ${reason}`;
  return new GraphQLError(message, { nodes: definition, extensions: { code: 'BAD_USER_INPUT', fields: [field.length > 0 ? field.join('.') : name] } });
}

/** The declared type at `path` inside a variable of `type` (list indexes and input object fields). */
function typeAt(type: GraphQLInputType, path: readonly (string | number)[]): GraphQLInputType {
  let current = type;
  for (const key of path) {
    const nullable = getNullableType(current);
    if (typeof key === 'number' && isListType(nullable)) {
      current = nullable.ofType;
      continue;
    }
    const named = getNamedType(current);
    const field = isInputObjectType(named) ? named.getFields()[key] : undefined;
    if (!field) return current;
    current = field.type;
  }
  return current;
}

const shorten = (text: string) => (text.length > MAX_QUOTED_KEY ? `${text.slice(0, MAX_QUOTED_KEY)}…` : text);
