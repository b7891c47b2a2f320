import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.js';
import { LocalDateScalar } from './scalars/local-date.scalar.js';

/** Shared pieces every feature module may inject. */
@Global()
@Module({
  providers: [TransactionRunner, LocalDateScalar],
  exports: [TransactionRunner],
})
export class CommonModule {}
