import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CodedBatchEntity } from './coded-batch.entity.js';
import { useSealedColumnKey } from './sealed-column.js';

const CHUNK = 200;

/**
 * Sets the key of the sealed PHI columns (`sealedJson`) and, once at start, seals the rows written
 * before they were sealed: a migration cannot, since the key lives in the environment, not the
 * database. Each chunk is locked (`FOR UPDATE SKIP LOCKED`) and rewritten through the entity, so
 * instances starting together share the work and a row being reviewed meanwhile is never rewritten
 * from a stale read. Runs until no plain row is left (an empty array holds no PHI and stays as it is).
 */
@Injectable()
export class SealedColumns implements OnApplicationBootstrap {
  private readonly logger = new Logger(SealedColumns.name);

  constructor(
    config: AppConfig,
    private readonly transactions: TransactionRunner,
  ) {
    useSealedColumnKey(config.documentKey);
  }

  async onApplicationBootstrap(): Promise<void> {
    let sealed = 0;
    for (;;) {
      const done = await this.transactions.run(async (manager) => {
        const rows = await queryRows<{ id: string }>(
          manager,
          `SELECT id FROM coded_batches
            WHERE (jsonb_typeof(encounters) = 'array' AND encounters <> '[]'::jsonb) OR (jsonb_typeof(review_comments) = 'array' AND review_comments <> '[]'::jsonb) OR (jsonb_typeof(warnings) = 'array' AND warnings <> '[]'::jsonb)
            ORDER BY id LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED`,
        );
        if (!rows.length) return 0;
        const repository = manager.getRepository(CodedBatchEntity);
        for (const { id } of rows) {
          const batch = await repository.findOneOrFail({ where: { id }, select: { id: true, encounters: true, reviewComments: true, warnings: true } });
          await repository.update({ id }, { encounters: batch.encounters, reviewComments: batch.reviewComments, warnings: batch.warnings });
        }
        return rows.length;
      });
      sealed += done;
      if (done < CHUNK) break;
    }
    if (sealed) this.logger.log(`sealed the encounters, review comments and coding warnings of ${sealed} coded batch(es) written before they were encrypted at rest`);
  }
}
