import { DataSourceOptions, MigrationInterface, QueryRunner } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations.js';
import { SnakeNamingStrategy } from '../database/snake-naming.strategy.js';

export interface DatabaseTimeouts {
  /** `lock_timeout` of every pooled connection, in ms (0: wait forever). */
  lockTimeoutMs: number;
  /** `statement_timeout` of every pooled connection, in ms (0: no limit). */
  statementTimeoutMs: number;
}

/**
 * Connection options shared by the app, the TypeORM CLI and the tests. The schema comes only from migrations.
 * `timeouts` are sent as startup parameters of each connection; the app sets them, the CLI, seeding
 * and test set-up do not.
 */
export function typeOrmOptions(url: string, options: { migrationsRun: boolean; poolSize?: number; timeouts?: DatabaseTimeouts }): DataSourceOptions {
  const { lockTimeoutMs = 0, statementTimeoutMs = 0 } = options.timeouts ?? {};
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS.map(withoutStatementTimeout),
    migrationsTableName: 'migrations',
    migrationsRun: options.migrationsRun,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      application_name: 'chartbridge',
      // pg sends these at connect; 0 leaves the server's default (none).
      ...(lockTimeoutMs ? { lock_timeout: lockTimeoutMs } : {}),
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    },
  };
}

/**
 * A migration run at start-up uses the app's pool, so its statement timeout: lifted for the
 * migration's own transaction (SET LOCAL), since building an index on a large table takes minutes.
 * The lock timeout stays: a migration that cannot get its lock fails (run it again) instead of
 * queueing every request behind it. A migration with `transaction = false` sets its own.
 */
function withoutStatementTimeout(Migration: new () => MigrationInterface): new () => MigrationInterface {
  return class extends Migration {
    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query('SET LOCAL statement_timeout = 0');
      await super.up(queryRunner);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query('SET LOCAL statement_timeout = 0');
      await super.down(queryRunner);
    }
  };
}
