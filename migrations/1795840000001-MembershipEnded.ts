import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a membership ended and who ended it: `ended_at` is set exactly for REVOKED, REMOVED and LEFT
 * rows (none exist yet, so no row needs a value), `ended_by_id` is the OWNER or ADMIN who revoked or
 * removed (the member themself for LEFT). `memberships_organization_id_status_idx` serves "the ACTIVE
 * members of this organization" (the members page, the owner count taken under the organization's lock).
 */
export class MembershipEnded1795840000001 implements MigrationInterface {
  name = 'MembershipEnded1795840000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memberships" ADD "ended_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD "ended_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "memberships_ended_by_id_fkey" FOREIGN KEY ("ended_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "memberships_ended_check" CHECK ((status IN ('REVOKED', 'REMOVED', 'LEFT')) = (ended_at IS NOT NULL))`);
    await queryRunner.query(`CREATE INDEX "memberships_organization_id_status_idx" ON "memberships" ("organization_id", "status")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "memberships_organization_id_status_idx"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "memberships_ended_check"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "memberships_ended_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP COLUMN "ended_by_id"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP COLUMN "ended_at"`);
  }
}
