import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { AUTH_FIELDS, PASSWORD } from './support/given.js';
import { TestApp } from './support/test-app.js';

// CORS_ORIGINS as a browser app on another origin meets it (real preflights: OPTIONS with Origin and
// Access-Control-Request-Method/Headers), and the one JSON line per request the operators read.
const APP_ORIGIN = 'https://app.example.test';
const DEV_ORIGIN = 'http://localhost:5173';
const EVIL_ORIGIN = 'https://evil.example.test';
const REQUESTED_HEADERS = 'authorization,content-type,apollo-require-preflight,x-apollo-operation-name,x-request-id';

const corsHeadersOf = (res: Response) => Object.fromEntries(Object.entries(res.headers).filter(([name]) => name.startsWith('access-control-')));

describe('CORS (CORS_ORIGINS) and the request log', () => {
  let app: TestApp;
  let dir: string;
  let logFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chartbridge-cors-'));
    logFile = join(dir, 'app.log');
    app = await TestApp.start({ CORS_ORIGINS: `${APP_ORIGIN},${DEV_ORIGIN}`, LOG_LEVEL: 'info', LOG_FILE: logFile });
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const preflight = (path: string, origin: string, method = 'POST') =>
    app.http().options(path).set('origin', origin).set('access-control-request-method', method).set('access-control-request-headers', REQUESTED_HEADERS);

  describe('CORS', () => {
    it('answers a listed origin’s preflight to /graphql with 204 and the allow headers, credentials included', async () => {
      for (const origin of [APP_ORIGIN, DEV_ORIGIN]) {
        const res = await preflight('/graphql', origin);
        expect(res.status).toBe(204);
        expect(res.headers['access-control-allow-origin']).toBe(origin);
        expect(res.headers['access-control-allow-credentials']).toBe('true');
        expect(res.headers['access-control-allow-methods']!.split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'POST']));
        expect(res.headers['access-control-allow-headers']!.split(/,\s*/)).toEqual(expect.arrayContaining(REQUESTED_HEADERS.split(',')));
        expect(res.headers.vary).toMatch(/origin/i);
      }
    });

    it('lets a browser on a listed origin sign up and then query with its token (preflight, then POST with Origin)', async () => {
      const signUpPreflight = await preflight('/graphql', APP_ORIGIN);
      expect(signUpPreflight.status).toBe(204);
      const email = `cors-${randomUUID()}@example.test`;
      const signUp = await app
        .http()
        .post('/graphql')
        .set('origin', APP_ORIGIN)
        .set('content-type', 'application/json')
        .send({
          query: `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`,
          variables: { input: { email, password: PASSWORD, name: 'Browser Coder', role: 'CODER' } },
        });
      expect(signUp.status).toBe(200);
      expect(signUp.body.errors).toBeUndefined();
      expect(signUp.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
      expect(signUp.headers['access-control-allow-credentials']).toBe('true');
      // The browser may read the request id of an answer (for a support ticket).
      expect(signUp.headers['access-control-expose-headers']).toMatch(/x-request-id/);

      const token = signUp.body.data.signUp.accessToken as string;
      expect((await preflight('/graphql', APP_ORIGIN)).status).toBe(204);
      const me = await app
        .http()
        .post('/graphql')
        .set('origin', APP_ORIGIN)
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${token}`)
        .send({ query: 'query Me { me { email role } }' });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({ data: { me: { email, role: 'CODER' } } });
      expect(me.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    });

    it('keeps Apollo’s CSRF prevention for a GET without a preflight header, and serves one that sends it', async () => {
      const blocked = await app.http().get('/graphql').query({ query: '{ __typename }' }).set('origin', APP_ORIGIN);
      expect(blocked.status).toBe(400);
      const served = await app.http().get('/graphql').query({ query: '{ __typename }' }).set('origin', APP_ORIGIN).set('apollo-require-preflight', 'true');
      expect({ status: served.status, body: served.body }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
      expect(served.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    });

    it('answers the document endpoints’ preflights (uploads and downloads, contract and credential documents)', async () => {
      const id = randomUUID();
      for (const [path, method] of [
        [`/contracts/${id}/documents`, 'POST'],
        [`/documents/${id}`, 'GET'],
        ['/credential-documents', 'POST'],
        [`/credential-documents/${id}`, 'GET'],
      ]) {
        const res = await preflight(path, APP_ORIGIN, method);
        expect({ path, status: res.status, origin: res.headers['access-control-allow-origin'], credentials: res.headers['access-control-allow-credentials'] }).toEqual({
          path,
          status: 204,
          origin: APP_ORIGIN,
          credentials: 'true',
        });
      }
      // The answer itself (here a refusal: no token) carries the headers, so the browser can read the error.
      const download = await app.http().get(`/documents/${id}`).set('origin', APP_ORIGIN);
      expect(download.status).toBe(401);
      expect(download.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    });

    it('never answers a preflight for the Stripe webhook, nor adds CORS headers to it, even for a listed origin', async () => {
      const res = await preflight('/webhooks/stripe', APP_ORIGIN);
      expect(res.status).toBe(404);
      expect(corsHeadersOf(res)).toEqual({});
      const post = await app.http().post('/webhooks/stripe').set('origin', APP_ORIGIN).set('content-type', 'application/json').send('{}');
      expect(corsHeadersOf(post)).toEqual({});
    });

    it('gives an unlisted origin no CORS headers at all: its preflight is refused with 403, its requests carry none', async () => {
      for (const origin of [EVIL_ORIGIN, 'null', `${APP_ORIGIN}.evil.test`, 'http://app.example.test', 'https://app.example.test:8443']) {
        const res = await preflight('/graphql', origin);
        expect({ origin, status: res.status, cors: corsHeadersOf(res) }).toEqual({ origin, status: 403, cors: {} });
        expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
      }
      const document = await preflight(`/documents/${randomUUID()}`, EVIL_ORIGIN, 'GET');
      expect({ status: document.status, cors: corsHeadersOf(document), code: document.body.code }).toEqual({ status: 403, cors: {}, code: 'FORBIDDEN' });
      // A request sent anyway (CORS is the browser's to enforce) gets no allow-origin: the browser hides the answer.
      const post = await app.http().post('/graphql').set('origin', EVIL_ORIGIN).set('content-type', 'application/json').send({ query: '{ __typename }' });
      expect(post.status).toBe(200);
      expect(corsHeadersOf(post)).toEqual({});
    });

    it('adds nothing to a request without an Origin (servers, curl) nor to other paths', async () => {
      const plain = await app.http().post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });
      expect(corsHeadersOf(plain)).toEqual({});
      const health = await app.http().get('/health').set('origin', APP_ORIGIN);
      expect(corsHeadersOf(health)).toEqual({});
    });
  });

  describe('request log', () => {
    /** The request line that names `requestId` (or a path), waiting for it to be flushed. */
    async function requestLine(requestId: string): Promise<Record<string, unknown>> {
      for (let i = 0; i < 100; i++) {
        const line = readFileSync(logFile, 'utf8')
          .split('\n')
          .filter((text) => text.includes(requestId))
          .map((text) => JSON.parse(text) as Record<string, unknown>)
          .find((entry) => entry.msg === 'request completed');
        if (line) return line;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no request line for ${requestId}`);
    }

    it('writes one JSON line for a GraphQL success: request id, operation name, duration, outcome', async () => {
      const res = await app.http().post('/graphql').set('content-type', 'application/json').send({ query: 'query DirectoryCount { coders(first: 1) { totalCount } }' });
      expect(res.status).toBe(200);
      const id = res.headers['x-request-id'] as string;
      const line = await requestLine(id);
      expect(line).toMatchObject({ requestId: id, req: { id, method: 'POST', url: '/graphql' }, res: { statusCode: 200 }, operationName: 'DirectoryCount', outcome: 'success', errorCodes: [] });
      expect(typeof line.responseTime).toBe('number');
    });

    it('writes the outcome and code of a GraphQL error (answered with 200)', async () => {
      const res = await app.http().post('/graphql').set('content-type', 'application/json').send({ query: 'query WhoAmI { me { id } }', operationName: 'WhoAmI' });
      expect(res.status).toBe(200);
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const id = res.headers['x-request-id'] as string;
      expect(await requestLine(id)).toMatchObject({ requestId: id, res: { statusCode: 200 }, operationName: 'WhoAmI', outcome: 'error', errorCodes: ['UNAUTHENTICATED'] });
    });

    it('writes a line for a request answered before any route (CORS preflights, allowed and refused)', async () => {
      const allowed = await preflight('/graphql', APP_ORIGIN);
      expect(allowed.status).toBe(204);
      const refused = await preflight('/graphql', EVIL_ORIGIN);
      expect(refused.status).toBe(403);
      for (const [res, outcome] of [
        [allowed, 'success'],
        [refused, 'error'],
      ] as const) {
        const id = res.headers['x-request-id'] as string;
        expect(await requestLine(id)).toMatchObject({ requestId: id, req: { id, method: 'OPTIONS', url: '/graphql' }, res: { statusCode: res.status }, outcome });
      }
    });

    it('writes a line for a request Fastify refuses before routing (a malformed URL)', async () => {
      const res = await app.http().get('/documents/%C0%AF');
      expect(res.status).toBe(400);
      const id = res.headers['x-request-id'] as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await requestLine(id)).toMatchObject({ requestId: id, req: { id, method: 'GET', url: '/documents/%C0%AF' }, res: { statusCode: 400 }, outcome: 'error' });
    });

    it('writes a line for a REST call with its status and outcome', async () => {
      const res = await app.http().get(`/documents/${randomUUID()}`);
      expect(res.status).toBe(401);
      const id = res.headers['x-request-id'] as string;
      const line = await requestLine(id);
      expect(line).toMatchObject({ requestId: id, req: { id, method: 'GET' }, res: { statusCode: 401 }, outcome: 'error' });
      expect(typeof line.responseTime).toBe('number');
      expect(line).not.toHaveProperty('operationName');
    });
  });
});
