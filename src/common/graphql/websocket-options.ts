import { Logger } from '@nestjs/common';
import {
  DocumentNode,
  ExecutionArgs,
  getOperationAST,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  ValidationRule,
} from 'graphql';
import { CloseCode, ServerOptions, SubscribePayload } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { WebSocket } from 'ws';
import { AppConfig } from '../../config/app-config.js';
import type { Actor } from '../auth/actor.js';
import { AppError, ErrorCode, ForbiddenError, TooManyRequestsError } from '../errors/app-error.js';
import { formatGraphqlError } from '../errors/format-graphql-error.js';
import { asDatabaseBusyError, DatabaseBusyError } from '../errors/postgres-errors.js';
import { MAX_REQUEST_ERRORS, requestLimitErrors } from './complexity-limit.plugin.js';
import { bearerOf, GRAPHQL_PATH, graphqlContext, requestLimitRules } from './graphql-options.js';
import type { PersistedQueries } from './persisted-queries.js';
import type { TrustedDocumentRefusal, TrustedDocuments } from './trusted-documents.js';

/** An unknown APQ hash, answered as Apollo answers it over HTTP. */
const PERSISTED_QUERY_NOT_FOUND = { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } };

const logger = new Logger('GraphqlWebSocket');

/** The limits HTTP applies to a request (see graphql-options.ts), for one operation sent over the socket. */
export interface SocketOperationLimits {
  maxTokens: number;
  maxCost: number;
  rules: readonly ValidationRule[];
  /** "Did you mean ...?" would map the schema for a stranger: left out in production, as over HTTP. */
  hideSuggestions: boolean;
}

export function socketOperationLimits(config: AppConfig): SocketOperationLimits {
  return {
    maxTokens: config.env.GRAPHQL_MAX_TOKENS,
    maxCost: config.env.GRAPHQL_MAX_COST,
    hideSuggestions: config.isProduction,
    // Over HTTP Apollo adds its own no-introspection rule in production; graphql-js's rule does it here.
    rules: [...specifiedRules, ...requestLimitRules(config), ...(config.isProduction ? [NoSchemaIntrospectionCustomRule] : [])],
  };
}

type RequestErrorReason = 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'BAD_USER_INPUT';

/** An error found before anything ran: formatted as BAD_USER_INPUT with this `reason`, as over HTTP, and never logged. */
function requestError(error: GraphQLError | string, reason: RequestErrorReason, extensions: Record<string, unknown> = {}): GraphQLError {
  if (typeof error === 'string') return new GraphQLError(error, { extensions: { ...extensions, code: reason } });
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, ...extensions, code: reason } });
}

/**
 * Checks one operation sent over the socket as Apollo checks an HTTP request: the parser's token limit,
 * subscriptions only, the schema's rules plus the request limits (depth, aliases, directives; no
 * introspection in production), capped variable coercion, then the cost limit. Returns what to execute,
 * or the errors to send back.
 */
export function prepareSubscription(schema: GraphQLSchema, payload: SubscribePayload, limits: SocketOperationLimits): ExecutionArgs | readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    // A subscription keeps its document for as long as it runs. With locations, every node's `loc`
    // keeps the source text and the list of all its tokens, comments included: a 256 KB message of
    // `#` lines kept 11 MB per subscription. Without them, errors carry no `locations`.
    document = parse(payload.query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    if (error instanceof GraphQLError) return [requestError(error, 'GRAPHQL_PARSE_FAILED')];
    throw error;
  }
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return [requestError('Send one operation, or name the one to run in operationName.', 'GRAPHQL_VALIDATION_FAILED')];
  // Queries and mutations go over HTTP, where the rate limits, CSRF rules and request logging apply.
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
    return [requestError(`Only subscriptions are served over the WebSocket: send queries and mutations over HTTP (POST ${GRAPHQL_PATH}).`, 'GRAPHQL_VALIDATION_FAILED')];
  }
  const invalid = validate(schema, document, limits.rules, { maxErrors: MAX_REQUEST_ERRORS, hideSuggestions: limits.hideSuggestions });
  if (invalid.length > 0) return invalid.map((error) => requestError(error, 'GRAPHQL_VALIDATION_FAILED'));
  const variables = payload.variables ?? {};
  // The same checks as the HTTP plugin: variables first (a bounded list of errors), then the cost.
  const refused = requestLimitErrors(schema, document, payload.operationName, variables, limits.maxCost);
  if (refused.length > 0) return refused;
  return { schema, document, operationName: payload.operationName, variableValues: variables };
}

