import type { Redis } from 'ioredis';

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

/** Counters in Redis (one atomic script per hit), so limits hold across instances. */
export class RedisRateLimitStore implements RateLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
  ) {}

  async hit(key: string, windowMs: number): Promise<Hit> {
    const [hits, ttlMs] = (await this.redis.eval(SCRIPT, 1, `${this.namespace}:rate:${key}`, windowMs)) as [number, number];
    return { hits, resetSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };
  }
}
