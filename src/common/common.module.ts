import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DiskDocumentStorage } from './documents/disk-document-storage.js';
import { DocumentStorage } from './documents/document-storage.js';
import { UploadSlots } from './documents/upload-slots.js';
import { PersistedQueries } from './graphql/persisted-queries.js';
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
    PersistedQueries,
    // Encrypted documents (workroom files, credential certificates) share one store and one set of upload slots.
    {
      provide: DocumentStorage,
      inject: [AppConfig],
      // The AWS SDK (about 25 MB of resident code) is loaded only when the documents live in S3.
      useFactory: async (config: AppConfig): Promise<DocumentStorage> => {
        if (config.env.DOCUMENT_STORAGE !== 's3') return new DiskDocumentStorage(join(config.env.DATA_DIR, 'documents'));
        const { S3DocumentStorage, s3SettingsOf } = await import('./documents/s3-document-storage.js');
        return new S3DocumentStorage(s3SettingsOf(config.env));
      },
    },
    UploadSlots,
  ],
  exports: [TransactionRunner, JobScheduler, RateLimiter, FailureBackoff, PersistedQueries, DocumentStorage, UploadSlots],
})
export class CommonModule {}
