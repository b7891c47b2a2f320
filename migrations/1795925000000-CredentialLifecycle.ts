import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credential lifecycle (issue 17, items 1 and 3):
 * - `credentials.membership_expires_on` (AAPC yearly membership) and `evidence_document_id` (the
 *   certificate, in `credential_documents`, encrypted like workroom documents);
 * - `credential_changes`: renewals and apprentice conversions under review, one PENDING per credential;
 * - `contract_credential_lapses`: the practice was told of a lapse, once per contract, credential and lapse;
 * - `COC_A` (apprentice) credential type; notification kinds for lapses and reviewed changes.
 * Existing credentials keep their rows: those without an expiry (or, for AAPC, a membership date) stop
 * counting until the holder adds the dates (they read DATES_MISSING; docs/credentials.md).
 */
export class CredentialLifecycle1795925000000 implements MigrationInterface {
  name = 'CredentialLifecycle1795925000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "credential_type" ADD VALUE IF NOT EXISTS 'COC_A' AFTER 'COC'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'CREDENTIAL_LAPSED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'CREDENTIAL_CHANGE_REVIEWED'`);
    await queryRunner.query(
      `CREATE TABLE "credential_documents" ("id" uuid NOT NULL, "coder_id" uuid NOT NULL, "filename" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "storage_key" text NOT NULL, "wrapped_key" bytea NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "credential_documents_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "credential_documents_coder_id_idx" ON "credential_documents" ("coder_id")`);
    await queryRunner.query(
      `ALTER TABLE "credential_documents" ADD CONSTRAINT "credential_documents_coder_id_fkey" FOREIGN KEY ("coder_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "credentials" ADD "membership_expires_on" date`);
    await queryRunner.query(`ALTER TABLE "credentials" ADD "evidence_document_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "credentials" ADD CONSTRAINT "credentials_evidence_document_id_fkey" FOREIGN KEY ("evidence_document_id") REFERENCES "credential_documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE TYPE "public"."credential_change_kind" AS ENUM('RENEWAL', 'APPRENTICE_CONVERSION')`);
    await queryRunner.query(`CREATE TYPE "public"."credential_change_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED')`);
    await queryRunner.query(
      `CREATE TABLE "credential_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "credential_id" uuid NOT NULL, "kind" "public"."credential_change_kind" NOT NULL, "status" "public"."credential_change_status" NOT NULL DEFAULT 'PENDING', "expires_on" date, "membership_expires_on" date, "to_type" "credential_type", "evidence_document_id" uuid NOT NULL, "note" text, "reviewed_by_id" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_note" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "credential_changes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "credential_changes_one_pending_key" ON "credential_changes" ("credential_id") WHERE status = 'PENDING'`);
    await queryRunner.query(`CREATE INDEX "credential_changes_pending_idx" ON "credential_changes" ("created_at") WHERE status = 'PENDING'`);
    await queryRunner.query(
      `ALTER TABLE "credential_changes" ADD CONSTRAINT "credential_changes_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "credential_changes" ADD CONSTRAINT "credential_changes_evidence_document_id_fkey" FOREIGN KEY ("evidence_document_id") REFERENCES "credential_documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "credential_changes" ADD CONSTRAINT "credential_changes_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "contract_credential_lapses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "credential_id" uuid NOT NULL, "credential_type" "credential_type" NOT NULL, "lapsed_on" date NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contract_credential_lapses_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "contract_credential_lapses_key" ON "contract_credential_lapses" ("contract_id", "credential_id", "lapsed_on")`);
    await queryRunner.query(
      `ALTER TABLE "contract_credential_lapses" ADD CONSTRAINT "contract_credential_lapses_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_credential_lapses" ADD CONSTRAINT "contract_credential_lapses_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "contract_credential_lapses"`);
    await queryRunner.query(`DROP TABLE "credential_changes"`);
    await queryRunner.query(`DROP TYPE "public"."credential_change_status"`);
    await queryRunner.query(`DROP TYPE "public"."credential_change_kind"`);
    await queryRunner.query(`ALTER TABLE "credentials" DROP CONSTRAINT "credentials_evidence_document_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "credentials" DROP COLUMN "evidence_document_id"`);
    await queryRunner.query(`ALTER TABLE "credentials" DROP COLUMN "membership_expires_on"`);
    await queryRunner.query(`DROP TABLE "credential_documents"`);
    // Enum values cannot be dropped in PostgreSQL: COC_A, CREDENTIAL_LAPSED and CREDENTIAL_CHANGE_REVIEWED stay (unused).
  }
}
