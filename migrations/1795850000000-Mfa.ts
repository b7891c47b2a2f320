import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MFA: `mfa_factors` (one TOTP factor per user, its secret sealed, the last time step used and the
 * wrong-code counter) and `mfa_recovery_codes` (hashed, single use); `users.mfa_enabled` (read with the
 * user on every request) and `organizations.require_mfa`. Existing users and organizations start
 * without MFA and without the requirement (the column defaults), so nothing changes for them.
 */
export class Mfa1795850000000 implements MigrationInterface {
  name = 'Mfa1795850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mfa_factors" ("user_id" uuid NOT NULL, "sealed_secret" bytea NOT NULL, "enabled_at" TIMESTAMP WITH TIME ZONE, "last_used_step" integer, "failed_attempts" integer NOT NULL DEFAULT '0', "blocked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mfa_factors_failed_attempts_check" CHECK (failed_attempts >= 0), CONSTRAINT "mfa_factors_pkey" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mfa_recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mfa_recovery_codes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "mfa_recovery_codes_user_id_code_hash_key" ON "mfa_recovery_codes"  ("user_id", "code_hash") `);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "require_mfa" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "users" ADD "mfa_enabled" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "mfa_factors" ADD CONSTRAINT "mfa_factors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mfa_recovery_codes" ADD CONSTRAINT "mfa_recovery_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mfa_recovery_codes" DROP CONSTRAINT "mfa_recovery_codes_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "mfa_factors" DROP CONSTRAINT "mfa_factors_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "mfa_enabled"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "require_mfa"`);
    await queryRunner.query(`DROP INDEX "public"."mfa_recovery_codes_user_id_code_hash_key"`);
    await queryRunner.query(`DROP TABLE "mfa_recovery_codes"`);
    await queryRunner.query(`DROP TABLE "mfa_factors"`);
  }
}
