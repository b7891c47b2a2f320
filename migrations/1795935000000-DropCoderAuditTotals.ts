import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `coder_profiles.audited_charts` and `audit_errors` kept every recorded audit's totals, paid contracts
 * or not. Published accuracy (CoderProfile.accuracyScore and the public profile page) counts only the
 * audits of contracts that paid the coder, read from `coded_batches`, so nothing reads them: dropped.
 * `down()` adds them back, filled from the audited batches as the app kept them (overturned errors
 * were taken off both the batch and the totals).
 */
export class DropCoderAuditTotals1795935000000 implements MigrationInterface {
  name = 'DropCoderAuditTotals1795935000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coder_profiles" DROP COLUMN "audited_charts", DROP COLUMN "audit_errors"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coder_profiles" ADD "audited_charts" integer NOT NULL DEFAULT 0, ADD "audit_errors" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `UPDATE "coder_profiles" p SET "audited_charts" = b.sampled, "audit_errors" = b.errors
         FROM (SELECT submitted_by_id, sum(audit_sampled)::int AS sampled, sum(audit_errors)::int AS errors
                 FROM "coded_batches" WHERE audited_at IS NOT NULL GROUP BY submitted_by_id) b
        WHERE p.user_id = b.submitted_by_id`,
    );
  }
}
