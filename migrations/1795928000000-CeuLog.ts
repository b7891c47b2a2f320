import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CEU log (issue 17, item 2):
 * - `ceu_entries`: continuing education a coder logged for an issuer's cycle, in integer tenths of a
 *   CEU; the same activity (normalized title + provider) on one day for one issuer is one entry;
 * - `ceu_reminders`: a short cycle was reminded, once per coder, issuer, cycle end and threshold (90/30 days);
 * - the `CEU_CYCLE_SHORT` notification kind.
 */
export class CeuLog1795928000000 implements MigrationInterface {
  name = 'CeuLog1795928000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'CEU_CYCLE_SHORT'`);
    await queryRunner.query(`CREATE TYPE "public"."credential_issuer" AS ENUM('AAPC', 'AHIMA')`);
    await queryRunner.query(`CREATE TYPE "public"."ceu_category" AS ENUM('CORE_A', 'CORE_B', 'SPECIALTY', 'AHIMA')`);
    await queryRunner.query(
      `CREATE TABLE "ceu_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "coder_id" uuid NOT NULL, "issuer" "public"."credential_issuer" NOT NULL, "category" "public"."ceu_category" NOT NULL, "title" text NOT NULL, "provider" text NOT NULL, "completed_on" date NOT NULL, "ceu_tenths" integer NOT NULL, "dedupe_key" text NOT NULL, "certificate_document_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ceu_entries_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ceu_entries_dedupe_key" ON "ceu_entries" ("coder_id", "issuer", "completed_on", "dedupe_key")`);
    await queryRunner.query(`ALTER TABLE "ceu_entries" ADD CONSTRAINT "ceu_entries_coder_id_fkey" FOREIGN KEY ("coder_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(
      `ALTER TABLE "ceu_entries" ADD CONSTRAINT "ceu_entries_certificate_document_id_fkey" FOREIGN KEY ("certificate_document_id") REFERENCES "credential_documents"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "ceu_reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "coder_id" uuid NOT NULL, "issuer" "public"."credential_issuer" NOT NULL, "cycle_ends_on" date NOT NULL, "threshold_days" smallint NOT NULL, "remaining_tenths" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ceu_reminders_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ceu_reminders_key" ON "ceu_reminders" ("coder_id", "issuer", "cycle_ends_on", "threshold_days")`);
    await queryRunner.query(`ALTER TABLE "ceu_reminders" ADD CONSTRAINT "ceu_reminders_coder_id_fkey" FOREIGN KEY ("coder_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ceu_reminders"`);
    await queryRunner.query(`DROP TABLE "ceu_entries"`);
    await queryRunner.query(`DROP TYPE "public"."ceu_category"`);
    await queryRunner.query(`DROP TYPE "public"."credential_issuer"`);
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind"::text = 'CEU_CYCLE_SHORT'`);
    // PostgreSQL cannot drop an enum value: CEU_CYCLE_SHORT stays in notification_kind, unused.
  }
}
