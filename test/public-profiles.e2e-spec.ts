import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseLeieCsv } from '../src/domain/leie.js';
import { ScreeningService } from '../src/screening/screening.service.js';
import { foreignRequests, launchBrowser, TestBrowser } from './support/browser.js';
import { coders, failed, given, nextYear, ok, postJob, profileInput, Session } from './support/given.js';
import { acceptedContract, releasedMilestone, signBaa } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';
import { auditedBatch } from './support/work.js';

const APP_URL = 'https://chartbridge.example';
const UPSERT = `mutation($input: UpsertCoderProfileInput!) { upsertCoderProfile(input: $input) { id publicUrl } }`;
const PROFILE = `query($id: ID!) { coderProfile(id: $id) { id publicUrl } }`;
const LEIE_FIXTURE = new URL('./fixtures/leie-updated.csv', import.meta.url);
/** `npm run docs:screenshot` sets it: the browser test then writes docs/public-profile.png (otherwise a temporary file). */
const DOCS_SCREENSHOT = process.env.DOCS_SCREENSHOT === 'true';

const slugOf = (publicUrl: string) => new URL(publicUrl).pathname.replace('/coders/', '');

describe('public profile pages', () => {
  let app: TestApp;
  let host: string;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;

  beforeAll(async () => {
    app = await TestApp.start({ APP_URL, ACCURACY_MIN_SAMPLE: '2' });
    host = await app.listen();
    a = given(app);
    c = coders(app);
  });
  afterAll(() => app?.close());

  /** A coder named `name` with a profile (`profile` overrides) and a verified CPC and CCS (AAPC and AHIMA). */
  const verifiedCoder = (name: string, profile: Record<string, unknown> = {}) => c.verifiedCoder({ name, profile, credentials: ['CPC', 'CCS'] });
  const optIn = async (coder: Session, overrides: Record<string, unknown> = {}) =>
    ok(await app.gql<{ upsertCoderProfile: { id: string; publicUrl: string | null } }>(UPSERT, { input: profileInput({ publicProfile: true, ...overrides }) }, coder.accessToken)).upsertCoderProfile;
  const page = (path: string) => app.http().get(path).set('accept', 'text/html');

  describe('over HTTP', () => {
    it('publishes accuracy only from audits of contracts that paid the coder, as CoderProfile.accuracyScore does', async () => {
      // A practice that audits without ever paying (a friend posing as one) publishes nothing.
      const { owner, coder, contractId } = await acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 }, { rateCents: 50000 });
      await signBaa(app, contractId, owner, coder);
      await auditedBatch(app, contractId, coder, owner);
      const { publicUrl } = await optIn(coder);
      const accuracyOnPage = async () => (await page(new URL(publicUrl!).pathname)).text.match(/(Not yet published \([^)]*\)|[\d.]+% \([^)]*\))/)?.[1];
      expect(await accuracyOnPage()).toBe('Not yet published (0 charts audited; published from 2)');

      await releasedMilestone(app, owner, contractId);
      expect(await accuracyOnPage()).toBe('100.0% (2 charts audited)');
    });

    it('gives an opted-in coder an absolute publicUrl from APP_URL and a page with every value escaped', async () => {
      const headline = `<script>alert("pwned")</script> 'Cardiology' & "E/M" </script><!--`;
      const { coder, profile } = await verifiedCoder('Avery Quinlan', { headline, bio: 'Ten years of <b>outpatient</b> coding.' });
      expect(ok(await app.gql(PROFILE, { id: profile.id })).coderProfile.publicUrl).toBeNull();

      const { publicUrl } = await optIn(coder, { headline, bio: 'Ten years of <b>outpatient</b> coding.' });
      expect(publicUrl).toBe(`${APP_URL}/coders/avery-quinlan`);
      // Anyone reading the profile sees the same URL.
      expect(ok(await app.gql(PROFILE, { id: profile.id })).coderProfile.publicUrl).toBe(publicUrl);

      const res = await page(`/coders/${slugOf(publicUrl!)}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect(res.headers['content-security-policy']).toMatch(/^default-src 'none';/);
      expect(res.headers['content-security-policy']).not.toMatch(/script-src/);
      const html = res.text;
      // The headline is text, never markup: no script, no attribute or comment break-out.
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<!--');
      expect(html).not.toContain('<b>');
      expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &#39;Cardiology&#39; &amp; &quot;E/M&quot;');
      // The only <script> is the JSON-LD data block, closed once; its JSON carries the headline intact.
      expect(html.match(/<script/g)).toHaveLength(1);
      expect(html.match(/<\/script>/g)).toHaveLength(1);
      const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)![1]);
      expect(jsonLd).toMatchObject({ '@type': 'Person', name: 'Avery Quinlan', jobTitle: headline, url: publicUrl });
      expect(html).toContain(`<link rel="canonical" href="${publicUrl}">`);
      expect(html).toContain(`<meta property="og:url" content="${publicUrl}">`);
      expect(html).toContain('<meta property="og:type" content="profile">');
      // Nothing private: no email, no credential number.
      expect(html).not.toContain(coder.user.email);
      const [number] = await app.sql<{ number: string }>('SELECT number FROM credentials WHERE coder_id = $1 LIMIT 1', [coder.user.id]);
      expect(html).not.toContain(number.number);
    });

    it('answers 404, the same as an unknown slug, for a coder who did not opt in or opted out; the slug is kept', async () => {
      const unknown = await page('/coders/nobody-here');
      expect(unknown.status).toBe(404);
      expect(unknown.headers['cache-control']).toBe('no-store');

      const { coder: silent, profile } = await verifiedCoder('Morgan Silent');
      expect(ok(await app.gql(PROFILE, { id: profile.id })).coderProfile.publicUrl).toBeNull();
      // publicProfile omitted on a later upsert: still private, no slug given out.
      expect((await c.upsertProfile(silent, { headline: 'Still private' })).id).toBe(profile.id);
      expect((await app.sql('SELECT public_slug FROM coder_profiles WHERE id = $1', [profile.id]))[0]).toEqual({ public_slug: null });
      const guessed = await page('/coders/morgan-silent');
      expect([guessed.status, guessed.text]).toEqual([404, unknown.text]);

      const { coder } = await verifiedCoder('Riley Optout');
      const { publicUrl } = await optIn(coder);
      expect((await page(new URL(publicUrl!).pathname)).status).toBe(200);
      // Omitting publicProfile keeps the choice.
      expect((await optIn(coder, { publicProfile: undefined, headline: 'Renamed headline' })).publicUrl).toBe(publicUrl);
      expect((await optIn(coder, { publicProfile: false })).publicUrl).toBeNull();
      const gone = await page(new URL(publicUrl!).pathname);
      expect([gone.status, gone.text, gone.headers['cache-control']]).toEqual([404, unknown.text, 'no-store']);
      // Back in: the same address as before (links stay stable).
      expect((await optIn(coder)).publicUrl).toBe(publicUrl);
    });

    it('de-duplicates slugs of namesakes, also when they opt in at the same moment, and refuses a non-boolean publicProfile', async () => {
      const namesakes = await Promise.all([1, 2, 3].map(() => verifiedCoder('Jordan Namesake')));
      const urls = await Promise.all(namesakes.map(({ coder }) => optIn(coder).then((p) => p.publicUrl!)));
      expect(new Set(urls).size).toBe(3);
      expect(urls.map(slugOf).sort()).toEqual(['jordan-namesake', 'jordan-namesake-2', 'jordan-namesake-3']);
      // One coder opting in twice at once gets one slug.
      const { coder } = await verifiedCoder('Casey Twice');
      const twice = await Promise.all([optIn(coder), optIn(coder)]);
      expect(twice[0].publicUrl).toBe(`${APP_URL}/coders/casey-twice`);
      expect(twice[1].publicUrl).toBe(twice[0].publicUrl);

      const wrong = await app.gql(UPSERT, { input: profileInput({ publicProfile: 'yes' }) }, coder.accessToken);
      expect(wrong.data).toBeNull();
      expect(wrong.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(wrong.errors?.[0].message).toContain('publicProfile');
      // A provider has no coder profile to publish.
      const provider = await a.provider();
      failed(await app.gql(UPSERT, { input: profileInput({ publicProfile: true }) }, provider.accessToken), 'FORBIDDEN');
    });

    it('hides a profile held by exclusion screening (404, out of the sitemap) and lists only published profiles in the sitemap', async () => {
      const screening = app.app.get(ScreeningService);
      await screening.importLeie(parseLeieCsv(readFileSync(LEIE_FIXTURE, 'latin1')), '2026-11-01');
      // JANE HOLDEN is on the fixture's exclusion list: the profile write that opts her in screens her at once and holds the profile.
      const held = await a.coder({ name: 'Jane Holden' });
      const { publicUrl } = await optIn(held);
      expect(publicUrl).toBeNull();
      const heldPage = await page('/coders/jane-holden');
      expect([heldPage.status, heldPage.text]).toEqual([404, (await page('/coders/nobody-here')).text]);
      const credential = await c.addCredential(held, { type: 'CPC', number: 'CPC-55501', issuedOn: '2022-01-15', expiresOn: nextYear() });
      const admin = await a.admin();
      failed(await app.gql(`mutation($id: ID!) { verifyCredential(id: $id, approve: true) { id } }`, { id: credential.id }, admin.accessToken), 'CONFLICT');
      expect((await page('/coders/jane-holden')).status).toBe(404);
      expect((await app.gql<{ upsertCoderProfile: Untyped }>(UPSERT, { input: profileInput({ publicProfile: true }) }, held.accessToken)).data?.upsertCoderProfile.publicUrl).toBeNull();

      const sitemap = await app.http().get('/sitemap.xml');
      expect(sitemap.status).toBe(200);
      expect(sitemap.headers['content-type']).toBe('application/xml; charset=utf-8');
      const locations = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
      expect(locations).toContain(`${APP_URL}/coders/avery-quinlan`);
      expect(locations).toContain(`${APP_URL}/coders/casey-twice`);
      expect(locations).not.toContain(`${APP_URL}/coders/jane-holden`);
      expect(locations).not.toContain(`${APP_URL}/coders/morgan-silent`);
      const [published] = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM coder_profiles WHERE public_profile AND NOT screening_held');
      expect(locations).toHaveLength(published.n);

      // An admin finds the match a namesake and clears it: the page she opted into is published.
      const [hold] = await app.sql<{ id: string }>(`SELECT id FROM screening_holds WHERE coder_id = $1 AND status = 'OPEN'`, [held.user.id]);
      expect(
        (await app.gql(`mutation($id: ID!) { clearScreeningHold(id: $id, note: "A namesake: other birth date, checked") { status } }`, { id: hold.id }, admin.accessToken)).errors,
      ).toBeUndefined();
      expect((await page('/coders/jane-holden')).status).toBe(200);
      expect((await app.gql<{ upsertCoderProfile: Untyped }>(UPSERT, { input: profileInput({ publicProfile: true }) }, held.accessToken)).data?.upsertCoderProfile.publicUrl).toBe(
        `${APP_URL}/coders/jane-holden`,
      );
    });
  });

  describe('in headless Chromium', () => {
    let browser: TestBrowser;
    let screenshotDir: string;

    beforeAll(async () => {
      browser = await launchBrowser(host);
      screenshotDir = mkdtempSync(join(tmpdir(), 'chartbridge-screenshot-'));
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      rmSync(screenshotDir, { recursive: true, force: true });
    });

    /** A coder with real reputation through the API: a paid and ended contract reviewed 5 stars, a batch of 2 charts audited without error. */
    async function reputedCoder(): Promise<{ coder: Session; publicUrl: string }> {
      const { owner, organization } = await a.practice();
      const posting = await postJob(app, owner, organization.id, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 });
      const { coder } = await c.verifiedCoder({
        name: 'Dana Whitfield',
        credentials: ['CPC', 'CRC', 'CCS'],
        profile: {
          headline: 'Risk adjustment and cardiology coder, CPC and CCS',
          bio: 'Twelve years of outpatient cardiology and HCC risk adjustment coding for independent practices.',
          yearsExperience: 12,
          specialties: [
            { specialty: 'CARDIOLOGY', yearsExperience: 9 },
            { specialty: 'RISK_ADJUSTMENT', yearsExperience: 6 },
          ],
        },
      });
      const { submitBid } = ok(
        await app.gql(`mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`, { input: { jobPostingId: posting.id, coverLetter: 'Ready.', rateCents: 50000 } }, coder.accessToken),
      );
      const contractId = ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: submitBid.id }, owner.accessToken)).acceptBid.id as string;
      await signBaa(app, contractId, owner, coder);
      await auditedBatch(app, contractId, coder, owner);
      await releasedMilestone(app, owner, contractId);
      ok(await app.gql(`mutation($id: ID!) { endContract(id: $id) { status } }`, { id: contractId }, owner.accessToken));
      for (const [session, rating] of [[owner, 5] as const, [coder, 5] as const]) {
        ok(await app.gql(`mutation($id: ID!, $rating: Int!) { leaveReview(contractId: $id, rating: $rating) { id } }`, { id: contractId, rating }, session.accessToken));
      }
      const { publicUrl } = await optIn(coder, {
        headline: 'Risk adjustment and cardiology coder, CPC and CCS',
        bio: 'Twelve years of outpatient cardiology and HCC risk adjustment coding for independent practices.',
        yearsExperience: 12,
        specialties: [
          { specialty: 'CARDIOLOGY', yearsExperience: 9 },
          { specialty: 'RISK_ADJUSTMENT', yearsExperience: 6 },
        ],
      });
      return { coder, publicUrl: publicUrl! };
    }

    it('renders the page with no script and no network: headline, credentials with issuers, rating, accuracy with its sample, JSON-LD', async () => {
      const { coder, publicUrl } = await reputedCoder();
      const { coder: newcomer } = await verifiedCoder('Sam Newcomer');
      const newcomerUrl = (await optIn(newcomer, { headline: 'New to ChartBridge' })).publicUrl!;

      const tab = await browser.newPage();
      await tab.goto(`http://${host}${new URL(publicUrl).pathname}`);
      const text = await tab.locator('main').innerText();
      expect(text).toContain('Dana Whitfield');
      expect(text).toContain('Risk adjustment and cardiology coder, CPC and CCS');
      expect(text).toContain('CPC, issued by AAPC');
      expect(text).toContain('CRC, issued by AAPC');
      expect(text).toContain('CCS, issued by AHIMA');
      expect(text).toContain('5.00 / 5 from 1 review');
      expect(text).toContain('100.0% (2 charts audited)');
      expect(text).toContain('Cardiology (9 years)');
      expect(text).toContain('Risk adjustment (6 years)');
      expect(text).not.toContain(coder.user.email);

      const jsonLd = JSON.parse((await tab.locator('script[type="application/ld+json"]').textContent())!);
      expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'Person', name: 'Dana Whitfield', url: publicUrl });
      expect(jsonLd.hasCredential).toEqual(
        ['CCS', 'CPC', 'CRC'].map((name) =>
          expect.objectContaining({ '@type': 'EducationalOccupationalCredential', name, recognizedBy: expect.objectContaining({ '@type': 'Organization', name: name === 'CCS' ? 'AHIMA' : 'AAPC' }) }),
        ),
      );
      await expect(tab.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(publicUrl);
      await expect(tab.locator('meta[property="og:title"]').getAttribute('content')).resolves.toBe('Dana Whitfield: Risk adjustment and cardiology coder, CPC and CCS');

      const screenshot = DOCS_SCREENSHOT ? join(screenshotDir, 'public-profile.png') : join(screenshotDir, 'page.png');
      // The profile card alone keeps the checked-in PNG small.
      await tab.locator('main').screenshot({ path: screenshot });
      expect(statSync(screenshot).size).toBeGreaterThan(5_000);
      if (DOCS_SCREENSHOT) copyFileSync(screenshot, new URL('../docs/public-profile.png', import.meta.url));

      // Below the minimum sample accuracy is not published, but its sample is shown.
      await tab.goto(`http://${host}${new URL(newcomerUrl).pathname}`);
      const newcomerText = await tab.locator('main').innerText();
      expect(newcomerText).toContain('Not yet published (0 charts audited; published from 2)');
      expect(newcomerText).toContain('No reviews yet');

      expect(foreignRequests(browser.requests, host)).toEqual([]);
      expect(browser.errors).toEqual([]);
    }, 60_000);
  });
});
