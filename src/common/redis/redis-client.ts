import { Logger } from '@nestjs/common';
import { Redis, RedisOptions } from 'ioredis';

const logger = new Logger('Redis');

/**
 * An ioredis client that reports an outage once when it starts and once when it ends. Without an
 * 'error' listener ioredis prints "Unhandled error event" and a stack on every reconnection attempt.
 * ioredis keeps reconnecting in the background either way.
 */
export function createRedisClient(url: string, role: string, options: RedisOptions = {}): Redis {
  const client = new Redis(url, options);
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(`Redis (${role}) unreachable: ${error.message || error.name}; retrying in the background`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.log(`Redis (${role}) reachable again`);
  });
  return client;
}
