import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CEU evidence (issue 17 red team, docs/credentials.md "CEU log"):
 * - `ceu_entries.approval_code`: the issuer's approval (AAPC index number, AHIMA approval code) printed
 *   on the certificate; one approval code counts once per cycle;
 * - `ceu_entries_certificate_key`: a certificate backs one entry. Earlier entries sharing a certificate
 *   keep it on the first one logged; the others lose it (they show as pending until one is attached).
 */
export class CeuEvidence1795930200000 implements MigrationInterface {
  name = 'CeuEvidence1795930200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ceu_entries" ADD "approval_code" text`);
    await queryRunner.query(
      `UPDATE "ceu_entries" e SET "certificate_document_id" = NULL
         WHERE e."certificate_document_id" IS NOT NULL
           AND EXISTS (SELECT 1 FROM "ceu_entries" f WHERE f."certificate_document_id" = e."certificate_document_id" AND (f."created_at", f."id") < (e."created_at", e."id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ceu_entries_certificate_key" ON "ceu_entries" ("certificate_document_id") WHERE certificate_document_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ceu_entries_certificate_key"`);
    await queryRunner.query(`ALTER TABLE "ceu_entries" DROP COLUMN "approval_code"`);
  }
}
