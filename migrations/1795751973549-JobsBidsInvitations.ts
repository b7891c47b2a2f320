import { MigrationInterface, QueryRunner } from 'typeorm';

/** Job postings (with a trigger-kept search document), bids, job invitations and notifications. */

export class JobsBidsInvitations1795751973549 implements MigrationInterface {
  name = 'JobsBidsInvitations1795751973549';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."care_setting" AS ENUM('OUTPATIENT', 'INPATIENT', 'EMERGENCY', 'AMBULATORY_SURGERY', 'HOME_HEALTH', 'SKILLED_NURSING', 'TELEHEALTH')`);
    await queryRunner.query(`CREATE TYPE "public"."pay_model" AS ENUM('HOURLY', 'PER_CHART', 'FIXED_PRICE', 'PERCENT_OF_COLLECTIONS')`);
    await queryRunner.query(`CREATE TYPE "public"."job_posting_status" AS ENUM('OPEN', 'FILLED', 'CLOSED')`);
    await queryRunner.query(
      `CREATE TABLE "job_postings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "posted_by_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "specialty" "public"."specialty" NOT NULL, "code_sets" "public"."code_set" array NOT NULL, "work_type" "public"."work_type" NOT NULL, "setting" "public"."care_setting" NOT NULL, "ehr_system" text, "timezone" text, "required_credential_types" "public"."credential_type" array NOT NULL, "charts_per_week" integer, "turnaround_hours" integer NOT NULL, "accuracy_target_bps" integer NOT NULL, "pay_model" "public"."pay_model" NOT NULL, "rate_cents" integer, "budget_cents" integer, "percent_of_collections_bps" integer, "starts_on" date, "duration_weeks" integer, "requires_baa" boolean NOT NULL, "positions" integer NOT NULL DEFAULT '1', "positions_filled" integer NOT NULL DEFAULT '0', "status" "public"."job_posting_status" NOT NULL DEFAULT 'OPEN', "search_document" tsvector, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "job_postings_pay_check" CHECK ((rate_cents IS NOT NULL) = (pay_model IN ('HOURLY', 'PER_CHART')) AND (percent_of_collections_bps IS NOT NULL) = (pay_model = 'PERCENT_OF_COLLECTIONS') AND (pay_model <> 'FIXED_PRICE' OR budget_cents IS NOT NULL)), CONSTRAINT "job_postings_positions_check" CHECK (positions >= 1 AND positions_filled BETWEEN 0 AND positions), CONSTRAINT "job_postings_accuracy_check" CHECK (accuracy_target_bps BETWEEN 5000 AND 10000), CONSTRAINT "job_postings_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "job_postings_organization_id_idx" ON "job_postings"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "job_postings_status_created_idx" ON "job_postings"  ("status", "created_at") `);
    await queryRunner.query(`
          CREATE FUNCTION job_postings_derive() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            NEW.search_document :=
              setweight(to_tsvector('english', NEW.title), 'A') ||
              setweight(to_tsvector('english', replace(NEW.specialty::text, '_', ' ') || ' ' || translate(coalesce(NEW.ehr_system, ''), '/-', '  ')), 'B') ||
              setweight(to_tsvector('english', NEW.description), 'C');
            RETURN NEW;
          END $$`);
    await queryRunner.query(
      `CREATE TRIGGER job_postings_derive BEFORE INSERT OR UPDATE OF title, description, specialty, ehr_system ON job_postings FOR EACH ROW EXECUTE FUNCTION job_postings_derive()`,
    );
    await queryRunner.query(`CREATE INDEX "job_postings_search_document_idx" ON "job_postings" USING gin ("search_document")`);
    await queryRunner.query(`CREATE INDEX "job_postings_code_sets_idx" ON "job_postings" USING gin ("code_sets")`);
    await queryRunner.query(`CREATE TYPE "public"."bid_status" AS ENUM('PENDING', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'DECLINED')`);
    await queryRunner.query(
      `CREATE TABLE "bids" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_posting_id" uuid NOT NULL, "coder_id" uuid NOT NULL, "organization_id" uuid, "submitted_by_id" uuid NOT NULL, "pay_model" "public"."pay_model" NOT NULL, "rate_cents" integer, "percent_of_collections_bps" integer, "cover_letter" text NOT NULL, "estimated_turnaround_hours" integer, "status" "public"."bid_status" NOT NULL DEFAULT 'PENDING', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bids_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "bids_coder_created_idx" ON "bids"  ("coder_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "bids_job_posting_created_idx" ON "bids"  ("job_posting_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "bids_live_coder_key" ON "bids"  ("job_posting_id", "coder_id") WHERE status IN ('PENDING', 'ACCEPTED')`);
    await queryRunner.query(`CREATE TYPE "public"."invitation_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED')`);
    await queryRunner.query(
      `CREATE TABLE "job_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_posting_id" uuid NOT NULL, "coder_profile_id" uuid NOT NULL, "coder_user_id" uuid NOT NULL, "invited_by_id" uuid NOT NULL, "message" text, "status" "public"."invitation_status" NOT NULL DEFAULT 'PENDING', "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "job_invitations_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "job_invitations_coder_user_created_idx" ON "job_invitations"  ("coder_user_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "job_invitations_job_coder_key" ON "job_invitations"  ("job_posting_id", "coder_profile_id") `);
    await queryRunner.query(`CREATE TYPE "public"."notification_kind" AS ENUM('JOB_INVITATION', 'BID_RECEIVED', 'BID_REJECTED', 'BID_WITHDRAWN', 'INVITATION_DECLINED')`);
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" "public"."notification_kind" NOT NULL, "message" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "notifications_user_created_idx" ON "notifications"  ("user_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_posted_by_id_fkey" FOREIGN KEY ("posted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bids" ADD CONSTRAINT "bids_job_posting_id_fkey" FOREIGN KEY ("job_posting_id") REFERENCES "job_postings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bids" ADD CONSTRAINT "bids_coder_id_fkey" FOREIGN KEY ("coder_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bids" ADD CONSTRAINT "bids_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bids" ADD CONSTRAINT "bids_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(
      `ALTER TABLE "job_invitations" ADD CONSTRAINT "job_invitations_job_posting_id_fkey" FOREIGN KEY ("job_posting_id") REFERENCES "job_postings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_invitations" ADD CONSTRAINT "job_invitations_coder_profile_id_fkey" FOREIGN KEY ("coder_profile_id") REFERENCES "coder_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_invitations" ADD CONSTRAINT "job_invitations_coder_user_id_fkey" FOREIGN KEY ("coder_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_invitations" ADD CONSTRAINT "job_invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "job_invitations" DROP CONSTRAINT "job_invitations_invited_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "job_invitations" DROP CONSTRAINT "job_invitations_coder_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "job_invitations" DROP CONSTRAINT "job_invitations_coder_profile_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "job_invitations" DROP CONSTRAINT "job_invitations_job_posting_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "bids" DROP CONSTRAINT "bids_submitted_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "bids" DROP CONSTRAINT "bids_organization_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "bids" DROP CONSTRAINT "bids_coder_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "bids" DROP CONSTRAINT "bids_job_posting_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "job_postings" DROP CONSTRAINT "job_postings_posted_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "job_postings" DROP CONSTRAINT "job_postings_organization_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_created_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`DROP INDEX "public"."job_invitations_job_coder_key"`);
    await queryRunner.query(`DROP INDEX "public"."job_invitations_coder_user_created_idx"`);
    await queryRunner.query(`DROP TABLE "job_invitations"`);
    await queryRunner.query(`DROP TYPE "public"."invitation_status"`);
    await queryRunner.query(`DROP INDEX "public"."bids_live_coder_key"`);
    await queryRunner.query(`DROP INDEX "public"."bids_job_posting_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."bids_coder_created_idx"`);
    await queryRunner.query(`DROP TABLE "bids"`);
    await queryRunner.query(`DROP TYPE "public"."bid_status"`);
    await queryRunner.query(`DROP INDEX "public"."job_postings_status_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."job_postings_organization_id_idx"`);
    await queryRunner.query(`DROP TABLE "job_postings"`);
    await queryRunner.query(`DROP FUNCTION job_postings_derive()`);
    await queryRunner.query(`DROP TYPE "public"."job_posting_status"`);
    await queryRunner.query(`DROP TYPE "public"."pay_model"`);
    await queryRunner.query(`DROP TYPE "public"."care_setting"`);
  }
}