/** The same codes and masking as over HTTP (graphql-ws runs outside Apollo). */
function formatSocketError(error: GraphQLError): GraphQLFormattedError {
  let formatted = error.toJSON();
  // graphql-js's own request errors (variable coercion in subscribe) carry neither path nor cause: the
  // client's mistake, answered as such and not logged, since their messages quote the variables' values.
  if (!error.path && !error.originalError && !formatted.extensions?.code) formatted = { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
  // An AppError raised by these hooks (not by a resolver, so without a path) keeps its code.
  return formatGraphqlError(formatted, error.originalError instanceof AppError ? error.originalError : error);
}

/** The raw access token in a connection's params (`authorization`, with or without the `Bearer ` prefix). */
export function accessTokenOf(connectionParams: Readonly<Record<string, unknown>> | undefined): string | undefined {
  return bearerOf(connectionParams)?.slice('Bearer '.length) || undefined;
}

/** Who is on an open socket, as verified when it connected. */
export interface SocketIdentity {
  actor: Actor;
  ip: string;
}

/** What the socket needs from the session tracking of `GraphqlWebSocketServer`. */
export interface SocketSessions {
  /** Verifies the token and follows the socket's session; rejects with an AppError when it is refused (TOO_MANY_REQUESTS past the cap per user). */
  open(socket: WebSocket, accessToken: string | undefined): Promise<void>;
  close(socket: WebSocket): void;
  /** The socket's caller, or undefined when the socket is not open (any more). */
  identityOf(socket: WebSocket): SocketIdentity | undefined;
  /** Counts a subscription started on the socket; false (and the socket closed) past the rate allowed. */
  startSubscription(socket: WebSocket): boolean;
}

/**
 * graphql-ws, with what HTTP enforces: the access token verified at connection (close 4401 when it is
 * missing, invalid or expired, 4403 when forbidden, 4429 past the sockets allowed per user),
 * subscriptions only, every request limit, caps on subscriptions per socket (live ones, and started
 * ones per minute), and errors formatted as over HTTP. Operations run as the user verified at
 * connection (the socket closes when that session ends), without a database lookup each.
 */
export function websocketOptions(
  config: AppConfig,
  schema: GraphQLSchema,
  sessions: SocketSessions,
  trusted?: TrustedDocuments,
  persistedQueries?: Pick<PersistedQueries, 'lookup'>,
): ServerOptions<Record<string, unknown>, Extra> {
  const limits = socketOperationLimits(config);
  const maxSubscriptions = config.env.GRAPHQL_WS_MAX_SUBSCRIPTIONS;
  return {
    schema,
    context: (ctx) => {
      const context = graphqlContext(ctx);
      const identity = sessions.identityOf(ctx.extra.socket);
      if (identity) Object.assign(context.req, { user: identity.actor, ip: identity.ip });
      return context;
    },
    onConnect: async (ctx) => {
      try {
        await sessions.open(ctx.extra.socket, accessTokenOf(ctx.connectionParams));
        return true;
      } catch (error) {
        refuse(ctx.extra.socket, error);
        return false;
      }
    },
    onClose: (ctx) => sessions.close(ctx.extra.socket),
    onSubscribe: async (ctx, _id, payload) => {
      // First, before any work: a socket over its rate is closed, and this subscription answered with nothing more.
      if (!sessions.startSubscription(ctx.extra.socket)) return [new GraphQLError('Too many subscriptions', { originalError: new TooManyRequestsError('Too many subscriptions') })];
      // graphql-ws has already counted this subscription.
      if (Object.keys(ctx.subscriptions).length > maxSubscriptions) {
        const tooMany = new TooManyRequestsError(`At most ${maxSubscriptions} subscriptions per connection: complete one first, or open another connection.`);
        return [new GraphQLError(tooMany.message, { originalError: tooMany })];
      }
      // TRUSTED_DOCUMENTS=only: the manifest's text (named by hash, with an empty `query`, or sent as text) or nothing.
      const decision = trusted?.decide(payload);
      if (decision && 'refusal' in decision) return [trustedDocumentError(decision.refusal)];
      if (decision) return prepareSubscription(schema, { ...payload, query: decision.query }, limits);
      // Otherwise a hash without text runs what was registered over HTTP (automatic persisted queries, the
      // same cache); the socket never registers. An unknown hash is answered as over HTTP.
      const hash = (payload.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
      if (!payload.query && typeof hash === 'string' && persistedQueries) {
        const query = await persistedQueries.lookup(hash);
        if (query === undefined) return [new GraphQLError(PERSISTED_QUERY_NOT_FOUND.message, { extensions: PERSISTED_QUERY_NOT_FOUND.extensions })];
        return prepareSubscription(schema, { ...payload, query }, limits);
      }
      return prepareSubscription(schema, payload, limits);
    },
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map((error) => formatSocketError(error)) } : undefined),
    onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatSocketError(error)),
  };
}

/** A refusal of TRUSTED_DOCUMENTS=only as over HTTP: FORBIDDEN (reason UNTRUSTED_DOCUMENT), or PERSISTED_QUERY_NOT_FOUND for an unknown hash. */
function trustedDocumentError(refusal: TrustedDocumentRefusal): GraphQLError {
  if (refusal.extensions.code === ErrorCode.Forbidden) return new GraphQLError(refusal.message, { originalError: new ForbiddenError(refusal.message, { reason: refusal.extensions.reason }) });
  return new GraphQLError(refusal.message, { extensions: refusal.extensions });
}

// WebSocket's own "Try Again Later": the server is overloaded, and a client may reconnect.
const TRY_AGAIN_LATER = 1013;

/**
 * Closes a refused connection: 4403 when forbidden, 4429 past a cap, 4401 for any other client error;
 * 1013 when the database was too busy to check the token (load, logged in one line by
 * `asDatabaseBusyError`, no stack), 4500 for any other failure of ours.
 */
function refuse(socket: WebSocket, error: unknown): void {
  const refusal = asDatabaseBusyError(error);
  if (refusal instanceof DatabaseBusyError) {
    socket.close(TRY_AGAIN_LATER, 'Try again later');
    return;
  }
  if (refusal instanceof AppError) {
    if (refusal.code === ErrorCode.TooManyRequests) socket.close(CloseCode.TooManyInitialisationRequests, 'Too many connections');
    else if (refusal.code === ErrorCode.Forbidden) socket.close(CloseCode.Forbidden, 'Forbidden');
    else socket.close(CloseCode.Unauthorized, 'Unauthorized');
    return;
  }
  logger.error({ err: error }, 'could not check the access token of a WebSocket connection');
  socket.close(CloseCode.InternalServerError, 'Internal server error');
}
