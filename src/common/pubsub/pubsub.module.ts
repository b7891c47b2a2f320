import { Global, Logger, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { AppConfig } from '../../config/app-config.js';
import { createRedisClient } from '../../redis/redis-client.js';

export const PUB_SUB = Symbol('PUB_SUB');

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
        new Logger('PubSub').log('GraphQL subscriptions go through Redis');
        return new RedisPubSub({ publisher: createRedisClient(url, 'publisher', { maxRetriesPerRequest: 2 }), subscriber: createRedisClient(url, 'subscriber', { maxRetriesPerRequest: null }) });
      },
    },
  ],
  exports: [PUB_SUB],
})
export class PubSubModule implements OnApplicationShutdown {
  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.pubSub instanceof RedisPubSub) await this.pubSub.close();
  }
}
