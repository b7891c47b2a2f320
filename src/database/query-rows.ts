import { DataSource, EntityManager, ObjectLiteral, QueryResult, Repository } from 'typeorm';

/** What raw SQL runs on: the pool (a data source or repository) or a transaction's manager. */
export type SqlRunner = DataSource | EntityManager | Repository<ObjectLiteral>;

/**
 * Runs raw SQL and answers its rows, typed by the caller: the rows of a SELECT, or the RETURNING
 * rows of an INSERT, UPDATE or DELETE. (TypeORM's `query` answers `[rows, count]` for UPDATE and
 * DELETE but the rows alone otherwise; its structured result has the rows for every statement.)
 * Pass the transaction's manager inside a transaction, so the statement runs on its connection.
 */
export async function queryRows<T extends ObjectLiteral>(runner: SqlRunner, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const manager = 'manager' in runner ? runner.manager : runner;
  const queryRunner = manager.queryRunner ?? manager.dataSource.createQueryRunner();
  try {
    // eslint-disable-next-line no-restricted-syntax -- the one place where driver rows get their type
    const result = (await queryRunner.query(sql, parameters, true)) as QueryResult<T>;
    return result.records;
  } finally {
    if (!manager.queryRunner) await queryRunner.release();
  }
}
