import { MigrationInterface, QueryRunner } from 'typeorm';

/** Coded batches (validated encounters, review, audit) and the official code tables. */

export class CodedBatches1795754189128 implements MigrationInterface {
  name = 'CodedBatches1795754189128';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."coded_batch_status" AS ENUM('SUBMITTED', 'ACCEPTED', 'RETURNED')`);
    await queryRunner.query(
      `CREATE TABLE "coded_batches" ("id" uuid NOT NULL, "contract_id" uuid NOT NULL, "submitted_by_id" uuid NOT NULL, "encounters" jsonb NOT NULL, "encounter_count" integer NOT NULL, "status" "public"."coded_batch_status" NOT NULL DEFAULT 'SUBMITTED', "review_comments" jsonb NOT NULL DEFAULT '[]', "reviewed_at" TIMESTAMP WITH TIME ZONE, "audit_sampled" integer, "audit_errors" integer, "audit_notes" text, "audited_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "coded_batches_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "coded_batches_contract_created_idx" ON "coded_batches"  ("contract_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "code_table_entries" ("code_set" text NOT NULL, "year" integer NOT NULL, "code" text NOT NULL, "billable" boolean NOT NULL, "description" text NOT NULL, CONSTRAINT "code_table_entries_pkey" PRIMARY KEY ("code_set", "year", "code"))`,
    );
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'BATCH_SUBMITTED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'BATCH_RETURNED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'BATCH_ACCEPTED'`);
    await queryRunner.query(
      `ALTER TABLE "coded_batches" ADD CONSTRAINT "coded_batches_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coded_batches" ADD CONSTRAINT "coded_batches_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP CONSTRAINT "coded_batches_submitted_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP CONSTRAINT "coded_batches_contract_id_fkey"`);
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind"::text IN ('BATCH_SUBMITTED', 'BATCH_RETURNED', 'BATCH_ACCEPTED')`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('JOB_INVITATION', 'BID_RECEIVED', 'BID_REJECTED', 'BID_WITHDRAWN', 'INVITATION_DECLINED', 'BID_ACCEPTED', 'BID_DECLINED', 'CONTRACT_STARTED', 'CONTRACT_ENDED', 'DISPUTE_OPENED', 'DISPUTE_RESOLVED')`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
    await queryRunner.query(`DROP TABLE "code_table_entries"`);
    await queryRunner.query(`DROP INDEX "public"."coded_batches_contract_created_idx"`);
    await queryRunner.query(`DROP TABLE "coded_batches"`);
    await queryRunner.query(`DROP TYPE "public"."coded_batch_status"`);
  }
}
