import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One ACTIVE membership per account and organization (`memberships_active_user_key`). Before it, an
 * account that changed its email could accept an invitation to its new address while still a
 * member under the old one: two ACTIVE rows, of which `removeMember` ended one and the access gate
 * read either. Existing duplicates are settled first: the row with the highest role (OWNER, ADMIN,
 * MEMBER; the oldest among equals) stays, so the organization keeps its OWNERs; the others end
 * REMOVED (by nobody: `ended_by_id` null), kept for history.
 */
export class OneActiveMembershipPerUser1795914000000 implements MigrationInterface {
  name = 'OneActiveMembershipPerUser1795914000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const ended = await queryRunner.query(
      `WITH ranked AS (
         SELECT id, row_number() OVER (
                  PARTITION BY organization_id, user_id
                  ORDER BY CASE role WHEN 'OWNER' THEN 0 WHEN 'ADMIN' THEN 1 ELSE 2 END, created_at, id) AS rank
           FROM memberships WHERE status = 'ACTIVE')
       UPDATE memberships m SET status = 'REMOVED', ended_at = now(), ended_by_id = NULL
         FROM ranked WHERE ranked.id = m.id AND ranked.rank > 1
       RETURNING m.id`,
    );
    const rows = (Array.isArray(ended[0]) ? ended[0] : ended) as { id: string }[];
    if (rows.length) console.warn(`OneActiveMembershipPerUser: ended ${rows.length} duplicate ACTIVE membership(s), kept as REMOVED: ${rows.map((row) => row.id).join(', ')}`);
    await queryRunner.query(`CREATE UNIQUE INDEX "memberships_active_user_key" ON "memberships" ("organization_id", "user_id") WHERE status = 'ACTIVE'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "memberships_active_user_key"`);
  }
}
