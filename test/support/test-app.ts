import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory.js';
import { AppConfig } from '../../src/config/app-config.js';
import { loadEnvironment } from '../../src/config/environment.js';
import { dropDatabase, withDatabase } from '../../src/bootstrap/database-server.js';
import type { Untyped } from './untyped.js';

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; fields?: string[]; [key: string]: unknown };
}

export interface GraphqlResponse<T = Record<string, Untyped>> {
  status: number;
  data: T | null;
  errors?: GraphqlError[];
}

export const ADMIN_EMAIL = 'admin@chartbridge.test';
export const ADMIN_PASSWORD = 'admin-password-for-tests';

/**
 * The real application on its own database (cloned from the migrated template), reached over
 * HTTP through supertest. One per test file, so files run in parallel without sharing rows.
 */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    private readonly database: string | null,
    private readonly dataDir: string,
  ) {}

  /**
   * Boots the app on a fresh clone of the migrated template. With `sameDatabaseAs`, a second
   * instance on the first one's database (it does not drop it): pass the same JWT_SECRET and
   * DOCUMENT_ENCRYPTION_KEY in `overrides` so both instances accept each other's tokens.
   */
  static async start(overrides: Record<string, string> = {}, sameDatabaseAs?: TestApp): Promise<TestApp> {
    const adminUrl = process.env.CHARTBRIDGE_TEST_ADMIN_URL!;
    const database = sameDatabaseAs ? null : `chartbridge_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    if (database) await cloneTemplate(adminUrl, database, process.env.CHARTBRIDGE_TEST_TEMPLATE!);
    const url = sameDatabaseAs ? sameDatabaseAs.config.databaseUrl : withDatabase(adminUrl, database!);
    const dataDir = mkdtempSync(join(tmpdir(), 'chartbridge-data-'));
    const env = loadEnvironment({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      DATABASE_URL: url,
      MIGRATIONS_RUN: 'false',
      REDIS_URL: process.env.REDIS_URL,
      JWT_SECRET: randomBytes(32).toString('hex'),
      DOCUMENT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      WORKER_POLL_MS: '0',
      RATE_LIMIT_ENABLED: 'false',
      RATE_LIMIT_NAMESPACE: `test-${randomBytes(6).toString('hex')}`,
      // Tests that boot in production mode without a Stripe key run on the simulated gateway on purpose.
      PAYMENTS_SIMULATED: 'true',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // The executor under test: the app's default (graphql-js) unless the run names one (GRAPHQL_EXECUTOR=jit npm test ...).
      ...(process.env.GRAPHQL_EXECUTOR ? { GRAPHQL_EXECUTOR: process.env.GRAPHQL_EXECUTOR } : {}),
      ...overrides,
    });
    const config = new AppConfig(env, url, env.JWT_SECRET!, Buffer.from(env.DOCUMENT_ENCRYPTION_KEY!, 'base64'));
    const app = await createApp(config);
    await app.getHttpAdapter().getInstance().ready();
    return new TestApp(app, config, database, dataDir);
  }

  /** Starts listening on a free loopback port (for WebSocket clients); returns the base URL. */
  async listen(): Promise<string> {
    // Listening once is enough: later calls answer the same address.
    if (!this.app.getHttpServer().listening) await this.app.listen({ port: 0, host: '127.0.0.1' });
    const address = this.app.getHttpServer().address() as { port: number };
    return `127.0.0.1:${address.port}`;
  }

  http() {
    return request(this.app.getHttpServer());
  }

  /** Sends one GraphQL operation as a client would: POST /graphql, JSON, optional bearer token. */
  async gql<T = Record<string, Untyped>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphqlResponse<T>> {
    const req = this.http().post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return { status: res.status, data: res.body.data ?? null, errors: res.body.errors };
  }

  /** Runs SQL on this app's database (for assertions on rows, never to set up state a client could). */
  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.config.databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async close(): Promise<void> {
    await this.app.close();
    if (this.database) await dropDatabase(process.env.CHARTBRIDGE_TEST_ADMIN_URL!, this.database);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** CREATE DATABASE ... TEMPLATE fails while another file clones the same template: retry briefly. */
export async function cloneTemplate(adminUrl: string, database: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)} TEMPLATE ${client.escapeIdentifier(template)}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    } finally {
      await client.end();
    }
  }
}
