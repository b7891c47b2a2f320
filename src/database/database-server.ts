import pg from 'pg';
import { join } from 'node:path';
import { Environment } from '../config/environment.js';
import { persistedDevSecret } from '../config/dev-secrets.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export const EMBEDDED_DATABASE_NAME = 'chartbridge';

export interface DatabaseServer {
  url: string;
  /** True when this process started the server (the embedded PostgreSQL) and must stop it. */
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL the app talks to: `DATABASE_URL` when set, otherwise an embedded server
 * under `$DATA_DIR/postgres` holding a `chartbridge` database.
 */
export async function openDatabaseServer(env: Environment, log: (line: string) => void = () => undefined): Promise<DatabaseServer> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };

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
