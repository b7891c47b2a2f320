// Deterministic generators for a realistic marketplace (mixes follow ../shared/domain.md).
import { createHash } from 'node:crypto';
import { MEMBERSHIP_TYPES } from '../src/domain/credential-rules.js';
import { CREDENTIAL_SPECIALTY, CredentialType } from '../src/domain/credential-type.enum.js';
import { Specialty } from '../src/domain/specialty.enum.js';
import { CareSetting, CodeSet, PayModel, WorkType } from '../src/domain/work.enums.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same marketplace. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    weighted: <T>(items: readonly [T, number][]) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [item, weight] of items) if ((roll -= weight) < 0) return item;
      return items[items.length - 1][0];
    },
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof prng>;

/** A stable UUID for a seeded row, so re-running the seed inserts nothing twice. */
export function seedId(kind: string, index: number): string {
  const hex = createHash('sha1').update(`chartbridge-seed:${kind}:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A valid NPI (Luhn over 80840 + 9 digits) derived from `index`. */
export function seedNpi(index: number): string {
  const body = `1${String(100000000 + index).slice(1)}`;
  const digits = `80840${body}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export const SPECIALTY_MIX: [Specialty, number][] = [
  [Specialty.EVALUATION_AND_MANAGEMENT, 14],
  [Specialty.FAMILY_PRACTICE, 10],
  [Specialty.INTERNAL_MEDICINE, 9],
  [Specialty.CARDIOLOGY, 7],
  [Specialty.ORTHOPEDICS, 6],
  [Specialty.EMERGENCY_MEDICINE, 6],
  [Specialty.RISK_ADJUSTMENT, 6],
  [Specialty.INPATIENT_FACILITY, 5],
  [Specialty.OUTPATIENT_FACILITY, 5],
  [Specialty.RADIOLOGY, 4],
  [Specialty.GENERAL_SURGERY, 3],
  [Specialty.OBSTETRICS_GYNECOLOGY, 3],
  [Specialty.PEDIATRICS, 3],
  [Specialty.DERMATOLOGY, 2],
  [Specialty.GASTROENTEROLOGY, 2],
  [Specialty.HEMATOLOGY_ONCOLOGY, 2],
  [Specialty.ANESTHESIA, 2],
  [Specialty.UROLOGY, 2],
  [Specialty.NEUROLOGY, 2],
  [Specialty.BEHAVIORAL_HEALTH, 2],
  [Specialty.PATHOLOGY_LAB, 1],
  [Specialty.OPHTHALMOLOGY, 1],
  [Specialty.INTERVENTIONAL_RADIOLOGY, 1],
  [Specialty.HOME_HEALTH, 1],
  [Specialty.HOSPICE, 1],
  [Specialty.AMBULATORY_SURGERY, 1],
];
const SPECIALTY_CREDENTIAL = new Map(Object.entries(CREDENTIAL_SPECIALTY).map(([type, specialty]) => [specialty, type as CredentialType]));
const CORE_MIX: [CredentialType, number][] = [
  [CredentialType.CPC, 60],
  [CredentialType.CCS, 12],
  [CredentialType.CPC_A, 10],
  [CredentialType.COC, 6],
  [CredentialType.CCS_P, 5],
  [CredentialType.RHIT, 4],
  [CredentialType.CPB, 3],
];
export const EHRS = ['Epic', 'Oracle Health/Cerner', 'athenahealth', 'eClinicalWorks', 'NextGen', 'Meditech', 'Veradigm/Allscripts', 'Greenway', 'Tebra/Kareo', 'AdvancedMD'];
const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Phoenix', 'Asia/Manila', 'Asia/Kolkata'];
const FIRST = ['Avery', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie', 'Quinn', 'Dana', 'Reese', 'Priya', 'Maria', 'Wei', 'Aisha', 'Luis', 'Grace', 'Noah', 'Elena', 'Samir', 'Hannah'];
const LAST = ['Nguyen', 'Patel', 'Garcia', 'Smith', 'Johnson', 'Kim', 'Okafor', 'Santos', 'Reyes', 'Cohen', 'Walker', 'Ali', 'Brown', 'Lopez', 'Singh', 'Martin', 'Chen', 'Davis', 'Khan', 'Murphy'];
const label = (s: Specialty) => s.toLowerCase().replace(/_/g, ' ');

export interface SeedCredential {
  type: CredentialType;
  status: 'VERIFIED' | 'PENDING';
  issuedOn: string;
  expiresOn: string;
  /** AAPC credentials carry the yearly membership (a year out: seeded coders keep it up); null for AHIMA. */
  membershipExpiresOn: string | null;
}

export function coder(rng: Rng, index: number) {
  const specialtyCount = rng.weighted([
    [1, 5],
    [2, 3],
    [3, 2],
  ] as [number, number][]);
  const specialties = new Map<Specialty, number>();
  const years = rng.int(1, 25);
  while (specialties.size < specialtyCount) specialties.set(rng.weighted(SPECIALTY_MIX), rng.int(0, years));
  const main = [...specialties.keys()][0];
  const credentials = new Map<CredentialType, SeedCredential>();
  const year = new Date().getUTCFullYear();
  const credential = (type: CredentialType) => {
    const expired = rng.chance(0.05);
    credentials.set(type, {
      type,
      status: rng.chance(0.9) ? 'VERIFIED' : 'PENDING',
      issuedOn: `${year - rng.int(1, 12)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
      expiresOn: expired ? `${year - 1}-12-31` : `${year + rng.int(0, 2)}-12-31`,
      // No draw from rng here: the seeded rows after this one stay as they were.
      membershipExpiresOn: MEMBERSHIP_TYPES.includes(type) ? `${year + 1}-06-30` : null,
    });
  };
  credential(rng.weighted(CORE_MIX));
  const certifying = SPECIALTY_CREDENTIAL.get(main);
  if (certifying && rng.chance(0.35)) credential(certifying);
  const ratingCount = rng.chance(0.7) ? rng.int(1, 40) : 0;
  // The seed drew audit totals here and at the end (coder_profiles.audited_charts and audit_errors, since
  // dropped); the draws stay so that every later value of a seed, and every bench figure on it, is unchanged.
  if (rng.chance(0.6)) rng.int(20, 600);
  const coder = {
    name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
    email: `coder-${String(index).padStart(6, '0')}@seed.chartbridge.test`,
    headline: `${label(main).replace(/^./, (c) => c.toUpperCase())} coder, ${years} years${credentials.has(CredentialType.CPC) ? ', CPC' : ''}`,
    bio: `Remote ${label(main)} coding${specialtyCount > 1 ? ` plus ${[...specialties.keys()].slice(1).map(label).join(' and ')}` : ''}. Comfortable with audits, queries and tight turnaround.`,
    yearsExperience: years,
    timezone: rng.weighted(ZONES.map((z, i) => [z, i < 4 ? 5 : 1] as [string, number])),
    weeklyCapacityHours: rng.pick([10, 15, 20, 25, 30, 40]),
    hourlyRateCents: rng.chance(0.85) ? rng.int(25, 75) * 100 : null,
    perChartRateCents: rng.chance(0.7) ? rng.int(150, 900) : null,
    available: rng.chance(0.8),
    specialtyYears: Object.fromEntries(specialties),
    codeSets: [
      CodeSet.ICD10CM,
      ...(rng.chance(0.9) ? [CodeSet.CPT] : []),
      ...(rng.chance(0.5) ? [CodeSet.HCPCS] : []),
      ...(main === Specialty.INPATIENT_FACILITY ? [CodeSet.ICD10PCS, CodeSet.MSDRG] : []),
      ...(main === Specialty.RISK_ADJUSTMENT ? [CodeSet.HCC] : []),
    ],
    workTypes: [WorkType.CODING, ...(rng.chance(0.3) ? [WorkType.AUDITING] : []), ...(rng.chance(0.2) ? [WorkType.BILLING, WorkType.DENIAL_MANAGEMENT] : [])],
    ehrSystems: [...new Set([rng.pick(EHRS), ...(rng.chance(0.5) ? [rng.pick(EHRS)] : [])])],
    ratingCount,
    ratingTotal: Math.round(ratingCount * (3.4 + rng.next() * 1.6)),
    credentials: [...credentials.values()],
  };
  rng.next();
  return coder;
}

export function job(rng: Rng) {
  const specialty = rng.weighted(SPECIALTY_MIX);
  const payModel = rng.weighted([
    [PayModel.PER_CHART, 4],
    [PayModel.HOURLY, 4],
    [PayModel.FIXED_PRICE, 1],
    [PayModel.PERCENT_OF_COLLECTIONS, 1],
  ] as [PayModel, number][]);
  const setting =
    specialty === Specialty.INPATIENT_FACILITY
      ? CareSetting.INPATIENT
      : specialty === Specialty.EMERGENCY_MEDICINE
        ? CareSetting.EMERGENCY
        : rng.weighted([
            [CareSetting.OUTPATIENT, 6],
            [CareSetting.AMBULATORY_SURGERY, 1],
            [CareSetting.TELEHEALTH, 1],
          ] as [CareSetting, number][]);
  const workType =
    payModel === PayModel.PERCENT_OF_COLLECTIONS
      ? WorkType.BILLING
      : rng.weighted([
          [WorkType.CODING, 7],
          [WorkType.AUDITING, 2],
          [WorkType.DENIAL_MANAGEMENT, 1],
        ] as [WorkType, number][]);
  const required = rng.chance(0.8) ? [rng.weighted(CORE_MIX.filter(([t]) => t !== CredentialType.CPC_A))] : [];
  return {
    title: `${label(specialty).replace(/^./, (c) => c.toUpperCase())} ${workType === WorkType.CODING ? 'coder' : workType.toLowerCase().replace(/_/g, ' ')} needed`,
    description: `${rng.int(50, 600)} ${setting.toLowerCase()} charts a week of ${label(specialty)}. Remote, ${rng.pick(['steady volume', 'backlog cleanup', 'DNFB backlog', 'new clinic launch'])}.`,
    specialty,
    codeSets: [CodeSet.ICD10CM, ...(setting === CareSetting.INPATIENT ? [CodeSet.ICD10PCS] : [CodeSet.CPT])],
    workType,
    setting,
    ehrSystem: rng.chance(0.8) ? rng.pick(EHRS) : null,
    timezone: rng.pick(ZONES.slice(0, 4)),
    requiredCredentialTypes: required,
    chartsPerWeek: rng.int(40, 600),
    turnaroundHours: rng.pick([24, 48, 72]),
    accuracyTargetBps: rng.pick([9500, 9500, 9600, 9700]),
    payModel,
    rateCents: payModel === PayModel.HOURLY ? rng.int(30, 70) * 100 : payModel === PayModel.PER_CHART ? rng.int(200, 900) : null,
    budgetCents: payModel === PayModel.FIXED_PRICE ? rng.int(20, 200) * 10000 : null,
    percentOfCollectionsBps: payModel === PayModel.PERCENT_OF_COLLECTIONS ? rng.int(400, 900) : null,
    requiresBaa: rng.chance(0.9),
    positions: rng.weighted([
      [1, 8],
      [2, 2],
      [3, 1],
    ] as [number, number][]),
  };
}
