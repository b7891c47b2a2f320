import { MigrationInterface, QueryRunner } from 'typeorm';

/** Disputes (one open per contract) and their notifications. */

export class Disputes1795753161702 implements MigrationInterface {
  name = 'Disputes1795753161702';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."dispute_status" AS ENUM('OPEN', 'RESOLVED')`);
    await queryRunner.query(
      `CREATE TABLE "disputes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "opened_by_id" uuid NOT NULL, "reason" text NOT NULL, "status" "public"."dispute_status" NOT NULL DEFAULT 'OPEN', "coder_cents" integer, "held_cents" integer, "resolution_note" text, "resolved_by_id" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "disputes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "disputes_open_contract_key" ON "disputes"  ("contract_id") WHERE status = 'OPEN'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'DISPUTE_OPENED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'DISPUTE_RESOLVED'`);
    await queryRunner.query(`ALTER TABLE "disputes" ADD CONSTRAINT "disputes_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "disputes" ADD CONSTRAINT "disputes_opened_by_id_fkey" FOREIGN KEY ("opened_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "disputes" ADD CONSTRAINT "disputes_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "disputes" DROP CONSTRAINT "disputes_resolved_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "disputes" DROP CONSTRAINT "disputes_opened_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "disputes" DROP CONSTRAINT "disputes_contract_id_fkey"`);
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind"::text IN ('DISPUTE_OPENED', 'DISPUTE_RESOLVED')`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('JOB_INVITATION', 'BID_RECEIVED', 'BID_REJECTED', 'BID_WITHDRAWN', 'INVITATION_DECLINED', 'BID_ACCEPTED', 'BID_DECLINED', 'CONTRACT_STARTED', 'CONTRACT_ENDED')`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
    await queryRunner.query(`DROP INDEX "public"."disputes_open_contract_key"`);
    await queryRunner.query(`DROP TABLE "disputes"`);
    await queryRunner.query(`DROP TYPE "public"."dispute_status"`);
  }
}
