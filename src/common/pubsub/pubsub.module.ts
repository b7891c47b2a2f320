import { Global, Logger, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { AppConfig } from '../../config/app-config.js';
import { createRedisClient } from '../redis/redis-client.js';

export const PUB_SUB = Symbol('PUB_SUB');

const logger = new Logger('PubSub');

/**
 * Events cross Redis as JSON, which would turn every Date of a payload (a message's createdAt, say)
 * into a string that the DateTime scalar then refuses: dates travel tagged (`{ "$date": iso }`) and
 * come back as Dates, so a subscriber on any instance gets what an in-process one gets. Only values
 * that were Dates are tagged (the replacer sees the value before `toJSON`), so no text is ever revived.
 */
export function serializeEvent(payload: unknown): string {
  return JSON.stringify(payload, function (this: Record<string, unknown>, key: string, value: unknown) {
    return this[key] instanceof Date ? { $date: value } : value;
  });
}

export function deserializeEvent(text: string | Buffer): unknown {
  return JSON.parse(text.toString(), (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const date = (value as { $date?: unknown }).$date;
      if (keys.length === 1 && typeof date === 'string') return new Date(date);
    }
    return value;
  });
}

/**
 * Redis pub/sub whose `publish` never fails its caller. Events are published after the write that
 * caused them has committed: a Redis outage then costs live subscribers that one event (logged, and
 * the data is still there to read), never the request, nor the process through an unhandled rejection.
 */
class BestEffortRedisPubSub extends RedisPubSub {
  override async publish<T>(trigger: string, payload: T): Promise<void> {
    try {
      await super.publish(trigger, payload);
    } catch (error) {
      logger.error({ err: error, trigger }, 'publishing an event failed; live subscribers miss it (the write is committed)');
    }
  }
}

/**
 * The event bus behind GraphQL subscriptions: Redis pub/sub when REDIS_URL is set (any instance
 * delivers what any instance publishes), in-process otherwise (one instance).
 */
@Global()
@Module({
  providers: [
    {
      provide: PUB_SUB,
      inject: [AppConfig],
      useFactory: (config: AppConfig): PubSubEngine => {
        const url = config.env.REDIS_URL;
        if (!url) return new PubSub();
        logger.log('GraphQL subscriptions go through Redis');
        return new BestEffortRedisPubSub({
          publisher: createRedisClient(url, 'publisher', { maxRetriesPerRequest: 2 }),
          subscriber: createRedisClient(url, 'subscriber', { maxRetriesPerRequest: null }),
          serializer: serializeEvent,
          deserializer: deserializeEvent,
        });
      },
    },
  ],
  exports: [PUB_SUB],
})
export class PubSubModule implements OnApplicationShutdown {
  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  async onApplicationShutdown(): Promise<void> {
    if (!(this.pubSub instanceof RedisPubSub)) return;
    // QUIT (RedisPubSub.close) would wait in the offline queue while Redis is unreachable: cut those instead.
    await Promise.all([this.pubSub.getPublisher(), this.pubSub.getSubscriber()].map((client) => (client.status === 'ready' ? client.quit().catch(() => client.disconnect()) : client.disconnect())));
  }
}
