import type { Actor } from '../common/auth/actor.js';
import { todayUtc } from '../common/scalars/local-date.scalar.js';
import { CREDENTIAL_SPECIALTY, credentialLabel, CredentialType } from '../domain/credential-type.enum.js';
import { Specialty } from '../domain/specialty.enum.js';
import { UserRole } from '../domain/user-role.enum.js';
import { ProfileRow } from './coder-profile.entity.js';
import { CredentialEntity, CredentialReviewStatus } from './credential.entity.js';
import { CoderProfile } from './dto/coder-profile.model.js';
import { Credential, CredentialStatus } from './dto/credential.model.js';

/** The status a client sees: a verified credential past its expiry date reads EXPIRED. */
export function credentialStatus(credential: Pick<CredentialEntity, 'status' | 'expiresOn'>, today = todayUtc()): CredentialStatus {
  if (credential.status === CredentialReviewStatus.VERIFIED && credential.expiresOn !== null && credential.expiresOn < today) return CredentialStatus.EXPIRED;
  return credential.status as unknown as CredentialStatus;
}

/** Whether a credential counts (search, matching, bidding): verified and not expired. */
export const credentialCounts = (credential: Pick<CredentialEntity, 'status' | 'expiresOn'>, today = todayUtc()) => credentialStatus(credential, today) === CredentialStatus.VERIFIED;

/** The holder and admins see numbers and review notes; everyone else sees the credential without them. */
export function toCredential(entity: CredentialEntity, viewer: Actor | null): Credential {
  const privileged = viewer !== null && (viewer.id === entity.coderId || viewer.role === UserRole.ADMIN);
  return {
    id: entity.id,
    coderId: entity.coderId,
    type: entity.type,
    label: credentialLabel(entity.type),
    apprentice: entity.type === CredentialType.CPC_A,
    status: credentialStatus(entity),
    number: privileged ? entity.number : null,
    issuedOn: entity.issuedOn,
    expiresOn: entity.expiresOn,
    reviewNote: privileged ? entity.reviewNote : null,
    reviewedAt: entity.reviewedAt,
    createdAt: entity.createdAt,
  };
}

/** Specialties a set of counting credentials certifies (CCC -> CARDIOLOGY, ...). */
export const certifiedSpecialties = (types: CredentialType[]): Specialty[] => types.map((t) => CREDENTIAL_SPECIALTY[t]).filter((s): s is Specialty => s !== undefined);

/** Average stars to two decimals; null before the first review. */
export const ratingAverage = (ratingTotal: number, ratingCount: number): number | null => (ratingCount > 0 ? Math.round((ratingTotal / ratingCount) * 100) / 100 : null);

export function toCoderProfile(entity: ProfileRow): CoderProfile {
  return {
    id: entity.id,
    userId: entity.userId,
    headline: entity.headline,
    bio: entity.bio,
    yearsExperience: entity.yearsExperience,
    timezone: entity.timezone,
    weeklyCapacityHours: entity.weeklyCapacityHours,
    hourlyRateCents: entity.hourlyRateCents,
    perChartRateCents: entity.perChartRateCents,
    available: entity.available,
    specialties: Object.entries(entity.specialtyYears)
      .map(([specialty, yearsExperience]) => ({ specialty: specialty as Specialty, yearsExperience: yearsExperience ?? 0 }))
      .sort((a, b) => b.yearsExperience - a.yearsExperience || a.specialty.localeCompare(b.specialty)),
    codeSets: entity.codeSets,
    workTypes: entity.workTypes,
    ehrSystems: entity.ehrSystems,
    ratingAverage: ratingAverage(entity.ratingTotal, entity.ratingCount),
    ratingCount: entity.ratingCount,
    auditedCharts: entity.auditedCharts,
    auditErrors: entity.auditErrors,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
