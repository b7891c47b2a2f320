import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import { AppConfig } from './app-config.js';
import { NodeEnv } from './environment.js';

const REQUEST_ID = /^[\w-]{1,64}$/;

/** The request id: the caller's `X-Request-Id` when it looks sane, a fresh UUID otherwise. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** pino: JSON lines in production and tests, pretty lines in development; secrets redacted. */
export function loggerOptions(config: AppConfig): Params {
  const pretty = config.env.NODE_ENV === NodeEnv.Development && process.stdout.isTTY;
  return {
    pinoHttp: {
      level: config.env.LOG_LEVEL,
      // Fastify has already chosen the id (see app.factory.ts): log under the same one.
      genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? requestId(req),
      // A failed query's parameters and PostgreSQL's `detail` ("Failing row contains (...)") are the
      // client's values and our secrets (password hashes, token hashes): the error is logged without them.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]', 'err.parameters', 'err.detail', 'err.driverError.detail'],
      serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
      transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    },
  };
}
