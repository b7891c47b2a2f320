import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { Server, ServerResponse } from 'node:http';
import { errorBodyOfStatus, errorPayload } from '../common/errors/http-error-body.js';
import { AppConfig } from '../config/app-config.js';

/**
 * Lets the requests in flight finish when the app shuts down (`main.ts` calls `drain()` before
 * `app.close()`). It runs before `app.close()` rather than in a shutdown hook because the GraphQL
 * module's own destroy hook stops Apollo, whose Fastify drain plugin closes the listener at once:
 * new connections would be refused instead of answered.
 */
@Injectable()
export class HttpDrain implements OnApplicationBootstrap {
  private readonly logger = new Logger(HttpDrain.name);
  private inFlight = 0;
  private idle: (() => void) | null = null;
  private draining = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Answers in our error shapes: a GraphQL error body on /graphql, the REST one elsewhere (Fastify's and
    // Nest's own 503, `{ error: "Service Unavailable", ... }`, is neither).
    this.adapterHost.httpAdapter.getInstance<FastifyInstance>().addHook('onRequest', async (request, reply) => {
      if (!this.draining) return undefined;
      const body = errorBodyOfStatus(503, 'The server is shutting down: send the request again', { retryable: true });
      return reply.code(503).header('connection', 'close').send(errorPayload(request.url, body));
    });
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    server.on('request', (_request, response: ServerResponse) => {
      this.inFlight++;
      // 'close' comes once, when the answer is sent or the client went away.
      response.once('close', () => {
        if (--this.inFlight === 0) this.idle?.();
      });
    });
  }

  /**
   * From now on every new request is answered 503 with `Connection: close` (`/ready` included, so a
   * load balancer takes the instance out) while the server keeps listening. Resolves once no request
   * is in flight, or after SHUTDOWN_DRAIN_MS.
   */
  async drain(): Promise<void> {
    this.draining = true;
    if (this.inFlight === 0) return;
    const limitMs = this.config.env.SHUTDOWN_DRAIN_MS;
    this.logger.log(`Waiting for ${this.inFlight} request(s) in flight (up to ${limitMs} ms)`);
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([new Promise<boolean>((resolve) => (this.idle = () => resolve(true))), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), limitMs)))]);
    clearTimeout(timer);
    if (!drained) this.logger.warn(`${this.inFlight} request(s) still in flight after ${limitMs} ms: closing their connections`);
  }
}
