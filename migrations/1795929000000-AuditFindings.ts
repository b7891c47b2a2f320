import { MigrationInterface, QueryRunner } from 'typeorm';

/** Audit findings by category (rebutted once, answered once), and the audit's codes sampled, auditor and auditor credential on the batch. */
export class AuditFindings1795929000000 implements MigrationInterface {
  name = 'AuditFindings1795929000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."audit_error_category" AS ENUM('WRONG_CODE', 'MISSING_CODE', 'UNSUPPORTED_CODE', 'SEQUENCING', 'MODIFIER')`);
    await queryRunner.query(
      `CREATE TABLE "audit_findings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "batch_id" uuid NOT NULL, "contract_id" uuid NOT NULL, "position" integer NOT NULL, "category" "public"."audit_error_category" NOT NULL, "encounter_index" integer, "code" text, "financial_impact_cents" bigint, "note" jsonb, "rebuttal" jsonb, "rebutted_by_id" uuid, "rebutted_at" TIMESTAMP(3) WITH TIME ZONE, "answer" jsonb, "upheld" boolean, "answered_by_id" uuid, "answered_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "audit_findings_impact_check" CHECK (financial_impact_cents >= 0), CONSTRAINT "audit_findings_encounter_index_check" CHECK (encounter_index >= 0), CONSTRAINT "audit_findings_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "audit_findings_batch_key" ON "audit_findings" ("batch_id", "position") `);
    for (const [column, table] of [
      ['batch_id', 'coded_batches'],
      ['contract_id', 'contracts'],
      ['rebutted_by_id', 'users'],
      ['answered_by_id', 'users'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    }
    await queryRunner.query(`ALTER TABLE "coded_batches" ADD "audit_codes_sampled" integer`);
    await queryRunner.query(`ALTER TABLE "coded_batches" ADD "audited_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "coded_batches" ADD "auditor_credential" "public"."credential_type"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" ADD "auditor_credential_verified" boolean`);
    await queryRunner.query(
      `ALTER TABLE "coded_batches" ADD CONSTRAINT "coded_batches_audited_by_id_fkey" FOREIGN KEY ("audited_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP CONSTRAINT "coded_batches_audited_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP COLUMN "auditor_credential_verified"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP COLUMN "auditor_credential"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP COLUMN "audited_by_id"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP COLUMN "audit_codes_sampled"`);
    await queryRunner.query(`DROP TABLE "audit_findings"`);
    await queryRunner.query(`DROP TYPE "public"."audit_error_category"`);
  }
}
