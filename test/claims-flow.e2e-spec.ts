import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CodeTablesService } from '../src/workroom/codes/code-tables.service.js';
import { failed, ok, VALID_NPI } from './support/given.js';
import { acceptedContract, signBaa } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';
import { claimsOf, parse837 } from './support/x12.js';

// The "done when", through the API only: a practice asks for work, the coder finds it in the
// queue, a batch coded against the tables in force on its dates of service is refused with every
// path named, then submitted with an NCCI warning, accepted (completing the request), given claim
// data and exported as an 837P that an X12 parser reads.

const PROFILE = `mutation($org: ID!, $input: PracticeBillingProfileInput!) { setPracticeBillingProfile(organizationId: $org, input: $input) { organizationId } }`;
const CREATE = `mutation($id: ID!, $input: CreateWorkRequestInput!) { createWorkRequest(contractId: $id, input: $input) { id status chartCount } }`;
const QUEUE = `{ myWorkQueue(first: 10) { totalCount edges { node { id contractId chartsDone dueAt overdue priority } } } }`;
const SUBMIT = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) {
  id status workRequestId encounters { chartRef serviceDate placeOfService cpt { code diagnosisPointers } } warnings { encounter chartRef kind codes } } }`;
const REVIEW = `mutation($id: ID!) { reviewCodedBatch(batchId: $id, input: { accept: true }) { id status } }`;
const REQUESTS = `query($id: ID!) { workRequests(contractId: $id) { edges { node { id status chartsDone } } } }`;
const SET_CLAIM_DATA = `mutation($id: ID!, $input: EncounterClaimDataInput!) { setEncounterClaimData(batchId: $id, input: $input) { chartRef supplied } }`;
const EXPORT = `query($id: ID!, $format: CodedBatchExportFormat!) { codedBatchExport(id: $id, format: $format) }`;

const DAY = '2026-02-10'; // inside FY2026 (ICD-10-CM fixture) and the quarter of the NCCI PTP fixture
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'latin1');
const line = (code: string, diagnosisPointers: number[], modifiers: string[] = []) => ({ code, modifiers, units: 1, diagnosisPointers });
const encounter = (chartRef: string, extra: Record<string, unknown> = {}) => ({
  chartRef,
  serviceDate: DAY,
  placeOfService: '11',
  renderingNpi: VALID_NPI,
  billingNpi: VALID_NPI,
  icd10cm: ['I10', 'E11.9'],
  cpt: [line('98940', [1]), line('97140', [2])],
  ...extra,
});
const claimData = (chartRef: string) => ({
  chartRef,
  patient: { lastName: 'Flowpatient', firstName: 'Ann', dateOfBirth: '1971-02-03', gender: 'F', address: { line1: '1 Oak St', city: 'Austin', state: 'TX', zip: '78701' } },
  relationship: 'SELF',
  memberId: 'MEM0001',
  payerName: 'Big Payer',
  payerId: 'BP001',
  claimFilingIndicator: 'CI',
  cptChargeCents: [9000, 4500],
});

describe('a claim from intake to an 837P, through the API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
    const tables = app.app.get(CodeTablesService);
    for (const name of ['icd10cm_order_2025.txt', 'icd10cm_order_2026.txt', 'ccipra-v320r0-f1.txt']) await tables.importFile(name, fixture(name));
  });
  afterAll(async () => app?.close());

  it('takes a work request to an accepted batch and a validated 837P; refuses codes invalid on the service date, bad pointers and 13 diagnoses in one answer', async () => {
    const { owner, coder, organizationId, contractId } = await acceptedContract(app, {}, { rateCents: 400 });
    await signBaa(app, contractId, owner, coder);
    ok(
      await app.gql(
        PROFILE,
        {
          org: organizationId,
          input: {
            address: { line1: '100 Main St', city: 'Austin', state: 'TX', zip: '78701' },
            ein: '12-3456789',
            taxonomy: '207Q00000X',
            contactName: 'Pat Billing',
            contactPhone: '(512) 555-0100',
            contactEmail: 'billing@flow.test',
            submitterId: 'FLOW01',
            clearinghouseName: 'Acme Clearinghouse',
            clearinghouseId: 'ACMECH',
          },
        },
        owner.accessToken,
      ),
    );

    // Intake: the practice asks for two charts; the coder sees them in the queue across clients.
    const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    failed(await app.gql(CREATE, { id: contractId, input: { title: 'May clinic notes', chartCount: 2, dueAt, priority: 'NORMAL' } }, coder.accessToken), 'FORBIDDEN');
    const request = ok(await app.gql(CREATE, { id: contractId, input: { title: 'May clinic notes', chartCount: 2, dueAt, priority: 'NORMAL' } }, owner.accessToken)).createWorkRequest;
    expect(ok(await app.gql(QUEUE, {}, coder.accessToken)).myWorkQueue.edges.map((e: Untyped) => e.node)).toEqual([
      { id: request.id, contractId, chartsDone: 0, dueAt: expect.any(String), overdue: false, priority: 'NORMAL' },
    ]);

    // One answer names every path: a code not yet in force on its date, a pointer past the diagnoses, 13 diagnoses on a claim, a unit of 0.
    const thirteen = ['I10', 'E11.9', 'E11.65', 'E78.5', 'Z79.4', 'N18.3', 'I25.10', 'J44.9', 'K21.9', 'M54.5', 'F41.1', 'G47.33', 'R51.9'];
    const refused = failed(
      await app.gql(
        SUBMIT,
        {
          id: contractId,
          input: {
            workRequestId: request.id,
            encounters: [
              encounter('FLOW-1', { serviceDate: '2025-09-30', icd10cm: ['E11.A'], cpt: [line('98940', [1])] }),
              encounter('FLOW-2', { cpt: [line('98940', [3]), { ...line('97140', [1]), units: 0 }] }),
              // (a date no loaded table covers: only the claim's 12-diagnosis limit speaks)
              encounter('FLOW-3', { serviceDate: '2024-06-03', icd10cm: thirteen, cpt: [line('98940', [1])] }),
            ],
          },
        },
        coder.accessToken,
      ),
      'BAD_USER_INPUT',
    );
    // Structural problems of an encounter first (the pipe's), then its code and pointer problems.
    expect(refused.extensions.fields).toEqual(['input.encounters.0.icd10cm.0', 'input.encounters.1.cpt.1.units', 'input.encounters.1.cpt.0.diagnosisPointers.0', 'input.encounters.2.icd10cm']);
    // E11.A entered the table on 2025-10-01 (FY2026): on 2025-09-30 the FY2025 table is in force.
    expect(refused.message).toMatch(/E11\.A is not in .*2025-09-30/);
    expect(await app.sql('SELECT 1 FROM coded_batches WHERE contract_id = $1', [contractId])).toHaveLength(0);

    // The corrected batch goes in with an NCCI PTP warning (97140 bundles into 98940 without a modifier), not refused.
    const batch = ok(
      await app.gql(
        SUBMIT,
        { id: contractId, input: { workRequestId: request.id, encounters: [encounter('FLOW-1'), encounter('FLOW-2', { cpt: [line('98940', [1]), line('97140', [2], ['59'])] })] } },
        coder.accessToken,
      ),
    ).submitCodedBatch;
    expect(batch).toMatchObject({ status: 'SUBMITTED', workRequestId: request.id });
    expect(batch.warnings).toEqual([{ encounter: 0, chartRef: 'FLOW-1', kind: 'NCCI_PTP', codes: ['98940', '97140'] }]);

    // Accepting the batch completes the request.
    ok(await app.gql(REVIEW, { id: batch.id }, owner.accessToken));
    expect(ok(await app.gql(REQUESTS, { id: contractId }, owner.accessToken)).workRequests.edges.map((e: Untyped) => e.node)).toEqual([{ id: request.id, status: 'COMPLETED', chartsDone: 2 }]);
    expect(ok(await app.gql(QUEUE, {}, coder.accessToken)).myWorkQueue.totalCount).toBe(0);

    // The practice supplies the demographics and exports the claim file for its clearinghouse.
    for (const ref of ['FLOW-1', 'FLOW-2']) ok(await app.gql(SET_CLAIM_DATA, { id: batch.id, input: claimData(ref) }, owner.accessToken));
    failed(await app.gql(EXPORT, { id: batch.id, format: 'X12_837P' }, coder.accessToken), 'FORBIDDEN');
    const file = ok(await app.gql(EXPORT, { id: batch.id, format: 'X12_837P' }, owner.accessToken)).codedBatchExport as string;
    const parsed = parse837(file);
    const claims = claimsOf(parsed);
    expect(claims).toHaveLength(2);
    expect(file).toContain(`DTP*472*D8*${DAY.replaceAll('-', '')}~`);
    expect(file).toContain('HI*ABK:I10*ABF:E119~');
    expect(file).not.toContain('FLOW-1'); // the chart reference is not the patient account number
  });
});
