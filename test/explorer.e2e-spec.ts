import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { foreignRequests, launchBrowser, TestBrowser } from './support/browser.js';
import { ok } from './support/given.js';
import { TestApp } from './support/test-app.js';

const INTROSPECTION = '{ __schema { queryType { name } } }';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('GraphQL explorer', () => {
  describe('in development, in headless Chromium with no network', () => {
    let app: TestApp;
    let browser: TestBrowser;
    let host: string;

    beforeAll(async () => {
      app = await TestApp.start();
      host = await app.listen();
      browser = await launchBrowser(host);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('loads from the API alone, shows the schema descriptions and runs a typed query', async () => {
      const page = await browser.newPage();
      const response = await page.goto(`http://${host}/graphql`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

      // The editor is up once GraphiQL has fetched the schema (introspection) from /graphql.
      const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
      await editor.waitFor({ timeout: 20_000 });

      // The documentation explorer shows the descriptions written in the code.
      await page.getByRole('button', { name: /show documentation explorer/i }).click();
      await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
      await expect(page.locator('.graphiql-doc-explorer').getByText('The public coder directory.').first().isVisible()).resolves.toBe(true);

      // Replace the default query with our own, run it, read the answer in the page.
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText('query Probe { __typename coders(first: 1) { totalCount } }');
      // GraphiQL parses the editor 100 ms after the last change (a debounce) and only then replaces the
      // operation name it sends; until then the Run button would post our query with the default query's
      // name ("Directory") and Apollo would answer "Unknown operation named". A person never clicks that
      // fast; a test does. Wait for GraphiQL to have taken the edit in (it stores the operation name then).
      await page.waitForFunction(() => window.localStorage.getItem('graphiql:operationName') === 'Probe', undefined, { timeout: 5_000 });
      const posted = page.waitForRequest((request) => request.method() === 'POST' && !!request.postData()?.includes('query Probe'));
      await page.locator('.graphiql-execute-button').click();
      expect((await posted).postDataJSON()).toMatchObject({ query: expect.stringContaining('query Probe'), operationName: 'Probe' });
      const result = page.locator('.graphiql-response .CodeMirror');
      await expect(result.getByText('"totalCount": 0').waitFor({ timeout: 10_000 })).resolves.toBeUndefined();
      await expect(result.getByText('"__typename": "Query"').isVisible()).resolves.toBe(true);

      // Nothing came from another host (no CDN), and no script or style was refused by the CSP.
      expect(foreignRequests(browser.requests, host)).toEqual([]);
      expect(browser.requests.some((url) => url.endsWith('/explorer/graphiql.min.js'))).toBe(true);
      expect(browser.errors).toEqual([]);
    }, 60_000);

    it('leaves GraphQL over GET and POST to Apollo (JSON, not the page)', async () => {
      const get = await app.http().get('/graphql').query({ query: '{ __typename }' }).set('accept', 'application/json').set('apollo-require-preflight', 'true');
      expect(get.status).toBe(200);
      expect(get.body).toEqual({ data: { __typename: 'Query' } });
      const post = await app.gql('{ __typename }');
      expect(post.data).toEqual({ __typename: 'Query' });
    });
  });

  describe('in production', () => {
    it('serves no explorer and refuses introspection without EXPLORER_ENABLED', async () => {
      const app = await TestApp.start({ NODE_ENV: 'production' });
      try {
        const page = await app.http().get('/graphql').set('accept', BROWSER_ACCEPT);
        expect(page.headers['content-type']).not.toMatch(/text\/html/);
        expect(page.text).not.toMatch(/<html|graphiql/i);
        expect((await app.http().get('/explorer/graphiql.min.js')).status).toBe(404);
        const introspection = await app.gql(INTROSPECTION);
        expect(introspection.data).toBeNull();
        expect(introspection.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      } finally {
        await app.close();
      }
    });

    it('serves the explorer page, its files and introspection with EXPLORER_ENABLED=true', async () => {
      const app = await TestApp.start({ NODE_ENV: 'production', EXPLORER_ENABLED: 'true' });
      try {
        const page = await app.http().get('/graphql').set('accept', BROWSER_ACCEPT);
        expect(page.status).toBe(200);
        expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
        const csp = page.headers['content-security-policy'];
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("default-src 'none'");
        expect(csp).not.toMatch(/script-src[^;]*unsafe/);
        // Every script and stylesheet the page names is a path of ours.
        const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
        expect(sources.length).toBeGreaterThanOrEqual(5);
        for (const source of sources) {
          expect(source).toMatch(/^\/explorer\//);
          const file = await app.http().get(source);
          expect(file.status).toBe(200);
        }
        expect(page.text).not.toMatch(/<script>/);
        expect(ok(await app.gql(INTROSPECTION))).toEqual({ __schema: { queryType: { name: 'Query' } } });
      } finally {
        await app.close();
      }
    });
  });
});
