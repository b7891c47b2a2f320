import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../common/auth/decorators.js';
import { SkipRateLimit } from '../common/throttling/throttling.js';
import { RedisService } from '../common/redis/redis.service.js';

const TIMEOUT_MS = 1500;

@Controller()
@SkipRateLimit()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisService,
  ) {}

  /** Liveness: the process answers. */
  @Public()
  @Get('health')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database (and Redis, when configured) answer within the timeout; 503 naming what does not otherwise. */
  @Public()
  @Get('ready')
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: TIMEOUT_MS }), ...(this.redis.client ? [() => this.pingRedis()] : [])]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Terminus' message is "Service Unavailable Exception"; the report (kept as details) says what is down.
      const report = error.getResponse() as HealthCheckResult;
      throw new ServiceUnavailableException({ ...report, message: `Not ready: ${Object.keys(report.error ?? {}).join(', ')} unavailable` });
    }
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    const client = this.redis.client!;
    // Lost: say so at once rather than queue a PING behind the reconnection attempts.
    if (this.redis.isDown) return indicator.down({ message: `Redis is ${client.status}` });
    try {
      if (client.status === 'wait') await client.connect();
      await Promise.race([client.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref())]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }
}
