import { registerEnumType } from '@nestjs/graphql';
import { addToDate, credentialIssuer, CredentialDates, CredentialIssuer, credentialStanding, dayAfter, ISSUER_RULES } from './credential-rules.js';
import { CredentialType } from './credential-type.enum.js';

/**
 * CEU rules (domain.md "CEU counts per cycle"). CEUs are kept as integer tenths (1.5 CEUs = 15):
 * never floats.
 */
export const CEU_TENTHS = 10;

/**
 * The most CEUs one entry may carry, in tenths. Neither issuer publishes a per-course ceiling: AAPC
 * approves CEUs per event at one per hour of instruction, and its largest single events (a multi-day
 * national conference, a boot camp) award about 16. A longer program is logged per certificate (module,
 * term), each with its own approval code. 16 is well under any cycle's requirement (AAPC 36, AHIMA 20),
 * so no single entry completes a cycle on its own (docs/credentials.md "CEU log").
 */
export const MAX_ENTRY_CEUS = 16;
export const MAX_ENTRY_TENTHS = MAX_ENTRY_CEUS * CEU_TENTHS;

/** At most this many entries per coder, issuer and cycle. */
export const MAX_ENTRIES_PER_CYCLE = 200;

/** Reminder thresholds: days before the cycle ends, largest first. */
export const CEU_REMINDER_DAYS = [90, 30] as const;

/** What kind of education an entry is; AAPC sorts CEUs into Core A, Core B and specialty, AHIMA entries are AHIMA. */
export enum CeuCategory {
  CORE_A = 'CORE_A',
  CORE_B = 'CORE_B',
  SPECIALTY = 'SPECIALTY',
  AHIMA = 'AHIMA',
}

registerEnumType(CeuCategory, {
  name: 'CeuCategory',
  description:
    "CORE_A (AAPC-approved, coding-related), CORE_B (other organizations, healthcare-related) and SPECIALTY (a specialty credential's subject) are AAPC categories; AHIMA is for AHIMA cycles.",
  valuesMap: {
    CORE_A: { description: 'AAPC: AAPC-approved, coding-related education.' },
    CORE_B: { description: 'AAPC: education from other organizations, healthcare-related.' },
    SPECIALTY: { description: 'AAPC: the subject of a specialty credential.' },
    AHIMA: { description: 'Education counted towards an AHIMA cycle.' },
  },
});

/** The categories an issuer accepts. */
export const ISSUER_CATEGORIES: Record<CredentialIssuer, CeuCategory[]> = {
  [CredentialIssuer.AAPC]: [CeuCategory.CORE_A, CeuCategory.CORE_B, CeuCategory.SPECIALTY],
  [CredentialIssuer.AHIMA]: [CeuCategory.AHIMA],
};

/** AAPC specialty credentials: each adds 8 CEUs to the cycle. */
export const AAPC_SPECIALTY_TYPES = new Set<CredentialType>([
  CredentialType.CEMC,
  CredentialType.CANPC,
  CredentialType.CIRCC,
  CredentialType.CASCC,
  CredentialType.CCC,
  CredentialType.COSC,
  CredentialType.CGSC,
  CredentialType.CEDC,
  CredentialType.CFPC,
  CredentialType.CHONC,
  CredentialType.COBGC,
  CredentialType.CPEDC,
  CredentialType.CUC,
]);

/** AHIMA credentials whose cycle asks 30 CEUs (the others ask 20). */
const AHIMA_THIRTY = new Set<CredentialType>([CredentialType.RHIA, CredentialType.CHPS, CredentialType.CHDA, CredentialType.CDIP]);

/**
 * CEUs (in tenths) an issuer's cycle asks of the held types. AAPC: 36/40/44/48/52 for 1-5+ core
 * credentials (apprentice designations are core credentials), plus 8 per specialty credential; a
 * coder holding specialty credentials only counts the first as the one credential (36) and each
 * further one adds 8. AHIMA: 30 when one held credential is RHIA/CHPS/CHDA/CDIP, else 20, plus 10
 * per further credential, at most 50.
 */
