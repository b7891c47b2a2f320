import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 837P export: the practice's billing profile (address, EIN, taxonomy, contact, clearinghouse),
 * the encrypted claim data per encounter (PHI: ciphertext and wrapped key only), and the sequence
 * that numbers interchanges (ISA13, GS06, ST02).
 */
export class ClaimFiles1795922000000 implements MigrationInterface {
  name = 'ClaimFiles1795922000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "practice_billing_profiles" (
        "organization_id" uuid NOT NULL,
        "line1" text NOT NULL,
        "line2" text,
        "city" text NOT NULL,
        "state" text NOT NULL,
        "zip" text NOT NULL,
        "ein" text NOT NULL,
        "taxonomy" text,
        "billing_name" text, "contact_name" text NOT NULL,
        "contact_phone" text NOT NULL,
        "contact_email" text,
        "submitter_id" text NOT NULL,
        "clearinghouse_name" text NOT NULL,
        "clearinghouse_id" text NOT NULL,
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "practice_billing_profiles_ein_check" CHECK (ein ~ '^[0-9]{9}$'),
        CONSTRAINT "practice_billing_profiles_zip_check" CHECK (zip ~ '^([0-9]{5}|[0-9]{9})$'),
        CONSTRAINT "practice_billing_profiles_pkey" PRIMARY KEY ("organization_id"),
        CONSTRAINT "practice_billing_profiles_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`
      CREATE TABLE "encounter_claim_data" (
        "batch_id" uuid NOT NULL,
        "encounter_index" integer NOT NULL,
        "contract_id" uuid NOT NULL,
        "ciphertext" bytea NOT NULL,
        "wrapped_key" bytea NOT NULL,
        "updated_by_id" uuid NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "encounter_claim_data_pkey" PRIMARY KEY ("batch_id", "encounter_index"),
        CONSTRAINT "encounter_claim_data_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "coded_batches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "encounter_claim_data_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "encounter_claim_data_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "encounter_claim_data_contract_idx" ON "encounter_claim_data" ("contract_id")`);
    // ISA13 is nine digits: numbers run 1..999999999, then start over (a clearinghouse checks duplicates over a much shorter window).
    await queryRunner.query(`CREATE SEQUENCE "x12_interchange_control_seq" AS integer MINVALUE 1 MAXVALUE 999999999 CYCLE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "x12_interchange_control_seq"`);
    await queryRunner.query(`DROP TABLE "encounter_claim_data"`);
    await queryRunner.query(`DROP TABLE "practice_billing_profiles"`);
  }
}
