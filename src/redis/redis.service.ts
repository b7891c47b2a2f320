import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';

/** The shared Redis connection when `REDIS_URL` is set (`client` is null otherwise). */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  readonly client: Redis | null;

  constructor(config: AppConfig) {
    this.client = config.env.REDIS_URL ? new Redis(config.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true }) : null;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client && this.client.status !== 'end') await this.client.quit().catch(() => this.client?.disconnect());
  }
}
