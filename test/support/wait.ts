import pg from 'pg';
import { withDatabase } from '../../src/bootstrap/database-server.js';

/**
 * Polls `check` until it answers true (work the app finishes asynchronously: the simulated gateway,
 * the outbox, background jobs), failing with `what` after `timeoutMs`.
 */
export async function eventually(check: () => Promise<boolean>, what: string, { timeoutMs = 5_000, intervalMs = 50 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`never happened: ${what}`);
}

/** Runs SQL as the test server's admin, outside the app's database (e.g. to cut that database off). */
export async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(process.env.CHARTBRIDGE_TEST_ADMIN_URL!, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
