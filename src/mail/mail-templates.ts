/**
 * Every mail ChartBridge sends, in plain text and HTML. Mails carry ids and links only, never PHI
 * (no chart data, no contract content, no names of patients or practices): a mailbox is outside the
 * BAA. Each template's data is typed here, so a caller cannot slip other content in. Every value put
 * into the HTML is escaped.
 */
export interface MailTemplates {
  /** After signUp, and on requestEmailVerification: proves the account's address. */
  'verify-email': { token: string; validHours: number };
  /** To the NEW address of requestEmailChange: the address changes when this link is used. */
  'confirm-email-change': { token: string; validHours: number };
  /** requestPasswordReset. */
  'reset-password': { token: string; validHours: number };
  /** To the account's address after its password was changed or reset. */
  'password-changed': Record<string, never>;
  /** To the OLD address once the account's email was changed. */
  'email-changed': Record<string, never>;
  /** inviteMember: to the invited address. */
  'membership-invitation': { invitationId: string; role: string };
  /** A work request's due time is near, or passed, and it is not complete (to the contract's coder). Ids and the time only: a title may say more than a mailbox should. */
  'work-request-due': { workRequestId: string; contractId: string; dueAt: string; overdue: boolean };
  /** To a practice's managers: a credential an ACTIVE contract's posting required stopped counting. */
  'credential-lapsed': { contractId: string; credentialType: string; lapsedOn: string; reason: string };
  /** To a coder whose CEU cycle ends within 90 or 30 days and is short (the issuer and numbers only). */
  'ceu-cycle-short': { issuer: string; endsOn: string; remaining: string; required: string };
}

export type MailTemplateName = keyof MailTemplates;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** What a template says: paragraphs, at most one link to act on, and why the reader got it. */
interface MailContent {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
}

const hours = (count: number) => (count === 1 ? 'one hour' : `${Number(count)} hours`);

const NOT_YOU = 'If you did not ask for this, you can ignore this mail: nothing changes until the link is used.';

