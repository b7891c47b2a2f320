import { describe, expect, it } from '@jest/globals';
import { CredentialType } from '../domain/credential-type.enum.js';
import { Specialty } from '../domain/specialty.enum.js';
import { accuracyText, jsonForScript, PublicProfileView, ratingText, renderPublicProfile, renderSitemap } from './public-profile-page.js';

const view = (overrides: Partial<PublicProfileView> = {}): PublicProfileView => ({
  name: 'Dana Whitfield',
  headline: 'Cardiology coder',
  bio: '',
  yearsExperience: 12,
  specialties: [{ specialty: Specialty.EVALUATION_AND_MANAGEMENT, yearsExperience: 1 }],
  credentials: [{ type: CredentialType.CPC_A, expiresOn: '2027-12-31' }],
  ratingAverage: 4.5,
  ratingCount: 12,
  accuracy: 0.9867,
  auditedCharts: 150,
  accuracyMinSample: 30,
  url: 'https://chartbridge.example/coders/dana-whitfield',
  updatedAt: new Date('2026-11-30T10:00:00Z'),
  ...overrides,
});

describe('jsonForScript', () => {
  it('writes <, >, & and the line separators as \\u escapes, so no value closes the script element', () => {
    const json = jsonForScript({ headline: '</script><script>alert(1)</script> & <!-- \u2028\u2029' });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script> & <!-- \u2028\u2029' });
  });
});

describe('renderPublicProfile', () => {
  it('shows the rating and the published accuracy with their sample sizes', () => {
    expect(ratingText(view())).toBe('4.50 / 5 from 12 reviews');
    expect(ratingText(view({ ratingAverage: null, ratingCount: 0 }))).toBe('No reviews yet');
    expect(accuracyText(view())).toBe('98.7% (150 charts audited)');
    expect(accuracyText(view({ accuracy: null, auditedCharts: 1 }))).toBe('Not yet published (1 chart audited; published from 30)');
  });

  it('labels apprentice credentials, specialties and the issuer', () => {
    const html = renderPublicProfile(view());
    expect(html).toContain('<strong>CPC-A (apprentice)</strong>, issued by AAPC');
    expect(html).toContain('Evaluation and management <span class="muted">(1 year)</span>');
  });
});

describe('renderSitemap', () => {
  it('escapes each URL and dates it', () => {
    const xml = renderSitemap([{ url: 'https://chartbridge.example/coders/a?x=1&y=2', updatedAt: new Date('2026-11-30T10:00:00Z') }]);
    expect(xml).toContain('<url><loc>https://chartbridge.example/coders/a?x=1&amp;y=2</loc><lastmod>2026-11-30T10:00:00.000Z</lastmod></url>');
  });
});
