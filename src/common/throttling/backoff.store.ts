import { Logger } from '@nestjs/common';
import { RedisService } from '../redis/redis.service.js';
import { backoffDelayMs, BackoffRule } from './backoff.js';

/**
 * Failure counters with exponential back-off (`backoffDelayMs`), one per key, each forgotten
 * `forgetMs` after its last failure.
 */
export interface BackoffStore {
  /**
   * One attempt against every rule's key, atomically: when any key must still wait, answers the
   * longest wait in ms and counts nothing; else counts a failure against every key in advance and
   * answers 0. Counting before the attempt is checked means concurrent attempts cannot all slip
   * through the free failures; `settle` takes the count back when the attempt succeeds.
   */
  reserve(rules: BackoffRule[], forgetMs: number): Promise<number>;
  /** After a success: each key of `release` loses the failure counted in advance; each of `forget` is cleared. */
  settle(release: string[], forget: string[]): Promise<void>;
  /** Remembers `key` for `ttlMs` (a fact, e.g. "this address proved itself for this account"), renewing it. */
  mark(key: string, ttlMs: number): Promise<void>;
  /** Whether `key` is remembered (`mark`) and not expired. */
  isMarked(key: string): Promise<boolean>;
}

interface Counter {
  failures: number;
  /** Epoch ms before which no attempt is let through. */
  untilMs: number;
  expiresAtMs: number;
}

// ~150 bytes a counter: at most ~15 MB. A flood of keys past it evicts the oldest counters (their
// keys lose their delay): with many instances, use Redis (REDIS_URL), which this cap does not bound.
const MEMORY_MAX_COUNTERS = 100_000;

/** Counters in this process (one instance). */
export class MemoryBackoffStore implements BackoffStore {
  private readonly counters = new Map<string, Counter>();
  /** Marked keys and when they expire (epoch ms), least recently marked first. */
  private readonly marks = new Map<string, number>();

  async reserve(rules: BackoffRule[], forgetMs: number): Promise<number> {
    const now = Date.now();
    const wait = Math.max(0, ...rules.map((rule) => (this.live(rule.key, now)?.untilMs ?? 0) - now));
    if (wait > 0) return wait;
    for (const rule of rules) {
      const counter = this.live(rule.key, now) ?? { failures: 0, untilMs: 0, expiresAtMs: 0 };
      counter.failures++;
      counter.untilMs = now + backoffDelayMs(counter.failures, rule);
      counter.expiresAtMs = now + forgetMs;
      this.counters.delete(rule.key);
      this.counters.set(rule.key, counter);
    }
    if (this.counters.size > MEMORY_MAX_COUNTERS) this.shrink(now);
    return 0;
  }

  async settle(release: string[], forget: string[]): Promise<void> {
    for (const key of release) {
      const counter = this.counters.get(key);
      if (counter && counter.failures > 0) counter.failures--;
    }
    for (const key of forget) this.counters.delete(key);
  }

  async mark(key: string, ttlMs: number): Promise<void> {
    this.marks.delete(key);
    this.marks.set(key, Date.now() + ttlMs);
    // Bounded like the counters: past the cap the least recently marked are forgotten.
    for (const old of this.marks.keys()) {
      if (this.marks.size <= MEMORY_MAX_COUNTERS) break;
      this.marks.delete(old);
    }
  }

  async isMarked(key: string): Promise<boolean> {
    const expiresAtMs = this.marks.get(key);
    if (expiresAtMs === undefined) return false;
    if (expiresAtMs > Date.now()) return true;
    this.marks.delete(key);
    return false;
  }

  private live(key: string, now: number): Counter | undefined {
    const counter = this.counters.get(key);
    if (counter && counter.expiresAtMs <= now) {
      this.counters.delete(key);
      return undefined;
    }
    return counter;
  }

  /** Drops expired counters, then the least recently failed ones (the map keeps them in that order). */
  private shrink(now: number): void {
    for (const [key, counter] of this.counters) if (counter.expiresAtMs <= now) this.counters.delete(key);
    for (const key of this.counters.keys()) {
      if (this.counters.size <= MEMORY_MAX_COUNTERS * 0.9) break;
      this.counters.delete(key);
    }
  }
}

