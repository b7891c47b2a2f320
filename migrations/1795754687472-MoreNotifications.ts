import { MigrationInterface, QueryRunner } from 'typeorm';

/** Notification kinds for credential reviews and milestone funding and release. */

export class MoreNotifications1795754687472 implements MigrationInterface {
  name = 'MoreNotifications1795754687472';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CREDENTIAL_REVIEWED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'MILESTONE_FUNDED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'MILESTONE_RELEASED'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind"::text IN ('CREDENTIAL_REVIEWED', 'MILESTONE_FUNDED', 'MILESTONE_RELEASED')`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('JOB_INVITATION', 'BID_RECEIVED', 'BID_REJECTED', 'BID_WITHDRAWN', 'INVITATION_DECLINED', 'BID_ACCEPTED', 'BID_DECLINED', 'CONTRACT_STARTED', 'CONTRACT_ENDED', 'DISPUTE_OPENED', 'DISPUTE_RESOLVED', 'BATCH_SUBMITTED', 'BATCH_RETURNED', 'BATCH_ACCEPTED', 'MESSAGE_RECEIVED')`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
  }
}
