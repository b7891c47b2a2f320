import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import { pino } from 'pino';
import type { Options } from 'pino-http';
import { AppConfig } from './app-config.js';
import { NodeEnv } from './environment.js';

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

/** pino: JSON lines in production and tests, pretty lines in development; secrets redacted; to LOG_FILE when set. */
export function loggerOptions(config: AppConfig): Params {
  const file = config.env.LOG_FILE;
  const pretty = config.env.NODE_ENV === NodeEnv.Development && process.stdout.isTTY && !file;
  const options: Options = {
    level: config.env.LOG_LEVEL,
    // Fastify has already chosen the id (see app.factory.ts): log under the same one.
    genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? requestId(),
    // A failed query's parameters and PostgreSQL's `detail` ("Failing row contains (...)") are the
    // client's values and our secrets (password hashes, token hashes): the error is logged without them.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]', 'err.parameters', 'err.detail', 'err.driverError.detail'],
    serializers: { req: requestLogFields },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
    transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
  return {
    pinoHttp: file ? [options, pino.destination({ dest: file, mkdir: true })] : options,
    // nestjs-pino's default route (`{/*splat}`) matches no request under Nest 12's Fastify adapter: no
    // request was logged, and log lines written during a request lacked its ids. This one matches all.
    forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
  };
}
