import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.js';

/** Shared pieces every feature module may inject. */
@Global()
@Module({
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class CommonModule {}
