import { InMemoryLRUCache, KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { ApolloServerPlugin } from '@apollo/server';
import { Injectable } from '@nestjs/common';
import { parse, print } from 'graphql';
import type { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { RedisService } from '../redis/redis.service.js';
import type { AccessTokenVerifier } from '../auth/sessions.js';
import { TooManyRequestsError } from '../errors/app-error.js';
import type { RateLimiter } from '../throttling/rate-limiter.js';
import type { GraphqlContext } from './graphql-options.js';

/**
 * Longest query text kept as an automatic persisted query, as printed (without comments or extra
 * whitespace). Ordinary operations are a few KB (the largest in client/operations is under 2 KB); a
 * longer one is still served, but its text must be sent each time. Bounds what one registration costs.
 */
export const MAX_PERSISTED_QUERY_BYTES = 8 * 1024;

/**
 * What a registration costs the budget beyond its text: the key, its entry in the index of
 * registrations and its recorded size. Counted, so many tiny queries are bounded as well as a few large ones.
 */
export const PERSISTED_QUERY_OVERHEAD_BYTES = 256;

/**
 * The text worth keeping for a query: the document as printed, without the comments and padding
 * that cost nothing to send (they are not tokens) but would cost memory to keep. Running the printed
 * text is the same operation. Undefined when it cannot be parsed or is still over the per-entry cap.
 */
export function storedQueryText(query: string): string | undefined {
  let printed: string;
  try {
    printed = print(parse(query, { noLocation: true }));
  } catch {
    return undefined;
  }
  return Buffer.byteLength(printed) > MAX_PERSISTED_QUERY_BYTES ? undefined : printed;
}

/**
 * Registers one query within the APQ budget, atomically: the entry (with its TTL), its place in the
 * index of registrations by time (a sorted set) and its size (a hash) under a byte counter; then
 * forgets index entries older than the TTL (their keys have expired) and evicts the oldest
 * registrations while the counter is over the budget.
 * KEYS: entry, index, sizes, bytes. ARGV: text, ttl seconds, now (ms), cost in bytes, budget in bytes.
 */
const REGISTER_SCRIPT = `
local entry, index, sizes, bytes = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local ttl, now, cost, budget = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local previous = redis.call('HGET', sizes, entry)
if previous then redis.call('DECRBY', bytes, previous) end
redis.call('SET', entry, ARGV[1], 'EX', ttl)
redis.call('ZADD', index, now, entry)
redis.call('HSET', sizes, entry, cost)
local total = redis.call('INCRBY', bytes, cost)
local expired = redis.call('ZRANGEBYSCORE', index, '-inf', now - ttl * 1000)
for _, key in ipairs(expired) do
  local size = redis.call('HGET', sizes, key)
  if size then total = redis.call('DECRBY', bytes, size) end
  redis.call('HDEL', sizes, key)
  redis.call('ZREM', index, key)
end
while total > budget do
  local oldest = redis.call('ZPOPMIN', index)
  if #oldest == 0 then break end
  local size = redis.call('HGET', sizes, oldest[1])
  if size then total = redis.call('DECRBY', bytes, size) end
  redis.call('HDEL', sizes, oldest[1])
  redis.call('DEL', oldest[1])
end
for _, key in ipairs({ index, sizes, bytes }) do redis.call('EXPIRE', key, ttl) end
return total
`;

/** All the registered queries of an instance without Redis: a few thousand ordinary ones. */
const MAX_IN_MEMORY_BYTES = 8 * 1024 * 1024;

/**
 * Automatic persisted queries over the project's Redis connection: every instance serves a hash
 * registered on any other. While Redis is unreachable a lookup answers "not found" at once (the
 * client then sends the text again) and a registration is skipped, rather than waiting on ioredis's
 * reconnection attempts: a Redis outage costs clients a round trip, never an error.
 */
export class RedisPersistedQueryCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
    private readonly maxBytes: number,
  ) {}

  async get(key: string): Promise<string | undefined> {
    if (this.redis.status !== 'ready') return undefined;
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Registers the printed text (see storedQueryText) within the budget of `maxBytes` for every APQ entry together. */
  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const text = storedQueryText(value);
    if (this.redis.status !== 'ready' || text === undefined) return;
    const entry = this.prefix + key;
    const cost = Buffer.byteLength(text) + PERSISTED_QUERY_OVERHEAD_BYTES;
    const keys = [entry, `${this.prefix}apq-index`, `${this.prefix}apq-sizes`, `${this.prefix}apq-bytes`];
    await this.redis.eval(REGISTER_SCRIPT, keys.length, ...keys, text, options?.ttl ?? this.ttlSeconds, Date.now(), cost, this.maxBytes);
  }

  async delete(key: string): Promise<boolean> {
    if (this.redis.status !== 'ready') return false;
    return (await this.redis.del(this.prefix + key)) > 0;
  }
}