/** `APP_URL` + path, with the token as the `token` query parameter. */
export function appLink(appUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(appUrl);
  // APP_URL may carry a path of its own (https://example.com/app): the link's path goes under it.
  url.pathname = `${url.pathname.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
  url.search = '';
  url.hash = '';
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

const CONTENT: { [K in MailTemplateName]: (data: MailTemplates[K], appUrl: string) => MailContent } = {
  'verify-email': ({ token, validHours }, appUrl) => ({
    subject: 'Confirm your email address for ChartBridge',
    paragraphs: [
      'Please confirm that this address belongs to your ChartBridge account.',
      `The link works once and expires in ${hours(validHours)}. Until the address is confirmed, documents, coded batches, payments and membership invitations stay closed to the account.`,
    ],
    action: { label: 'Confirm my email address', url: appLink(appUrl, '/verify-email', { token }) },
    footer: NOT_YOU,
  }),
  'confirm-email-change': ({ token, validHours }, appUrl) => ({
    subject: 'Confirm the new email address of your ChartBridge account',
    paragraphs: [
      'Someone asked to move a ChartBridge account to this address. The account keeps its current address until this link is used.',
      `The link works once and expires in ${hours(validHours)}.`,
    ],
    action: { label: 'Use this address for my account', url: appLink(appUrl, '/verify-email', { token }) },
    footer: NOT_YOU,
  }),
  'reset-password': ({ token, validHours }, appUrl) => ({
    subject: 'Reset your ChartBridge password',
    paragraphs: [
      'Someone asked to reset the password of the ChartBridge account with this address.',
      `The link works once and expires in ${hours(validHours)}. Resetting the password signs the account out everywhere.`,
    ],
    action: { label: 'Choose a new password', url: appLink(appUrl, '/reset-password', { token }) },
    footer: 'If you did not ask for this, you can ignore this mail: your password stays as it is.',
  }),
  'password-changed': (_data, appUrl) => ({
    subject: 'Your ChartBridge password was changed',
    paragraphs: ['The password of the ChartBridge account with this address was just changed, and its other sessions were signed out.'],
    action: { label: 'Reset the password', url: appLink(appUrl, '/reset-password') },
    footer: 'If this was not you, reset the password now with the link above and tell your organization.',
  }),
  'email-changed': (_data, appUrl) => ({
    subject: 'Your ChartBridge account moved to another email address',
    paragraphs: ['The ChartBridge account that used this address now signs in with another address, confirmed from that mailbox. This address no longer reaches the account.'],
    action: { label: 'Open ChartBridge', url: appLink(appUrl, '/') },
    footer: 'If this was not you, contact ChartBridge support right away.',
  }),
  'membership-invitation': ({ invitationId, role }, appUrl) => ({
    subject: 'You are invited to an organization on ChartBridge',
    paragraphs: [
      `You have been invited to join an organization on ChartBridge as ${role} (invitation ${invitationId}).`,
      'Sign in, or sign up with this address, confirm the address, and accept the invitation from your invitations page.',
    ],
    action: { label: 'See my invitations', url: appLink(appUrl, '/invitations') },
    footer: 'If you do not expect this invitation, you can ignore this mail.',
  }),
  'work-request-due': ({ workRequestId, contractId, dueAt, overdue }, appUrl) => ({
    subject: overdue ? 'A work request on ChartBridge is overdue' : 'A work request on ChartBridge is due soon',
    paragraphs: [
      `Work request ${workRequestId} on contract ${contractId} ${overdue ? 'was due' : 'is due'} at ${dueAt} (UTC) and is not complete yet.`,
      'Sign in to see it in your work queue and submit its coded batches.',
    ],
    action: { label: 'Open my work queue', url: appLink(appUrl, '/work-queue') },
    footer: 'You get this mail because you are the coder on this contract.',
  }),
  'credential-lapsed': ({ contractId, credentialType, lapsedOn, reason }, appUrl) => ({
    subject: 'A credential your contract requires has lapsed',
    paragraphs: [
      `The coder of contract ${contractId} no longer holds a counting ${credentialType} credential, which the posting required: ${reason.toLowerCase().replace('_', ' ')} on ${lapsedOn}.`,
      'The contract shows the lapse until the coder renews. Matching and bidding stopped counting the credential the day it lapsed.',
    ],
    action: { label: 'Open the contract', url: appLink(appUrl, `/contracts/${contractId}`) },
    footer: 'You receive this as a manager of the practice that posted the work.',
  }),
  'ceu-cycle-short': ({ issuer, endsOn, remaining, required }, appUrl) => ({
    subject: 'Your CEU cycle ends soon and is short of CEUs',
    paragraphs: [
      `Your ${issuer} CEU cycle ends on ${endsOn} and ${remaining} of its ${required} CEUs are not logged yet.`,
      'Log the education you completed in this cycle so your credentials can be renewed on time.',
    ],
    action: { label: 'Open my CEU log', url: appLink(appUrl, '/ceus') },
    footer: 'You receive this because you hold credentials with this issuer on ChartBridge.',
  }),
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and double- or single-quoted attribute values. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);

/** The subject, plain text and HTML of a mail. */
export function renderMail<K extends MailTemplateName>(template: K, data: MailTemplates[K], appUrl: string): RenderedMail {
  const content = CONTENT[template](data, appUrl);
  const text = [...content.paragraphs, ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []), content.footer, '-- ChartBridge'].join('\n\n');
  const html = [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body style="font-family: sans-serif; line-height: 1.5">`,
    ...content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(content.action
      ? [
          `<p><a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.label)}</a></p>`,
          `<p style="font-size: small">Or paste this address into your browser: ${escapeHtml(content.action.url)}</p>`,
        ]
      : []),
    `<p style="font-size: small; color: #555">${escapeHtml(content.footer)}</p>`,
    '<p>-- ChartBridge</p>',
    '</body></html>',
  ].join('\n');
  return { subject: content.subject, text, html };
}
