import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, failed, given, ok, postJob, Session } from './support/given.js';
import { signBaa, subcontractorBaa } from './support/money.js';
import { enrollMfa } from './support/mfa.js';
import { GraphqlResponse, TestApp } from './support/test-app.js';

const SET = `mutation($org: ID!, $on: Boolean!) { setOrganizationRequireMfa(organizationId: $org, requireMfa: $on) { id requireMfa } }`;
const ORGANIZATION = `query($id: ID!) { organization(id: $id) { id requireMfa } }`;
const SUBMIT_BID = `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`;
const ACCEPT_BID = `mutation($id: ID!) { acceptBid(id: $id) { id } }`;
const DOCUMENTS = `query($id: ID!) { documents(contractId: $id) { id } }`;
const CREATE_MILESTONE = `mutation($id: ID!) { createMilestone(contractId: $id, input: { title: "Chart batch 1", amountCents: 5000 }) { id status } }`;
const FUND = `mutation($id: ID!) { fundMilestone(id: $id) { status } }`;
const PAYMENT_METHOD = `mutation($org: ID!) { startPaymentMethodSetup(organizationId: $org) }`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { id status } }`;
const MESSAGE = `mutation($id: ID!) { sendMessage(contractId: $id, body: "Charts for March are in the EHR queue") { id } }`;
const AUDIT = `query($id: ID!) { auditLog(contractId: $id, first: 100) { edges { node { actorId action outcome detail } } } }`;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% chart 0042\n%%EOF\n');

describe('organization setting requireMfa', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
    c = coders(app);
  });
  afterAll(() => app?.close());

  const setRequireMfa = (session: Session, organizationId: string, on: boolean) => app.gql(SET, { org: organizationId, on }, session.accessToken);
  const mfaRequired = (response: GraphqlResponse) => expect(failed(response, 'FORBIDDEN').extensions.reason).toBe('MFA_REQUIRED');
  const upload = (session: Session, contractId: string) =>
    app.http().post(`/contracts/${contractId}/documents`).set('authorization', `Bearer ${session.accessToken}`).attach('file', PDF, { filename: 'chart-0042.pdf', contentType: 'application/pdf' });

  const submitBid = async (session: Session, input: Record<string, unknown>) =>
    ok(await app.gql(SUBMIT_BID, { input: { coverLetter: 'Ready to start.', ...input } }, session.accessToken)).submitBid.id as string;

  it('is turned on by an OWNER or ADMIN who has MFA, off by the OWNER only', async () => {
    const { owner, organization } = await a.practice();
    const admin = await a.member(owner, organization.id, 'ADMIN');
    const plain = await a.member(owner, organization.id, 'MEMBER');

    // Not even the OWNER can require what their own account lacks: they would lock themselves out.
    mfaRequired(await setRequireMfa(owner, organization.id, true));
    failed(await setRequireMfa(await a.provider(), organization.id, true), 'NOT_FOUND');
    failed(await setRequireMfa(await a.admin(), organization.id, true), 'FORBIDDEN');
    await enrollMfa(app, plain);
    expect(failed(await setRequireMfa(plain, organization.id, true), 'FORBIDDEN').extensions.reason).toBeUndefined();
    expect(ok(await app.gql(ORGANIZATION, { id: organization.id }, plain.accessToken)).organization.requireMfa).toBe(false);

    await enrollMfa(app, owner);
    expect(ok(await setRequireMfa(owner, organization.id, true)).setOrganizationRequireMfa).toEqual({ id: organization.id, requireMfa: true });
    expect(ok(await app.gql(ORGANIZATION, { id: organization.id }, plain.accessToken)).organization.requireMfa).toBe(true);

    // Turning it off lowers everyone's bar: the OWNER's call, not an ADMIN's, MFA or not.
    await enrollMfa(app, admin);
    failed(await setRequireMfa(admin, organization.id, false), 'FORBIDDEN');
    expect(ok(await setRequireMfa(owner, organization.id, false)).setOrganizationRequireMfa.requireMfa).toBe(false);
    expect(ok(await setRequireMfa(admin, organization.id, true)).setOrganizationRequireMfa.requireMfa).toBe(true);
  });

  it("refuses a practice member without MFA its PHI and money acts (FORBIDDEN, MFA_REQUIRED) until they enroll; other acts and the contract's coder are not bound", async () => {
    const { owner, organization } = await a.practice();
    const admin = await a.member(owner, organization.id, 'ADMIN');
    const fixedJob = await postJob(app, owner, organization.id, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000, requiresBaa: false });
    const { coder } = await c.verifiedCoder();
    const contractId = ok(await app.gql(ACCEPT_BID, { id: await submitBid(coder, { jobPostingId: fixedJob.id, rateCents: 50000 }) }, owner.accessToken)).acceptBid.id as string;
    await signBaa(app, contractId, owner, coder);
    const milestone = ok(await app.gql(CREATE_MILESTONE, { id: contractId }, owner.accessToken)).createMilestone.id as string;
    const otherJob = await postJob(app, owner, organization.id);
    const pendingBid = await submitBid((await c.verifiedCoder()).coder, { jobPostingId: otherJob.id, rateCents: 400 });
    await enrollMfa(app, owner);
    ok(await setRequireMfa(owner, organization.id, true));

    const refusedUpload = await upload(admin, contractId);
    expect([refusedUpload.status, refusedUpload.body.code, refusedUpload.body.reason]).toEqual([403, 'FORBIDDEN', 'MFA_REQUIRED']);
    mfaRequired(await app.gql(DOCUMENTS, { id: contractId }, admin.accessToken));
    mfaRequired(await app.gql(CREATE_MILESTONE, { id: contractId }, admin.accessToken));
    mfaRequired(await app.gql(FUND, { id: milestone }, admin.accessToken));
    mfaRequired(await app.gql(PAYMENT_METHOD, { org: organization.id }, admin.accessToken));
    mfaRequired(await app.gql(ACCEPT_BID, { id: pendingBid }, admin.accessToken));
    // The refused PHI acts are in the contract's audit log, with the reason.
    const audit = ok(await app.gql(AUDIT, { id: contractId }, owner.accessToken)).auditLog.edges.map((edge: { node: Record<string, string> }) => edge.node);
    expect(audit.filter((event: Record<string, string>) => event.actorId === admin.user.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'UPLOAD', outcome: 'DENIED', detail: expect.stringContaining('requires MFA') })]),
    );
    // Nothing of it happened.
    expect(await app.sql('SELECT 1 FROM documents WHERE contract_id = $1', [contractId])).toHaveLength(0);
    expect(await app.sql('SELECT status FROM milestones WHERE contract_id = $1', [contractId])).toEqual([{ status: 'CREATED' }]);
    expect(await app.sql('SELECT status FROM bids WHERE id = $1', [pendingBid])).toEqual([{ status: 'PENDING' }]);
    expect(await app.sql('SELECT 1 FROM billing_customers WHERE organization_id = $1', [organization.id])).toHaveLength(0);

    // Reading the contract, messaging and posting jobs are neither PHI nor money.
    ok(await app.gql(CONTRACT, { id: contractId }, admin.accessToken));
    ok(await app.gql(MESSAGE, { id: contractId }, admin.accessToken));
    await postJob(app, admin, organization.id);
    // An outsider learns nothing of the setting: the contract is not found, as ever.
    failed(await app.gql(DOCUMENTS, { id: contractId }, (await a.provider()).accessToken), 'NOT_FOUND');
    // The practice's setting binds its members, not the independent coder on the other side.
    expect((await upload(coder, contractId)).status).toBe(201);

    // Enrolling lifts the refusal at once, on the same access token.
    await enrollMfa(app, admin);
    expect((await upload(admin, contractId)).status).toBe(201);
    expect(ok(await app.gql(DOCUMENTS, { id: contractId }, admin.accessToken)).documents).toHaveLength(2);
    expect(ok(await app.gql(FUND, { id: milestone }, admin.accessToken)).fundMilestone.status).toBeDefined();
    expect(ok(await app.gql(PAYMENT_METHOD, { org: organization.id }, admin.accessToken)).startPaymentMethodSetup).toEqual(expect.any(String));
    ok(await app.gql(ACCEPT_BID, { id: pendingBid }, admin.accessToken));
  });

  it("binds a coding company's managers and its coder: bidding as the company and the PHI of the company's contracts", async () => {
    const boss = await a.coder();
    const company = ok(await app.gql(`mutation { createOrganization(input: { name: "Precision Coding LLC", kind: CODING_COMPANY }) { id } }`, {}, boss.accessToken)).createOrganization.id as string;
    const manager = await a.member(boss, company, 'ADMIN', await a.coder());
    const worker = await a.member(boss, company, 'MEMBER', (await c.verifiedCoder()).coder);
    await enrollMfa(app, boss);
    ok(await setRequireMfa(boss, company, true));

    const { owner, organization } = await a.practice();
    const job = await postJob(app, owner, organization.id, { requiresBaa: false });
    const asCompany = { jobPostingId: job.id, rateCents: 400, organizationId: company, assignedCoderId: worker.user.id };
    mfaRequired(await app.gql(SUBMIT_BID, { input: { coverLetter: 'Ready.', ...asCompany } }, manager.accessToken));
    expect(await app.sql('SELECT 1 FROM bids WHERE job_posting_id = $1', [job.id])).toHaveLength(0);
    const contractId = ok(await app.gql(ACCEPT_BID, { id: await submitBid(boss, asCompany) }, owner.accessToken)).acceptBid.id as string;
    await signBaa(app, contractId, owner, boss);
    await subcontractorBaa(app, company, worker, boss);

    for (const coderSide of [worker, manager]) {
      const refused = await upload(coderSide, contractId);
      expect([refused.status, refused.body.reason]).toEqual([403, 'MFA_REQUIRED']);
    }
    // The practice has no such setting: its side goes on without MFA.
    expect((await upload(owner, contractId)).status).toBe(201);
    await enrollMfa(app, worker);
    expect((await upload(worker, contractId)).status).toBe(201);
  });
});
