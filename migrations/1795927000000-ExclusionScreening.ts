import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OIG exclusion screening (docs/trust.md): the imported LEIE, its imports, the holds a match raises,
 * the monthly runs; on coder profiles, the identity screened (optional, private), the hold and the
 * last screen; the CODER_EXCLUDED notification.
 */
export class ExclusionScreening1795927000000 implements MigrationInterface {
  name = 'ExclusionScreening1795927000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'CODER_EXCLUDED'`);
    await queryRunner.query(
      `CREATE TABLE "leie_exclusions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entry_key" text NOT NULL, "last_name" text NOT NULL, "first_name" text NOT NULL, "middle_name" text NOT NULL, "business_name" text NOT NULL, "general" text NOT NULL, "specialty" text NOT NULL, "name_key" text, "npi" text, "date_of_birth" date, "state" text, "exclusion_type" text NOT NULL, "excluded_on" date, "reinstated_on" date, "waiver_on" date, CONSTRAINT "leie_exclusions_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "leie_exclusions_npi_idx" ON "leie_exclusions" ("npi") WHERE npi IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "leie_exclusions_name_key_idx" ON "leie_exclusions" ("name_key") WHERE name_key IS NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "leie_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_date" date NOT NULL, "row_count" integer NOT NULL, "imported_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "leie_imports_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."leie_match_kind" AS ENUM('NPI', 'NAME_AND_DOB', 'NAME_AND_STATE', 'NAME_ONLY')`);
    await queryRunner.query(`CREATE TYPE "public"."screening_hold_status" AS ENUM('OPEN', 'CLEARED', 'CONFIRMED')`);
    await queryRunner.query(
      `CREATE TABLE "screening_holds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "coder_id" uuid NOT NULL, "entry_key" text NOT NULL, "match_kind" "public"."leie_match_kind" NOT NULL, "entry" jsonb NOT NULL, "subject" jsonb NOT NULL, "status" "public"."screening_hold_status" NOT NULL DEFAULT 'OPEN', "resolved_by_id" uuid, "resolved_at" TIMESTAMP(3) WITH TIME ZONE, "resolution_note" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "screening_holds_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "screening_holds_coder_entry_key" ON "screening_holds" ("coder_id", "entry_key")`);
    await queryRunner.query(`CREATE INDEX "screening_holds_status_created_idx" ON "screening_holds" ("status", "created_at")`);
    await queryRunner.query(`ALTER TABLE "screening_holds" ADD CONSTRAINT "screening_holds_coder_id_fkey" FOREIGN KEY ("coder_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(
      `ALTER TABLE "screening_holds" ADD CONSTRAINT "screening_holds_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "screening_runs" ("period" text NOT NULL, "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP(3) WITH TIME ZONE, "screened_count" integer, "held_count" integer, CONSTRAINT "screening_runs_pkey" PRIMARY KEY ("period"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "coder_profiles" ADD "legal_first_name" text, ADD "legal_last_name" text, ADD "npi" text, ADD "date_of_birth" date, ADD "state" text, ADD "screening_held" boolean NOT NULL DEFAULT false, ADD "last_screened_at" TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "coder_profiles" ADD CONSTRAINT "coder_profiles_npi_format_check" CHECK (npi ~ '^[0-9]{10}$')`);
    await queryRunner.query(`ALTER TABLE "coder_profiles" ADD CONSTRAINT "coder_profiles_state_format_check" CHECK (state ~ '^[A-Z]{2}$')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coder_profiles" DROP CONSTRAINT "coder_profiles_state_format_check"`);
    await queryRunner.query(`ALTER TABLE "coder_profiles" DROP CONSTRAINT "coder_profiles_npi_format_check"`);
    await queryRunner.query(
      `ALTER TABLE "coder_profiles" DROP COLUMN "last_screened_at", DROP COLUMN "screening_held", DROP COLUMN "state", DROP COLUMN "date_of_birth", DROP COLUMN "npi", DROP COLUMN "legal_last_name", DROP COLUMN "legal_first_name"`,
    );
    await queryRunner.query(`DROP TABLE "screening_runs"`);
    await queryRunner.query(`DROP TABLE "screening_holds"`);
    await queryRunner.query(`DROP TYPE "public"."screening_hold_status"`);
    await queryRunner.query(`DROP TYPE "public"."leie_match_kind"`);
    await queryRunner.query(`DROP TABLE "leie_imports"`);
    await queryRunner.query(`DROP TABLE "leie_exclusions"`);
    // CODER_EXCLUDED stays in notification_kind: PostgreSQL cannot drop an enum value.
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" = 'CODER_EXCLUDED'`);
  }
}
