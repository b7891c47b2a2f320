import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CodeTablesService } from '../src/workroom/codes/code-tables.service.js';
import { failed, ok, Session } from './support/given.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';

const SUBMIT = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) {
  id status encounterCount encounters { chartRef serviceDate icd10cm icd10pcs cpt { code modifiers units diagnosisPointers } hcpcs { code modifiers units diagnosisPointers } } } }`;
const REVIEW = `mutation($id: ID!, $input: ReviewCodedBatchInput!) { reviewCodedBatch(batchId: $id, input: $input) { id status reviewComments { chartRef comment } } }`;
const AUDIT = `mutation($id: ID!, $input: AuditCodedBatchInput!) { auditCodedBatch(batchId: $id, input: $input) { id auditSampled auditErrors } }`;
const SIGN = `mutation($id: ID!) { signBaa(contractId: $id) { id } }`;

const encounter = (chartRef: string, extra: Record<string, unknown> = {}) => ({
  chartRef,
  serviceDate: '2026-11-02',
  icd10cm: ['I10', 'e119'],
  cpt: [{ code: '99214', modifiers: ['25'], units: 1, diagnosisPointers: [1, 2] }],
  hcpcs: [{ code: 'j1100', modifiers: [], units: 4, diagnosisPointers: [2] }],
  ...extra,
});

describe('coded batches', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app?.close());

  async function signedContract(): Promise<{ owner: Session; coder: Session; contractId: string }> {
    const parties = await acceptedContract(app, { requiresBaa: true }, { rateCents: 400 });
    ok(await app.gql(SIGN, { id: parties.contractId }, parties.owner.accessToken));
    ok(await app.gql(SIGN, { id: parties.contractId }, parties.coder.accessToken));
    return parties;
  }

  it('refuses a batch before the BAA is signed and from the wrong side', async () => {
    const { owner, coder, contractId } = await acceptedContract(app, { requiresBaa: true }, { rateCents: 400 });
    failed(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('CH-1')] } }, coder.accessToken), 'CONFLICT');
    ok(await app.gql(SIGN, { id: contractId }, owner.accessToken));
    ok(await app.gql(SIGN, { id: contractId }, coder.accessToken));
    failed(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('CH-1')] } }, owner.accessToken), 'FORBIDDEN');
  });

  it('validates every code and lists every offending path', async () => {
    const { coder, contractId } = await signedContract();
    const input = {
      encounters: [
        encounter('CH-1', { icd10cm: ['I10', '110', 'E1.19'], cpt: [{ code: '9921', modifiers: ['25', '259'], units: 1, diagnosisPointers: [1] }] }),
        encounter('CH-2', { icd10pcs: ['0DTI4ZZ'], hcpcs: [{ code: 'W1100', modifiers: [], units: 1, diagnosisPointers: [1] }] }),
        encounter('CH-1'),
      ],
    };
    const error = failed(await app.gql(SUBMIT, { id: contractId, input }, coder.accessToken), 'BAD_USER_INPUT');
    expect(error.extensions.fields).toEqual([
      'input.encounters.0.icd10cm.1',
      'input.encounters.0.icd10cm.2',
      'input.encounters.0.cpt.0.code',
      'input.encounters.0.cpt.0.modifiers.1',
      'input.encounters.1.icd10pcs.0',
      'input.encounters.1.hcpcs.0.code',
      'input.encounters.2.chartRef',
    ]);
    expect(error.message).toMatch(/"9921" is not a valid CPT code/);
    expect(
      failed(
        await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('CH-9', { cpt: [{ code: '99213', modifiers: [], units: 0, diagnosisPointers: [1] }] })] } }, coder.accessToken),
        'BAD_USER_INPUT',
      ).extensions.fields,
    ).toEqual(['input.encounters.0.cpt.0.units']);
    expect(await app.sql('SELECT 1 FROM coded_batches WHERE contract_id = $1', [contractId])).toHaveLength(0);
  });

  it('stores normalized codes, is reviewed per encounter, exported as CSV, and audited once into the accuracy score', async () => {
    const { owner, coder, contractId } = await signedContract();
    const batch = ok(
      await app.gql(
        SUBMIT,
        {
          id: contractId,
          input: {
            encounters: [
              encounter('CH-1'),
              encounter('CH-2', { icd10cm: ['S72001A'], icd10pcs: ['0qs604z'], cpt: [{ code: '0042t', modifiers: ['lt'], units: 1, diagnosisPointers: [1] }], hcpcs: [] }),
            ],
          },
        },
        coder.accessToken,
      ),
    ).submitCodedBatch;
    expect(batch.encounters[0]).toEqual({
      chartRef: 'CH-1',
      serviceDate: '2026-11-02',
      icd10cm: ['I10', 'E11.9'],
      icd10pcs: [],
      cpt: [{ code: '99214', modifiers: ['25'], units: 1, diagnosisPointers: [1, 2] }],
      hcpcs: [{ code: 'J1100', modifiers: [], units: 4, diagnosisPointers: [2] }],
    });
    expect(batch.encounters[1]).toMatchObject({ icd10cm: ['S72.001A'], icd10pcs: ['0QS604Z'], cpt: [{ code: '0042T', modifiers: ['LT'], units: 1, diagnosisPointers: [1] }] });

    expect(failed(await app.gql(REVIEW, { id: batch.id, input: { accept: false, comments: [{ chartRef: 'CH-404', comment: 'x' }] } }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual([
      'input.comments.0.chartRef',
    ]);
    failed(await app.gql(REVIEW, { id: batch.id, input: { accept: true } }, coder.accessToken), 'FORBIDDEN');
    const returned = ok(
      await app.gql(REVIEW, { id: batch.id, input: { accept: false, comments: [{ chartRef: 'CH-2', comment: 'Laterality: use the left-side code' }] } }, owner.accessToken),
    ).reviewCodedBatch;
    expect(returned).toMatchObject({ status: 'RETURNED', reviewComments: [{ chartRef: 'CH-2', comment: 'Laterality: use the left-side code' }] });
    failed(await app.gql(REVIEW, { id: batch.id, input: { accept: true } }, owner.accessToken), 'CONFLICT');

    const csv = ok(await app.gql(`query($id: ID!) { codedBatchCsv(id: $id) }`, { id: batch.id }, owner.accessToken)).codedBatchCsv;
    expect(csv.split('\r\n').slice(0, 4)).toEqual(['chart_ref,code_set,code,modifiers,units', 'CH-1,ICD10CM,I10,,', 'CH-1,ICD10CM,E11.9,,', 'CH-1,CPT,99214,25,1']);

    expect(failed(await app.gql(AUDIT, { id: batch.id, input: { sampled: 3, errors: 0 } }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.sampled']);
    expect(failed(await app.gql(AUDIT, { id: batch.id, input: { sampled: 2, errors: 3 } }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.errors']);
    const audits = await Promise.all(
      [1, 2, 3].map(() => app.gql(AUDIT, { id: batch.id, input: { sampled: 2, errors: 1, findings: [{ category: 'MODIFIER', chartRef: 'CH-1', code: '99214' }] } }, owner.accessToken)),
    );
    expect(audits.filter((r) => !r.errors)).toHaveLength(1);
    const [profile] = await app.sql<{ id: string }>('SELECT id FROM coder_profiles WHERE user_id = $1', [coder.user.id]);
    // Nobody has paid on this contract yet: the audit is recorded (above) but not published, not even as a
    // sample size (test/published-accuracy.e2e-spec.ts publishes it once paid; test/audits.e2e-spec.ts from 30 charts).
    expect(
      ok(await app.gql(`query($id: ID!) { coderProfile(id: $id) { accuracyScore accuracySampleSize accuracyBySpecialty { specialty sampled errors score } } }`, { id: profile.id })).coderProfile,
    ).toEqual({ accuracyScore: null, accuracySampleSize: 0, accuracyBySpecialty: [] });
  });

  it('refuses unknown and header (non-billable) codes once the official tables are loaded', async () => {
    const tables = app.app.get(CodeTablesService);
    for (const name of ['icd10cm_order_2026.txt', 'HCPC2026_ANWEB.txt']) await tables.importFile(name, readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'latin1'));
    const { coder, contractId } = await signedContract();
    const input = {
      encounters: [
        encounter('CH-1', {
          serviceDate: '2026-06-15',
          icd10cm: ['I10', 'E11', 'Z99.89'],
          hcpcs: [
            { code: 'J9999', modifiers: [], units: 1, diagnosisPointers: [1] },
            { code: 'A0425', modifiers: [], units: 3, diagnosisPointers: [1] },
          ],
        }),
      ],
    };
    const error = failed(await app.gql(SUBMIT, { id: contractId, input }, coder.accessToken), 'BAD_USER_INPUT');
    expect(error.extensions.fields).toEqual(['input.encounters.0.icd10cm.1', 'input.encounters.0.icd10cm.2', 'input.encounters.0.hcpcs.0.code']);
    expect(error.message).toMatch(/E11 is a header code/);
    expect(error.message).toMatch(/Z99\.89 is not in the ICD-10-CM table in force on 2026-06-15/);
    ok(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('CH-1', { serviceDate: '2026-06-15', icd10cm: ['I10', 'E11.9'] })] } }, coder.accessToken));
  });
});
