import { Logger } from '@nestjs/common';
import { RedisService } from '../redis/redis.service.js';

export interface Hit {
  /** Hits in the current window, this one included. */
  hits: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/** Fixed-window counters keyed by rule and client. */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<Hit>;
}

/** Counters in this process (one instance). Expired windows are dropped as they are met. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { hits: number; resetAt: number }>();

  async hit(key: string, windowMs: number): Promise<Hit> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { hits: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
      if (this.windows.size > 100_000) for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    }
    window.hits++;
    return { hits: window.hits, resetSeconds: Math.ceil((window.resetAt - now) / 1000) };
  }
}

const SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }
`;

/**
 * Counters in Redis (one atomic script per hit), so limits hold across instances. While Redis is
 * unreachable the limits fail open to this instance's own counters, logged once per outage: an
 * outage neither fails every request nor lifts the limits.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly logger = new Logger(RedisRateLimitStore.name);
  private readonly local = new MemoryRateLimitStore();
  private degraded = false;

  constructor(
    private readonly redis: RedisService,
    private readonly namespace: string,
  ) {}

  async hit(key: string, windowMs: number): Promise<Hit> {
    // Once degraded, wait for Redis to be ready again rather than queue behind its reconnection attempts.
    if (this.degraded ? this.redis.isReady : !this.redis.isDown) {
      try {
        const [hits, ttlMs] = (await this.redis.client!.eval(SCRIPT, 1, `${this.namespace}:rate:${key}`, windowMs)) as [number, number];
        if (this.degraded) {
          this.degraded = false;
          this.logger.log('Rate limits are counted in Redis again');
        }
        return { hits, resetSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };
      } catch (error) {
        this.degrade(error instanceof Error ? error.message : String(error));
      }
    } else {
      this.degrade(`Redis is ${this.redis.client?.status ?? 'unset'}`);
    }
    return this.local.hit(key, windowMs);
  }

  private degrade(reason: string): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(`Rate limits are counted by this instance alone until Redis answers again (${reason})`);
  }
}
