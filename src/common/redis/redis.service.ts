import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { createRedisClient } from './redis-client.js';

/** The shared Redis connection when `REDIS_URL` is set (`client` is null otherwise). */
@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  readonly client: Redis | null;

  constructor(config: AppConfig) {
    this.client = config.env.REDIS_URL ? createRedisClient(config.env.REDIS_URL, 'commands', { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true }) : null;
  }

  /** Connects in the background: Redis being down must not stop start-up (callers check `isReady`). */
  onModuleInit(): void {
    this.client?.connect().catch(() => undefined);
  }

  /** True when commands can be sent now (false while Redis is unset, connecting or unreachable). */
  get isReady(): boolean {
    return this.client?.status === 'ready';
  }

  /** True while a connection is lost or failed and not back yet (a command would wait for the reconnection attempts). */
  get isDown(): boolean {
    return this.client !== null && ['reconnecting', 'close', 'end'].includes(this.client.status);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client || this.client.status === 'end') return;
    // QUIT would wait in the offline queue while Redis is unreachable.
    if (this.isReady) await this.client.quit().catch(() => this.client?.disconnect());
    else this.client.disconnect();
  }
}
