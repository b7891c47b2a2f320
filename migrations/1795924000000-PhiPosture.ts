import { MigrationInterface, QueryRunner } from 'typeorm';

// The work types that read PHI (src/domain/phi-work.ts, `WORK_TYPE_READS_PHI`), copied as they stand
// today (migrations import nothing from src/): all of them.
const WORK_TYPES_READING_PHI = ['CODING', 'BILLING', 'AUDITING', 'CDI', 'DENIAL_MANAGEMENT', 'AR_FOLLOW_UP', 'CHARGE_ENTRY', 'PAYMENT_POSTING'];

/**
 * The PHI posture (docs/security.md, "Who may touch PHI, and when" and "Retention and destruction"):
 * - `contracts.baa_required`, set from the posting's work type for existing contracts (true for every
 *   one today, whatever their posting's `requires_baa` said). An ACTIVE or PAUSED contract without
 *   both signatures has its PHI acts refused (CONFLICT) until both parties sign, as HIPAA wants; its
 *   documents and batches stay where they are. Postings' `requires_baa` is set the same way.
 * - `baa_signatures.agreement_sha256`: the hash of the text signed (NULL for earlier signatures, which
 *   were recorded before the text was served).
 * - `subcontractor_baas`: a coding company's BAA with each of its coders.
 * - `phi_destructions` and the destroyed state of documents (data key and storage key erased).
 * The coded batches' encounters and review comments are sealed by the app at start (`SealedColumns`):
 * the key is in the environment, which a migration does not read.
 */
export class PhiPosture1795924000000 implements MigrationInterface {
  name = 'PhiPosture1795924000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contracts" ADD "baa_required" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`UPDATE "contracts" c SET "baa_required" = (p."work_type"::text = ANY($1::text[]) OR p."requires_baa") FROM "job_postings" p WHERE p."id" = c."job_posting_id"`, [
      WORK_TYPES_READING_PHI,
    ]);
    await queryRunner.query(`UPDATE "job_postings" SET "requires_baa" = true WHERE "work_type"::text = ANY($1::text[]) AND NOT "requires_baa"`, [WORK_TYPES_READING_PHI]);
    await queryRunner.query(`ALTER TABLE "baa_signatures" ADD "agreement_sha256" text`);
    await queryRunner.query(
      `CREATE TABLE "subcontractor_baas" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "coder_id" uuid NOT NULL, "agreement_version" text NOT NULL, "agreement_sha256" text NOT NULL, "coder_ip" text, "coder_signed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "countersigned_by_id" uuid, "countersigned_at" TIMESTAMP WITH TIME ZONE, "countersigner_ip" text, CONSTRAINT "subcontractor_baas_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "subcontractor_baas_company_coder_version_key" ON "subcontractor_baas" ("organization_id", "coder_id", "agreement_version") `);
    await queryRunner.query(
      `ALTER TABLE "subcontractor_baas" ADD CONSTRAINT "subcontractor_baas_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subcontractor_baas" ADD CONSTRAINT "subcontractor_baas_coder_id_fkey" FOREIGN KEY ("coder_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subcontractor_baas" ADD CONSTRAINT "subcontractor_baas_countersigned_by_id_fkey" FOREIGN KEY ("countersigned_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "phi_destructions" ("contract_id" uuid NOT NULL, "destroyed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "contract_ended_at" TIMESTAMP WITH TIME ZONE NOT NULL, "retention_days" integer NOT NULL, "documents" integer NOT NULL, "batches" integer NOT NULL, "encounters" integer NOT NULL, "other_stores" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "phi_destructions_pkey" PRIMARY KEY ("contract_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "phi_destructions" ADD CONSTRAINT "phi_destructions_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "documents" ALTER COLUMN "storage_key" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "documents" ALTER COLUMN "wrapped_key" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "destroyed_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Destroyed documents have no key left to restore: going down with any of them is refused.
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "destroyed_at"`);
    await queryRunner.query(`ALTER TABLE "documents" ALTER COLUMN "wrapped_key" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "documents" ALTER COLUMN "storage_key" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "phi_destructions"`);
    await queryRunner.query(`DROP TABLE "subcontractor_baas"`);
    await queryRunner.query(`ALTER TABLE "baa_signatures" DROP COLUMN "agreement_sha256"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP COLUMN "baa_required"`);
  }
}
