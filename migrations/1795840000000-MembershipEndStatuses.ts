import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Membership history: an invitation can be REVOKED, a member REMOVED or LEFT, instead of the row
 * being deleted (audit, and the email may be invited again: `memberships_live_email_key` covers
 * INVITED and ACTIVE only). Only the enum values here: PostgreSQL refuses a value added by
 * `ALTER TYPE ... ADD VALUE` until its transaction commits, so what uses them (the check on
 * `ended_at`) is the next migration (migrations run one transaction each).
 */
export class MembershipEndStatuses1795840000000 implements MigrationInterface {
  name = 'MembershipEndStatuses1795840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "membership_status" ADD VALUE IF NOT EXISTS 'REVOKED'`);
    await queryRunner.query(`ALTER TYPE "membership_status" ADD VALUE IF NOT EXISTS 'REMOVED'`);
    await queryRunner.query(`ALTER TYPE "membership_status" ADD VALUE IF NOT EXISTS 'LEFT'`);
  }

  /** Enum values cannot be dropped: the type is rebuilt, and ended memberships read as DECLINED (no longer live). */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "memberships" SET "status" = 'DECLINED' WHERE "status" IN ('REVOKED', 'REMOVED', 'LEFT')`);
    await queryRunner.query(`DROP INDEX "memberships_live_email_key"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "memberships_active_has_user_check"`);
    await queryRunner.query(`ALTER TYPE "membership_status" RENAME TO "membership_status_old"`);
    await queryRunner.query(`CREATE TYPE "membership_status" AS ENUM ('INVITED', 'ACTIVE', 'DECLINED')`);
    await queryRunner.query(`ALTER TABLE "memberships" ALTER COLUMN "status" TYPE "membership_status" USING "status"::text::"membership_status"`);
    await queryRunner.query(`DROP TYPE "membership_status_old"`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "memberships_active_has_user_check" CHECK (status <> 'ACTIVE' OR user_id IS NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "memberships_live_email_key" ON "memberships" ("organization_id", "email") WHERE status IN ('INVITED', 'ACTIVE')`);
  }
}
