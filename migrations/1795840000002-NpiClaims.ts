import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * NPI claims. An NPI is public, so the first organization to type one must not lock the real
 * practice out: several organizations may claim an NPI, and an admin's review (`verifyOrganization`)
 * marks one verified. Unique among verified organizations only (`organizations_verified_npi_key`);
 * `organizations_npi_idx` finds an NPI's claimants. Existing organizations start unverified (nobody
 * has checked them yet).
 */
export class NpiClaims1795840000002 implements MigrationInterface {
  name = 'NpiClaims1795840000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "organizations_npi_key"`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "verified_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "verified_by_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD CONSTRAINT "organizations_verified_by_id_fkey" FOREIGN KEY ("verified_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "organizations_npi_idx" ON "organizations" ("npi") WHERE npi IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "organizations_verified_npi_key" ON "organizations" ("npi") WHERE npi IS NOT NULL AND verified_at IS NOT NULL`);
  }

  /** Back to one organization per NPI: the verified claimant (or else the oldest) keeps it, the other claimants lose it. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "organizations" o SET "npi" = NULL
      WHERE o."npi" IS NOT NULL AND o."id" <> (
        SELECT k."id" FROM "organizations" k WHERE k."npi" = o."npi" ORDER BY k."verified_at" IS NULL, k."created_at", k."id" LIMIT 1
      )`);
    await queryRunner.query(`DROP INDEX "organizations_verified_npi_key"`);
    await queryRunner.query(`DROP INDEX "organizations_npi_idx"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP CONSTRAINT "organizations_verified_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "verified_by_id"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "verified_at"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "organizations_npi_key" ON "organizations" ("npi") WHERE npi IS NOT NULL`);
  }
}
