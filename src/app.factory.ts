import 'reflect-metadata';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { answerClientError, answerFrameworkError, rememberRequestTarget } from './common/errors/fastify-errors.js';
import { errorBodyOfStatus, errorPayload } from './common/errors/http-error-body.js';
import { limitConnections } from './common/throttling/connection-limits.js';
import { TrustedDocuments } from './common/graphql/trusted-documents.js';
import { GraphqlRequestRateLimit } from './common/throttling/graphql-request-rate-limit.js';
import { AppConfig } from './config/app-config.js';
import { corsOptionsFor, isCorsPath, isPreflight } from './config/cors-options.js';
import { logRequest, requestId } from './config/logger-options.js';
import { ExplorerPage } from './explorer/explorer-page.js';

/** Builds the initialised (not yet listening) application for `config`: used by `main.ts` and the tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const { env } = config;
  // Client address from X-Forwarded-For only through proxies named in TRUST_PROXY; request ids always ours.
  const trustProxy = config.trustProxy;
  const adapter = new FastifyAdapter({
    bodyLimit: env.MAX_BODY_BYTES,
    trustProxy,
    genReqId: requestId,
    // A request must arrive whole (headers and body) within HTTP_REQUEST_TIMEOUT_MS, else 408 and the
    // connection closes; Fastify's default (0) let a body trickled at 1 byte / 5 s hold its memory for good.
    // Node checks every connectionsCheckingInterval (30 s by default), so a slow request is cut within
    // the timeout plus a quarter of it.
    requestTimeout: env.HTTP_REQUEST_TIMEOUT_MS,
    http: { headersTimeout: Math.min(60_000, env.HTTP_REQUEST_TIMEOUT_MS), connectionsCheckingInterval: Math.min(30_000, Math.max(250, env.HTTP_REQUEST_TIMEOUT_MS / 4)) },
    // Errors raised before any hook or Nest filter runs, in our error shape (see fastify-errors.ts).
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    // While shutting down, HttpDrain answers new requests (503, in our error shape) until the server closes.
    return503OnClosing: false,
  });
  // Every answer carries its request id, the one in the logs and the audit log.
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    rememberRequestTarget(request);
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, { bufferLogs: true, rawBody: true, forceCloseConnections: true });
  // One line per request, from Fastify itself: every answer, whichever hook or handler gave it.
  adapter.getInstance().addHook('onResponse', async (request, reply) => {
    logRequest(PinoLogger.root, { id: request.id, method: request.method, url: request.url, headers: request.headers, raw: request.raw }, reply.raw, reply.elapsedTime);
  });
  limitConnections(app.getHttpServer(), { maxConnections: env.HTTP_MAX_CONNECTIONS, maxPerAddress: trustProxy === false ? env.HTTP_MAX_CONNECTIONS_PER_IP : null });
  // CORS (CORS_ORIGINS): a listed origin's preflight to /graphql or a document endpoint is answered 204
  // with the allow headers, before the rate limit and authentication; its requests carry them. With no
  // origin listed there is nothing to allow, and @fastify/cors (a hook on every request) is not registered:
  // the hook below refuses every preflight.
  if (env.CORS_ORIGINS.length > 0) {
    const corsOptions = corsOptionsFor(env.CORS_ORIGINS);
    await app.register(cors, { delegator: (request, callback) => callback(null, corsOptions(request)) });
  }
  // Any other origin's preflight there: 403 with no CORS headers (the browser then refuses the call),
  // rather than Apollo's CSRF 400 or a 404 that would read as a missing endpoint. Elsewhere (the Stripe
  // webhook above all) a preflight finds no route: 404.
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    if (isPreflight(request) && isCorsPath(request.url)) {
      return reply.code(403).send(errorPayload(request.url, errorBodyOfStatus(403, 'This origin may not call the API from a browser: it is not in CORS_ORIGINS')));
    }
  });
  // Every GraphQL request counts against the rate limit, before its body is read (resolver calls count on their own).
  adapter.getInstance().addHook('onRequest', app.get(GraphqlRequestRateLimit).onRequest);
  // A browser asking GET /graphql for HTML gets the explorer page (our own files, no CDN) where it is enabled.
  if (config.explorerEnabled) adapter.getInstance().addHook('onRequest', app.get(ExplorerPage).onRequest);
  // TRUSTED_DOCUMENTS=only: a document not in the manifest is answered before Apollo parses it.
  adapter.getInstance().addHook('preValidation', app.get(TrustedDocuments).preValidation);
  await app.register(multipart, { limits: { fileSize: env.MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 }, throwFileSizeLimit: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  await app.init();
  return app;
}
