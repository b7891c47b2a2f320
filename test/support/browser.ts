import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`; `.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// No GPU, no QUIC, none of Chrome's own background traffic (updates, sync, field trials): on a machine
// without internet those calls hang or retry, and they would show up among the page's requests.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A headless Chromium with a fresh profile, recording every request its pages make. One per spec file. */
export interface TestBrowser {
  context: BrowserContext;
  /** Every URL requested by any page of the browser, in order. */
  requests: string[];
  /** Console errors and uncaught page errors (a CSP violation shows up here). */
  errors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches Chromium on a fresh `--user-data-dir`. Requests are recorded before anything else; those to
 * another host than `allowedHost` (or one of them) are then aborted (the test machine has no internet to
 * wait for) and stay in `requests` for the test to fail on.
 */
export async function launchBrowser(allowedHost: string | string[], { intercept = true }: { intercept?: boolean } = {}): Promise<TestBrowser> {
  const allowed = new Set(Array.isArray(allowedHost) ? allowedHost : [allowedHost]);
  const profile = mkdtempSync(join(tmpdir(), 'chartbridge-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: ARGS, viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  // Intercepting requests makes Playwright answer CORS preflights itself: a CORS test passes `intercept: false`.
  if (intercept) await context.route('**/*', (route) => (allowed.has(new URL(route.request().url()).host) ? route.continue() : route.abort('blockedbyclient')));
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  return {
    context,
    requests,
    errors,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The requests that went to another host than `host`. */
export const foreignRequests = (requests: string[], host: string): string[] => requests.filter((url) => !url.startsWith('data:') && new URL(url).host !== host);
