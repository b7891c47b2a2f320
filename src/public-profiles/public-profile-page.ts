import escapeHtml from 'escape-html';
import { credentialLabel, CredentialType } from '../domain/credential-type.enum.js';
import { CredentialIssuer, credentialIssuer } from '../domain/credential-rules.js';
import { Specialty } from '../domain/specialty.enum.js';

/** What a public profile page shows: nothing private (no email, no credential numbers, no screening identity, no PHI). */
export interface PublicProfileView {
  name: string;
  headline: string;
  bio: string;
  yearsExperience: number;
  specialties: { specialty: Specialty; yearsExperience: number }[];
  /** Verified credentials that count today. */
  credentials: { type: CredentialType; expiresOn: string | null }[];
  ratingAverage: number | null;
  ratingCount: number;
  /** Published accuracy (0..1), null below the minimum sample. */
  accuracy: number | null;
  auditedCharts: number;
  accuracyMinSample: number;
  /** Absolute URL of the page (canonical). */
  url: string;
  updatedAt: Date;
}

const ISSUERS: Record<CredentialIssuer, { name: string; legalName: string; url: string }> = {
  [CredentialIssuer.AAPC]: { name: 'AAPC', legalName: 'AAPC (American Academy of Professional Coders)', url: 'https://www.aapc.com' },
  [CredentialIssuer.AHIMA]: { name: 'AHIMA', legalName: 'American Health Information Management Association', url: 'https://www.ahima.org' },
};

/** The page loads nothing and runs nothing: its one style block is inline, the JSON-LD is data, not script. */
export const PUBLIC_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** "EVALUATION_AND_MANAGEMENT" -> "Evaluation and management". */
export const specialtyLabel = (specialty: Specialty): string => specialty.charAt(0) + specialty.slice(1).toLowerCase().replace(/_/g, ' ');

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>`, `&` and the JavaScript line
 * separators escaped as \u sequences, so no value can close the element ("</script>") or open a comment.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const ratingText = (view: Pick<PublicProfileView, 'ratingAverage' | 'ratingCount'>): string =>
  view.ratingAverage === null ? 'No reviews yet' : `${view.ratingAverage.toFixed(2)} / 5 from ${plural(view.ratingCount, 'review')}`;

export const accuracyText = (view: Pick<PublicProfileView, 'accuracy' | 'auditedCharts' | 'accuracyMinSample'>): string =>
  view.accuracy === null
    ? `Not yet published (${plural(view.auditedCharts, 'chart')} audited; published from ${view.accuracyMinSample})`
    : `${(view.accuracy * 100).toFixed(1)}% (${plural(view.auditedCharts, 'chart')} audited)`;

/** schema.org Person with its credentials, each recognized by its issuer. */
export function personJsonLd(view: PublicProfileView): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: view.name,
    url: view.url,
    jobTitle: view.headline,
    description: view.bio || undefined,
    knowsAbout: view.specialties.map((s) => specialtyLabel(s.specialty)),
    hasCredential: view.credentials.map((credential) => {
      const issuer = ISSUERS[credentialIssuer(credential.type)];
      return {
        '@type': 'EducationalOccupationalCredential',
        name: credentialLabel(credential.type),
        credentialCategory: 'certification',
        ...(credential.expiresOn ? { validUntil: credential.expiresOn } : {}),
        recognizedBy: { '@type': 'Organization', name: issuer.name, legalName: issuer.legalName, url: issuer.url },
      };
    }),
  };
}

/** The server-rendered page of a published profile; every value escaped. */
export function renderPublicProfile(view: PublicProfileView): string {
  const e = escapeHtml;
  const title = `${view.name}: ${view.headline}`;
  const description = `${view.headline}. ${view.credentials.map((c) => credentialLabel(c.type)).join(', ')}`.slice(0, 300);
  const specialties = view.specialties.length
    ? view.specialties.map((s) => `<li>${e(specialtyLabel(s.specialty))} <span class="muted">(${e(plural(s.yearsExperience, 'year'))})</span></li>`).join('')
    : '<li class="muted">None listed</li>';
  const credentials = view.credentials.length
    ? view.credentials
        .map((c) => {
          const issuer = ISSUERS[credentialIssuer(c.type)];
          return `<li><strong>${e(credentialLabel(c.type))}</strong>, issued by ${e(issuer.name)}${c.expiresOn ? ` <span class="muted">(valid until ${e(c.expiresOn)})</span>` : ''}</li>`;
        })
        .join('')
    : '<li class="muted">No verified credentials yet</li>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} | ChartBridge</title>
<meta name="description" content="${e(description)}">
<link rel="canonical" href="${e(view.url)}">
<meta property="og:type" content="profile">
<meta property="og:site_name" content="ChartBridge">
<meta property="og:title" content="${e(title)}">
<meta property="og:description" content="${e(description)}">
<meta property="og:url" content="${e(view.url)}">
<script type="application/ld+json">${jsonForScript(personJsonLd(view))}</script>
<style>
body { font: 16px/1.5 system-ui, sans-serif; color: #1d2433; background: #f5f7fa; margin: 0; }
main { max-width: 44rem; margin: 2rem auto; background: #fff; padding: 2rem 2.5rem; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
h1 { margin: 0; font-size: 1.8rem; } .headline { font-size: 1.15rem; margin: .25rem 0 1rem; color: #30486b; }
h2 { font-size: 1rem; text-transform: uppercase; letter-spacing: .05em; color: #5a6577; margin: 1.5rem 0 .5rem; }
ul { margin: 0; padding-left: 1.2rem; } .muted { color: #6b7587; } dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; } dt { font-weight: 600; }
footer { margin-top: 2rem; font-size: .85rem; color: #6b7587; }
</style>
</head>
<body>
<main>
<h1>${e(view.name)}</h1>
<p class="headline">${e(view.headline)}</p>
${view.bio ? `<p class="bio">${e(view.bio)}</p>` : ''}
<h2>Reputation</h2>
<dl>
<dt>Rating</dt><dd class="rating">${e(ratingText(view))}</dd>
<dt>Audited accuracy</dt><dd class="accuracy">${e(accuracyText(view))}</dd>
<dt>Experience</dt><dd>${e(plural(view.yearsExperience, 'year'))}</dd>
</dl>
<h2>Verified credentials</h2>
<ul class="credentials">${credentials}</ul>
<h2>Specialties</h2>
<ul class="specialties">${specialties}</ul>
<footer>Credentials verified by ChartBridge against the issuer. Accuracy comes from practices' audits of this coder's work on ChartBridge. Updated ${e(view.updatedAt.toISOString().slice(0, 10))}.</footer>
</main>
</body>
</html>
`;
}

/** The same answer for an unknown slug, a profile not opted in and a held one: nothing tells them apart. */
export const NOT_FOUND_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Profile not found | ChartBridge</title><meta name="robots" content="noindex"></head>
<body><h1>Profile not found</h1><p>There is no public ChartBridge profile at this address.</p></body></html>
`;

/** A sitemap (sitemaps.org 0.9) of the published profile pages. */
export function renderSitemap(entries: { url: string; updatedAt: Date }[]): string {
  const urls = entries.map((entry) => `<url><loc>${escapeHtml(entry.url)}</loc><lastmod>${entry.updatedAt.toISOString()}</lastmod></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}
