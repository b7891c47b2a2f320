import { MigrationInterface, QueryRunner } from 'typeorm';

/** Contract messages and their notification kind. */

export class Messaging1795754530593 implements MigrationInterface {
  name = 'Messaging1795754530593';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "sender_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "messages_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "messages_contract_created_idx" ON "messages"  ("contract_id", "created_at") `);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'MESSAGE_RECEIVED'`);
    await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "messages_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "messages_sender_id_fkey" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "messages_sender_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "messages_contract_id_fkey"`);
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind"::text = 'MESSAGE_RECEIVED'`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('JOB_INVITATION', 'BID_RECEIVED', 'BID_REJECTED', 'BID_WITHDRAWN', 'INVITATION_DECLINED', 'BID_ACCEPTED', 'BID_DECLINED', 'CONTRACT_STARTED', 'CONTRACT_ENDED', 'DISPUTE_OPENED', 'DISPUTE_RESOLVED', 'BATCH_SUBMITTED', 'BATCH_RETURNED', 'BATCH_ACCEPTED')`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
    await queryRunner.query(`DROP INDEX "public"."messages_contract_created_idx"`);
    await queryRunner.query(`DROP TABLE "messages"`);
  }
}
