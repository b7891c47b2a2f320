import { describe, expect, it } from '@jest/globals';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MIGRATIONS } from './migrations.js';
import { typeOrmOptions } from './typeorm-options.js';

const URL = 'postgresql://postgres@127.0.0.1:5432/unused';

describe(typeOrmOptions.name, () => {
  it('sends lock_timeout and statement_timeout with each connection only when asked', () => {
    expect(typeOrmOptions(URL, { migrationsRun: true, timeouts: { lockTimeoutMs: 5000, statementTimeoutMs: 20000 } }).extra).toMatchObject({ lock_timeout: 5000, statement_timeout: 20000 });
    const cli = typeOrmOptions(URL, { migrationsRun: false }).extra;
    expect(cli).not.toHaveProperty('lock_timeout');
    expect(cli).not.toHaveProperty('statement_timeout');
  });

  it('lifts the statement timeout inside each migration, keeping its name', async () => {
    const migrations = typeOrmOptions(URL, { migrationsRun: true }).migrations as (new () => MigrationInterface)[];
    expect(migrations.map((Migration) => new Migration().name)).toEqual(MIGRATIONS.map((Migration) => Migration.name));
    const sent: string[] = [];
    const queryRunner = { query: async (sql: string) => void sent.push(sql) } as unknown as QueryRunner;
    await new migrations[0]().up(queryRunner);
    expect(sent[0]).toBe('SET LOCAL statement_timeout = 0');
    expect(sent.length).toBeGreaterThan(1);
  });
});
