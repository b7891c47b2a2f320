import { MigrationInterface, QueryRunner } from 'typeorm';

/** Hourly / per-chart work logs, weekly and collections invoices, and practices' Stripe customers. */

export class HourlyInvoices1795753411064 implements MigrationInterface {
  name = 'HourlyInvoices1795753411064';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "billing_customers" ("organization_id" uuid NOT NULL, "stripe_customer_id" text NOT NULL, "default_payment_method_id" text, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "billing_customers_pkey" PRIMARY KEY ("organization_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "billing_customers_stripe_customer_id_key" ON "billing_customers"  ("stripe_customer_id") `);
    await queryRunner.query(`CREATE TYPE "public"."invoice_kind" AS ENUM('WORK', 'COLLECTIONS')`);
    await queryRunner.query(`CREATE TYPE "public"."invoice_status" AS ENUM('OPEN', 'PAID', 'RELEASED')`);
    await queryRunner.query(
      `CREATE TABLE "invoices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "kind" "public"."invoice_kind" NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "quantity" integer NOT NULL, "amount_cents" integer NOT NULL, "status" "public"."invoice_status" NOT NULL DEFAULT 'OPEN', "payment_intent_id" text, "paid_at" TIMESTAMP WITH TIME ZONE, "release_after" TIMESTAMP WITH TIME ZONE, "released_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "invoices_amount_check" CHECK (amount_cents > 0 AND period_end >= period_start), CONSTRAINT "invoices_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "invoices_release_idx" ON "invoices"  ("release_after") WHERE status = 'PAID'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_payment_intent_id_key" ON "invoices"  ("payment_intent_id") WHERE payment_intent_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_contract_period_key" ON "invoices"  ("contract_id", "period_start", "kind") `);
    await queryRunner.query(
      `CREATE TABLE "work_logs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "worked_on" date NOT NULL, "minutes" integer, "charts" integer, "note" text, "invoice_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "work_logs_amount_check" CHECK ((minutes IS NULL) <> (charts IS NULL) AND coalesce(minutes, 1) BETWEEN 1 AND 1440 AND coalesce(charts, 1) BETWEEN 1 AND 2000), CONSTRAINT "work_logs_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "work_logs_invoice_id_idx" ON "work_logs"  ("invoice_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "work_logs_contract_day_key" ON "work_logs"  ("contract_id", "worked_on") `);
    await queryRunner.query(
      `ALTER TABLE "billing_customers" ADD CONSTRAINT "billing_customers_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "invoices" ADD CONSTRAINT "invoices_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "work_logs" ADD CONSTRAINT "work_logs_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "work_logs" DROP CONSTRAINT "work_logs_contract_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "invoices_contract_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "billing_customers" DROP CONSTRAINT "billing_customers_organization_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."work_logs_contract_day_key"`);
    await queryRunner.query(`DROP INDEX "public"."work_logs_invoice_id_idx"`);
    await queryRunner.query(`DROP TABLE "work_logs"`);
    await queryRunner.query(`DROP INDEX "public"."invoices_contract_period_key"`);
    await queryRunner.query(`DROP INDEX "public"."invoices_payment_intent_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."invoices_release_idx"`);
    await queryRunner.query(`DROP TABLE "invoices"`);
    await queryRunner.query(`DROP TYPE "public"."invoice_status"`);
    await queryRunner.query(`DROP TYPE "public"."invoice_kind"`);
    await queryRunner.query(`DROP INDEX "public"."billing_customers_stripe_customer_id_key"`);
    await queryRunner.query(`DROP TABLE "billing_customers"`);
  }
}
