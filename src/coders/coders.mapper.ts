import type { Actor } from '../common/auth/actor.js';
import { todayUtc } from '../common/scalars/local-date.scalar.js';
import { CREDENTIAL_SPECIALTY, credentialLabel, CredentialType } from '../domain/credential-type.enum.js';
import { credentialStanding, isApprentice } from '../domain/credential-rules.js';
import { Specialty } from '../domain/specialty.enum.js';
import { UserRole } from '../domain/user-role.enum.js';
import { ProfileRow } from './coder-profile.entity.js';
import { CredentialEntity, CredentialReviewStatus } from './credential.entity.js';
import { CoderProfile } from './dto/coder-profile.model.js';
import { Credential, CredentialChange, CredentialDocument, CredentialStatus } from './dto/credential.model.js';
import { CredentialChangeEntity } from './credential-change.entity.js';
import { CredentialDocumentEntity } from './credential-document.entity.js';

/** The status a client sees: a verified credential past its expiry date reads EXPIRED. */
export function credentialStatus(credential: Pick<CredentialEntity, 'status' | 'expiresOn'>, today = todayUtc()): CredentialStatus {
  if (credential.status === CredentialReviewStatus.VERIFIED && credential.expiresOn !== null && credential.expiresOn < today) return CredentialStatus.EXPIRED;
  return credential.status as unknown as CredentialStatus;
}

/** The holder and admins see numbers and review notes; everyone else sees the credential without them. */
export function toCredential(entity: CredentialEntity, viewer: Actor | null): Credential {
  const privileged = viewer !== null && (viewer.id === entity.coderId || viewer.role === UserRole.ADMIN);
  const today = todayUtc();
  const standing = credentialStanding(entity, today);
  return {
    id: entity.id,
    coderId: entity.coderId,
    type: entity.type,
    label: credentialLabel(entity.type),
    apprentice: isApprentice(entity.type),
    status: credentialStatus(entity, today),
    active: standing.active,
    inactiveReason: standing.reason,
    number: privileged ? entity.number : null,
    issuedOn: entity.issuedOn,
    expiresOn: entity.expiresOn,
    membershipExpiresOn: entity.membershipExpiresOn,
    evidenceDocumentId: privileged ? entity.evidenceDocumentId : null,
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
    lastScreenedAt: entity.lastScreenedAt,
    screeningHeld: entity.screeningHeld,
    publicProfile: entity.publicProfile,
    publicSlug: entity.publicSlug,
    identity: { legalFirstName: entity.legalFirstName, legalLastName: entity.legalLastName, npi: entity.npi, dateOfBirth: entity.dateOfBirth, state: entity.state },
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

/** Where a published profile's page is: `APP_URL/coders/<slug>`. */
export const publicProfileUrl = (appUrl: string, slug: string): string => new URL(`/coders/${encodeURIComponent(slug)}`, appUrl).toString();

export const toCredentialDocument = (entity: CredentialDocumentEntity): CredentialDocument => ({
  id: entity.id,
  filename: entity.filename,
  contentType: entity.contentType,
  sizeBytes: entity.sizeBytes,
  createdAt: entity.createdAt,
});

export const toCredentialChange = (entity: CredentialChangeEntity): CredentialChange => ({
  id: entity.id,
  credentialId: entity.credentialId,
  evidenceDocumentId: entity.evidenceDocumentId,
  kind: entity.kind,
  status: entity.status,
  expiresOn: entity.expiresOn,
  membershipExpiresOn: entity.membershipExpiresOn,
  toType: entity.toType,
  note: entity.note,
  reviewNote: entity.reviewNote,
  reviewedAt: entity.reviewedAt,
  createdAt: entity.createdAt,
});
