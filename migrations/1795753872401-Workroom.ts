import { MigrationInterface, QueryRunner } from 'typeorm';

/** Workroom: BAA signatures, encrypted document metadata, and the append-only, hash-chained PHI audit log. */

export class Workroom1795753872401 implements MigrationInterface {
  name = 'Workroom1795753872401';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" bigint NOT NULL, "actor_id" uuid, "actor_role" text, "contract_id" uuid, "subject_type" text NOT NULL, "subject_id" text, "action" text NOT NULL, "outcome" text NOT NULL, "detail" text, "ip" text, "request_id" text, "prev_hash" text NOT NULL, "hash" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "audit_events_seq_key" ON "audit_events"  ("seq") `);
    await queryRunner.query(`CREATE INDEX "audit_events_contract_seq_idx" ON "audit_events"  ("contract_id", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "baa_signatures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "party" text NOT NULL, "signer_id" uuid NOT NULL, "agreement_version" text NOT NULL, "ip" text, "signed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "baa_signatures_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "baa_signatures_contract_party_key" ON "baa_signatures"  ("contract_id", "party") `);
    await queryRunner.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL, "contract_id" uuid NOT NULL, "uploaded_by_id" uuid NOT NULL, "filename" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "storage_key" text NOT NULL, "wrapped_key" bytea NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "documents_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "documents_contract_created_idx" ON "documents"  ("contract_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "baa_signatures" ADD CONSTRAINT "baa_signatures_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "baa_signatures" ADD CONSTRAINT "baa_signatures_signer_id_fkey" FOREIGN KEY ("signer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "documents" ADD CONSTRAINT "documents_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
          CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            RAISE EXCEPTION 'the PHI audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
          END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await queryRunner.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON audit_events`);
    await queryRunner.query(`DROP TRIGGER audit_events_append_only ON audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "documents_uploaded_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "documents_contract_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "baa_signatures" DROP CONSTRAINT "baa_signatures_signer_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "baa_signatures" DROP CONSTRAINT "baa_signatures_contract_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."documents_contract_created_idx"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP INDEX "public"."baa_signatures_contract_party_key"`);
    await queryRunner.query(`DROP TABLE "baa_signatures"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_contract_seq_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_seq_key"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
