import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coder profiles and credentials. A trigger keeps `specialties` (the keys of `specialty_years`)
 * and the weighted full-text `search_document` in step with each row; GIN indexes serve the
 * directory's array filters and text search.
 */
export class CoderProfiles1795751619499 implements MigrationInterface {
  name = 'CoderProfiles1795751619499';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "specialty" AS ENUM ('EVALUATION_AND_MANAGEMENT', 'ANESTHESIA', 'CARDIOLOGY', 'DERMATOLOGY', 'EMERGENCY_MEDICINE', 'FAMILY_PRACTICE', 'GASTROENTEROLOGY', 'GENERAL_SURGERY', 'HEMATOLOGY_ONCOLOGY', 'INTERNAL_MEDICINE', 'INTERVENTIONAL_RADIOLOGY', 'NEUROLOGY', 'OBSTETRICS_GYNECOLOGY', 'OPHTHALMOLOGY', 'ORTHOPEDICS', 'PATHOLOGY_LAB', 'PEDIATRICS', 'BEHAVIORAL_HEALTH', 'RADIOLOGY', 'UROLOGY', 'HOME_HEALTH', 'HOSPICE', 'INPATIENT_FACILITY', 'OUTPATIENT_FACILITY', 'AMBULATORY_SURGERY', 'RISK_ADJUSTMENT')`,
    );
    await queryRunner.query(`CREATE TYPE "code_set" AS ENUM ('ICD10CM', 'ICD10PCS', 'CPT', 'HCPCS', 'MSDRG', 'HCC')`);
    await queryRunner.query(`CREATE TYPE "work_type" AS ENUM ('CODING', 'BILLING', 'AUDITING', 'CDI', 'DENIAL_MANAGEMENT', 'AR_FOLLOW_UP', 'CHARGE_ENTRY', 'PAYMENT_POSTING')`);
    await queryRunner.query(`
      CREATE TABLE "coder_profiles" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "headline" text NOT NULL,
        "bio" text NOT NULL,
        "years_experience" integer NOT NULL,
        "timezone" text NOT NULL,
        "weekly_capacity_hours" integer NOT NULL,
        "hourly_rate_cents" integer,
        "per_chart_rate_cents" integer,
        "available" boolean NOT NULL,
        "specialty_years" jsonb NOT NULL,
        "specialties" "specialty" array NOT NULL DEFAULT '{}',
        "code_sets" "code_set" array NOT NULL,
        "work_types" "work_type" array NOT NULL,
        "ehr_systems" text array NOT NULL,
        "rating_count" integer NOT NULL DEFAULT 0,
        "rating_total" integer NOT NULL DEFAULT 0,
        "audited_charts" integer NOT NULL DEFAULT 0,
        "audit_errors" integer NOT NULL DEFAULT 0,
        "search_document" tsvector,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "coder_profiles_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "coder_profiles_rates_check" CHECK (hourly_rate_cents > 0 AND per_chart_rate_cents > 0),
        CONSTRAINT "coder_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "coder_profiles_user_id_key" ON "coder_profiles" ("user_id")`);
    await queryRunner.query(`
      CREATE FUNCTION coder_profiles_derive() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.specialties := ARRAY(SELECT jsonb_object_keys(NEW.specialty_years) ORDER BY 1)::specialty[];
        NEW.search_document :=
          setweight(to_tsvector('english', NEW.headline), 'A') ||
          setweight(to_tsvector('english', replace(array_to_string(NEW.specialties, ' '), '_', ' ') || ' ' || translate(array_to_string(NEW.ehr_systems, ' '), '/-', '  ')), 'B') ||
          setweight(to_tsvector('english', NEW.bio), 'C');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER coder_profiles_derive BEFORE INSERT OR UPDATE ON coder_profiles FOR EACH ROW EXECUTE FUNCTION coder_profiles_derive()`);
    await queryRunner.query(`CREATE INDEX "coder_profiles_search_document_idx" ON "coder_profiles" USING gin ("search_document")`);
    await queryRunner.query(`CREATE INDEX "coder_profiles_specialties_idx" ON "coder_profiles" USING gin ("specialties")`);
    await queryRunner.query(`CREATE INDEX "coder_profiles_code_sets_idx" ON "coder_profiles" USING gin ("code_sets")`);
    await queryRunner.query(`CREATE INDEX "coder_profiles_work_types_idx" ON "coder_profiles" USING gin ("work_types")`);
    await queryRunner.query(`CREATE INDEX "coder_profiles_rating_idx" ON "coder_profiles" ((rating_total::float / NULLIF(rating_count, 0)) DESC NULLS LAST, rating_count DESC, id)`);

    await queryRunner.query(
      `CREATE TYPE "credential_type" AS ENUM ('CPC', 'CPC_A', 'COC', 'CIC', 'CPC_P', 'CPB', 'CRC', 'CPMA', 'CPCO', 'CPPM', 'CDEO', 'CEMC', 'CANPC', 'CIRCC', 'CASCC', 'CCC', 'COSC', 'CGSC', 'CEDC', 'CFPC', 'CHONC', 'COBGC', 'CPEDC', 'CUC', 'CCA', 'CCS', 'CCS_P', 'RHIT', 'RHIA', 'CDIP', 'CHDA', 'CHPS')`,
    );
    await queryRunner.query(`CREATE TYPE "credential_review_status" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED')`);
    await queryRunner.query(`
      CREATE TABLE "credentials" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "coder_id" uuid NOT NULL,
        "type" "credential_type" NOT NULL,
        "number" text NOT NULL,
        "issued_on" date NOT NULL,
        "expires_on" date,
        "status" "credential_review_status" NOT NULL DEFAULT 'PENDING',
        "reviewed_by_id" uuid,
        "reviewed_at" TIMESTAMP WITH TIME ZONE,
        "review_note" text,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "credentials_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "credentials_coder_id_fkey" FOREIGN KEY ("coder_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "credentials_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "credentials_live_type_key" ON "credentials" ("coder_id", "type") WHERE status <> 'REJECTED'`);
    await queryRunner.query(`CREATE INDEX "credentials_pending_idx" ON "credentials" ("created_at") WHERE status = 'PENDING'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "credentials"`);
    await queryRunner.query(`DROP TYPE "credential_review_status"`);
    await queryRunner.query(`DROP TYPE "credential_type"`);
    await queryRunner.query(`DROP TABLE "coder_profiles"`);
    await queryRunner.query(`DROP FUNCTION coder_profiles_derive()`);
    await queryRunner.query(`DROP TYPE "work_type"`);
    await queryRunner.query(`DROP TYPE "code_set"`);
    await queryRunner.query(`DROP TYPE "specialty"`);
  }
}
