import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exclusion screening that a coder cannot type their way past (docs/screening.md, issue 17 red team):
 * - `leie_exclusions.last_name_parts` (GIN): candidates by any part of a compound last name. Filled
 *   here for the list already loaded with an ASCII approximation of `lastNameParts` (the LEIE file is
 *   upper-case ASCII; particles are not left out here, which only widens the candidates `matchLeie`
 *   then decides on); the next import writes the exact parts.
 * - `coder_legal_names`: every legal name a profile has had, so a rename does not shed a name; the
 *   current legal names are its first rows.
 * - `screening_holds.evidence`: the name that matched and the details that agree or differ; and one
 *   live hold per coder and entry instead of one hold ever, so a stronger match of a cleared entry
 *   raises a new hold.
 */
export class ExclusionScreeningNames1795930000000 implements MigrationInterface {
  name = 'ExclusionScreeningNames1795930000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "leie_exclusions" ADD "last_name_parts" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `UPDATE "leie_exclusions" e SET "last_name_parts" = ARRAY(
         SELECT DISTINCT part FROM (
           SELECT upper(regexp_replace(e.last_name, '[^A-Za-z]', '', 'g')) AS part
           UNION ALL
           SELECT upper(regexp_replace(word, '[^A-Za-z]', '', 'g')) FROM regexp_split_to_table(e.last_name, '[[:space:]-]+') AS word
         ) parts WHERE length(part) > 1)
       WHERE e.first_name <> ''`,
    );
    await queryRunner.query(`CREATE INDEX "leie_exclusions_last_name_parts_idx" ON "leie_exclusions" USING gin ("last_name_parts")`);

    await queryRunner.query(
      `CREATE TABLE "coder_legal_names" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "coder_legal_names_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "coder_legal_names_user_name_key" ON "coder_legal_names" ("user_id", "first_name", "last_name")`);
    await queryRunner.query(`ALTER TABLE "coder_legal_names" ADD CONSTRAINT "coder_legal_names_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(
      `INSERT INTO "coder_legal_names" ("user_id", "first_name", "last_name")
       SELECT user_id, coalesce(legal_first_name, ''), coalesce(legal_last_name, '') FROM "coder_profiles" WHERE legal_first_name IS NOT NULL OR legal_last_name IS NOT NULL`,
    );

    await queryRunner.query(`ALTER TABLE "screening_holds" ADD "evidence" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`DROP INDEX "public"."screening_holds_coder_entry_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "screening_holds_coder_entry_live_key" ON "screening_holds" ("coder_id", "entry_key") WHERE status IN ('OPEN', 'CONFIRMED')`);
    await queryRunner.query(`CREATE INDEX "screening_holds_coder_entry_idx" ON "screening_holds" ("coder_id", "entry_key")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."screening_holds_coder_entry_idx"`);
    await queryRunner.query(`DROP INDEX "public"."screening_holds_coder_entry_live_key"`);
    // Back to one hold per coder and entry: the newest of each pair stays.
    await queryRunner.query(
      `DELETE FROM "screening_holds" h USING "screening_holds" newer
       WHERE newer.coder_id = h.coder_id AND newer.entry_key = h.entry_key AND (newer.created_at, newer.id) > (h.created_at, h.id)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "screening_holds_coder_entry_key" ON "screening_holds" ("coder_id", "entry_key")`);
    await queryRunner.query(`ALTER TABLE "screening_holds" DROP COLUMN "evidence"`);
    await queryRunner.query(`DROP TABLE "coder_legal_names"`);
    await queryRunner.query(`DROP INDEX "public"."leie_exclusions_last_name_parts_idx"`);
    await queryRunner.query(`ALTER TABLE "leie_exclusions" DROP COLUMN "last_name_parts"`);
  }
}
