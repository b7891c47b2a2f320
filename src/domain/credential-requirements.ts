import { credentialLabel, CredentialType } from './credential-type.enum.js';

/**
 * A posting's credential requirements as clients write them: groups that must all be met, each met
 * by any one of its credential types ("any of CPC, CCS-P" AND "CRC"). Pure functions: bids, matching
 * and the directory all decide with these, over the credential types that count for the coder
 * (whatever "counts" means: that definition lives with the credentials, not here).
 */

/** Most groups a posting may state, and most types in one group. */
export const MAX_REQUIREMENT_GROUPS = 5;
export const MAX_GROUP_TYPES = 6;

export interface CredentialRequirements {
  /** All groups must be met; a group is met by any one of its types. */
  groups: CredentialType[][];
  /** Whether an apprentice designation (CPC-A) meets a requirement for the full one (CPC). */
  apprenticesAccepted: boolean;
}

/**
 * Apprentice designations and the full credential they lead to (domain.md: the "A" comes off after
 * two years of experience). Keyed by name so COC-A maps to COC as soon as the credential types have it.
 */
const FULL_DESIGNATION_OF: Readonly<Partial<Record<string, CredentialType>>> = { CPC_A: CredentialType.CPC, COC_A: CredentialType.COC };

/**
 * The credential types that meet a requirement naming `type`: the type itself; for an apprentice
 * designation also its full designation (a CPC holder is past the apprentice stage); for a full
 * designation also its apprentice one, only when the posting accepts apprentices.
 */
export function typesMeeting(type: CredentialType, apprenticesAccepted: boolean): CredentialType[] {
  const types = [type];
  const full = FULL_DESIGNATION_OF[type];
  if (full) types.push(full);
  if (apprenticesAccepted) {
    for (const [apprentice, fullType] of Object.entries(FULL_DESIGNATION_OF)) if (fullType === type) types.push(apprentice as CredentialType);
  }
  return types;
}

/** Every type that meets a group, deduplicated (the group's own types first). */
export function typesMeetingGroup(group: CredentialType[], apprenticesAccepted: boolean): CredentialType[] {
  return [...new Set([...group, ...group.flatMap((type) => typesMeeting(type, apprenticesAccepted))])];
}

/** "CPC" for a group of one, "any of CPC, CCS-P" for more. */
export function groupLabel(group: CredentialType[]): string {
  return group.length === 1 ? credentialLabel(group[0]) : `any of ${group.map(credentialLabel).join(', ')}`;
}

/** One group checked against the coder's counting credentials: the credential meeting it, or null. */
export interface GroupCheck {
  group: CredentialType[];
  label: string;
  metBy: CredentialType | null;
}

/** Each group checked against `held` (the coder's counting credential types), in the posting's order. */
export function checkRequirements(requirements: CredentialRequirements, held: readonly CredentialType[]): GroupCheck[] {
  return requirements.groups.map((group) => ({
    group,
    label: groupLabel(group),
    metBy: typesMeetingGroup(group, requirements.apprenticesAccepted).find((type) => held.includes(type)) ?? null,
  }));
}

/** The groups `held` leaves unmet (none: the coder may bid). */
export const unmetGroups = (requirements: CredentialRequirements, held: readonly CredentialType[]): GroupCheck[] => checkRequirements(requirements, held).filter((check) => check.metBy === null);

/** A met group as a matching reason: "Verified CPC", "Verified CCS-P meets 'any of CPC, CCS-P'". */
export function metReason(check: GroupCheck): string {
  const verified = `Verified ${credentialLabel(check.metBy!)}`;
  return check.group.length === 1 && check.group[0] === check.metBy ? verified : `${verified} meets '${check.label}'`;
}

/** The old flat list (every type required): one group per type. */
export const groupsOfRequiredTypes = (types: CredentialType[]): CredentialType[][] => types.map((type) => [type]);

/** The types of the single-type groups: what the old `requiredCredentialTypes` meant (each one is required). */
export const singleTypeGroups = (groups: CredentialType[][]): CredentialType[] => groups.filter((group) => group.length === 1).map(([type]) => type);

/** The groups of two or more types ("any of"). */
export const anyOfGroups = (groups: CredentialType[][]): CredentialType[][] => groups.filter((group) => group.length > 1);

/**
 * The credential types a coder holding `held` can meet requirements with, for postings that do or do
 * not accept apprentices: what SQL compares a posting's groups against.
 */
export function heldForRequirements(held: readonly CredentialType[], apprenticesAccepted: boolean): CredentialType[] {
  const all = Object.values(CredentialType) as CredentialType[];
  return all.filter((required) => typesMeeting(required, apprenticesAccepted).some((type) => held.includes(type)));
}

/** How a posting stores its requirements: groups of one type in the flat list, "any of" groups apart. */
export interface StoredCredentialRequirements {
  requiredCredentialTypes: CredentialType[];
  anyOfCredentialGroups: CredentialType[][];
  apprenticesAccepted: boolean;
}

/** A posting's requirements from their stored form: the single-type groups first, then the "any of" groups. */
export const requirementsOf = (posting: StoredCredentialRequirements): CredentialRequirements => ({
  groups: [...groupsOfRequiredTypes(posting.requiredCredentialTypes), ...posting.anyOfCredentialGroups],
  apprenticesAccepted: posting.apprenticesAccepted,
});

/**
 * The unmet groups in words, for errors: "CPC, CCC credential", "credential meeting 'any of CPC,
 * CCS-P'", joined with "and a"; plus a note when an apprentice designation the coder holds was
 * refused because the posting does not accept apprentices.
 */
export function describeUnmet(unmet: GroupCheck[], requirements: CredentialRequirements, held: readonly CredentialType[]): string {
  const singles = unmet.filter((check) => check.group.length === 1).map((check) => check.label);
  const parts = [...(singles.length ? [`${singles.join(', ')} credential`] : []), ...unmet.filter((check) => check.group.length > 1).map((check) => `credential meeting '${check.label}'`)];
  const refusedApprentice =
    !requirements.apprenticesAccepted &&
    unmet.some((check) => check.group.some((type) => typesMeeting(type, true).some((meeting) => meeting !== type && held.includes(meeting) && FULL_DESIGNATION_OF[meeting] === type)));
  return `${parts.join(' and a ')}${refusedApprentice ? ' (this posting does not accept apprentices)' : ''}`;
}
