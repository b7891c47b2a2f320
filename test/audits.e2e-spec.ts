import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { failed, ok, Session } from './support/given.js';
import { paidContract } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const SUBMIT = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { id } }`;
const AUDIT = `mutation($id: ID!, $input: AuditCodedBatchInput!) { auditCodedBatch(batchId: $id, input: $input) {
  id auditSampled auditErrors auditCodesSampled auditorCredential auditorCredentialVerified } }`;
const FINDING_FIELDS = 'id batchId category encounterIndex chartRef code financialImpactCents note rebuttal answer upheld counts';
const BATCH = `query($id: ID!) { codedBatch(id: $id) { id auditSampled auditErrors auditedAt auditFindings { ${FINDING_FIELDS} } } }`;
const REBUT = `mutation($id: ID!, $text: String!) { rebutAuditFinding(findingId: $id, text: $text) { ${FINDING_FIELDS} } }`;
const ANSWER = `mutation($id: ID!, $text: String!, $upheld: Boolean!) { answerAuditRebuttal(findingId: $id, text: $text, upheld: $upheld) { ${FINDING_FIELDS} } }`;
const PROFILE = `query($id: ID!) { coderProfile(id: $id) { accuracyScore accuracySampleSize accuracyBySpecialty { specialty sampled errors score } } }`;

// Each batch codes its charts on a day of its own: a chart's encounter (chart and date) is taken once per contract.
const encounters = (n: number, serviceDate: string) =>
  Array.from({ length: n }, (_, i) => ({
    chartRef: `CH-${i + 1}`,
    serviceDate,
    icd10cm: ['I10'],
    cpt: [{ code: '99214', modifiers: [], units: 1, diagnosisPointers: [1] }],
    hcpcs: [],
    icd10pcs: [],
  }));

describe('audits that mean something', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app?.close());

  // Published accuracy counts only audits of contracts that paid the coder (test/published-accuracy.e2e-spec.ts):
  // these contracts have a milestone released, so their audits publish as soon as they are recorded.
  async function signedContract(): Promise<{ owner: Session; coder: Session; contractId: string; profileId: string }> {
    const parties = await paidContract(app);
    for (const party of [parties.owner, parties.coder]) ok(await app.gql(`mutation($id: ID!) { signBaa(contractId: $id) { id } }`, { id: parties.contractId }, party.accessToken));
    const [profile] = await app.sql<{ id: string }>('SELECT id FROM coder_profiles WHERE user_id = $1', [parties.coder.user.id]);
    return { ...parties, profileId: profile.id };
  }

  let batches = 0;
  const submit = async (coder: Session, contractId: string, charts: number): Promise<string> => {
    const day = new Date(Date.UTC(2026, 10, 2) - ++batches * 86_400_000).toISOString().slice(0, 10);
    return ok(await app.gql(SUBMIT, { id: contractId, input: { encounters: encounters(charts, day) } }, coder.accessToken)).submitCodedBatch.id;
  };

  /** A contract with one batch of 30 charts audited with errors on CH-1 (twice), CH-2 and CH-3: 27/30 published. */
  async function auditedWithFindings() {
    const parties = await signedContract();
    const batchId = await submit(parties.coder, parties.contractId, 30);
    const findings = [
      { category: 'WRONG_CODE', chartRef: 'CH-1', code: '99214', financialImpactCents: 4200, note: 'Documentation supports 99213' },
      { category: 'MODIFIER', encounterIndex: 0, code: '99214' },
      { category: 'MISSING_CODE', encounterIndex: 1, code: 'e119' },
      { category: 'SEQUENCING', chartRef: 'CH-3' },
    ];
    ok(await app.gql(AUDIT, { id: batchId, input: { sampled: 30, errors: 3, codesSampled: 60, findings } }, parties.owner.accessToken));
    const stored = ok(await app.gql(BATCH, { id: batchId }, parties.owner.accessToken)).codedBatch.auditFindings as Untyped[];
    return { ...parties, batchId, findings: stored };
  }

  it('publishes no accuracy from a one-chart audit, and publishes it with its sample size from 30 charts', async () => {
    const { owner, coder, contractId, profileId } = await signedContract();
    const one = await submit(coder, contractId, 1);
    ok(await app.gql(AUDIT, { id: one, input: { sampled: 1, errors: 0 } }, owner.accessToken));
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile).toEqual({
      accuracyScore: null,
      accuracySampleSize: 1,
      accuracyBySpecialty: [{ specialty: 'CARDIOLOGY', sampled: 1, errors: 0, score: null }],
    });
    // Counting at most the batch's encounters: a one-chart batch cannot be audited as 30.
    const small = await submit(coder, contractId, 2);
    expect(failed(await app.gql(AUDIT, { id: small, input: { sampled: 30, errors: 0 } }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.sampled']);

    const big = await submit(coder, contractId, 29);
    const onThree = ['CH-1', 'CH-2', 'CH-3'].map((chartRef) => ({ category: 'WRONG_CODE', chartRef, code: '99214' }));
    ok(await app.gql(AUDIT, { id: big, input: { sampled: 29, errors: 3, findings: onThree } }, owner.accessToken));
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile).toEqual({
      accuracyScore: 0.9,
      accuracySampleSize: 30,
      accuracyBySpecialty: [{ specialty: 'CARDIOLOGY', sampled: 30, errors: 3, score: 0.9 }],
    });
  });

  it('stores findings by category with the codes sampled and the stated auditor credential, for both parties only', async () => {
    const { owner, coder, batchId, findings } = await auditedWithFindings();
    expect(findings).toEqual([
      expect.objectContaining({ batchId, category: 'WRONG_CODE', encounterIndex: 0, chartRef: 'CH-1', code: '99214', financialImpactCents: 4200, note: 'Documentation supports 99213', counts: true }),
      expect.objectContaining({ category: 'MODIFIER', encounterIndex: 0, chartRef: 'CH-1', code: '99214', financialImpactCents: null }),
      expect.objectContaining({ category: 'MISSING_CODE', encounterIndex: 1, chartRef: 'CH-2', code: 'E119' }),
      expect.objectContaining({ category: 'SEQUENCING', encounterIndex: 2, chartRef: 'CH-3', code: null, rebuttal: null, answer: null, upheld: null }),
    ]);
    expect(ok(await app.gql(BATCH, { id: batchId }, coder.accessToken)).codedBatch.auditFindings).toEqual(findings);

    // The auditor's credential: a practice user's is recorded as stated, never as verified.
    const other = await signedContract();
    const batch = await submit(other.coder, other.contractId, 3);
    const audited = ok(await app.gql(AUDIT, { id: batch, input: { sampled: 3, errors: 0, findings: [], auditorCredential: 'CPMA', codesSampled: 6 } }, other.owner.accessToken)).auditCodedBatch;
    expect(audited).toMatchObject({ auditSampled: 3, auditErrors: 0, auditCodesSampled: 6, auditorCredential: 'CPMA', auditorCredentialVerified: false });

    // Another practice and another coder see nothing of it.
    for (const stranger of [other.owner, other.coder]) {
      failed(await app.gql(BATCH, { id: batchId }, stranger.accessToken), 'NOT_FOUND');
      failed(await app.gql(REBUT, { id: findings[0].id, text: 'Not mine to rebut' }, stranger.accessToken), 'NOT_FOUND');
      failed(await app.gql(ANSWER, { id: findings[0].id, text: 'Not mine', upheld: false }, stranger.accessToken), 'NOT_FOUND');
    }
    failed(await app.gql(AUDIT, { id: batch, input: { sampled: 1, errors: 0 } }, owner.accessToken), 'NOT_FOUND');
    failed(await app.gql(REBUT, { id: '00000000-0000-4000-8000-000000000000', text: 'x' }, coder.accessToken), 'NOT_FOUND');
  });

  it('refuses errors inconsistent with the findings, naming the field, and writes nothing', async () => {
    const { owner, coder, contractId, profileId } = await signedContract();
    const batchId = await submit(coder, contractId, 5);
    const refused = async (input: Record<string, unknown>) => failed(await app.gql(AUDIT, { id: batchId, input: { sampled: 5, ...input } }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields;
    // One chart named twice is one chart with errors, not two.
    const twoOnOne = [
      { category: 'WRONG_CODE', chartRef: 'CH-1' },
      { category: 'MODIFIER', encounterIndex: 0 },
    ];
    expect(await refused({ errors: 2, findings: twoOnOne })).toEqual(['input.errors']);
    // A one-chart-error claim with no finding at all, or with findings naming two charts.
    expect(await refused({ errors: 1, findings: [] })).toEqual(['input.errors']);
    expect(
      await refused({
        errors: 1,
        findings: [
          { category: 'SEQUENCING', chartRef: 'CH-1' },
          { category: 'SEQUENCING', chartRef: 'CH-2' },
        ],
      }),
    ).toEqual(['input.errors']);
    expect(await refused({ errors: 1, findings: [{ category: 'WRONG_CODE', chartRef: 'CH-9' }] })).toEqual(['input.findings.0.chartRef']);
    expect(await refused({ errors: 1, findings: [{ category: 'WRONG_CODE', encounterIndex: 5 }] })).toEqual(['input.findings.0.encounterIndex']);
    expect(await refused({ errors: 1, findings: [{ category: 'WRONG_CODE', encounterIndex: 1, chartRef: 'CH-1' }] })).toEqual(['input.findings.0.chartRef']);
    expect(
      await refused({
        errors: 1,
        codesSampled: 1,
        findings: [
          { category: 'WRONG_CODE', chartRef: 'CH-1', code: '99214' },
          { category: 'MODIFIER', chartRef: 'CH-1', code: '99213' },
        ],
      }),
    ).toEqual(['input.codesSampled']);
    expect(await refused({ errors: 1, findings: [{ category: 'WRONG_CODE', chartRef: 'CH-1', financialImpactCents: -1 }] })).toEqual(['input.findings.0.financialImpactCents']);
    expect(await refused({ errors: 1, findings: [{ category: 'TYPO', chartRef: 'CH-1' }] })).toEqual(['input.findings.0.category']);

    expect(ok(await app.gql(BATCH, { id: batchId }, owner.accessToken)).codedBatch).toMatchObject({ auditSampled: null, auditErrors: null, auditedAt: null, auditFindings: [] });
    expect(await app.sql('SELECT id FROM audit_findings WHERE batch_id = $1', [batchId])).toEqual([]);
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile.accuracySampleSize).toBe(0);
    // The consistent audit goes through.
    expect(ok(await app.gql(AUDIT, { id: batchId, input: { sampled: 5, errors: 1, findings: twoOnOne } }, owner.accessToken)).auditCodedBatch.auditErrors).toBe(1);
  });

  it('counts no error the coder cannot rebut: errors without findings, or a finding naming no chart, are refused and nothing is written', async () => {
    const { owner, coder, contractId, profileId } = await signedContract();
    const batchId = await submit(coder, contractId, 30);
    const refused = async (input: Record<string, unknown>) => failed(await app.gql(AUDIT, { id: batchId, input: { sampled: 30, ...input } }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields;
    // The dishonest audit: 30 chart errors, not one finding to rebut.
    expect(await refused({ errors: 30 })).toEqual(['input.findings']);
    expect(await refused({ errors: 30, findings: null, codesSampled: 60 })).toEqual(['input.findings']);
    // Findings that name no chart give the coder nothing to rebut, and cannot be counted as charts.
    expect(await refused({ errors: 2, findings: [{ category: 'WRONG_CODE', code: '99214' }, { category: 'MODIFIER' }] })).toEqual(['input.findings.0.chartRef', 'input.findings.1.chartRef']);
    expect(ok(await app.gql(BATCH, { id: batchId }, owner.accessToken)).codedBatch).toMatchObject({ auditSampled: null, auditErrors: null, auditedAt: null, auditFindings: [] });
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile).toMatchObject({ accuracyScore: null, accuracySampleSize: 0 });
    // An error-free audit needs no findings; an error-full one names each chart, and each finding is the coder's to rebut.
    ok(await app.gql(AUDIT, { id: batchId, input: { sampled: 30, errors: 1, findings: [{ category: 'UNSUPPORTED_CODE', chartRef: 'CH-7', code: '99214' }] } }, owner.accessToken));
    const [finding] = ok(await app.gql(BATCH, { id: batchId }, coder.accessToken)).codedBatch.auditFindings as Untyped[];
    expect(finding).toMatchObject({ category: 'UNSUPPORTED_CODE', chartRef: 'CH-7', encounterIndex: 6, code: '99214', counts: true });
    expect(ok(await app.gql(REBUT, { id: finding.id, text: 'CH-7 documents the visit.' }, coder.accessToken)).rebutAuditFinding.rebuttal).toBe('CH-7 documents the visit.');
  });

  it('refuses the coder auditing their own work', async () => {
    const { owner, coder, contractId, profileId } = await signedContract();
    const batchId = await submit(coder, contractId, 1);
    failed(await app.gql(AUDIT, { id: batchId, input: { sampled: 1, errors: 0 } }, coder.accessToken), 'FORBIDDEN');
    expect(ok(await app.gql(BATCH, { id: batchId }, owner.accessToken)).codedBatch.auditedAt).toBeNull();
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile.accuracySampleSize).toBe(0);
  });

  it('lets the coder rebut a finding once and the practice answer once; an overturned finding no longer counts', async () => {
    const { owner, coder, profileId, batchId, findings } = await auditedWithFindings();
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile).toMatchObject({ accuracyScore: 0.9, accuracySampleSize: 30 });
    const [wrongCode, modifier, missing] = findings;

    failed(await app.gql(ANSWER, { id: wrongCode.id, text: 'Nothing to answer yet', upheld: false }, owner.accessToken), 'CONFLICT');
    failed(await app.gql(REBUT, { id: wrongCode.id, text: 'The practice cannot rebut' }, owner.accessToken), 'FORBIDDEN');
    expect(failed(await app.gql(REBUT, { id: wrongCode.id, text: '   ' }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['text']);
    expect(ok(await app.gql(REBUT, { id: wrongCode.id, text: 'The note documents a moderate MDM: 99214 stands.' }, coder.accessToken)).rebutAuditFinding).toMatchObject({
      rebuttal: 'The note documents a moderate MDM: 99214 stands.',
      answer: null,
    });
    failed(await app.gql(REBUT, { id: wrongCode.id, text: 'And again' }, coder.accessToken), 'CONFLICT');
    failed(await app.gql(ANSWER, { id: wrongCode.id, text: 'The coder cannot answer', upheld: false }, coder.accessToken), 'FORBIDDEN');

    // Overturning one of CH-1's two findings leaves CH-1 in error.
    expect(ok(await app.gql(ANSWER, { id: wrongCode.id, text: 'Agreed, MDM is moderate.', upheld: false }, owner.accessToken)).answerAuditRebuttal).toMatchObject({
      answer: 'Agreed, MDM is moderate.',
      upheld: false,
      counts: false,
    });
    failed(await app.gql(ANSWER, { id: wrongCode.id, text: 'Changed my mind', upheld: true }, owner.accessToken), 'CONFLICT');
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile).toMatchObject({ accuracyScore: 0.9 });

    // An upheld finding still counts; an overturned one whose chart has no other finding raises accuracy.
    ok(await app.gql(REBUT, { id: modifier.id, text: 'Modifier 25 is supported.' }, coder.accessToken));
    ok(await app.gql(ANSWER, { id: modifier.id, text: 'No separate E/M is documented.', upheld: true }, owner.accessToken));
    ok(await app.gql(REBUT, { id: missing.id, text: 'E11.9 is not documented in CH-2.' }, coder.accessToken));
    ok(await app.gql(ANSWER, { id: missing.id, text: 'Right, it was in another visit.', upheld: false }, owner.accessToken));
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile).toEqual({
      accuracyScore: 0.9333,
      accuracySampleSize: 30,
      accuracyBySpecialty: [{ specialty: 'CARDIOLOGY', sampled: 30, errors: 2, score: 0.9333 }],
    });
    // Both parties see the whole exchange.
    for (const party of [owner, coder]) {
      const seen = ok(await app.gql(BATCH, { id: batchId }, party.accessToken)).codedBatch;
      expect(seen.auditErrors).toBe(2);
      expect(seen.auditFindings.map((f: Untyped) => [f.category, f.upheld, f.counts])).toEqual([
        ['WRONG_CODE', false, false],
        ['MODIFIER', true, true],
        ['MISSING_CODE', false, false],
        ['SEQUENCING', null, true],
      ]);
    }
  });

  it('takes one of concurrent rebuttals and one of concurrent answers', async () => {
    const { owner, coder, profileId, batchId, findings } = await auditedWithFindings();
    const target = findings[3];
    const rebuttals = await Promise.all([1, 2, 3, 4, 5].map((n) => app.gql(REBUT, { id: target.id, text: `Rebuttal ${n}` }, coder.accessToken)));
    expect(rebuttals.filter((r) => !r.errors)).toHaveLength(1);
    expect(rebuttals.filter((r) => r.errors).map((r) => r.errors![0].extensions.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    const answers = await Promise.all([1, 2, 3, 4].map((n) => app.gql(ANSWER, { id: target.id, text: `Answer ${n}`, upheld: false }, owner.accessToken)));
    expect(answers.filter((r) => !r.errors)).toHaveLength(1);
    // One error off, not four.
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile).toMatchObject({ accuracyScore: 0.9333, accuracySampleSize: 30 });
    expect(ok(await app.gql(BATCH, { id: batchId }, owner.accessToken)).codedBatch.auditErrors).toBe(2);
  });
});
