import { LeieEntrySnapshot, ScreeningHold, ScreeningSubjectSnapshot } from './dto/screening-hold.model.js';
import { ScreeningHoldEntity } from './screening.entities.js';

const text = (value: string | null | undefined) => value ?? '';
const orNull = (value: string | null | undefined) => value ?? null;

export function toScreeningHold(entity: ScreeningHoldEntity): ScreeningHold {
  const e = entity.entry;
  const s = entity.subject;
  const entry: LeieEntrySnapshot = {
    lastName: text(e.lastName),
    firstName: text(e.firstName),
    middleName: text(e.middleName),
    businessName: text(e.businessName),
    general: text(e.general),
    specialty: text(e.specialty),
    npi: orNull(e.npi),
    dateOfBirth: orNull(e.dateOfBirth),
    state: orNull(e.state),
    exclusionType: text(e.exclusionType),
    excludedOn: orNull(e.excludedOn),
    reinstatedOn: orNull(e.reinstatedOn),
    waiverOn: orNull(e.waiverOn),
  };
  const subject: ScreeningSubjectSnapshot = { firstName: text(s.firstName), lastName: text(s.lastName), npi: orNull(s.npi), dateOfBirth: orNull(s.dateOfBirth), state: orNull(s.state) };
  return {
    id: entity.id,
    coderId: entity.coderId,
    matchKind: entity.matchKind,
    entry,
    subject,
    // Holds raised before swapped names were compared lack the flag: they matched unswapped.
    matchedName: entity.evidence.name ? { ...entity.evidence.name, swapped: entity.evidence.name.swapped ?? false } : null,
    agreeingDetails: entity.evidence.agreeing ?? [],
    differingDetails: entity.evidence.differing ?? [],
    status: entity.status,
    resolvedById: entity.resolvedById,
    resolvedAt: entity.resolvedAt,
    resolutionNote: entity.resolutionNote,
    createdAt: entity.createdAt,
  };
}
