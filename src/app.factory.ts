import 'reflect-metadata';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { GraphqlRequestRateLimit } from './common/throttling/graphql-request-rate-limit.js';
import { AppConfig } from './config/app-config.js';
import { requestId } from './config/logger-options.js';
import { parseTrustProxy } from './config/trust-proxy.js';

/** Builds the initialised (not yet listening) application for `config`: used by `main.ts` and the tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  // Client address from X-Forwarded-For only through proxies named in TRUST_PROXY; request ids always ours.
  const trustProxy = parseTrustProxy(config.env.TRUST_PROXY) ?? false;
  const adapter = new FastifyAdapter({ bodyLimit: config.env.MAX_BODY_BYTES, trustProxy, genReqId: requestId });
  // Every answer carries its request id, the one in the logs and the audit log.
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // On close: 503 for new requests while those in flight finish (HttpDrain), then cut what is left.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, { bufferLogs: true, rawBody: true, return503OnClosing: true, forceCloseConnections: true });
  // Every GraphQL request counts against the rate limit, before its body is read (resolver calls count on their own).
  adapter.getInstance().addHook('onRequest', app.get(GraphqlRequestRateLimit).onRequest);
  await app.register(multipart, { limits: { fileSize: config.env.MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 }, throwFileSizeLimit: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  await app.init();
  return app;
}
