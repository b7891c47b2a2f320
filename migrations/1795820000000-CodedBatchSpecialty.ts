import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `coded_batches.specialty`: the posting's specialty, copied when a batch is submitted (a posting's
 * specialty never changes), so a coder's accuracy by specialty is read from the workroom's own table
 * instead of joining the contracts and job postings of other modules.
 */
export class CodedBatchSpecialty1795820000000 implements MigrationInterface {
  name = 'CodedBatchSpecialty1795820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coded_batches" ADD "specialty" "public"."specialty"`);
    await queryRunner.query(`UPDATE "coded_batches" b SET "specialty" = j."specialty" FROM "contracts" k JOIN "job_postings" j ON j."id" = k."job_posting_id" WHERE k."id" = b."contract_id"`);
    await queryRunner.query(`ALTER TABLE "coded_batches" ALTER COLUMN "specialty" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coded_batches" DROP COLUMN "specialty"`);
  }
}
