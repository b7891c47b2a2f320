import { checkRequirements, metReason, requirementsOf, StoredCredentialRequirements } from '../domain/credential-requirements.js';
import { CREDENTIAL_SPECIALTY, credentialLabel, CredentialType } from '../domain/credential-type.enum.js';
import { Specialty, specialtyLabel } from '../domain/specialty.enum.js';
import { utcOffsetHours } from '../domain/timezone.js';
import { CareSetting, CodeSet, PayModel, WorkType } from '../domain/work.enums.js';

/**
 * Explainable coder <-> job scoring. Pure functions, no I/O: the formula is documented in
 * docs/matching.md and each factor is unit-tested in scoring.spec.ts.
 */

/** A posting as scored; its credential requirements as stored (single-type groups, "any of" groups, apprentices). */
export interface MatchJob extends StoredCredentialRequirements {
  specialty: Specialty;
  codeSets: CodeSet[];
  workType: WorkType;
  setting: CareSetting;
  ehrSystem: string | null;
  chartsPerWeek: number | null;
  accuracyTargetBps: number;
  payModel: PayModel;
  rateCents: number | null;
  timezone: string | null;
}

export interface MatchCoder {
  specialtyYears: Partial<Record<Specialty, number>>;
  codeSets: CodeSet[];
  workTypes: WorkType[];
  ehrSystems: string[];
  weeklyCapacityHours: number;
  hourlyRateCents: number | null;
  perChartRateCents: number | null;
  available: boolean;
  timezone: string;
  ratingAverage: number | null;
  ratingCount: number;
  accuracyScore: number | null;
  /** Verified, unexpired credential types. */
  credentials: CredentialType[];
}

export interface FactorResult {
  /** 0..1 */
  value: number;
  reason?: string;
}

export interface MatchResult {
  /** 0..1, the weighted sum of the factors. */
  score: number;
  reasons: string[];
  /** False when a credential requirement group is unmet: such a coder is never proposed. */
  eligible: boolean;
}

export const WEIGHTS = {
  specialty: 0.25,
  codeSets: 0.15,
  workType: 0.1,
  ehr: 0.1,
  capacity: 0.1,
  rate: 0.1,
  quality: 0.1,
  timezone: 0.05,
  availability: 0.05,
} as const;

/** Charts a coder typically finishes per hour (domain.md productivity norms). */
export function chartsPerHour(job: Pick<MatchJob, 'setting' | 'specialty'>): number {
  if (job.setting === CareSetting.INPATIENT) return 3;
  if (job.setting === CareSetting.HOME_HEALTH || job.setting === CareSetting.SKILLED_NURSING) return 4;
  if (job.setting === CareSetting.AMBULATORY_SURGERY) return 6;
  if (job.setting === CareSetting.EMERGENCY) return 8;
  if (job.specialty === Specialty.EVALUATION_AND_MANAGEMENT || job.setting === CareSetting.TELEHEALTH) return 12;
  return 10;
}

const dollars = (cents: number) => `$${(cents / 100).toFixed(cents % 100 === 0 ? 0 : 2)}`;
const CODE_SET_LABELS: Record<CodeSet, string> = { ICD10CM: 'ICD-10-CM', ICD10PCS: 'ICD-10-PCS', CPT: 'CPT', HCPCS: 'HCPCS', MSDRG: 'MS-DRG', HCC: 'HCC' };

/**
 * Credential requirement groups: a hard filter (every group met), with the credential meeting each
 * group as a reason ("Verified CPC", "Verified CCS-P meets 'any of CPC, CCS-P'").
 */
export function credentialsFactor(job: MatchJob, coder: MatchCoder): { eligible: boolean; reasons: string[] } {
  const checks = checkRequirements(requirementsOf(job), coder.credentials);
  return { eligible: checks.every((check) => check.metBy !== null), reasons: checks.filter((check) => check.metBy !== null).map(metReason) };
}

/** Specialty: 0.6 for having it plus up to 0.4 for years (5+ years = full); a credential certifying it counts as having it for 5 years. */
export function specialtyFactor(job: MatchJob, coder: MatchCoder): FactorResult {
  const certifying = coder.credentials.find((t) => CREDENTIAL_SPECIALTY[t] === job.specialty);
  const years = coder.specialtyYears[job.specialty];
  if (years === undefined && !certifying) return { value: 0 };
  const effectiveYears = Math.max(years ?? 0, certifying ? 5 : 0);
  const value = 0.6 + 0.4 * Math.min(effectiveYears / 5, 1);
  const label = specialtyLabel(job.specialty);
  const reason = years !== undefined ? `${years} year${years === 1 ? '' : 's'} in ${label}` : `Certified ${credentialLabel(certifying!)} (${label})`;
  return { value, reason: certifying && years !== undefined ? `${reason}, certified ${credentialLabel(certifying)}` : reason };
}

/** Code sets: the share of the job's code sets the coder works in. */
export function codeSetsFactor(job: MatchJob, coder: MatchCoder): FactorResult {
  if (job.codeSets.length === 0) return { value: 1 };
  const covered = job.codeSets.filter((set) => coder.codeSets.includes(set));
  return { value: covered.length / job.codeSets.length, reason: covered.length ? `Codes ${covered.map((s) => CODE_SET_LABELS[s]).join(', ')}` : undefined };
}

export function workTypeFactor(job: MatchJob, coder: MatchCoder): FactorResult {
  return coder.workTypes.includes(job.workType) ? { value: 1, reason: `Does ${job.workType.toLowerCase().replace(/_/g, ' ')}` } : { value: 0 };
}

