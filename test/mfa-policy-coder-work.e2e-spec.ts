import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, failed, given, ok, postJob } from './support/given.js';
import { signBaa, subcontractorBaa } from './support/money.js';
import { enrollMfa } from './support/mfa.js';
import { TestApp } from './support/test-app.js';

const SET = `mutation($org: ID!, $on: Boolean!) { setOrganizationRequireMfa(organizationId: $org, requireMfa: $on) { id requireMfa } }`;
const SUBMIT_BID = `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`;
const ACCEPT_BID = `mutation($id: ID!) { acceptBid(id: $id) { id } }`;
const SUBMIT_BATCH = `mutation($id: ID!) { submitCodedBatch(contractId: $id, input: { encounters: [{ chartRef: "MRN-0042", serviceDate: "2026-11-02", icd10cm: ["I10"] }] }) { id } }`;
const LOG_WORK = `mutation($id: ID!, $on: Date!) { logWork(contractId: $id, input: { minutes: 90, workedOn: $on }) { id } }`;

/**
 * `requireMfa` of a coding company binds the coder who works through it for every act on the
 * company's contracts that carries PHI or money: returning coded charts (PHI) and logging billable
 * work, not only the workroom's reads and uploads.
 */
describe('requireMfa and the coder-side work of a coding company', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
    c = coders(app);
  });
  afterAll(() => app?.close());

  it("refuses the company's coder without MFA a coded batch and a work log on the company's contract (FORBIDDEN, MFA_REQUIRED) until they enroll", async () => {
    const boss = await a.coder();
    const company = ok(await app.gql(`mutation { createOrganization(input: { name: "Precision Coding LLC", kind: CODING_COMPANY }) { id } }`, {}, boss.accessToken)).createOrganization.id as string;
    const worker = await a.member(boss, company, 'MEMBER', (await c.verifiedCoder()).coder);
    await enrollMfa(app, boss);
    ok(await app.gql(SET, { org: company, on: true }, boss.accessToken));

    const { owner, organization } = await a.practice();
    const job = await postJob(app, owner, organization.id, { requiresBaa: false, payModel: 'HOURLY', rateCents: 6000 });
    const bid = ok(await app.gql(SUBMIT_BID, { input: { coverLetter: 'Ready.', jobPostingId: job.id, rateCents: 6000, organizationId: company, assignedCoderId: worker.user.id } }, boss.accessToken))
      .submitBid.id;
    const contractId = ok(await app.gql(ACCEPT_BID, { id: bid }, owner.accessToken)).acceptBid.id as string;
    await signBaa(app, contractId, owner, boss);
    await subcontractorBaa(app, company, worker, boss);
    const today = new Date().toISOString().slice(0, 10);

    expect(failed(await app.gql(SUBMIT_BATCH, { id: contractId }, worker.accessToken), 'FORBIDDEN').extensions.reason).toBe('MFA_REQUIRED');
    expect(failed(await app.gql(LOG_WORK, { id: contractId, on: today }, worker.accessToken), 'FORBIDDEN').extensions.reason).toBe('MFA_REQUIRED');
    expect(await app.sql('SELECT 1 FROM coded_batches WHERE contract_id = $1', [contractId])).toEqual([]);
    expect(await app.sql('SELECT 1 FROM work_logs WHERE contract_id = $1', [contractId])).toEqual([]);

    await enrollMfa(app, worker);
    ok(await app.gql(SUBMIT_BATCH, { id: contractId }, worker.accessToken));
    ok(await app.gql(LOG_WORK, { id: contractId, on: today }, worker.accessToken));
  });
});
