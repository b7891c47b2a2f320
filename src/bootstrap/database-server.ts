import pg from 'pg';
import { join } from 'node:path';
import { Environment } from '../config/environment.js';
import { persistedDevSecret } from '../config/dev-secrets.js';
import { redactUrl } from '../config/redact-url.js';
import { StartupError } from '../config/startup-error.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';

export const EMBEDDED_DATABASE_NAME = 'chartbridge';

export interface DatabaseServer {
  url: string;
  /** True when this process started the server (the embedded PostgreSQL) and must stop it. */
  embedded: boolean;
  stop(): Promise<void>;
}

const PROBE_TIMEOUT_MS = 5000;

/**
 * The PostgreSQL the app talks to: `DATABASE_URL` when set (checked to answer, so start-up fails at
 * once with a `StartupError` naming it), otherwise an embedded server under `$DATA_DIR/postgres`
 * holding a `chartbridge` database.
 */
export async function openDatabaseServer(env: Environment, log: (line: string) => void = () => undefined): Promise<DatabaseServer> {
  if (env.DATABASE_URL) {
    await probe(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  }

  const password = persistedDevSecret(env.DATA_DIR, 'postgres-password', 24);
  const server = await startEmbeddedPostgres(join(env.DATA_DIR, 'postgres'), password, log);
  try {
    await ensureDatabase(server.url(), EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.url(EMBEDDED_DATABASE_NAME), embedded: true, stop: () => server.stop() };
}

/**
 * Connects once. Without it, TypeORM's module retries nine times, three seconds apart, and logs a
 * stack trace each time: 30 s of noise before the same answer.
 */
async function probe(url: string): Promise<void> {
  let client: pg.Client | undefined;
  try {
    // Inside the try: pg parses the URL here, and may refuse one that passed validation.
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
    client.on('error', () => undefined);
    await client.connect();
  } catch (error) {
    throw new StartupError(`Cannot connect to the database in DATABASE_URL (${redactUrl(url)}): ${reasonOf(error)}`);
  } finally {
    await client?.end().catch(() => undefined);
  }
}

/** One line for a connection error (Node reports a refused `localhost` as an AggregateError with no message). */
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(reasonOf).join('; ');
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}

/** Creates `name` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}

/** Drops `name` (closing its connections) on the server behind `adminUrl`. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
