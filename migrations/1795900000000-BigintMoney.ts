import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Big numbers (issue 15, item 3): every money column is `bigint`, so totals beyond 2^31 cents neither overflow
 * an insert nor a sum. Existing rows widen in place (int4 -> int8 keeps every value). The ledger already used
 * `bigint`; its balance trigger sums into `numeric`, which cannot overflow.
 */
const COLUMNS: [table: string, column: string][] = [
  ['milestones', 'amount_cents'],
  ['invoices', 'amount_cents'],
  ['disputes', 'coder_cents'],
  ['disputes', 'held_cents'],
  ['contracts', 'rate_cents'],
  ['bids', 'rate_cents'],
  ['job_postings', 'rate_cents'],
  ['job_postings', 'budget_cents'],
];

export class BigintMoney1795900000000 implements MigrationInterface {
  name = 'BigintMoney1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE bigint`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE integer`);
    }
  }
}
