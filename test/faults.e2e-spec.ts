import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { given, ok } from './support/given.js';
import { TestApp } from './support/test-app.js';
import { asAdmin } from './support/wait.js';

describe('faults: the database going away', () => {
  let app: TestApp;
  let database: string;

  beforeAll(async () => {
    app = await TestApp.start();
    database = new URL(app.config.databaseUrl).pathname.slice(1);
  });
  afterAll(async () => {
    await asAdmin(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await app?.close();
  });

  it('reports not ready, answers cleanly while it is gone, and recovers without a restart', async () => {
    const coder = await given(app).coder();
    ok(await app.gql('{ me { id } }', {}, coder.accessToken));

    await asAdmin(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    await asAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);

    const ready = await app.http().get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details.database.status).toBe('down');
    expect((await app.http().get('/health')).status).toBe(200);
    const during = await app.gql('{ me { id } }', {}, coder.accessToken);
    expect(during.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(during.errors)).not.toMatch(/ECONNREFUSED|pg_|terminat|stack|\.ts/i);

    await asAdmin(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      recovered = (await app.http().get('/ready')).status === 200;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(recovered).toBe(true);
    ok(await app.gql('{ me { id } }', {}, coder.accessToken));
  });
});
