import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work that cannot be invented, and failed charges (issue 15, items 1 and 6).
 *
 * - `contracts.weekly_hour_limit` (HOURLY: hours a coder may log per ISO week), `job_postings` and
 *   `bids` carry the agreed cap; `contracts.paused_at` / `pause_reason` and the `contract_pauses` history.
 * - `invoices`: IN_REVIEW, FAILED and VOID; `due_at` (end of the review window), the charge tries
 *   (`charge_attempts`, `next_charge_at`, `first_declined_at`, `last_decline_message`), and the
 *   dispute that settled it. `invoice_lines`: what each work invoice bills, one line per batch ever.
 * - `coded_batches.invoiced_at` / `invoice_id`: per-chart work is billed from accepted batches.
 *
 * Existing rows: an HOURLY contract gets a cap of 40 hours, or the most it ever logged in a week
 * when that was more (at most 168), so no week already worked exceeds its cap. Invoices already
 * OPEN, PAID or RELEASED count one charge try (their `charge:invoice:<id>` job exists); their days
 * become their lines. Batches ACCEPTED before now are marked billed: per-chart work was billed from
 * the typed-in chart counts until now, and billing their encounters again would charge twice.
 */
export class WorkWithinTheContract1795870000000 implements MigrationInterface {
  name = 'WorkWithinTheContract1795870000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."contract_pause_reason" AS ENUM('PROVIDER', 'PAYMENT_FAILED')`);
    await queryRunner.query(
      `CREATE TABLE "contract_pauses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "reason" "public"."contract_pause_reason" NOT NULL, "paused_by_id" uuid, "paused_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resumed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "contract_pauses_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "contract_pauses_open_key" ON "contract_pauses"  ("contract_id") WHERE resumed_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "contract_pauses_contract_id_idx" ON "contract_pauses"  ("contract_id", "paused_at") `);
    await queryRunner.query(`ALTER TABLE "job_postings" ADD "weekly_hour_limit" integer`);
    await queryRunner.query(`ALTER TABLE "bids" ADD "weekly_hour_limit" integer`);
    await queryRunner.query(`ALTER TABLE "contracts" ADD "weekly_hour_limit" integer`);
    await queryRunner.query(`ALTER TABLE "contracts" ADD "paused_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "contracts" ADD "pause_reason" "public"."contract_pause_reason"`);
    await queryRunner.query(`
      UPDATE "contracts" k SET "weekly_hour_limit" = LEAST(168, GREATEST(40, coalesce((
        SELECT max(ceil(week.minutes / 60.0))::int FROM (
          SELECT sum(w.minutes) AS minutes FROM "work_logs" w WHERE w.contract_id = k.id AND w.minutes IS NOT NULL GROUP BY date_trunc('week', w.worked_on)
        ) week), 0)))
      WHERE k.pay_model = 'HOURLY'`);
    await queryRunner.query(`ALTER TABLE "contracts" ADD CONSTRAINT "contracts_weekly_hour_limit_check" CHECK (weekly_hour_limit BETWEEN 1 AND 168)`);
    // PAUSED was never set before this migration: no row breaks the rule.
    await queryRunner.query(`ALTER TABLE "contracts" ADD CONSTRAINT "contracts_pause_check" CHECK ((paused_at IS NULL) = (pause_reason IS NULL) AND (status <> 'PAUSED' OR paused_at IS NOT NULL))`);
    await queryRunner.query(
      `ALTER TABLE "contract_pauses" ADD CONSTRAINT "contract_pauses_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_pauses" ADD CONSTRAINT "contract_pauses_paused_by_id_fkey" FOREIGN KEY ("paused_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // A new type rather than ADD VALUE: the new values are used (the default) in this transaction.
    await queryRunner.query(`ALTER TYPE "public"."invoice_status" RENAME TO "invoice_status_old"`);
    await queryRunner.query(`CREATE TYPE "public"."invoice_status" AS ENUM('IN_REVIEW', 'OPEN', 'FAILED', 'PAID', 'RELEASED', 'VOID')`);
    await queryRunner.query(`DROP INDEX "public"."invoices_release_idx"`);
    await queryRunner.query(`ALTER TABLE "invoices" ALTER COLUMN "status" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "invoices" ALTER COLUMN "status" TYPE "public"."invoice_status" USING "status"::"text"::"public"."invoice_status"`);
    await queryRunner.query(`ALTER TABLE "invoices" ALTER COLUMN "status" SET DEFAULT 'IN_REVIEW'`);
    await queryRunner.query(`DROP TYPE "public"."invoice_status_old"`);
    await queryRunner.query(`CREATE INDEX "invoices_release_idx" ON "invoices"  ("release_after") WHERE status = 'PAID'`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "charge_attempts" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "next_charge_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "first_declined_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "last_decline_message" text`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "dispute_id" uuid`);
    await queryRunner.query(`UPDATE "invoices" SET "charge_attempts" = 1`);
    await queryRunner.query(`CREATE INDEX "invoices_retry_idx" ON "invoices"  ("next_charge_at") WHERE status = 'FAILED'`);
    await queryRunner.query(`CREATE INDEX "invoices_charge_due_idx" ON "invoices"  ("due_at") WHERE status = 'IN_REVIEW'`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD CONSTRAINT "invoices_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "disputes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await queryRunner.query(
      `CREATE TABLE "invoice_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoice_id" uuid NOT NULL, "worked_on" date, "minutes" integer, "coded_batch_id" uuid, "charts" integer, CONSTRAINT "invoice_lines_kind_check" CHECK ((worked_on IS NOT NULL AND coded_batch_id IS NULL AND (minutes IS NULL) <> (charts IS NULL)) OR (coded_batch_id IS NOT NULL AND charts IS NOT NULL AND worked_on IS NULL AND minutes IS NULL)), CONSTRAINT "invoice_lines_quantity_check" CHECK (coalesce(minutes, 1) > 0 AND coalesce(charts, 1) > 0), CONSTRAINT "invoice_lines_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "invoice_lines_coded_batch_key" ON "invoice_lines"  ("coded_batch_id") WHERE coded_batch_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "invoice_lines_invoice_id_idx" ON "invoice_lines"  ("invoice_id") `);
    await queryRunner.query(`ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(
      `INSERT INTO "invoice_lines" ("invoice_id", "worked_on", "minutes", "charts") SELECT "invoice_id", "worked_on", "minutes", "charts" FROM "work_logs" WHERE "invoice_id" IS NOT NULL ORDER BY "worked_on"`,
    );

    await queryRunner.query(`ALTER TABLE "coded_batches" ADD "invoiced_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "coded_batches" ADD "invoice_id" uuid`);
    await queryRunner.query(`UPDATE "coded_batches" SET "invoiced_at" = coalesce("reviewed_at", now()) WHERE "status" = 'ACCEPTED'`);
    await queryRunner.query(`CREATE INDEX "coded_batches_uninvoiced_idx" ON "coded_batches"  ("contract_id", "reviewed_at") WHERE status = 'ACCEPTED' AND invoiced_at IS NULL`);
    await queryRunner.query(`ALTER TABLE "coded_batches" ADD CONSTRAINT "coded_batches_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'INVOICE_ISSUED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'INVOICE_PAYMENT_FAILED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CONTRACT_PAUSED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CONTRACT_RESUMED'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The enum without this migration's kinds, whatever other migrations added.
    const added = `'INVOICE_ISSUED', 'INVOICE_PAYMENT_FAILED', 'CONTRACT_PAUSED', 'CONTRACT_RESUMED'`;
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind"::text IN (${added})`);
    const kinds: { label: string }[] = await queryRunner.query(
      `SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'notification_kind' AND e.enumlabel NOT IN (${added}) ORDER BY e.enumsortorder`,
    );
    await queryRunner.query(`CREATE TYPE "public"."notification_kind_old" AS ENUM(${kinds.map(({ label }) => `'${label.replace(/'/g, "''")}'`).join(', ')})`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);

    await queryRunner.query(`ALTER TABLE "coded_batches" DROP CONSTRAINT "coded_batches_invoice_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."coded_batches_uninvoiced_idx"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP COLUMN "invoice_id"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP COLUMN "invoiced_at"`);
    await queryRunner.query(`DROP TABLE "invoice_lines"`);

    // Invoices the old states cannot express: one never charged goes back to OPEN (charged by its job
    // if one was queued), a FAILED one too; a VOID one was refused by a dispute and goes, with its days
    // (the old code would bill them again).
    await queryRunner.query(`DELETE FROM "work_logs" WHERE "invoice_id" IN (SELECT "id" FROM "invoices" WHERE "status" = 'VOID')`);
    await queryRunner.query(`DELETE FROM "invoices" WHERE "status" = 'VOID'`);
    await queryRunner.query(`UPDATE "invoices" SET "status" = 'OPEN' WHERE "status" IN ('IN_REVIEW', 'FAILED')`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "invoices_dispute_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."invoices_charge_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."invoices_retry_idx"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "dispute_id"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "last_decline_message"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "first_declined_at"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "next_charge_at"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "charge_attempts"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "due_at"`);
    await queryRunner.query(`DROP INDEX "public"."invoices_release_idx"`);
    await queryRunner.query(`ALTER TABLE "invoices" ALTER COLUMN "status" DROP DEFAULT`);
    await queryRunner.query(`CREATE TYPE "public"."invoice_status_old" AS ENUM('OPEN', 'PAID', 'RELEASED')`);
    await queryRunner.query(`ALTER TABLE "invoices" ALTER COLUMN "status" TYPE "public"."invoice_status_old" USING "status"::"text"::"public"."invoice_status_old"`);
    await queryRunner.query(`DROP TYPE "public"."invoice_status"`);
    await queryRunner.query(`ALTER TYPE "public"."invoice_status_old" RENAME TO "invoice_status"`);
    await queryRunner.query(`ALTER TABLE "invoices" ALTER COLUMN "status" SET DEFAULT 'OPEN'`);
    await queryRunner.query(`CREATE INDEX "invoices_release_idx" ON "invoices"  ("release_after") WHERE status = 'PAID'`);

    await queryRunner.query(`UPDATE "contracts" SET "status" = 'ACTIVE' WHERE "status" = 'PAUSED'`);
    await queryRunner.query(`ALTER TABLE "contract_pauses" DROP CONSTRAINT "contract_pauses_paused_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "contract_pauses" DROP CONSTRAINT "contract_pauses_contract_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "contracts_pause_check"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "contracts_weekly_hour_limit_check"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP COLUMN "pause_reason"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP COLUMN "paused_at"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP COLUMN "weekly_hour_limit"`);
    await queryRunner.query(`ALTER TABLE "bids" DROP COLUMN "weekly_hour_limit"`);
    await queryRunner.query(`ALTER TABLE "job_postings" DROP COLUMN "weekly_hour_limit"`);
    await queryRunner.query(`DROP TABLE "contract_pauses"`);
    await queryRunner.query(`DROP TYPE "public"."contract_pause_reason"`);
  }
}
