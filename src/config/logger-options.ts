import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import { pino } from 'pino';
import type { Options } from 'pino-http';
import { AppConfig } from './app-config.js';
import { NodeEnv } from './environment.js';

const REQUEST_ID = /^[\w-]{1,64}$/;

/** The request id: the caller's `X-Request-Id` when it looks sane, a fresh UUID otherwise. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** pino: JSON lines in production and tests, pretty lines in development; secrets redacted; to LOG_FILE when set. */
export function loggerOptions(config: AppConfig): Params {
  const file = config.env.LOG_FILE;
  const pretty = config.env.NODE_ENV === NodeEnv.Development && process.stdout.isTTY && !file;
  const options: Options = {
    level: config.env.LOG_LEVEL,
    // Fastify has already chosen the id (see app.factory.ts): log under the same one.
    genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? requestId(req),
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]'],
    serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
    transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
  return { pinoHttp: file ? [options, pino.destination({ dest: file, mkdir: true })] : options };
}
