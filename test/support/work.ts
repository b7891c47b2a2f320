import { ok, Session } from './given.js';
import type { TestApp } from './test-app.js';

/** One encounter coded as a routine office visit (I10, 99214), served today (UTC). */
export const encounter = (chartRef: string) => ({
  chartRef,
  serviceDate: new Date().toISOString().slice(0, 10),
  icd10cm: ['I10'],
  cpt: [{ code: '99214', modifiers: [], units: 1, diagnosisPointers: [1] }],
  hcpcs: [],
});

/**
 * The coder hands in a batch of two charts (CH-1, CH-2) on the contract and the practice's OWNER audits
 * it: `errors` of the 2 sampled charts wrong, each with a WRONG_CODE finding on CH-1. Returns the batch's id.
 */
export async function auditedBatch(app: TestApp, contractId: string, coder: Session, owner: Session, errors = 0): Promise<string> {
  const { submitCodedBatch } = ok(
    await app.gql(
      `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { id } }`,
      { id: contractId, input: { encounters: [encounter('CH-1'), encounter('CH-2')] } },
      coder.accessToken,
    ),
  );
  const findings = Array.from({ length: errors }, () => ({ category: 'WRONG_CODE', chartRef: 'CH-1', code: '99214' }));
  ok(
    await app.gql(
      `mutation($id: ID!, $input: AuditCodedBatchInput!) { auditCodedBatch(batchId: $id, input: $input) { id } }`,
      { id: submitCodedBatch.id, input: { sampled: 2, errors, findings } },
      owner.accessToken,
    ),
  );
  return submitCodedBatch.id as string;
}
