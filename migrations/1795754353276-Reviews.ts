import { MigrationInterface, QueryRunner } from 'typeorm';

/** Double-blind reviews. */

export class Reviews1795754353276 implements MigrationInterface {
  name = 'Reviews1795754353276';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "author_id" uuid NOT NULL, "author_side" text NOT NULL, "coder_id" uuid NOT NULL, "rating" integer NOT NULL, "comment" text, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reviews_rating_check" CHECK (rating BETWEEN 1 AND 5), CONSTRAINT "reviews_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "reviews_coder_published_idx" ON "reviews"  ("coder_id", "published_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "reviews_contract_side_key" ON "reviews"  ("contract_id", "author_side") `);
    await queryRunner.query(`ALTER TABLE "reviews" ADD CONSTRAINT "reviews_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reviews" ADD CONSTRAINT "reviews_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reviews" DROP CONSTRAINT "reviews_author_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "reviews" DROP CONSTRAINT "reviews_contract_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."reviews_contract_side_key"`);
    await queryRunner.query(`DROP INDEX "public"."reviews_coder_published_idx"`);
    await queryRunner.query(`DROP TABLE "reviews"`);
  }
}
