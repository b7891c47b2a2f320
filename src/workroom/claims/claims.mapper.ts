import { ClaimGender, SubscriberRelationship } from './dto/encounter-claim-data.input.js';
import type { ClaimPerson, EncounterClaimData } from './dto/encounter-claim-data.model.js';
import type { EncounterClaimPayload, X12Person } from './x12-837p.js';

const toClaimPerson = (person: X12Person): ClaimPerson => ({ ...person, gender: ClaimGender[person.gender], address: { ...person.address } });

/** A decrypted payload as the practice reads it back. */
export const toEncounterClaimData = (chartRef: string, payload: EncounterClaimPayload): EncounterClaimData => ({
  ...payload,
  chartRef,
  patient: toClaimPerson(payload.patient),
  relationship: SubscriberRelationship[payload.relationship],
  subscriber: payload.subscriber ? toClaimPerson(payload.subscriber) : null,
});