// KEYS: the counters. ARGV[1]: forget ms; then free, base ms and max ms of each key in turn.
// Redis's clock, so instances with skewed clocks agree.
const RESERVE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local wait = 0
for i = 1, #KEYS do
  local untilMs = tonumber(redis.call('HGET', KEYS[i], 'until') or '0')
  if untilMs - now > wait then wait = untilMs - now end
end
if wait > 0 then return wait end
for i = 1, #KEYS do
  local free, base, max = tonumber(ARGV[3 * i - 1]), tonumber(ARGV[3 * i]), tonumber(ARGV[3 * i + 1])
  local failures = redis.call('HINCRBY', KEYS[i], 'failures', 1)
  local delay = 0
  if failures >= free then delay = math.min(max, base * 2 ^ math.min(failures - free, 40)) end
  redis.call('HSET', KEYS[i], 'until', string.format('%d', math.floor(now + delay)))
  redis.call('PEXPIRE', KEYS[i], ARGV[1])
end
return 0
`;

// KEYS: the counters to release (ARGV[1] of them), then those to forget.
const SETTLE = `
for i = 1, #KEYS do
  if i <= tonumber(ARGV[1]) then
    if redis.call('EXISTS', KEYS[i]) == 1 and redis.call('HINCRBY', KEYS[i], 'failures', -1) < 0 then redis.call('HSET', KEYS[i], 'failures', 0) end
  else
    redis.call('DEL', KEYS[i])
  end
end
return 0
`;

// KEYS[1]: the key to mark; ARGV[1]: for how many ms.
const MARK = `redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) return 0`;
const IS_MARKED = `return redis.call('EXISTS', KEYS[1])`;

/**
 * Counters in Redis, one atomic script per call, so every instance sees the same failures and
 * delays. While Redis is unreachable this instance counts on its own (logged once per outage), as
 * the rate limits do: an outage neither fails every log-in nor lifts the delays altogether.
 */
export class RedisBackoffStore implements BackoffStore {
  private readonly logger = new Logger(RedisBackoffStore.name);
  private readonly local = new MemoryBackoffStore();
  private degraded = false;

  constructor(
    private readonly redis: RedisService,
    private readonly namespace: string,
  ) {}

  async reserve(rules: BackoffRule[], forgetMs: number): Promise<number> {
    const args = rules.flatMap((rule) => [rule.free, rule.baseMs, rule.maxMs]);
    const wait = await this.run(RESERVE, this.keys(rules.map((rule) => rule.key)), [forgetMs, ...args]);
    return wait ?? this.local.reserve(rules, forgetMs);
  }

  async settle(release: string[], forget: string[]): Promise<void> {
    const done = await this.run(SETTLE, this.keys([...release, ...forget]), [release.length]);
    if (done === null) await this.local.settle(release, forget);
  }

  async mark(key: string, ttlMs: number): Promise<void> {
    const done = await this.run(MARK, this.keys([key]), [ttlMs]);
    if (done === null) await this.local.mark(key, ttlMs);
  }

  async isMarked(key: string): Promise<boolean> {
    const marked = await this.run(IS_MARKED, this.keys([key]), []);
    return marked === null ? this.local.isMarked(key) : marked === 1;
  }

  private keys(keys: string[]): string[] {
    return keys.map((key) => `${this.namespace}:backoff:${key}`);
  }

  /** The script's integer answer, or null when Redis could not run it (the caller counts locally). */
  private async run(script: string, keys: string[], args: number[]): Promise<number | null> {
    // Once degraded, wait for Redis to be ready again rather than queue behind its reconnection attempts.
    if (this.degraded ? !this.redis.isReady : this.redis.isDown) {
      this.degrade(`Redis is ${this.redis.client?.status ?? 'unset'}`);
      return null;
    }
    try {
      const answer = Number(await this.redis.client!.eval(script, keys.length, ...keys, ...args));
      if (this.degraded) {
        this.degraded = false;
        this.logger.log('Log-in failures are counted in Redis again');
      }
      return answer;
    } catch (error) {
      this.degrade(error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  private degrade(reason: string): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(`Log-in failures are counted by this instance alone until Redis answers again (${reason})`);
  }
}
