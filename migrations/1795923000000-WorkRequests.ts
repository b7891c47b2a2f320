import { MigrationInterface, QueryRunner } from 'typeorm';

/** Work requests (charts by a due time) on a contract, the coded batches that answer them, and their notifications. */
export class WorkRequests1795923000000 implements MigrationInterface {
  name = 'WorkRequests1795923000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."work_request_priority" AS ENUM('NORMAL', 'STAT')`);
    await queryRunner.query(`CREATE TYPE "public"."work_request_status" AS ENUM('OPEN', 'COMPLETED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "work_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "requested_by_id" uuid NOT NULL, "title" text NOT NULL, "chart_count" integer NOT NULL, "due_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "priority" "public"."work_request_priority" NOT NULL, "status" "public"."work_request_status" NOT NULL DEFAULT 'OPEN', "completed_at" TIMESTAMP(3) WITH TIME ZONE, "delivered_at" TIMESTAMP(3) WITH TIME ZONE, "cancelled_at" TIMESTAMP(3) WITH TIME ZONE, "due_soon_reminded_at" TIMESTAMP WITH TIME ZONE, "overdue_reminded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "work_requests_chart_count_check" CHECK (chart_count BETWEEN 1 AND 5000), CONSTRAINT "work_requests_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "work_requests_contract_due_idx" ON "work_requests" ("contract_id", "due_at") `);
    await queryRunner.query(`CREATE INDEX "work_requests_open_due_idx" ON "work_requests" ("due_at") WHERE status = 'OPEN'`);
    await queryRunner.query(
      `ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "coded_batches" ADD "work_request_id" uuid`);
    await queryRunner.query(`CREATE INDEX "coded_batches_work_request_idx" ON "coded_batches" ("work_request_id") WHERE work_request_id IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "coded_batches" ADD CONSTRAINT "coded_batches_work_request_id_fkey" FOREIGN KEY ("work_request_id") REFERENCES "work_requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    for (const kind of ['WORK_REQUESTED', 'WORK_REQUEST_CANCELLED', 'WORK_REQUEST_DUE_SOON', 'WORK_REQUEST_OVERDUE']) {
      await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE '${kind}'`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind"::text IN ('WORK_REQUESTED', 'WORK_REQUEST_CANCELLED', 'WORK_REQUEST_DUE_SOON', 'WORK_REQUEST_OVERDUE')`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('JOB_INVITATION', 'BID_RECEIVED', 'BID_REJECTED', 'BID_WITHDRAWN', 'INVITATION_DECLINED', 'BID_ACCEPTED', 'BID_DECLINED', 'CONTRACT_STARTED', 'CONTRACT_ENDED', 'CONTRACT_REASSIGNED', 'DISPUTE_OPENED', 'DISPUTE_RESOLVED', 'BATCH_SUBMITTED', 'BATCH_RETURNED', 'BATCH_ACCEPTED', 'MESSAGE_RECEIVED', 'CREDENTIAL_REVIEWED', 'CREDENTIAL_EXPIRING', 'MILESTONE_FUNDED', 'MILESTONE_RELEASED', 'MILESTONE_CHANGES_REQUESTED', 'MILESTONE_REFUNDED', 'INVOICE_ISSUED', 'INVOICE_PAYMENT_FAILED', 'CONTRACT_PAUSED', 'CONTRACT_RESUMED')`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP CONSTRAINT "coded_batches_work_request_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."coded_batches_work_request_idx"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP COLUMN "work_request_id"`);
    await queryRunner.query(`ALTER TABLE "work_requests" DROP CONSTRAINT "work_requests_requested_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "work_requests" DROP CONSTRAINT "work_requests_contract_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."work_requests_open_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."work_requests_contract_due_idx"`);
    await queryRunner.query(`DROP TABLE "work_requests"`);
    await queryRunner.query(`DROP TYPE "public"."work_request_status"`);
    await queryRunner.query(`DROP TYPE "public"."work_request_priority"`);
  }
}
