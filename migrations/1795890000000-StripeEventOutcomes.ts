import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each Stripe event did when it was applied (`outcome`, `outcome_detail`), what it was about
 * (`object_id`, the PaymentIntent, SetupIntent or account) and the connected account it came from
 * (`account`, Connect events). A payment is applied only when it is the intent we recorded, for the
 * amount and currency we asked; the rest is stored as IGNORED (not ours) or MISMATCH (ours, but not
 * what we asked for). Events stored before keep a NULL outcome; their object and account are read
 * from the stored payload.
 */
export class StripeEventOutcomes1795890000000 implements MigrationInterface {
  name = 'StripeEventOutcomes1795890000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."stripe_event_outcome" AS ENUM('APPLIED', 'UNCHANGED', 'IGNORED', 'MISMATCH', 'UNHANDLED')`);
    await queryRunner.query(`ALTER TABLE "stripe_events" ADD "object_id" text`);
    await queryRunner.query(`ALTER TABLE "stripe_events" ADD "account" text`);
    await queryRunner.query(`ALTER TABLE "stripe_events" ADD "outcome" "public"."stripe_event_outcome"`);
    await queryRunner.query(`ALTER TABLE "stripe_events" ADD "outcome_detail" text`);
    await queryRunner.query(
      `UPDATE "stripe_events" SET "object_id" = CASE WHEN jsonb_typeof("payload" #> '{data,object,id}') = 'string' THEN "payload" #>> '{data,object,id}' END,
                                  "account" = CASE WHEN jsonb_typeof("payload" -> 'account') = 'string' THEN "payload" ->> 'account' END`,
    );
    await queryRunner.query(`CREATE INDEX "stripe_events_object_id_idx" ON "stripe_events" ("object_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."stripe_events_object_id_idx"`);
    await queryRunner.query(`ALTER TABLE "stripe_events" DROP COLUMN "outcome_detail"`);
    await queryRunner.query(`ALTER TABLE "stripe_events" DROP COLUMN "outcome"`);
    await queryRunner.query(`ALTER TABLE "stripe_events" DROP COLUMN "account"`);
    await queryRunner.query(`ALTER TABLE "stripe_events" DROP COLUMN "object_id"`);
    await queryRunner.query(`DROP TYPE "public"."stripe_event_outcome"`);
  }
}
