import { rmSync } from 'node:fs';
import { dropDatabase } from '../../src/bootstrap/database-server.js';
import type { RunningPostgres } from '../../src/database/embedded-postgres.js';
import { buildMarker } from '../support/app-process.js';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.CHARTBRIDGE_TEST_ADMIN_URL;
  const template = process.env.CHARTBRIDGE_TEST_TEMPLATE;
  if (adminUrl && template) await dropDatabase(adminUrl, template);
  if (template) rmSync(buildMarker(template), { recursive: true, force: true });
  const embedded = (globalThis as Record<string, unknown>).__CHARTBRIDGE_TEST_DB__ as { server: RunningPostgres; dir: string } | undefined;
  if (embedded) {
    await embedded.server.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
  }
}
