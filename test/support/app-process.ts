import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../../src/database/free-port.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../../dist/src/main.js', import.meta.url));

/** Where the process specs of one `npm test` run (its template database names it) note that `dist` is built. */
export const buildMarker = (run = process.env.CHARTBRIDGE_TEST_TEMPLATE ?? `pid-${process.pid}`) => join(tmpdir(), `chartbridge-build-${run}`);

/**
 * Compiles `src` to `dist` (swc, a few seconds with npm's start-up): the process tests run what
 * `npm start` runs. Once per `npm test` run: the first process spec builds while the other waits,
 * instead of both building and writing `dist` at the same time (global teardown removes the marker).
 */
export async function buildApp(): Promise<void> {
  const marker = buildMarker();
  const built = join(marker, 'built');
  if (existsSync(built)) return;
  try {
    mkdirSync(marker); // the lock: one spec of the run gets it
  } catch {
    if (!(await eventually(() => existsSync(built), 120_000))) throw new Error('the other process spec never finished building dist');
    return;
  }
  try {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    writeFileSync(built, '');
  } catch (error) {
    rmSync(marker, { recursive: true, force: true });
    throw error;
  }
}

/** The built app running in its own process, as `npm start` runs it. */
export class AppProcess {
  private out = '';
  private err = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout!.on('data', (chunk: Buffer) => (this.out += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.err += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /**
   * Spawns `node dist/src/main.js` with a clean environment (production mode, `env` on top; no
   * DATABASE_URL or REDIS_URL unless given). `detached` puts it in a process group of its own, so
   * `interruptGroup()` can act as Ctrl-C in a terminal does.
   */
  static spawn(port: number, env: Record<string, string>, options: { detached?: boolean } = {}): AppProcess {
    const child = spawn(process.execPath, ['--enable-source-maps', MAIN], {
      cwd: env.DATA_DIR,
      detached: options.detached ?? false,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        PAYMENTS_SIMULATED: 'true',
        HOST: '127.0.0.1',
        PORT: String(port),
        JWT_SECRET: randomBytes(32).toString('hex'),
        DOCUMENT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        LOG_LEVEL: 'warn',
        WORKER_POLL_MS: '0',
        RATE_LIMIT_ENABLED: 'false',
        ...env,
      },
    });
    return new AppProcess(child, port);
  }

  /** Spawns the app and resolves once it listens (rejects with its output if it exits first). */
  static async start(port: number, env: Record<string, string>, options: { detached?: boolean } = {}): Promise<AppProcess> {
    const app = AppProcess.spawn(port, env, options);
    await app.waitForOutput(/listening on/, 60_000);
    return app;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  stdout(): string {
    return this.out;
  }

  stderr(): string {
    return this.err;
  }

  /** Resolves when stdout matches `pattern`; rejects with the output when the process exits first or after `ms`. */
  async waitForOutput(pattern: RegExp, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (!pattern.test(this.out)) {
      if (exited || Date.now() > deadline) {
        throw new Error(`app ${exited ? 'exited' : 'timed out'} before ${pattern}:\n${this.out}\n${this.err}`);
      }
      await sleep(50);
    }
  }

  /** Sends `signal` to the whole process group, as a terminal does on Ctrl-C (needs `detached`). */
  interruptGroup(signal: NodeJS.Signals = 'SIGINT'): void {
    process.kill(-this.pid, signal);
  }

  /** POSTs one GraphQL operation, anonymously. */
  gql(query: string): Promise<Response> {
    return fetch(`${this.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  }

  /** Kills what is left (test clean-up). */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/**
 * The built app's processes of one spec file, each on a free port, and the DATA_DIRs they use:
 * `cleanUp()` (in afterAll) kills what is left, stops any embedded PostgreSQL a failing test left
 * running under those folders, and removes them.
 */
export class BuiltApps {
  private readonly apps: AppProcess[] = [];
  private readonly dirs: string[] = [];

  constructor(private readonly prefix: string) {}

  /** A fresh DATA_DIR, removed by `cleanUp()`. */
  tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), `${this.prefix}-`));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as `postgres`, which must enter it
    this.dirs.push(dir);
    return dir;
  }

  /** Spawns the built app on a free port (see `AppProcess.spawn`), without waiting for it to listen. */
  async spawnBuiltApp(env: Record<string, string>, options: { detached?: boolean } = {}): Promise<AppProcess> {
    const app = AppProcess.spawn(await findFreePort(), env, options);
    this.apps.push(app);
    return app;
  }

  async cleanUp(): Promise<void> {
    for (const app of this.apps) app.kill();
    for (const dir of this.dirs) {
      const server = postmasterOf(join(dir, 'postgres'));
      if (server && isAlive(server.pid)) {
        process.kill(server.pid, 'SIGINT');
        await eventually(() => !isAlive(server.pid), 10_000);
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** The fields of a PostgreSQL data directory's `postmaster.pid`, or null when there is none. */
export function postmasterOf(databaseDir: string): { pid: number; port: number } | null {
  try {
    const lines = readFileSync(`${databaseDir}/postmaster.pid`, 'utf8').split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return null;
  }
}

/** True while `pid` runs (a zombie waiting to be reaped counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The parent process id of `pid` (Linux: /proc). */
export function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The processes whose parent is `pid` (Linux: /proc). */
export function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return parentOf(Number(entry)) === pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** Polls `check` every 50 ms until it holds; false when `ms` passed first. */
export async function eventually(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(50);
  }
  return check();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
