import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coding companies are paid as companies.
 * - `payout_accounts` holds a coder's own Express account (`user_id`) or a coding company's
 *   (`organization_id`), exactly one of the two; it gets its own `id` key. Existing rows are coders' accounts.
 * - Queued transfers name their payee (`payload.payee`: `{ kind: USER | ORGANIZATION, id }`) instead
 *   of `payload.coderId`: those queued before were all to coders personally, and stay so.
 * - `coded_batches.coding_company_id`: the company a batch was worked through, copied at submission
 *   (a contract's company never changes), for the company's aggregate accuracy; existing batches
 *   take it from their contract.
 * - Notification kind CONTRACT_REASSIGNED (a company gave its contract to another of its coders).
 * Money released before this on a company's contract stayed with the coder (`coder_payable:<user>`);
 * what is released from now on goes to the company (`company_payable:<organization>`).
 */
export class CompanyPayees1795890000001 implements MigrationInterface {
  name = 'CompanyPayees1795890000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payout_accounts" DROP CONSTRAINT "payout_accounts_pkey"`);
    await queryRunner.query(`ALTER TABLE "payout_accounts" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "payout_accounts" ADD CONSTRAINT "payout_accounts_pkey" PRIMARY KEY ("id")`);
    await queryRunner.query(`ALTER TABLE "payout_accounts" ALTER COLUMN "user_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "payout_accounts" ADD "organization_id" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "payout_accounts_user_id_key" ON "payout_accounts" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "payout_accounts_organization_id_key" ON "payout_accounts" ("organization_id")`);
    await queryRunner.query(`ALTER TABLE "payout_accounts" ADD CONSTRAINT "payout_accounts_one_holder_check" CHECK ((user_id IS NULL) <> (organization_id IS NULL))`);
    await queryRunner.query(
      `ALTER TABLE "payout_accounts" ADD CONSTRAINT "payout_accounts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `UPDATE "outbox_jobs" SET "payload" = ("payload" - 'coderId') || jsonb_build_object('payee', jsonb_build_object('kind', 'USER', 'id', "payload" ->> 'coderId'))
        WHERE "kind" = 'stripe.transfer' AND "payload" ? 'coderId'`,
    );

    await queryRunner.query(`ALTER TABLE "coded_batches" ADD "coding_company_id" uuid`);
    await queryRunner.query(`UPDATE "coded_batches" b SET "coding_company_id" = k."coding_company_id" FROM "contracts" k WHERE k."id" = b."contract_id" AND k."coding_company_id" IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "coded_batches" ADD CONSTRAINT "coded_batches_coding_company_id_fkey" FOREIGN KEY ("coding_company_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "coded_batches_coding_company_idx" ON "coded_batches" ("coding_company_id") WHERE coding_company_id IS NOT NULL`);

    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'CONTRACT_REASSIGNED'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The enum without CONTRACT_REASSIGNED, whatever other values later migrations added.
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind"::text = 'CONTRACT_REASSIGNED'`);
    const kinds: { label: string }[] = await queryRunner.query(
      `SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'notification_kind' AND e.enumlabel <> 'CONTRACT_REASSIGNED' ORDER BY e.enumsortorder`,
    );
    await queryRunner.query(`CREATE TYPE "public"."notification_kind_old" AS ENUM(${kinds.map(({ label }) => `'${label.replace(/'/g, "''")}'`).join(', ')})`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);

    await queryRunner.query(`DROP INDEX "public"."coded_batches_coding_company_idx"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP CONSTRAINT "coded_batches_coding_company_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP COLUMN "coding_company_id"`);

    // Company transfers have no coder to go back to: only the coders' own can be returned to the old shape.
    await queryRunner.query(
      `UPDATE "outbox_jobs" SET "payload" = ("payload" - 'payee') || jsonb_build_object('coderId', "payload" #>> '{payee,id}')
        WHERE "kind" = 'stripe.transfer' AND "payload" #>> '{payee,kind}' = 'USER'`,
    );

    await queryRunner.query(`DELETE FROM "payout_accounts" WHERE "organization_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "payout_accounts" DROP CONSTRAINT "payout_accounts_organization_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "payout_accounts" DROP CONSTRAINT "payout_accounts_one_holder_check"`);
    await queryRunner.query(`DROP INDEX "public"."payout_accounts_organization_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."payout_accounts_user_id_key"`);
    await queryRunner.query(`ALTER TABLE "payout_accounts" DROP COLUMN "organization_id"`);
    await queryRunner.query(`ALTER TABLE "payout_accounts" ALTER COLUMN "user_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "payout_accounts" DROP CONSTRAINT "payout_accounts_pkey"`);
    await queryRunner.query(`ALTER TABLE "payout_accounts" DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "payout_accounts" ADD CONSTRAINT "payout_accounts_pkey" PRIMARY KEY ("user_id")`);
  }
}
