import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config.js';
import { AccessTokenVerifier } from '../auth/sessions.js';
import { TooManyRequestsError } from '../errors/app-error.js';
import { errorBodyOfStatus, errorPayload } from '../errors/http-error-body.js';
import { isGraphqlRoute } from '../graphql/graphql-options.js';
import { RateLimiter } from './rate-limiter.js';

/**
 * Counts every GraphQL request over HTTP once against RATE_LIMIT_PER_MINUTE, per user (a validly
 * signed access token's subject) or else per IP, before its body is read or parsed. `RateLimitGuard`
 * runs with resolvers only, so a request that runs none (`{ __typename }`, a document padded to the
 * body limit) was never counted. Over the limit: 429 with a GraphQL error body (TOO_MANY_REQUESTS).
 */
@Injectable()
export class GraphqlRequestRateLimit {
  private readonly limit: number;

  constructor(
    config: AppConfig,
    private readonly limiter: RateLimiter,
    private readonly tokens: AccessTokenVerifier,
  ) {
    this.limit = config.env.RATE_LIMIT_PER_MINUTE;
  }

  /** A Fastify `onRequest` hook. */
  readonly onRequest = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!this.limiter.enabled || request.method === 'OPTIONS' || !isGraphqlRoute(request)) return undefined;
    const userId = this.userIdOf(request.headers.authorization);
    try {
      await this.limiter.consume(`requests:${userId ? `user:${userId}` : `ip:${request.ip}`}`, this.limit);
      return undefined;
    } catch (error) {
      if (!(error instanceof TooManyRequestsError)) throw error;
      const body = errorBodyOfStatus(429, error.message, error.extensions);
      return reply.code(429).header('retry-after', String(error.extensions.retryAfterSeconds)).send(errorPayload(request.url, body));
    }
  };

  private userIdOf(authorization: string | undefined): string | null {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
    return token ? this.tokens.subjectOf(token) : null;
  }
}
