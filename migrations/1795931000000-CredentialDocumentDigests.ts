import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credential document digests (issue 17 red team, docs/credentials.md "CEU log"): `content_digest`
 * is a keyed SHA-256 (HMAC, key derived from DOCUMENT_ENCRYPTION_KEY) of each uploaded certificate's
 * plaintext, so the same file uploaded twice is known as one certificate: it backs one CEU entry, is
 * not both a credential's evidence and a CEU certificate, and is not a renewal's "new" evidence.
 * Documents uploaded before this have none (NULL): they are compared by id only.
 */
export class CredentialDocumentDigests1795931000000 implements MigrationInterface {
  name = 'CredentialDocumentDigests1795931000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "credential_documents" ADD "content_digest" bytea`);
    await queryRunner.query(`CREATE INDEX "credential_documents_content_digest_idx" ON "credential_documents" ("coder_id", "content_digest") WHERE content_digest IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."credential_documents_content_digest_idx"`);
    await queryRunner.query(`ALTER TABLE "credential_documents" DROP COLUMN "content_digest"`);
  }
}
