import { registerEnumType } from '@nestjs/graphql';
import { CredentialType } from './credential-type.enum.js';

/** Who issues a credential: its renewal rules follow the issuer (domain.md "Credentials"). */
export enum CredentialIssuer {
  AAPC = 'AAPC',
  AHIMA = 'AHIMA',
}

const AHIMA_TYPES = new Set<CredentialType>([
  CredentialType.CCA,
  CredentialType.CCS,
  CredentialType.CCS_P,
  CredentialType.RHIT,
  CredentialType.RHIA,
  CredentialType.CDIP,
  CredentialType.CHDA,
  CredentialType.CHPS,
]);

export const credentialIssuer = (type: CredentialType): CredentialIssuer => (AHIMA_TYPES.has(type) ? CredentialIssuer.AHIMA : CredentialIssuer.AAPC);

/** How an issuer's credentials renew: a CEU cycle (months) and, for AAPC, a yearly membership. */
export interface IssuerRules {
  cycleMonths: number;
  membershipMonths: number | null;
}

/** AAPC and AHIMA both run two-year CEU cycles; AAPC also needs its yearly membership kept up. */
export const ISSUER_RULES: Record<CredentialIssuer, IssuerRules> = {
  [CredentialIssuer.AAPC]: { cycleMonths: 24, membershipMonths: 12 },
  [CredentialIssuer.AHIMA]: { cycleMonths: 24, membershipMonths: null },
};

/**
 * Slack on top of a cycle or membership year when checking a date a coder states: issuers date a
 * cycle from the certification anniversary, so a cycle that has just begun may end a little more
 * than 24 months from today. A date beyond cycle + grace is not a date the issuer gives.
 */
export const DATE_GRACE_DAYS = 92;

/** Apprentice designations and the full designation each becomes once the "A" comes off. */
export const APPRENTICE_FULL: Partial<Record<CredentialType, CredentialType>> = {
  [CredentialType.CPC_A]: CredentialType.CPC,
  [CredentialType.COC_A]: CredentialType.COC,
};

/** Whether a credential is an apprentice designation (CPC-A, COC-A). */
export const isApprentice = (type: CredentialType): boolean => APPRENTICE_FULL[type] !== undefined;

/** The types whose issuer needs a membership date (AAPC), for SQL that must agree with `credentialStanding`. */
export const MEMBERSHIP_TYPES: CredentialType[] = Object.values(CredentialType).filter((type) => ISSUER_RULES[credentialIssuer(type)].membershipMonths !== null);

/** The types whose issuer runs a CEU cycle (so an expiry date is required). */
export const CYCLED_TYPES: CredentialType[] = Object.values(CredentialType).filter((type) => ISSUER_RULES[credentialIssuer(type)].cycleMonths > 0);

/** Why a credential does not count right now. */
export enum CredentialInactiveReason {
  PENDING_REVIEW = 'PENDING_REVIEW',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
  MEMBERSHIP_LAPSED = 'MEMBERSHIP_LAPSED',
  DATES_MISSING = 'DATES_MISSING',
}

registerEnumType(CredentialInactiveReason, {
  name: 'CredentialInactiveReason',
  description:
    'Why a credential does not count: PENDING_REVIEW (not verified yet), REJECTED, EXPIRED (past expiresOn), MEMBERSHIP_LAPSED (AAPC membership past membershipExpiresOn), DATES_MISSING (an AAPC or AHIMA credential on file from before expiry dates were required: the holder must add them).',
  valuesMap: {
    PENDING_REVIEW: { description: 'Not verified yet.' },
    REJECTED: { description: 'An admin rejected it.' },
    EXPIRED: { description: 'Past expiresOn.' },
    MEMBERSHIP_LAPSED: { description: 'AAPC membership past membershipExpiresOn.' },
    DATES_MISSING: { description: 'On file from before expiry dates were required: the holder must add them.' },
  },
});

export interface CredentialDates {
  type: CredentialType;
  /** Stored review status: PENDING, VERIFIED or REJECTED. */
  status: string;
  expiresOn: string | null;
  membershipExpiresOn: string | null;
}

/** Whether a credential counts now and, when not, why and since when (the first day it stopped counting, for lapses). */
export interface CredentialStanding {
  active: boolean;
  reason: CredentialInactiveReason | null;
  since: string | null;
}

