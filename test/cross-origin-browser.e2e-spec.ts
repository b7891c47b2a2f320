import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { launchBrowser, TestBrowser } from './support/browser.js';
import { AUTH_FIELDS, PASSWORD } from './support/given.js';
import { TestApp } from './support/test-app.js';

/** A frontend's own origin: a page on another port of localhost (the API listens on 127.0.0.1, another origin). */
async function frontendOrigin(): Promise<{ server: Server; origin: string; host: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>A frontend</title><p>A team building on ChartBridge</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://localhost:${port}`, host: `localhost:${port}` };
}

/** What a browser app does: fetch() to the API with a JSON body and, once signed up, a bearer token (a preflighted request each). */
const signUpAndQuery = async ([api, email, password, authFields]: [string, string, string, string]) => {
  const call = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(`${api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  try {
    const signedUp = await call(`mutation($input: SignUpInput!) { signUp(input: $input) { ${authFields} } }`, {
      input: { email, password, name: 'Browser Coder', role: 'CODER' },
    });
    const me = await call('{ me { email role } }', {}, signedUp.data.signUp.accessToken);
    return { me: me.data.me };
  } catch (error) {
    return { failed: String(error) };
  }
};

describe('a browser app on another origin', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let api: string;
  let listed: Awaited<ReturnType<typeof frontendOrigin>>;
  let unlisted: Awaited<ReturnType<typeof frontendOrigin>>;

  beforeAll(async () => {
    listed = await frontendOrigin();
    unlisted = await frontendOrigin();
    app = await TestApp.start({ CORS_ORIGINS: listed.origin });
    const host = await app.listen();
    api = `http://${host}`;
    // No request interception: with it Playwright, not Chromium, answers the preflights (and would let the refused call through).
    browser = await launchBrowser([host, listed.host, unlisted.host], { intercept: false });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    listed?.server.close();
    unlisted?.server.close();
  });

  it('signs up and queries from an origin in CORS_ORIGINS, in headless Chromium', async () => {
    const page = await browser.newPage();
    await page.goto(`${listed.origin}/`);
    const email = `browser-${Date.now()}@example.test`;
    const result = await page.evaluate(signUpAndQuery, [api, email, PASSWORD, AUTH_FIELDS] as [string, string, string, string]);
    expect(result).toEqual({ me: { email, role: 'CODER' } });
    // The browser preflighted the calls (JSON body, bearer token) and the API answered them.
    expect(browser.requests.filter((url) => url === `${api}/graphql`).length).toBeGreaterThanOrEqual(2);
  });

  it('is refused by the browser from an origin not in CORS_ORIGINS, and creates no account', async () => {
    const page = await browser.newPage();
    await page.goto(`${unlisted.origin}/`);
    const email = `stranger-${Date.now()}@example.test`;
    const result = await page.evaluate(signUpAndQuery, [api, email, PASSWORD, AUTH_FIELDS] as [string, string, string, string]);
    expect(result).toEqual({ failed: expect.stringContaining('Failed to fetch') });
    // The preflight was refused, so the sign-up itself was never sent.
    expect(await app.sql('SELECT 1 FROM users WHERE email = $1', [email])).toEqual([]);
  });
});
