import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `job_postings (specialty, created_at) WHERE status = 'OPEN'`: recommendations walk a coder's
 * specialties newest first. Without it, a specialty with few open postings made PostgreSQL scan
 * every posting (the status index walk finds no stopping point).
 */
export class OpenPostingsBySpecialty1795810000000 implements MigrationInterface {
  name = 'OpenPostingsBySpecialty1795810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "job_postings_open_specialty_created_idx" ON "job_postings" ("specialty", "created_at") WHERE status = 'OPEN'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."job_postings_open_specialty_created_idx"`);
  }
}