/** The day after a date (`YYYY-MM-DD`). */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** A date plus months and days (`YYYY-MM-DD`, UTC). */
export function addToDate(date: string, months: number, days = 0): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * THE rule of a credential that counts (directory, matching, bids, contracts' alerts): verified,
 * with a CEU-cycle expiry date that has not passed, and for AAPC a membership that has not lapsed.
 * `countingCredentialSql` (src/coders/counting-credential.ts) is the same rule in SQL.
 */
export function credentialStanding(credential: CredentialDates, today: string): CredentialStanding {
  if (credential.status === 'PENDING') return { active: false, reason: CredentialInactiveReason.PENDING_REVIEW, since: null };
  if (credential.status !== 'VERIFIED') return { active: false, reason: CredentialInactiveReason.REJECTED, since: null };
  const rules = ISSUER_RULES[credentialIssuer(credential.type)];
  if (rules.cycleMonths > 0 && credential.expiresOn === null) return { active: false, reason: CredentialInactiveReason.DATES_MISSING, since: null };
  if (rules.membershipMonths !== null && credential.membershipExpiresOn === null) return { active: false, reason: CredentialInactiveReason.DATES_MISSING, since: null };
  const expiredSince = credential.expiresOn !== null && credential.expiresOn < today ? dayAfter(credential.expiresOn) : null;
  const lapsedSince = rules.membershipMonths !== null && credential.membershipExpiresOn !== null && credential.membershipExpiresOn < today ? dayAfter(credential.membershipExpiresOn) : null;
  // The earlier end is when it stopped counting; expiry is the stronger reason when both fall on one day.
  if (expiredSince !== null && (lapsedSince === null || expiredSince <= lapsedSince)) return { active: false, reason: CredentialInactiveReason.EXPIRED, since: expiredSince };
  if (lapsedSince !== null) return { active: false, reason: CredentialInactiveReason.MEMBERSHIP_LAPSED, since: lapsedSince };
  return { active: true, reason: null, since: null };
}

/** An input error of `credentialDateErrors`: the field (relative to the input) and why. */
export interface DateProblem {
  field: 'issuedOn' | 'expiresOn' | 'membershipExpiresOn';
  message: string;
}

/**
 * The dates a coder states for a credential, checked against the issuer's rules: issued not in the
 * future; an expiry (required for cycled issuers) after the issue date and at most one cycle + grace
 * from today (a credential valid for ten more years is not one the issuer gives); an AAPC membership
 * date at most a year + grace from today, and none for issuers without membership. The first problem wins.
 */
export function credentialDateProblem(type: CredentialType, dates: { issuedOn: string; expiresOn: string | null; membershipExpiresOn: string | null }, today: string): DateProblem | null {
  const rules = ISSUER_RULES[credentialIssuer(type)];
  const issuer = credentialIssuer(type);
  if (dates.issuedOn > today) return { field: 'issuedOn', message: 'must not be in the future' };
  if (dates.expiresOn === null) {
    if (rules.cycleMonths > 0) return { field: 'expiresOn', message: `is required: ${issuer} credentials run ${rules.cycleMonths}-month CEU cycles; give the end of the current cycle` };
  } else {
    if (dates.expiresOn <= dates.issuedOn) return { field: 'expiresOn', message: 'must be after issuedOn' };
    const latest = addToDate(today, rules.cycleMonths, DATE_GRACE_DAYS);
    if (dates.expiresOn > latest) return { field: 'expiresOn', message: `cannot be later than ${latest}: a ${issuer} cycle lasts ${rules.cycleMonths} months` };
  }
  if (rules.membershipMonths === null) {
    if (dates.membershipExpiresOn !== null) return { field: 'membershipExpiresOn', message: `does not apply: ${issuer} credentials need no membership` };
  } else if (dates.membershipExpiresOn === null) {
    return { field: 'membershipExpiresOn', message: `is required: ${issuer} credentials need the yearly membership; give its end date` };
  } else {
    const latest = addToDate(today, rules.membershipMonths, DATE_GRACE_DAYS);
    if (dates.membershipExpiresOn > latest) return { field: 'membershipExpiresOn', message: `cannot be later than ${latest}: a ${issuer} membership lasts ${rules.membershipMonths} months` };
  }
  return null;
}
