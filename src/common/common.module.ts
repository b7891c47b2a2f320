import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DocumentStorage, LocalDiskStorage } from './documents/document-storage.js';
import { UploadSlots } from './documents/upload-slots.js';
import { JobScheduler } from './scheduling/job-scheduler.js';
import { FailureBackoff } from './throttling/failure-backoff.js';
import { RateLimiter } from './throttling/rate-limiter.js';

/** Shared pieces every feature module may inject. */
@Global()
@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [
    TransactionRunner,
    JobScheduler,
    RateLimiter,
    FailureBackoff,
    // Encrypted documents (workroom files, credential certificates) share one store and one set of upload slots.
    { provide: DocumentStorage, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalDiskStorage(join(config.env.DATA_DIR, 'documents')) },
    UploadSlots,
  ],
  exports: [TransactionRunner, JobScheduler, RateLimiter, FailureBackoff, DocumentStorage, UploadSlots],
})
export class CommonModule {}
