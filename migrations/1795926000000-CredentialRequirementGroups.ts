import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Postings state credential requirements as groups ("any of CPC, CCS-P" and "CRC"). A group of one
 * type stays in `required_credential_types`, which already holds one group per type: every existing
 * posting's requirements are its groups as they stand, nothing to copy. Groups of two or more types go
 * to `any_of_credential_groups` (a JSON array of arrays of credential type names); `apprentices_accepted`
 * lets an apprentice designation (CPC-A) meet a requirement for the full one, off for existing postings
 * (they refused apprentices).
 */
export class CredentialRequirementGroups1795926000000 implements MigrationInterface {
  name = 'CredentialRequirementGroups1795926000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job_postings" ADD "any_of_credential_groups" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "job_postings" ADD "apprentices_accepted" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_any_of_credential_groups_check" CHECK (jsonb_typeof(any_of_credential_groups) = 'array')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job_postings" DROP CONSTRAINT "job_postings_any_of_credential_groups_check"`);
    await queryRunner.query(`ALTER TABLE "job_postings" DROP COLUMN "apprentices_accepted"`);
    await queryRunner.query(`ALTER TABLE "job_postings" DROP COLUMN "any_of_credential_groups"`);
  }
}
