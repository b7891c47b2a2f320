import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp } from './support/test-app.js';

// Red team of issue 19 (limits over HTTP). The router decodes a percent-encoded path, so POST
// /%67raphql ("g" written as %67) is served by the GraphQL endpoint; the hooks that guard that
// endpoint compare the raw `request.url` with "/graphql" and let it through untouched:
// TRUSTED_DOCUMENTS=only (trusted-documents.ts) runs any text sent there, and the per-request rate
// limit (graphql-request-rate-limit.ts) never counts it.
const ENCODED = '/%67raphql';
const post = (app: TestApp, path: string, body: Record<string, unknown>) => app.http().post(path).set('content-type', 'application/json').send(body);

describe('the GraphQL endpoint under a percent-encoded path', () => {
  describe('with TRUSTED_DOCUMENTS=only', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start({ TRUSTED_DOCUMENTS: 'only' });
    });
    afterAll(() => app?.close());

    it('runs no document outside the manifest', async () => {
      const query = '{ coders(first: 1) { totalCount } }';
      const plain = await post(app, '/graphql', { query });
      expect(plain.status).toBe(403);
      const encoded = await post(app, ENCODED, { query });
      expect({ status: [403, 404].includes(encoded.status), data: encoded.body.data }).toEqual({ status: true, data: undefined });
    });
  });

  describe('with the rate limit on', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_PER_MINUTE: '5' });
    });
    afterAll(() => app?.close());

    it('counts its requests with the others of the caller', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await post(app, '/graphql', { query: '{ __typename }' })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      expect((await post(app, '/graphql', { query: '{ __typename }' })).status).toBe(429);
      const encoded = await post(app, ENCODED, { query: '{ __typename }' });
      expect({ status: [429, 404].includes(encoded.status), data: encoded.body.data }).toEqual({ status: true, data: undefined });
    });
  });
});
