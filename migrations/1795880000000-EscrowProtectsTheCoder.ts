import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escrow protects the coder too (issue 15, items 2 and 8).
 * - Milestones: `first_submitted_at` (once delivered, the practice cannot refund alone),
 *   `changes_requested_note` / `changes_requested_at` (requestMilestoneChanges), `cancelled_at` and the
 *   CANCELLED status (cancelMilestone). Existing rows: a milestone was delivered exactly when it had an
 *   `auto_release_at` (set only by submitMilestone); when is not known, so its `updated_at` stands in
 *   (an upper bound: the rule only asks whether).
 * - Disputes: `opened_by_side` and `outcome`, shown to both parties. Existing rows: the side is `coder`
 *   when the opener was the contract's coder or ever a member of its coding company, `provider`
 *   otherwise; the outcome of a resolved dispute is read back from its amounts (nothing to the coder:
 *   REFUND; everything held: RELEASE; otherwise SPLIT; with nothing held, both read as REFUND).
 * - Notification kinds for a milestone sent back for changes and a funded milestone refunded.
 */
export class EscrowProtectsTheCoder1795880000000 implements MigrationInterface {
  name = 'EscrowProtectsTheCoder1795880000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."milestone_status" ADD VALUE 'CANCELLED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'MILESTONE_CHANGES_REQUESTED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'MILESTONE_REFUNDED'`);

    await queryRunner.query(`ALTER TABLE "milestones" ADD "first_submitted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "milestones" ADD "changes_requested_note" text`);
    await queryRunner.query(`ALTER TABLE "milestones" ADD "changes_requested_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "milestones" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "milestones" SET "first_submitted_at" = "updated_at" WHERE "auto_release_at" IS NOT NULL`);

    await queryRunner.query(`ALTER TABLE "disputes" ADD "opened_by_side" text`);
    await queryRunner.query(
      `UPDATE "disputes" d SET "opened_by_side" = CASE
         WHEN d.opened_by_id = k.coder_id
           OR EXISTS (SELECT 1 FROM "memberships" m WHERE m.organization_id = k.coding_company_id AND m.user_id = d.opened_by_id)
         THEN 'coder' ELSE 'provider' END
       FROM "contracts" k WHERE k.id = d.contract_id`,
    );
    await queryRunner.query(`ALTER TABLE "disputes" ALTER COLUMN "opened_by_side" SET NOT NULL`);
    await queryRunner.query(`CREATE TYPE "public"."dispute_outcome" AS ENUM('RELEASE', 'REFUND', 'SPLIT')`);
    await queryRunner.query(`ALTER TABLE "disputes" ADD "outcome" "public"."dispute_outcome"`);
    await queryRunner.query(
      `UPDATE "disputes" SET "outcome" = (CASE WHEN coalesce(coder_cents, 0) = 0 THEN 'REFUND' WHEN coder_cents = held_cents THEN 'RELEASE' ELSE 'SPLIT' END)::"public"."dispute_outcome"
        WHERE "status" = 'RESOLVED'`,
    );
    await queryRunner.query(`CREATE INDEX "disputes_contract_id_idx" ON "disputes"  ("contract_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "disputes" ADD CONSTRAINT "disputes_opened_by_side_check" CHECK (opened_by_side IN ('provider', 'coder'))`);
    await queryRunner.query(`ALTER TABLE "disputes" ADD CONSTRAINT "disputes_outcome_check" CHECK ((status = 'OPEN') = (outcome IS NULL))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // A cancelled milestone has no earlier state to go back to (CREATED would let its cancelled payment be reused).
    await queryRunner.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM "milestones" WHERE "status" = 'CANCELLED') THEN
        RAISE EXCEPTION 'cannot revert EscrowProtectsTheCoder: CANCELLED milestones exist';
      END IF;
    END $$`);
    await queryRunner.query(`ALTER TABLE "disputes" DROP CONSTRAINT "disputes_outcome_check"`);
    await queryRunner.query(`ALTER TABLE "disputes" DROP CONSTRAINT "disputes_opened_by_side_check"`);
    await queryRunner.query(`DROP INDEX "public"."disputes_contract_id_idx"`);
    await queryRunner.query(`ALTER TABLE "disputes" DROP COLUMN "outcome"`);
    await queryRunner.query(`DROP TYPE "public"."dispute_outcome"`);
    await queryRunner.query(`ALTER TABLE "disputes" DROP COLUMN "opened_by_side"`);

    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind"::text IN ('MILESTONE_CHANGES_REQUESTED', 'MILESTONE_REFUNDED')`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('JOB_INVITATION', 'BID_RECEIVED', 'BID_REJECTED', 'BID_WITHDRAWN', 'INVITATION_DECLINED', 'BID_ACCEPTED', 'BID_DECLINED', 'CONTRACT_STARTED', 'CONTRACT_ENDED', 'DISPUTE_OPENED', 'DISPUTE_RESOLVED', 'BATCH_SUBMITTED', 'BATCH_RETURNED', 'BATCH_ACCEPTED', 'MESSAGE_RECEIVED', 'CREDENTIAL_REVIEWED', 'MILESTONE_FUNDED', 'MILESTONE_RELEASED', 'CREDENTIAL_EXPIRING')`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);

    // The partial index and the default name the enum: both are set aside while the column changes type.
    await queryRunner.query(`DROP INDEX "public"."milestones_auto_release_idx"`);
    await queryRunner.query(`ALTER TABLE "milestones" ALTER COLUMN "status" DROP DEFAULT`);
    await queryRunner.query(`CREATE TYPE "public"."milestone_status_old" AS ENUM('CREATED', 'FUNDING', 'FUNDED', 'SUBMITTED', 'RELEASED', 'REFUNDED')`);
    await queryRunner.query(`ALTER TABLE "milestones" ALTER COLUMN "status" TYPE "public"."milestone_status_old" USING "status"::"text"::"public"."milestone_status_old"`);
    await queryRunner.query(`DROP TYPE "public"."milestone_status"`);
    await queryRunner.query(`ALTER TYPE "public"."milestone_status_old" RENAME TO "milestone_status"`);
    await queryRunner.query(`ALTER TABLE "milestones" ALTER COLUMN "status" SET DEFAULT 'CREATED'`);
    await queryRunner.query(`CREATE INDEX "milestones_auto_release_idx" ON "milestones"  ("auto_release_at") WHERE status = 'SUBMITTED'`);
    await queryRunner.query(`ALTER TABLE "milestones" DROP COLUMN "cancelled_at"`);
    await queryRunner.query(`ALTER TABLE "milestones" DROP COLUMN "changes_requested_at"`);
    await queryRunner.query(`ALTER TABLE "milestones" DROP COLUMN "changes_requested_note"`);
    await queryRunner.query(`ALTER TABLE "milestones" DROP COLUMN "first_submitted_at"`);
  }
}
