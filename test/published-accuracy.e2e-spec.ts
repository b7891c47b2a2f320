import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { coders, ok, Session } from './support/given.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';
import { eventually } from './support/wait.js';

const SUBMIT = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { id } }`;
const AUDIT = `mutation($id: ID!, $input: AuditCodedBatchInput!) { auditCodedBatch(batchId: $id, input: $input) { id auditSampled auditErrors } }`;
const BATCH = `query($id: ID!) { codedBatch(id: $id) { auditSampled auditErrors auditedAt } }`;
const ACCURACY = 'accuracyScore accuracySampleSize accuracyBySpecialty { specialty sampled errors score }';
const PROFILE = `query($id: ID!) { coderProfile(id: $id) { ${ACCURACY} } }`;
const DIRECTORY = `query($text: String!) { coders(first: 10, filter: { text: $text }) { edges { node { id ${ACCURACY} } } } }`;
const MATCH = `query($job: ID!) { matchCoders(jobPostingId: $job, first: 50) { coder { id } reasons } }`;

const encounters = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    chartRef: `CH-${i + 1}`,
    serviceDate: '2026-10-05',
    icd10cm: ['I10'],
    cpt: [{ code: '99214', modifiers: [], units: 1, diagnosisPointers: [1] }],
    hcpcs: [],
    icd10pcs: [],
  }));

/**
 * Issue 17 red team: a practice (or the coder's friend posing as one) hires the coder, never pays, and
 * audits 30 flawless charts. The audit is recorded and both parties see it, but published accuracy
 * (profile, directory, matching) counts it only once the contract paid the coder.
 */
describe('published accuracy counts only audits where money moved', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app?.close());

  it("publishes nothing from an unpaid contract's 30-chart flawless audit, the practice still sees it, and publishes it once the milestone is released", async () => {
    // A FIXED_PRICE contract (its BAA signed by both): nothing funded, nothing released.
    const { owner, coder, contractId } = await acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000, requiresBaa: false }, { rateCents: 50000 });
    const word = `friendaudit${randomBytes(4).toString('hex')}`;
    const profile = await coders(app).upsertProfile(coder, { headline: `Cardiology coder ${word}` });
    const [{ job_posting_id: jobPostingId }] = await app.sql<{ job_posting_id: string }>('SELECT job_posting_id FROM contracts WHERE id = $1', [contractId]);

    const batchId = ok(await app.gql(SUBMIT, { id: contractId, input: { encounters: encounters(30) } }, coder.accessToken)).submitCodedBatch.id as string;
    // The audit is not refused (practices audit before they pay): it is recorded as today.
    expect(ok(await app.gql(AUDIT, { id: batchId, input: { sampled: 30, errors: 0 } }, owner.accessToken)).auditCodedBatch).toEqual({ id: batchId, auditSampled: 30, auditErrors: 0 });

    const unpublished = { accuracyScore: null, accuracySampleSize: 0, accuracyBySpecialty: [] };
    const published = { accuracyScore: 1, accuracySampleSize: 30, accuracyBySpecialty: [{ specialty: 'CARDIOLOGY', sampled: 30, errors: 0, score: 1 }] };
    const publicProfile = async () => ok(await app.gql(PROFILE, { id: profile.id })).coderProfile;
    const directory = async () => (ok(await app.gql(DIRECTORY, { text: word })).coders.edges as Untyped[]).map((e) => e.node);
    const matchReasons = async (practice: Session) =>
      (ok(await app.gql(MATCH, { job: jobPostingId }, practice.accessToken)).matchCoders as Untyped[]).find((m) => m.coder.id === profile.id)?.reasons as string[] | undefined;

    expect(await publicProfile()).toEqual(unpublished);
    expect(await directory()).toEqual([{ id: profile.id, ...unpublished }]);
    const before = await matchReasons(owner);
    expect(before).toBeDefined();
    expect(before!.filter((r) => r.startsWith('Audited'))).toEqual([]);
    // Both parties still see the audit on the batch.
    for (const party of [owner, coder]) expect(ok(await app.gql(BATCH, { id: batchId }, party.accessToken)).codedBatch).toMatchObject({ auditSampled: 30, auditErrors: 0 });
    // Funded money is only held in escrow: still nothing published.
    const { createMilestone } = ok(
      await app.gql(
        `mutation($c: ID!, $input: CreateMilestoneInput!) { createMilestone(contractId: $c, input: $input) { id } }`,
        { c: contractId, input: { title: 'Backlog', amountCents: 20000 } },
        owner.accessToken,
      ),
    );
    ok(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: createMilestone.id }, owner.accessToken));
    await eventually(
      async () => (await app.sql<{ status: string }>('SELECT status FROM milestones WHERE id = $1', [createMilestone.id]))[0].status === 'FUNDED',
      'milestone funded (simulated gateway)',
    );
    expect(await publicProfile()).toEqual(unpublished);

    // The practice releases the milestone: the coder was paid, the audit counts at once (no stale total).
    ok(await app.gql(`mutation($id: ID!) { approveMilestone(id: $id) { status } }`, { id: createMilestone.id }, owner.accessToken));
    expect(await publicProfile()).toEqual(published);
    expect(await directory()).toEqual([{ id: profile.id, ...published }]);
    expect((await matchReasons(owner))!.filter((r) => r.startsWith('Audited'))).toEqual([expect.stringMatching(/^Audited 100\.0% accuracy/)]);
  });
});
