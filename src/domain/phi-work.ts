import { WorkType } from './work.enums.js';

/**
 * Which work types read PHI, and why: a Business Associate Agreement is required on every contract
 * whose work type is listed true (decided from the posting's work type when the contract is made,
 * never by a per-posting option). Every work type the marketplace knows reads PHI: none is exempt.
 */
export const WORK_TYPE_READS_PHI: Record<WorkType, { readsPhi: boolean; why: string }> = {
  [WorkType.CODING]: { readsPhi: true, why: 'assigns codes from the chart (clinical notes, medical record number)' },
  [WorkType.AUDITING]: { readsPhi: true, why: 're-reads coded charts against their documentation' },
  [WorkType.CDI]: { readsPhi: true, why: 'queries providers about the clinical documentation in the chart' },
  [WorkType.CHARGE_ENTRY]: { readsPhi: true, why: 'keys charges from encounter forms naming the patient, dates and diagnoses' },
  [WorkType.BILLING]: { readsPhi: true, why: 'builds claims: patient demographics, insurance ids, diagnoses' },
  [WorkType.DENIAL_MANAGEMENT]: { readsPhi: true, why: 'reads remittances and the chart to appeal a denied claim' },
  [WorkType.AR_FOLLOW_UP]: { readsPhi: true, why: "works the patient's open claims with payers (claim, member and account numbers)" },
  [WorkType.PAYMENT_POSTING]: { readsPhi: true, why: "posts ERA/EOB payments to patients' accounts" },
};

/** True when a contract for this work type needs both parties' BAA before any PHI moves. */
export function workReadsPhi(workType: WorkType): boolean {
  return WORK_TYPE_READS_PHI[workType]?.readsPhi ?? true;
}
