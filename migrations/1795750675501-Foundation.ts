import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, refresh-token families, organizations and memberships. */
export class Foundation1795750675501 implements MigrationInterface {
  name = 'Foundation1795750675501';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "user_role" AS ENUM ('PROVIDER', 'CODER', 'ADMIN')`);
    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" text NOT NULL,
        "name" text NOT NULL,
        "role" "user_role" NOT NULL,
        "password_hash" text NOT NULL,
        "session_version" integer NOT NULL DEFAULT 0,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "users_email_normalized_check" CHECK (email = lower(btrim(email)))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users" ("email")`);

    await queryRunner.query(`
      CREATE TABLE "refresh_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "family_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "refresh_tokens_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "refresh_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "refresh_tokens_token_hash_key" ON "refresh_tokens" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "refresh_tokens_family_id_idx" ON "refresh_tokens" ("family_id")`);
    await queryRunner.query(`CREATE INDEX "refresh_tokens_user_id_idx" ON "refresh_tokens" ("user_id")`);

    await queryRunner.query(`CREATE TYPE "organization_kind" AS ENUM ('PROVIDER_PRACTICE', 'CODING_COMPANY')`);
    await queryRunner.query(`
      CREATE TABLE "organizations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "kind" "organization_kind" NOT NULL,
        "npi" text,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "organizations_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "organizations_npi_format_check" CHECK (npi ~ '^[0-9]{10}$')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "organizations_npi_key" ON "organizations" ("npi") WHERE npi IS NOT NULL`);

    await queryRunner.query(`CREATE TYPE "membership_role" AS ENUM ('OWNER', 'ADMIN', 'MEMBER')`);
    await queryRunner.query(`CREATE TYPE "membership_status" AS ENUM ('INVITED', 'ACTIVE', 'DECLINED')`);
    await queryRunner.query(`
      CREATE TABLE "memberships" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "user_id" uuid,
        "email" text NOT NULL,
        "role" "membership_role" NOT NULL,
        "status" "membership_status" NOT NULL,
        "invited_by_id" uuid,
        "responded_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "memberships_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "memberships_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "memberships_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION,
        CONSTRAINT "memberships_active_has_user_check" CHECK (status <> 'ACTIVE' OR user_id IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "memberships_live_email_key" ON "memberships" ("organization_id", "email") WHERE status IN ('INVITED', 'ACTIVE')`);
    await queryRunner.query(`CREATE INDEX "memberships_user_id_idx" ON "memberships" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "memberships_email_idx" ON "memberships" ("email")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP TYPE "membership_status"`);
    await queryRunner.query(`DROP TYPE "membership_role"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
    await queryRunner.query(`DROP TYPE "organization_kind"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "user_role"`);
  }
}
