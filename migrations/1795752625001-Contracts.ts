import { MigrationInterface, QueryRunner } from 'typeorm';

/** Contracts (one per accepted bid, fee frozen) and the notification kinds they raise. */

export class Contracts1795752625001 implements MigrationInterface {
  name = 'Contracts1795752625001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."contract_status" AS ENUM('ACTIVE', 'PAUSED', 'ENDED', 'DISPUTED')`);
    await queryRunner.query(
      `CREATE TABLE "contracts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_posting_id" uuid NOT NULL, "bid_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "coder_id" uuid NOT NULL, "coding_company_id" uuid, "pay_model" "public"."pay_model" NOT NULL, "rate_cents" integer, "percent_of_collections_bps" integer, "platform_fee_bps" integer NOT NULL, "status" "public"."contract_status" NOT NULL DEFAULT 'ACTIVE', "ended_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contracts_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "contracts_coder_id_idx" ON "contracts"  ("coder_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "contracts_organization_id_idx" ON "contracts"  ("organization_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "contracts_bid_id_key" ON "contracts"  ("bid_id") `);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'BID_ACCEPTED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'BID_DECLINED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CONTRACT_STARTED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CONTRACT_ENDED'`);
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "contracts_job_posting_id_fkey" FOREIGN KEY ("job_posting_id") REFERENCES "job_postings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "contracts" ADD CONSTRAINT "contracts_bid_id_fkey" FOREIGN KEY ("bid_id") REFERENCES "bids"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "contracts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "contracts" ADD CONSTRAINT "contracts_coder_id_fkey" FOREIGN KEY ("coder_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "contracts_coding_company_id_fkey" FOREIGN KEY ("coding_company_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "contracts_coding_company_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "contracts_coder_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "contracts_organization_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "contracts_bid_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "contracts_job_posting_id_fkey"`);
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind"::text IN ('BID_ACCEPTED', 'BID_DECLINED', 'CONTRACT_STARTED', 'CONTRACT_ENDED')`);
    await queryRunner.query(`CREATE TYPE "public"."notification_kind_old" AS ENUM('JOB_INVITATION', 'BID_RECEIVED', 'BID_REJECTED', 'BID_WITHDRAWN', 'INVITATION_DECLINED')`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
    await queryRunner.query(`DROP INDEX "public"."contracts_bid_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."contracts_organization_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."contracts_coder_id_idx"`);
    await queryRunner.query(`DROP TABLE "contracts"`);
    await queryRunner.query(`DROP TYPE "public"."contract_status"`);
  }
}
