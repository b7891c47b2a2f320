import { describe, expect, it } from '@jest/globals';
import { appLink, escapeHtml, MailTemplateName, MailTemplates, renderMail } from './mail-templates.js';

const HOSTILE = `"><script>alert('x')</script>&`;

const SAMPLES: { [K in MailTemplateName]: MailTemplates[K] } = {
  'verify-email': { token: HOSTILE, validHours: 24 },
  'confirm-email-change': { token: HOSTILE, validHours: 24 },
  'reset-password': { token: HOSTILE, validHours: 1 },
  'password-changed': {},
  'email-changed': {},
  'membership-invitation': { invitationId: HOSTILE, role: HOSTILE },
  'work-request-due': { workRequestId: HOSTILE, contractId: HOSTILE, dueAt: HOSTILE, overdue: true },
  'credential-lapsed': { contractId: HOSTILE, credentialType: HOSTILE, lapsedOn: HOSTILE, reason: HOSTILE },
  'ceu-cycle-short': { issuer: HOSTILE, endsOn: HOSTILE, remaining: HOSTILE, required: HOSTILE },
};

describe(renderMail.name, () => {
  it.each(Object.keys(SAMPLES) as MailTemplateName[])('escapes every interpolated value in the HTML of %s', (template) => {
    const mail = renderMail(template, SAMPLES[template] as never, 'https://app.example.test');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain(HOSTILE);
    expect(mail.html.match(/<a /g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(mail.subject).not.toContain('<');
    expect(mail.text.length).toBeGreaterThan(0);
  });

  it('puts the token in a link under APP_URL, as the token query parameter', () => {
    const mail = renderMail('reset-password', { token: 'abc-DEF_123', validHours: 1 }, 'https://app.example.test');
    expect(mail.text).toContain('expires in one hour');
    expect(mail.text).toContain('https://app.example.test/reset-password?token=abc-DEF_123');
    expect(mail.html).toContain('href="https://app.example.test/reset-password?token=abc-DEF_123"');
  });
});

describe(appLink.name, () => {
  it('keeps a path of APP_URL and encodes the query', () => {
    expect(appLink('https://example.test/app/', '/verify-email', { token: 'a b&c' })).toBe('https://example.test/app/verify-email?token=a+b%26c');
    expect(appLink('http://localhost:3000', '/invitations')).toBe('http://localhost:3000/invitations');
  });
});

describe(escapeHtml.name, () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