/**
 * Where Apollo keeps automatic persisted queries (APQ): Redis when REDIS_URL is set, under
 * `<namespace>:apq:<sha256>` within APQ_MAX_BYTES for them all (the oldest registrations are evicted
 * beyond it), else the instance's memory, bounded in bytes. Entries expire after
 * `ttlSeconds` either way. Only queries that passed every request limit are registered (see
 * complexity-limit.plugin.ts), and a query run by its hash passes them again.
 */
export function persistedQueryCache(redis: Redis | null, namespace: string, ttlSeconds: number, maxBytes: number): KeyValueCache<string> {
  if (redis) return new RedisPersistedQueryCache(redis, `${namespace}:`, ttlSeconds, maxBytes);
  return new InMemoryLRUCache<string>({
    maxSize: Math.min(maxBytes, MAX_IN_MEMORY_BYTES),
    maxEntrySize: MAX_PERSISTED_QUERY_BYTES,
    sizeCalculation: (query) => Buffer.byteLength(query),
    ttl: ttlSeconds * 1000,
  });
}

/**
 * Who may register automatic persisted queries: anyone may run a registered hash, but a registration
 * by a caller without a valid access token counts against `perMinute` for its IP (in the rate-limit
 * store, whatever RATE_LIMIT_ENABLED says: it bounds storage, not traffic). Beyond it the query still
 * runs from its text, it is just not registered (the client sends the text again next time).
 */
export function anonymousRegistrationPlugin(limiter: RateLimiter, tokens: AccessTokenVerifier, perMinute: number): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ metrics, contextValue }) {
          if (!metrics.persistedQueryRegister) return;
          const authorization = contextValue.req.headers?.authorization;
          const token = typeof authorization === 'string' && authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
          if (token && tokens.subjectOf(token)) return;
          try {
            await limiter.consume(`apq-register:ip:${contextValue.req.ip}`, perMinute);
          } catch (error) {
            if (!(error instanceof TooManyRequestsError)) throw error;
            metrics.persistedQueryRegister = false;
          }
        },
      };
    },
  };
}

/**
 * The one APQ cache of the instance, shared by HTTP (Apollo, which keeps entries under `apq:<sha256>`)
 * and the WebSocket (which looks hashes up and never registers).
 */
@Injectable()
export class PersistedQueries {
  readonly cache: KeyValueCache<string>;

  constructor(config: AppConfig, redis: RedisService) {
    const { env } = config;
    this.cache = persistedQueryCache(redis.client, env.RATE_LIMIT_NAMESPACE, env.APQ_TTL_SECONDS, env.APQ_MAX_BYTES);
  }

  /** The text registered under `sha256Hash` over HTTP, or undefined (unknown, expired, evicted, or Redis unreachable). */
  lookup(sha256Hash: string): Promise<string | undefined> {
    return this.cache.get(`apq:${sha256Hash}`);
  }
}
