import type { FastifyRequest } from 'fastify';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { randomUUID } from 'node:crypto';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, GraphQLSchema, ValidationContext, ValidationRule } from 'graphql';
import { AppConfig } from '../../config/app-config.js';
import { AppRequest } from '../auth/request-from-context.js';
import { formatGraphqlError } from '../errors/format-graphql-error.js';
import { RequestLoaders } from '../loaders/request-loaders.js';
import { CompiledExecutionGateway } from './compiled-execution.gateway.js';
import { complexityLimitPlugin, MAX_REQUEST_ERRORS } from './complexity-limit.plugin.js';
import { boundedDocumentStore } from './document-store.js';
import { noStorePlugin } from './no-store.plugin.js';
import { answerPreloadedFields } from './preloaded-fields.js';
import { requestLogPlugin } from './request-log.plugin.js';
import type { AccessTokenVerifier } from '../auth/sessions.js';
import type { RateLimiter } from '../throttling/rate-limiter.js';
import { anonymousRegistrationPlugin, PersistedQueries } from './persisted-queries.js';

export const GRAPHQL_PATH = '/graphql';

/**
 * Whether Fastify routed `request` to the GraphQL endpoint. The router decodes the path (`/%67raphql`
 * reaches it too), so the hooks that guard the endpoint (trusted documents, the per-request rate
 * limit) ask the matched route rather than compare the raw URL.
 */
export const isGraphqlRoute = (request: FastifyRequest): boolean => request.routeOptions.url === GRAPHQL_PATH;

export const bearerOf = (params: Record<string, unknown> | undefined) => {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? (value.startsWith('Bearer ') ? value : `Bearer ${value}`) : undefined;
};

/**
 * One context shape for both transports: over HTTP the request itself; over graphql-ws a request-like
 * object carrying the connection's bearer token, so the same guards authenticate subscriptions.
 */
export function graphqlContext(
  input: { req?: AppRequest; connectionParams?: Record<string, unknown>; extra?: { request?: { socket?: { remoteAddress?: string } } } },
  reply?: unknown,
): GraphqlContext {
  if (input.req) return { req: input.req, loaders: new RequestLoaders() };
  // Fastify: Apollo's integration calls the context with (request, reply).
  if (!('connectionParams' in input) && !('extra' in input)) return { req: input as unknown as AppRequest, res: reply, loaders: new RequestLoaders() };
  const req = { headers: { authorization: bearerOf(input.connectionParams) }, ip: input.extra?.request?.socket?.remoteAddress, id: randomUUID() } as unknown as AppRequest;
  return { req, loaders: new RequestLoaders() };
}

export interface GraphqlContext {
  req: AppRequest;
  res?: unknown;
  loaders: RequestLoaders;
}

// graphql-armor's rules throw by default, which Apollo treats as an internal error: report the
// violation as an ordinary validation error instead, without armor's misleading "Syntax Error" prefix.
const reportLimit = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')))],
};

/** The request limits checked with validation (depth, aliases, directives), over HTTP and WebSocket alike. */
export function requestLimitRules({ env }: AppConfig): ValidationRule[] {
  return [
    maxDepthRule({ n: env.GRAPHQL_MAX_DEPTH, ...reportLimit }),
    maxAliasesRule({ n: env.GRAPHQL_MAX_ALIASES, allowList: [], ...reportLimit }),
    maxDirectivesRule({ n: env.GRAPHQL_MAX_DIRECTIVES, ...reportLimit }),
  ];
}

/**
 * The GraphQL server, configured once: code-first schema, the request limits (tokens, depth,
 * aliases, directives, cost; one operation per request; CSRF prevention), automatic persisted
 * queries (in Redis when there is one), error formatting, and development conveniences (introspection
 * for the explorer, suggestions) that production turns off (introspection stays on in production with
 * EXPLORER_ENABLED=true). With TRUSTED_DOCUMENTS=only the documents are chosen before Apollo sees them
 * (trusted-documents.ts).
 */
export function graphqlOptions(config: AppConfig, persistedQueries: PersistedQueries, limiter: RateLimiter, tokens: AccessTokenVerifier): ApolloDriverConfig {
  const { env } = config;
  const development = !config.isProduction;
  // GRAPHQL_EXECUTOR=jit: Apollo keeps everything but `execute`, which its gateway interface hands to
  // graphql-jit (compiled-execution.gateway.ts). Nest still builds the schema; `transformSchema` passes it on.
  const gateway = env.GRAPHQL_EXECUTOR === 'jit' ? new CompiledExecutionGateway() : undefined;
  return {
    driver: ApolloDriver,
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    // Apollo's own landing pages load from CDNs (no internet, no explorer): off; src/explorer serves ours.
    graphiql: false,
    introspection: config.explorerEnabled,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    autoTransformHttpErrors: false,
    parseOptions: { maxTokens: env.GRAPHQL_MAX_TOKENS },
    // Parsed documents are cached by what they keep alive (source text, tokens), not by Apollo's JSON estimate.
    documentStore: boundedDocumentStore(),
    // Automatic persisted queries: a query is registered only once it passed parsing, validation (depth,
    // aliases, directives) and the cost check (complexity-limit.plugin.ts); run by its hash, it passes them again.
    persistedQueries: { cache: persistedQueries.cache, ttl: env.APQ_TTL_SECONDS },
    // "Did you mean ...?" would map the schema for a stranger: graphql-js leaves it out in production.
    validationOptions: { hideSuggestions: !development, maxErrors: MAX_REQUEST_ERRORS },
    validationRules: requestLimitRules(config),
    // No cache hints are used: without the cache-control plugin Apollo does not wrap every field resolver.
    plugins: [
      complexityLimitPlugin(env.GRAPHQL_MAX_COST),
      // After the limits: only a registration they let through counts against an anonymous caller's budget.
      anonymousRegistrationPlugin(limiter, tokens, env.APQ_ANONYMOUS_REGISTRATIONS_PER_MINUTE),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      requestLogPlugin(),
    ],
    formatError: formatGraphqlError,
    context: graphqlContext,
    // Fields a list resolver worked out for its rows answer from the row (preloaded-fields.ts), on either executor.
    transformSchema: (schema: GraphQLSchema) => (gateway ? gateway.useSchema(answerPreloadedFields(schema)) : answerPreloadedFields(schema)),
    ...(gateway ? { gateway } : {}),
    // No `subscriptions`: graphql-ws is served by GraphqlWebSocketServer (websocket-server.ts), with the same limits.
  };
}
