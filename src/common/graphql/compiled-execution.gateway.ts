import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface, GatewayLoadResult, GatewayUnsubscriber } from '@apollo/server-gateway-interface';
import { execute, ExecutionResult, GraphQLError, GraphQLSchema, printSchema } from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** Compiled operations kept (an ordinary client sends a few dozen distinct ones). */
export const MAX_COMPILED_OPERATIONS = 500;
/** Operations seen once and not yet compiled, remembered (by key only) until they come again. */
export const MAX_OPERATIONS_SEEN_ONCE = 5000;
/** A query text longer than this is executed by graphql-js each time and never compiled. */
export const MAX_COMPILED_QUERY_CHARACTERS = 64 * 1024;

/** What graphql-jit could not compile is remembered as such, so it is not tried again. */
const NOT_COMPILABLE = Symbol('not compilable');

/**
 * graphql-jit reports a resolver's error as its own GraphQLError look-alike, whose `originalError` is
 * not enumerable and whose `extensions` may be undefined: Apollo's error formatting reads
 * `extensions.code` and spreads the error, so it would answer every such error as an internal one and
 * lose the original (our AppError codes, Nest's HTTP exceptions). Rebuilt as graphql-js makes it (its
 * `locatedError`): same message, path and locations, the original error kept.
 */
export function asGraphqlJsError(error: GraphQLError): GraphQLError {
  if (error.constructor === GraphQLError) return error;
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions ?? undefined });
  (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}

/**
 * Apollo Server's `gateway` interface used for what it allows beyond federation: our own executor.
 * Apollo still parses, validates (every limit rule), runs every plugin hook around execution and
 * formats errors; only `execute` is replaced, by graphql-jit's compiled form of the operation, kept
 * in a bounded LRU keyed by the query text and the operation name. An operation is compiled the second
 * time it comes: compiling costs several milliseconds of CPU, and a caller sending a new text on every
 * request would otherwise pay it (and evict real clients' operations) on each. What graphql-jit cannot compile,
 * and any request whose variables do not coerce (so graphql-js's own messages name the field), is
 * executed by graphql-js, exactly as without this gateway. Subscriptions over graphql-ws do not come
 * through here (websocket-server.ts uses graphql-js).
 */
export class CompiledExecutionGateway implements GatewayInterface {
  private schema?: GraphQLSchema;
  private readonly compiled = new LRUCache<string, CompiledQuery | typeof NOT_COMPILABLE>({ max: MAX_COMPILED_OPERATIONS });
  private readonly seenOnce = new LRUCache<string, true>({ max: MAX_OPERATIONS_SEEN_ONCE });

  /** The schema Nest built (GraphQLModule's `transformSchema` hands it over before Apollo starts). */
  useSchema(schema: GraphQLSchema): GraphQLSchema {
    this.schema = schema;
    this.compiled.clear();
    this.seenOnce.clear();
    return schema;
  }

  async load(): Promise<GatewayLoadResult> {
    return { executor: this.executor };
  }

  onSchemaLoadOrUpdate(callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): GatewayUnsubscriber {
    callback({ apiSchema: this.requireSchema(), coreSupergraphSdl: printSchema(this.requireSchema()) });
    return () => undefined;
  }

  async stop(): Promise<void> {
    this.compiled.clear();
    this.seenOnce.clear();
  }

  /** How many operations are compiled now (tests). */
  get size(): number {
    return this.compiled.size;
  }

  private requireSchema(): GraphQLSchema {
    if (!this.schema) throw new Error('CompiledExecutionGateway: no schema (GraphQLModule transformSchema did not run)');
    return this.schema;
  }

  private readonly executor: GatewayExecutor = async (requestContext) => {
    const schema = this.requireSchema();
    const compiled = this.compile(schema, requestContext);
    if (compiled) {
      // (a bound function: graphql-jit's compiled operation, not a SQL query)
      const { query: run } = compiled;
      const result = await run(undefined, requestContext.context, requestContext.request.variables ?? {});
      // No data at all: the variables did not coerce and no resolver ran. graphql-js answers, with its own messages.
      if (result.data !== undefined) return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : (result as ExecutionResult);
    }
    return execute({
      schema,
      document: requestContext.document,
      contextValue: requestContext.context,
      variableValues: requestContext.request.variables,
      operationName: requestContext.request.operationName,
    });
  };

  private compile(schema: GraphQLSchema, requestContext: GatewayGraphQLRequestContext): CompiledQuery | undefined {
    const text = requestContext.source ?? requestContext.request.query;
    if (text === undefined || text.length > MAX_COMPILED_QUERY_CHARACTERS) return undefined;
    const key = `${requestContext.request.operationName ?? ''}\n${text}`;
    let entry = this.compiled.get(key);
    if (entry === undefined) {
      // The first time: graphql-js executes it, and it is compiled if it comes again.
      if (!this.seenOnce.delete(key)) {
        this.seenOnce.set(key, true);
        return undefined;
      }
      entry = NOT_COMPILABLE;
      try {
        const compiled = compileQuery(schema, requestContext.document, requestContext.request.operationName ?? undefined);
        if (isCompiledQuery(compiled)) entry = compiled as CompiledQuery;
      } catch {
        // graphql-jit refused the operation: graphql-js executes it.
      }
      this.compiled.set(key, entry);
    }
    return entry === NOT_COMPILABLE ? undefined : entry;
  }
}
