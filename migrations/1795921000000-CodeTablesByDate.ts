import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Code tables keep the dates of service they are in force for instead of a year: code_table_versions
 * (one row per loaded version of a set), entries keyed by their version's first day, with a code's own
 * dates (HCPCS added / terminated); NCCI practitioner PTP edits and MUEs by quarter. Existing rows
 * move to their version: the old `year` was the fiscal year for ICD10CM (October 1 of the year before
 * to September 30) and the calendar year for HCPCS.
 */
export class CodeTablesByDate1795921000000 implements MigrationInterface {
  name = 'CodeTablesByDate1795921000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "code_table_versions" ("code_set" text NOT NULL, "effective_from" date NOT NULL, "effective_to" date, "source" text NOT NULL, "entry_count" integer NOT NULL, "loaded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "code_table_versions_pkey" PRIMARY KEY ("code_set", "effective_from"))`,
    );
    await queryRunner.query(`ALTER TABLE "code_table_entries" ADD "effective_from" date`);
    await queryRunner.query(`ALTER TABLE "code_table_entries" ADD "valid_from" date`);
    await queryRunner.query(`ALTER TABLE "code_table_entries" ADD "valid_to" date`);
    await queryRunner.query(`UPDATE "code_table_entries" SET "effective_from" = CASE WHEN "code_set" = 'ICD10CM' THEN make_date("year" - 1, 10, 1) ELSE make_date("year", 1, 1) END`);
    await queryRunner.query(
      `INSERT INTO "code_table_versions" ("code_set", "effective_from", "effective_to", "source", "entry_count")
       SELECT "code_set", "effective_from", CASE WHEN "code_set" = 'ICD10CM' THEN make_date("year", 9, 30) ELSE make_date("year", 12, 31) END, 'year ' || "year", count(*)
         FROM "code_table_entries" GROUP BY "code_set", "effective_from", "year"`,
    );
    await queryRunner.query(`ALTER TABLE "code_table_entries" DROP CONSTRAINT "code_table_entries_pkey"`);
    await queryRunner.query(`ALTER TABLE "code_table_entries" DROP COLUMN "year"`);
    await queryRunner.query(`ALTER TABLE "code_table_entries" ALTER COLUMN "effective_from" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "code_table_entries" ADD CONSTRAINT "code_table_entries_pkey" PRIMARY KEY ("code_set", "effective_from", "code")`);
    await queryRunner.query(
      `CREATE TABLE "ncci_ptp_edits" ("effective_from" date NOT NULL, "column1" text NOT NULL, "column2" text NOT NULL, "edit_from" date NOT NULL, "edit_to" date, "modifier_indicator" smallint NOT NULL, "rationale" text NOT NULL, CONSTRAINT "ncci_ptp_edits_pkey" PRIMARY KEY ("effective_from", "column1", "column2"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mue_values" ("effective_from" date NOT NULL, "code" text NOT NULL, "max_units" integer NOT NULL, "adjudication_indicator" smallint NOT NULL, "rationale" text NOT NULL, CONSTRAINT "mue_values_pkey" PRIMARY KEY ("effective_from", "code"))`,
    );
    // NCCI / MUE warnings stored with the batch (earlier batches: none).
    await queryRunner.query(`ALTER TABLE "coded_batches" ADD "warnings" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP COLUMN "warnings"`);
    await queryRunner.query(`DROP TABLE "mue_values"`);
    await queryRunner.query(`DROP TABLE "ncci_ptp_edits"`);
    // Back to one year per set: the fiscal year an ICD-10-CM version ends in, a HCPCS version's calendar year; the other sets and the codes' own dates are dropped.
    await queryRunner.query(`DELETE FROM "code_table_entries" WHERE "code_set" NOT IN ('ICD10CM', 'HCPCS')`);
    await queryRunner.query(`ALTER TABLE "code_table_entries" DROP CONSTRAINT "code_table_entries_pkey"`);
    await queryRunner.query(`ALTER TABLE "code_table_entries" ADD "year" integer`);
    await queryRunner.query(
      `UPDATE "code_table_entries" SET "year" = CASE WHEN "code_set" = 'ICD10CM' AND extract(month FROM "effective_from") >= 10 THEN extract(year FROM "effective_from")::int + 1 ELSE extract(year FROM "effective_from")::int END`,
    );
    await queryRunner.query(
      `DELETE FROM "code_table_entries" e USING "code_table_entries" newer WHERE newer."code_set" = e."code_set" AND newer."year" = e."year" AND newer."code" = e."code" AND newer."effective_from" > e."effective_from"`,
    );
    await queryRunner.query(`ALTER TABLE "code_table_entries" ALTER COLUMN "year" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "code_table_entries" DROP COLUMN "effective_from"`);
    await queryRunner.query(`ALTER TABLE "code_table_entries" DROP COLUMN "valid_from"`);
    await queryRunner.query(`ALTER TABLE "code_table_entries" DROP COLUMN "valid_to"`);
    await queryRunner.query(`ALTER TABLE "code_table_entries" ADD CONSTRAINT "code_table_entries_pkey" PRIMARY KEY ("code_set", "year", "code")`);
    await queryRunner.query(`DROP TABLE "code_table_versions"`);
  }
}
