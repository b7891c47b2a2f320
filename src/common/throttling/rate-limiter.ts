import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { TooManyRequestsError } from '../errors/app-error.js';
import { RedisService } from '../redis/redis.service.js';
import { MemoryRateLimitStore, RateLimitStore, RedisRateLimitStore } from './rate-limit.store.js';

const MINUTE = 60_000;

/**
 * The app's rate-limit counters, one-minute windows, shared by `RateLimitGuard` (resolver and
 * route calls) and `GraphqlRequestRateLimit` (whole GraphQL requests): in Redis when REDIS_URL is
 * set (this instance's own while Redis is unreachable), else in this process.
 */
@Injectable()
export class RateLimiter {
  private readonly store: RateLimitStore;

  constructor(
    private readonly config: AppConfig,
    redis: RedisService,
  ) {
    this.store = redis.client ? new RedisRateLimitStore(redis, config.env.RATE_LIMIT_NAMESPACE) : new MemoryRateLimitStore();
  }

  /** False with RATE_LIMIT_ENABLED=false: nothing is counted. */
  get enabled(): boolean {
    return this.config.env.RATE_LIMIT_ENABLED;
  }

  /**
   * Counts one call against `key` (rule and client); throws `TooManyRequestsError` once more than `limit`
   * were counted in the window (a minute unless `windowMs` says otherwise). Counts whatever `enabled`
   * says: callers that follow RATE_LIMIT_ENABLED check it themselves.
   */
  async consume(key: string, limit: number, windowMs = MINUTE): Promise<void> {
    const { hits, resetSeconds } = await this.store.hit(key, windowMs);
    if (hits > limit) throw new TooManyRequestsError(`Too many requests: try again in ${resetSeconds} s`, { retryAfterSeconds: resetSeconds });
  }
}
