import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminders before a credential expires. */

export class CredentialExpiryReminders1795754898520 implements MigrationInterface {
  name = 'CredentialExpiryReminders1795754898520';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "credentials" ADD "expiry_reminded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CREDENTIAL_EXPIRING'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind"::text = 'CREDENTIAL_EXPIRING'`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('JOB_INVITATION', 'BID_RECEIVED', 'BID_REJECTED', 'BID_WITHDRAWN', 'INVITATION_DECLINED', 'BID_ACCEPTED', 'BID_DECLINED', 'CONTRACT_STARTED', 'CONTRACT_ENDED', 'DISPUTE_OPENED', 'DISPUTE_RESOLVED', 'BATCH_SUBMITTED', 'BATCH_RETURNED', 'BATCH_ACCEPTED', 'MESSAGE_RECEIVED', 'CREDENTIAL_REVIEWED', 'MILESTONE_FUNDED', 'MILESTONE_RELEASED')`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
    await queryRunner.query(`ALTER TABLE "credentials" DROP COLUMN "expiry_reminded_at"`);
  }
}
