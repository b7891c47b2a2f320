import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money: milestones, the double-entry ledger (balanced per journal at commit, append-only, both
 * enforced by triggers), the outbox of Stripe calls, received Stripe events and payout accounts.
 */

export class MoneyLedgerMilestones1795752936260 implements MigrationInterface {
  name = 'MoneyLedgerMilestones1795752936260';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."milestone_status" AS ENUM('CREATED', 'FUNDING', 'FUNDED', 'SUBMITTED', 'RELEASED', 'REFUNDED')`);
    await queryRunner.query(
      `CREATE TABLE "milestones" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "title" text NOT NULL, "amount_cents" integer NOT NULL, "due_on" date, "status" "public"."milestone_status" NOT NULL DEFAULT 'CREATED', "payment_intent_id" text, "submission_note" text, "auto_release_at" TIMESTAMP WITH TIME ZONE, "funded_at" TIMESTAMP WITH TIME ZONE, "released_at" TIMESTAMP WITH TIME ZONE, "refunded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "milestones_amount_check" CHECK (amount_cents > 0), CONSTRAINT "milestones_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "milestones_auto_release_idx" ON "milestones"  ("auto_release_at") WHERE status = 'SUBMITTED'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "milestones_payment_intent_id_key" ON "milestones"  ("payment_intent_id") WHERE payment_intent_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "milestones_contract_id_idx" ON "milestones"  ("contract_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "ledger_journals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "kind" text NOT NULL, "contract_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ledger_journals_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ledger_journals_contract_id_idx" ON "ledger_journals"  ("contract_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ledger_journals_reference_key" ON "ledger_journals"  ("reference") `);
    await queryRunner.query(
      `CREATE TABLE "ledger_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "journal_id" uuid NOT NULL, "account" text NOT NULL, "amount_cents" bigint NOT NULL, CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ledger_entries_journal_id_idx" ON "ledger_entries"  ("journal_id") `);
    await queryRunner.query(`CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries"  ("account") `);
    await queryRunner.query(`CREATE TYPE "public"."outbox_status" AS ENUM('PENDING', 'WAITING', 'DONE', 'FAILED')`);
    await queryRunner.query(
      `CREATE TABLE "outbox_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "idempotency_key" text NOT NULL, "payload" jsonb NOT NULL, "status" "public"."outbox_status" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "result" jsonb, "run_after" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "done_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "outbox_jobs_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "outbox_jobs_runnable_idx" ON "outbox_jobs"  ("run_after") WHERE status = 'PENDING'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "outbox_jobs_idempotency_key_key" ON "outbox_jobs"  ("idempotency_key") `);
    await queryRunner.query(
      `CREATE TABLE "payout_accounts" ("user_id" uuid NOT NULL, "stripe_account_id" text NOT NULL, "payouts_enabled" boolean NOT NULL DEFAULT false, "details_submitted" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payout_accounts_pkey" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "payout_accounts_stripe_account_id_key" ON "payout_accounts"  ("stripe_account_id") `);
    await queryRunner.query(
      `CREATE TABLE "stripe_events" ("id" text NOT NULL, "type" text NOT NULL, "payload" jsonb NOT NULL, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "stripe_events_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "milestones" ADD CONSTRAINT "milestones_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(
      `ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_journal_id_fkey" FOREIGN KEY ("journal_id") REFERENCES "ledger_journals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "payout_accounts" ADD CONSTRAINT "payout_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`
          CREATE FUNCTION ledger_journal_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF (SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries WHERE journal_id = NEW.journal_id) <> 0 THEN
              RAISE EXCEPTION 'ledger journal % does not balance', NEW.journal_id USING ERRCODE = 'check_violation';
            END IF;
            RETURN NULL;
          END $$`);
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_journal_balanced()`);
    await queryRunner.query(`
          CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
          END $$`);
    await queryRunner.query(`CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
    await queryRunner.query(`CREATE TRIGGER ledger_journals_append_only BEFORE UPDATE OR DELETE ON ledger_journals FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER ledger_journals_append_only ON ledger_journals`);
    await queryRunner.query(`DROP TRIGGER ledger_entries_append_only ON ledger_entries`);
    await queryRunner.query(`DROP TRIGGER ledger_entries_balanced ON ledger_entries`);
    await queryRunner.query(`DROP FUNCTION ledger_append_only()`);
    await queryRunner.query(`DROP FUNCTION ledger_journal_balanced()`);
    await queryRunner.query(`ALTER TABLE "payout_accounts" DROP CONSTRAINT "payout_accounts_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_journal_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "milestones" DROP CONSTRAINT "milestones_contract_id_fkey"`);
    await queryRunner.query(`DROP TABLE "stripe_events"`);
    await queryRunner.query(`DROP INDEX "public"."payout_accounts_stripe_account_id_key"`);
    await queryRunner.query(`DROP TABLE "payout_accounts"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_jobs_idempotency_key_key"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_jobs_runnable_idx"`);
    await queryRunner.query(`DROP TABLE "outbox_jobs"`);
    await queryRunner.query(`DROP TYPE "public"."outbox_status"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_entries_account_idx"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_entries_journal_id_idx"`);
    await queryRunner.query(`DROP TABLE "ledger_entries"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_journals_reference_key"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_journals_contract_id_idx"`);
    await queryRunner.query(`DROP TABLE "ledger_journals"`);
    await queryRunner.query(`DROP INDEX "public"."milestones_contract_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."milestones_payment_intent_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."milestones_auto_release_idx"`);
    await queryRunner.query(`DROP TABLE "milestones"`);
    await queryRunner.query(`DROP TYPE "public"."milestone_status"`);
  }
}
