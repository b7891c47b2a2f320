import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verified email and one-time account tokens (email verification, email change, password reset).
 * Existing accounts start UNVERIFIED: nobody ever proved they own their address (whoever signed up
 * with an invitee's email first got the membership), so they must confirm it before the acts that
 * need it (they can ask for a link with requestEmailVerification, or reset their password, which also
 * verifies). Admin accounts are the exception: only the operator creates them (BOOTSTRAP_ADMIN_EMAIL).
 */
export class AccountTokens1795830000000 implements MigrationInterface {
  name = 'AccountTokens1795830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "users" SET "email_verified_at" = "created_at" WHERE "role" = 'ADMIN'`);

    await queryRunner.query(`CREATE TYPE "account_token_purpose" AS ENUM ('VERIFY_EMAIL', 'CHANGE_EMAIL', 'RESET_PASSWORD')`);
    await queryRunner.query(`
      CREATE TABLE "account_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "purpose" "account_token_purpose" NOT NULL,
        "token_hash" text NOT NULL,
        "email" text NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "account_tokens_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "account_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "account_tokens_token_hash_key" ON "account_tokens" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "account_tokens_user_id_purpose_idx" ON "account_tokens" ("user_id", "purpose") WHERE used_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "account_tokens"`);
    await queryRunner.query(`DROP TYPE "account_token_purpose"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
  }
}