export function requiredCeuTenths(issuer: CredentialIssuer, types: CredentialType[]): number {
  const held = [...new Set(types)].filter((type) => credentialIssuer(type) === issuer);
  if (held.length === 0) return 0;
  if (issuer === CredentialIssuer.AHIMA) {
    const base = held.some((type) => AHIMA_THIRTY.has(type)) ? 30 : 20;
    return Math.min(50, base + 10 * (held.length - 1)) * CEU_TENTHS;
  }
  const specialty = held.filter((type) => AAPC_SPECIALTY_TYPES.has(type)).length;
  const core = held.length - specialty;
  const ceus = core > 0 ? 32 + 4 * Math.min(core, 5) + 8 * specialty : 36 + 8 * (specialty - 1);
  return ceus * CEU_TENTHS;
}

/** One issuer's current CEU cycle of a coder. */
export interface CeuCycleWindow {
  issuer: CredentialIssuer;
  /** First day of the cycle (one cycle before `endsOn`). */
  startsOn: string;
  /** The day CEUs are due: the counting credentials' expiry (the earliest, when they differ). */
  endsOn: string;
  /** The counting credentials the requirement is computed from. */
  credentialTypes: CredentialType[];
  requiredTenths: number;
}

/**
 * The current cycle per issuer, from the credentials that count today (`credentialStanding`): an
 * issuer's credentials share one cycle (AAPC aligns them to one end date), which ends at their
 * `expiresOn`; when stored dates differ, the earliest end is the one CEUs are due by.
 */
export function ceuCycles(credentials: CredentialDates[], today: string): CeuCycleWindow[] {
  const counting = credentials.filter((credential) => credential.expiresOn !== null && credentialStanding(credential, today).active);
  return [CredentialIssuer.AAPC, CredentialIssuer.AHIMA].flatMap((issuer) => {
    const held = counting.filter((credential) => credentialIssuer(credential.type) === issuer);
    if (held.length === 0) return [];
    const endsOn = held.map((credential) => credential.expiresOn!).sort()[0];
    const types = [...new Set(held.map((credential) => credential.type))];
    return [{ issuer, startsOn: dayAfter(addToDate(endsOn, -ISSUER_RULES[issuer].cycleMonths)), endsOn, credentialTypes: types, requiredTenths: requiredCeuTenths(issuer, types) }];
  });
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * On track: the cycle's CEUs are complete, or at least the share of them that the share of the cycle
 * already passed asks for (a coder 12 months into a 24-month cycle has half).
 */
export function ceuOnTrack(cycle: Pick<CeuCycleWindow, 'startsOn' | 'endsOn' | 'requiredTenths'>, loggedTenths: number, today: string): boolean {
  if (loggedTenths >= cycle.requiredTenths) return true;
  const total = daysBetween(cycle.startsOn, cycle.endsOn) + 1;
  const elapsed = Math.min(total, Math.max(0, daysBetween(cycle.startsOn, today) + 1));
  return loggedTenths * total >= cycle.requiredTenths * elapsed;
}

/** The reminder threshold (90 or 30 days) a cycle ending on `endsOn` has reached today, or null (too far off, or over). */
export function ceuReminderThreshold(endsOn: string, today: string): number | null {
  const left = daysBetween(today, endsOn);
  if (left < 0) return null;
  const reached = CEU_REMINDER_DAYS.filter((days) => left <= days);
  return reached.length ? reached[reached.length - 1] : null;
}

/** A CEU amount (e.g. 1.5) as integer tenths, or null when it is not a positive multiple of 0.1 within one entry's maximum. */
export function ceuTenthsOf(ceus: number): number | null {
  if (!Number.isFinite(ceus)) return null;
  const tenths = Math.round(ceus * CEU_TENTHS);
  if (Math.abs(tenths - ceus * CEU_TENTHS) > 1e-6 || tenths <= 0 || tenths > MAX_ENTRY_TENTHS) return null;
  return tenths;
}