/** EHR: full credit for experience in the job's EHR; no EHR named means nobody is favoured. */
export function ehrFactor(job: MatchJob, coder: MatchCoder): FactorResult {
  if (!job.ehrSystem) return { value: 1 };
  const match = coder.ehrSystems.some((ehr) => ehr.toLowerCase() === job.ehrSystem!.toLowerCase());
  return match ? { value: 1, reason: `${job.ehrSystem} experience` } : { value: 0 };
}

/** Capacity: weekly hours times the productivity norm, against the job's weekly volume. */
export function capacityFactor(job: MatchJob, coder: MatchCoder): FactorResult {
  const capacity = Math.round(coder.weeklyCapacityHours * chartsPerHour(job));
  if (!job.chartsPerWeek) return { value: 1, reason: `${coder.weeklyCapacityHours} h/week available` };
  const value = Math.min(1, capacity / job.chartsPerWeek);
  const reason = value >= 1 ? `${coder.weeklyCapacityHours} h/week covers ~${capacity} charts/week` : `${coder.weeklyCapacityHours} h/week covers ~${capacity} of ${job.chartsPerWeek} charts/week`;
  return { value, reason };
}

/** Rate: 1 when the coder's rate for the job's pay model fits the offered rate, falling with the overshoot. */
export function rateFactor(job: MatchJob, coder: MatchCoder): FactorResult {
  const coderRate = job.payModel === PayModel.HOURLY ? coder.hourlyRateCents : job.payModel === PayModel.PER_CHART ? coder.perChartRateCents : null;
  if (job.rateCents === null || (job.payModel !== PayModel.HOURLY && job.payModel !== PayModel.PER_CHART)) return { value: 1 };
  if (coderRate === null) return { value: 0.5 };
  const unit = job.payModel === PayModel.HOURLY ? '/h' : '/chart';
  if (coderRate <= job.rateCents) return { value: 1, reason: `${dollars(coderRate)}${unit} within the ${dollars(job.rateCents)}${unit} offered` };
  return { value: job.rateCents / coderRate, reason: `Asks ${dollars(coderRate)}${unit}, above the ${dollars(job.rateCents)}${unit} offered` };
}

/** Quality: review average (trusted fully from 5 reviews) and audited accuracy against the job's target; unknown counts as neutral 0.5. */
export function qualityFactor(job: MatchJob, coder: MatchCoder): FactorResult {
  const reasons: string[] = [];
  let rating = 0.5;
  if (coder.ratingAverage !== null && coder.ratingCount > 0) {
    const confidence = Math.min(coder.ratingCount / 5, 1);
    rating = 0.5 * (1 - confidence) + (coder.ratingAverage / 5) * confidence;
    reasons.push(`Rated ${coder.ratingAverage.toFixed(1)} (${coder.ratingCount} review${coder.ratingCount === 1 ? '' : 's'})`);
  }
  let accuracy = 0.5;
  if (coder.accuracyScore !== null) {
    const target = job.accuracyTargetBps / 10000;
    accuracy = coder.accuracyScore >= target ? 1 : Math.max(0, 1 - (target - coder.accuracyScore) * 10);
    reasons.push(`Audited ${(coder.accuracyScore * 100).toFixed(1)}% accuracy (target ${(target * 100).toFixed(0)}%)`);
  }
  return { value: (rating + accuracy) / 2, reason: reasons.join('; ') || undefined };
}

/** Time zone: full overlap in the same zone, none at 8+ hours apart; no job zone means nobody is favoured. */
export function timezoneFactor(job: MatchJob, coder: MatchCoder, at = new Date()): FactorResult {
  if (!job.timezone) return { value: 1 };
  const apart = Math.abs(utcOffsetHours(job.timezone, at) - utcOffsetHours(coder.timezone, at));
  if (apart === 0) return { value: 1, reason: 'Same time zone' };
  return { value: 1 - Math.min(apart, 8) / 8, reason: `${apart} h from your time zone` };
}

export function availabilityFactor(coder: MatchCoder): FactorResult {
  return coder.available ? { value: 1, reason: 'Available now' } : { value: 0, reason: 'Not taking new work' };
}

/** The weighted factors, in the order of the weights (the strongest evidence first). */
const FACTORS: [weight: number, factor: (job: MatchJob, coder: MatchCoder, at: Date) => FactorResult][] = [
  [WEIGHTS.specialty, specialtyFactor],
  [WEIGHTS.codeSets, codeSetsFactor],
  [WEIGHTS.workType, workTypeFactor],
  [WEIGHTS.ehr, ehrFactor],
  [WEIGHTS.capacity, capacityFactor],
  [WEIGHTS.rate, rateFactor],
  [WEIGHTS.quality, qualityFactor],
  [WEIGHTS.timezone, timezoneFactor],
  [WEIGHTS.availability, (_job, coder) => availabilityFactor(coder)],
];

/** The whole score: the weighted factors, reasons in the order of the weights (the strongest evidence first). */
export function scoreMatch(job: MatchJob, coder: MatchCoder, at = new Date()): MatchResult {
  const credentials = credentialsFactor(job, coder);
  const reasons = credentials.reasons;
  let score = 0;
  for (const [weight, factor] of FACTORS) {
    const { value, reason } = factor(job, coder, at);
    score += weight * value;
    if (reason) reasons.push(reason);
  }
  return { score: Math.round(score * 10000) / 10000, reasons, eligible: credentials.eligible };
}
