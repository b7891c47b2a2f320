import { InMemoryLRUCache, KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';

/**
 * Longest query text kept as an automatic persisted query. Ordinary operations are a few KB (the
 * largest in client/operations is under 2 KB); a longer one is still served, but its text must be
 * sent each time. Bounds what one registration costs Redis or the instance's memory.
 */
export const MAX_PERSISTED_QUERY_BYTES = 32 * 1024;

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
  ) {}

  async get(key: string): Promise<string | undefined> {
    if (this.redis.status !== 'ready') return undefined;
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (this.redis.status !== 'ready' || Buffer.byteLength(value) > MAX_PERSISTED_QUERY_BYTES) return;
    await this.redis.set(this.prefix + key, value, 'EX', options?.ttl ?? this.ttlSeconds);
  }

  async delete(key: string): Promise<boolean> {
    if (this.redis.status !== 'ready') return false;
    return (await this.redis.del(this.prefix + key)) > 0;
  }
}

/**
 * Where Apollo keeps automatic persisted queries (APQ): Redis when REDIS_URL is set, under
 * `<namespace>:apq:<sha256>`, else the instance's memory, bounded in bytes. Entries expire after
 * `ttlSeconds` either way. Only queries that passed every request limit are registered (see
 * complexity-limit.plugin.ts), and a query run by its hash passes them again.
 */
export function persistedQueryCache(redis: Redis | null, namespace: string, ttlSeconds: number): KeyValueCache<string> {
  if (redis) return new RedisPersistedQueryCache(redis, `${namespace}:`, ttlSeconds);
  return new InMemoryLRUCache<string>({ maxSize: MAX_IN_MEMORY_BYTES, maxEntrySize: MAX_PERSISTED_QUERY_BYTES, sizeCalculation: (query) => Buffer.byteLength(query), ttl: ttlSeconds * 1000 });
}
