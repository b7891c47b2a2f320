import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.js';
import { RateLimiter } from './throttling/rate-limiter.js';

/** Shared pieces every feature module may inject. */
@Global()
@Module({
  providers: [TransactionRunner, RateLimiter],
  exports: [TransactionRunner, RateLimiter],
})
export class CommonModule {}
