import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public profile pages (issue 18, item 7): a coder opts in (`public_profile`); the first opt-in gives
 * the profile a stable slug (`public_slug`, unique, kept through opting out and back in) for
 * GET /coders/<slug>. Only an opted-in, unheld profile's slug resolves.
 */
export class PublicProfiles1795930400000 implements MigrationInterface {
  name = 'PublicProfiles1795930400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coder_profiles" ADD "public_profile" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "coder_profiles" ADD "public_slug" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "coder_profiles_public_slug_key" ON "coder_profiles" ("public_slug")`);
    await queryRunner.query(`ALTER TABLE "coder_profiles" ADD CONSTRAINT "coder_profiles_public_slug_format_check" CHECK (public_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coder_profiles" DROP CONSTRAINT "coder_profiles_public_slug_format_check"`);
    await queryRunner.query(`DROP INDEX "public"."coder_profiles_public_slug_key"`);
    await queryRunner.query(`ALTER TABLE "coder_profiles" DROP COLUMN "public_slug"`);
    await queryRunner.query(`ALTER TABLE "coder_profiles" DROP COLUMN "public_profile"`);
  }
}
