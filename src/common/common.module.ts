import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JobScheduler } from './scheduling/job-scheduler.js';
import { FailureBackoff } from './throttling/failure-backoff.js';
import { RateLimiter } from './throttling/rate-limiter.js';

/** Shared pieces every feature module may inject. */
@Global()
@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [TransactionRunner, JobScheduler, RateLimiter, FailureBackoff],
  exports: [TransactionRunner, JobScheduler, RateLimiter, FailureBackoff],
})
export class CommonModule {}
