import { LoggerService, RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';
import { Logger, pino } from 'pino';
import type { Options } from 'pino-http';
import { AppConfig } from './app-config.js';
import { Environment, NodeEnv } from './environment.js';

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * The request id: always a fresh UUID of ours. It is audit evidence (audit events, answers' X-Request-Id),
 * so it is never taken from the caller; a sane caller's `X-Request-Id` is logged beside it instead.
 */
export function requestId(): string {
  return randomUUID();
}

/** The caller's own `X-Request-Id` when it looks sane (for the logs only), else undefined. */
export function clientRequestId(headers: IncomingMessage['headers']): string | undefined {
  const given = headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : undefined;
}

/**
 * What a request log line says about the request: our id, the caller's id beside it, method and path.
 * Never the query string: a GET /graphql carries the client's variables there.
 */
export function requestLogFields(req: { id: string; method: string; url: string; headers: IncomingMessage['headers'] }) {
  return { id: req.id, clientRequestId: clientRequestId(req.headers), method: req.method, url: req.url.split('?', 1)[0] };
}

/** What the GraphQL server learnt of a request: the operation's name and the codes of the errors it answered. */
export interface GraphqlOutcome {
  operationName: string | null;
  errorCodes: string[];
}

// Keyed by Node's request object, which both the GraphQL server (Fastify's `request.raw`) and pino-http see.
const graphqlOutcomes = new WeakMap<object, GraphqlOutcome>();

/** Called by the GraphQL server as it answers: the request's log line carries the operation and its outcome. */
export function recordGraphqlOutcome(rawRequest: object, outcome: GraphqlOutcome): void {
  graphqlOutcomes.set(rawRequest, outcome);
}

/**
 * The fields every request line adds to pino-http's (`req` with our id, `res.statusCode`, `responseTime`
 * in ms): `requestId`, `operationName` (GraphQL), `outcome` ("success", or "error" for an HTTP error
 * status or any GraphQL error) and `errorCodes` (the GraphQL errors' `extensions.code`).
 */
export function requestOutcome(rawRequest: object, statusCode: number, requestId: string): Record<string, unknown> {
  const graphql = graphqlOutcomes.get(rawRequest);
  const failed = statusCode >= 400 || (graphql?.errorCodes.length ?? 0) > 0;
  return {
    requestId,
    ...(graphql ? { operationName: graphql.operationName, errorCodes: graphql.errorCodes } : {}),
    outcome: failed ? 'error' : 'success',
  };
}

/** Pretty lines only for a developer at a terminal; JSON lines everywhere else. */
function prettyFor(env: Environment): boolean {
  return env.NODE_ENV === NodeEnv.Development && process.stdout.isTTY && !env.LOG_FILE;
}

/**
 * The process's logger before the application exists (start-up, the embedded database, shutdown):
 * the same format, level and destination as the application's, so the output is one format from its
 * first line. `main.ts` hands it to Nest (`Logger.overrideLogger`) before anything logs, and announces
 * with it what must be seen at any LOG_LEVEL (listening, shutting down), as JSON lines too.
 */
export function processLogger(env: Environment): { service: LoggerService; announce: (message: string) => void } {
  const options = { level: env.LOG_LEVEL, transport: prettyFor(env) ? { target: 'pino-pretty', options: { singleLine: true } } : undefined };
  const root = env.LOG_FILE ? pino(options, pino.destination({ dest: env.LOG_FILE, mkdir: true, sync: true })) : pino(options);
  const write = (level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', message: unknown, params: unknown[]) => {
    // Nest's convention: the last string parameter is the context; an error's second one its stack.
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const stack = level === 'error' && typeof params[0] === 'string' ? params[0] : undefined;
    if (message instanceof Error) root[level]({ context, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) root[level]({ context, ...message });
    else root[level]({ context, ...(stack ? { stack } : {}) }, String(message));
  };
  // The lines an operator (and a supervisor waiting for "listening on") must see at any LOG_LEVEL.
  const announcer = root.child({ context: 'Main' }, { level: 'info' });
  const service: LoggerService = {
    log: (message, ...params) => write('info', message, params),
    error: (message, ...params) => write('error', message, params),
    warn: (message, ...params) => write('warn', message, params),
    debug: (message, ...params) => write('debug', message, params),
    verbose: (message, ...params) => write('trace', message, params),
    fatal: (message, ...params) => write('fatal', message, params),
  };
  return { service, announce: (message) => announcer.info(message) };
}

/** The request paths that write no request line: the probes, polled every few seconds. */
const UNLOGGED_PATHS = new Set(['/health', '/ready']);

/** What Fastify's onResponse hook knows of an answered request (see `logRequest`). */
export interface AnsweredRequest {
  id: string;
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  raw: object;
}

/**
 * The one JSON line per request, written once the answer is sent, whatever answered it: `req` (our id,
 * the caller's id, method, path), `res.statusCode`, `responseTime` (ms) and `requestOutcome`'s fields.
 * Level `error` for a 5xx, else `info`.
 */
export function logRequest(logger: Logger | undefined, request: AnsweredRequest, response: ServerResponse, responseTimeMs: number): void {
  const level = response.statusCode >= 500 ? 'error' : 'info';
  // Below LOG_LEVEL nothing is written: the line is not built either.
  if (!logger?.isLevelEnabled(level) || UNLOGGED_PATHS.has(request.url.split('?', 1)[0])) return;
  const fields = {
    req: { id: request.id, method: request.method, url: request.url, headers: request.headers },
    res: response,
    responseTime: Math.round(responseTimeMs),
    ...requestOutcome(request.raw, response.statusCode, request.id),
  };
  logger[level](fields, 'request completed');
}

/** pino: JSON lines in production and tests, pretty lines in development; secrets redacted; to LOG_FILE when set. */
export function loggerOptions(config: AppConfig): Params {
  const file = config.env.LOG_FILE;
  const pretty = prettyFor(config.env);
  const options: Options = {
    level: config.env.LOG_LEVEL,
    // Fastify has already chosen the id (see app.factory.ts): log under the same one.
    genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? requestId(),
    // A failed query's parameters and PostgreSQL's `detail` ("Failing row contains (...)") are the
    // client's values and our secrets (password hashes, token hashes): the error is logged without them.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]', 'err.parameters', 'err.detail', 'err.driverError.detail'],
    serializers: { req: requestLogFields },
    // The request line is not pino-http's: as Nest middleware it only ran for requests that got that far,
    // so those answered by an earlier Fastify hook (the rate limit's 429, the drain's 503, CORS preflights,
    // Fastify's own refusals) left no line. `logRequest` writes it from Fastify's onResponse hook instead.
    autoLogging: false,
    transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
  return {
    pinoHttp: file ? [options, pino.destination({ dest: file, mkdir: true })] : options,
    // nestjs-pino's default route (`{/*splat}`) matches no request under Nest 12's Fastify adapter: no
    // request was logged, and log lines written during a request lacked its ids. This one matches all.
    forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
  };
}
