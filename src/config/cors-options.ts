import type { FastifyCorsOptions } from '@fastify/cors';
import type { FastifyRequest } from 'fastify';

/**
 * The paths a browser app on another origin may call: the GraphQL endpoint and the document
 * endpoints (uploads and downloads of contract documents and credential documents). Everything
 * else, the Stripe webhook above all, never answers a preflight nor carries CORS headers.
 */
const CORS_PATHS = [/^\/graphql$/, /^\/contracts\/[^/]+\/documents$/, /^\/documents\/[^/]+$/, /^\/credential-documents(?:\/[^/]+)?$/];

/** Request headers a browser client may send (Apollo's CSRF prevention asks for the last two on GET). */
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name'];

/** Response headers a browser client may read. */
export const CORS_EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'content-disposition'];

/** True when `url` (path and query) is one of the endpoints CORS applies to. */
export function isCorsPath(url: string): boolean {
  const path = url.split('?', 1)[0];
  return CORS_PATHS.some((pattern) => pattern.test(path));
}

/** True for a CORS preflight: OPTIONS with an Origin and the method the browser means to send. */
export function isPreflight(request: Pick<FastifyRequest, 'method' | 'headers'>): boolean {
  return request.method === 'OPTIONS' && typeof request.headers.origin === 'string' && typeof request.headers['access-control-request-method'] === 'string';
}

/**
 * @fastify/cors options per request: a listed origin on a CORS path gets the allow headers (credentials
 * included); any other request gets none (`origin: false`). @fastify/cors would add
 * `Access-Control-Allow-Credentials` even for an origin it does not allow, so the origin is decided here.
 * The answers are built once, not per request.
 */
export function corsOptionsFor(origins: readonly string[]) {
  const refused: FastifyCorsOptions = Object.freeze({ origin: false });
  const allowed = new Map<string, FastifyCorsOptions>(
    origins.map((origin) => [
      origin,
      Object.freeze({
        origin,
        credentials: true,
        methods: ['GET', 'POST'],
        allowedHeaders: CORS_ALLOWED_HEADERS,
        exposedHeaders: CORS_EXPOSED_HEADERS,
        maxAge: 600,
        strictPreflight: true,
      }),
    ]),
  );
  return (request: FastifyRequest): FastifyCorsOptions => {
    const origin = request.headers.origin;
    const options = typeof origin === 'string' ? allowed.get(origin) : undefined;
    return options && isCorsPath(request.url) ? options : refused;
  };
}
