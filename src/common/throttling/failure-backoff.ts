import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { RedisService } from '../redis/redis.service.js';
import { BackoffRule } from './backoff.js';
import { BackoffStore, MemoryBackoffStore, RedisBackoffStore } from './backoff.store.js';

/**
 * Failure counters that slow attempts down exponentially (log-in: `LoginThrottle`): in Redis when
 * REDIS_URL is set (this instance's own while Redis is unreachable), else in this process. Not
 * switched off by RATE_LIMIT_ENABLED: each user of it has its own setting.
 */
@Injectable()
export class FailureBackoff {
  private readonly store: BackoffStore;

  constructor(config: AppConfig, redis: RedisService) {
    this.store = redis.client ? new RedisBackoffStore(redis, config.env.RATE_LIMIT_NAMESPACE) : new MemoryBackoffStore();
  }

  /** See `BackoffStore.reserve`: the ms to wait (nothing counted), or 0 with a failure counted in advance against every key. */
  reserve(rules: BackoffRule[], forgetMs: number): Promise<number> {
    return this.store.reserve(rules, forgetMs);
  }

  /** See `BackoffStore.settle`. */
  settle(release: string[], forget: string[]): Promise<void> {
    return this.store.settle(release, forget);
  }

  /** See `BackoffStore.mark`. */
  mark(key: string, ttlMs: number): Promise<void> {
    return this.store.mark(key, ttlMs);
  }

  /** See `BackoffStore.isMarked`. */
  isMarked(key: string): Promise<boolean> {
    return this.store.isMarked(key);
  }
}
