import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A coded batch is submitted once: `idempotency_key` (the client's, unique per contract and submitter)
 * and `content_hash` (an HMAC of the normalized encounters, unique per contract among batches still
 * SUBMITTED or ACCEPTED; a RETURNED batch may be sent again). Older batches keep both null.
 */
export class IdempotentCodedBatches1795920000000 implements MigrationInterface {
  name = 'IdempotentCodedBatches1795920000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coded_batches" ADD "idempotency_key" text`);
    await queryRunner.query(`ALTER TABLE "coded_batches" ADD "content_hash" text`);
    await queryRunner.query(`ALTER TABLE "coded_batches" ADD "chart_keys" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "coded_batches_idempotency_key_key" ON "coded_batches" ("contract_id", "submitted_by_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "coded_batches_open_content_key" ON "coded_batches" ("contract_id", "content_hash") WHERE content_hash IS NOT NULL AND status IN ('SUBMITTED', 'ACCEPTED')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."coded_batches_open_content_key"`);
    await queryRunner.query(`DROP INDEX "public"."coded_batches_idempotency_key_key"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP COLUMN "chart_keys"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP COLUMN "content_hash"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP COLUMN "idempotency_key"`);
  }
}
