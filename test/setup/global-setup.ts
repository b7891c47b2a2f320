// Once per `npm test`: a PostgreSQL server (the embedded one, or the one in DATABASE_URL), and a
// template database holding the migrated schema. Each test file clones the template (test-app.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabase, withDatabase } from '../../src/bootstrap/database-server.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { typeOrmOptions } from '../../src/bootstrap/typeorm-options.js';

export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'chartbridge-test-'));
    const server = await startEmbeddedPostgres(join(dir, 'postgres'), randomBytes(12).toString('hex'));
    (globalThis as Record<string, unknown>).__CHARTBRIDGE_TEST_DB__ = { server, dir };
    adminUrl = server.url();
  }
  const template = `chartbridge_test_template_${process.pid}`;
  await dropDatabase(adminUrl, template);
  await ensureDatabase(adminUrl, template);
  const dataSource = new DataSource(typeOrmOptions(withDatabase(adminUrl, template), { migrationsRun: false, poolSize: 1 }));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  process.env.CHARTBRIDGE_TEST_ADMIN_URL = adminUrl;
  process.env.CHARTBRIDGE_TEST_TEMPLATE = template;
}
