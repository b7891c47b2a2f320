import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, failed, given, ok, postJob, Session } from './support/given.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const BID = `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptBid(id: $id) { id } }`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { id } }`;
const MY_CONTRACTS = `{ myContracts(first: 100) { edges { node { id } } } }`;
const INVITE_MEMBER = `mutation($org: ID!, $email: String!, $role: MembershipRole!) { inviteMember(organizationId: $org, email: $email, role: $role) { id } }`;
const JOIN = `mutation($id: ID!) { acceptMembershipInvitation(id: $id) { id } }`;

/**
 * The access gate (docs/security.md, "Access"): one rule per concept, asked first, and the codes
 * decided once: no standing toward the object NOT_FOUND, a standing without the permission
 * FORBIDDEN, a state that forbids the act CONFLICT; a failed lookup is a failure.
 */
describe('access gate', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
    c = coders(app);
  });
  afterAll(() => app?.close());

  /** Adds `invitee` to the organization with `role`, through the API. */
  async function join(inviter: Session, organizationId: string, invitee: Session, role: 'ADMIN' | 'MEMBER') {
    const { inviteMember } = ok(await app.gql(INVITE_MEMBER, { org: organizationId, email: invitee.user.email, role }, inviter.accessToken));
    ok(await app.gql(JOIN, { id: inviteMember.id }, invitee.accessToken));
  }

  it('answers a membership lookup that fails with an internal error, never with NOT_FOUND', async () => {
    const { owner, organization } = await a.practice();
    const job = await postJob(app, owner, organization.id, { positions: 2, requiredCredentialTypes: [] });
    const { coder, profile } = await c.verifiedCoder();
    const { submitBid } = ok(await app.gql(BID, { input: { jobPostingId: job.id, rateCents: 400, coverLetter: 'x' } }, coder.accessToken));
    const asks = [
      [ACCEPT, { id: submitBid.id }],
      [`mutation($id: ID!) { rejectBid(id: $id) { id } }`, { id: submitBid.id }],
      [`mutation($id: ID!) { closeJobPosting(id: $id) { id } }`, { id: job.id }],
      [`mutation($job: ID!, $coder: ID!) { inviteCoder(jobPostingId: $job, coderProfileId: $coder) { id } }`, { job: job.id, coder: profile.id }],
      [`query($id: ID!) { matchCoders(jobPostingId: $id) { score } }`, { id: job.id }],
    ] as const;
    // The membership table out of reach stands in for a database outage that hits only that lookup.
    await app.sql('ALTER TABLE memberships RENAME TO memberships_out_of_reach');
    try {
      for (const [doc, variables] of asks) failed(await app.gql(doc, variables, owner.accessToken), 'INTERNAL_SERVER_ERROR');
    } finally {
      await app.sql('ALTER TABLE memberships_out_of_reach RENAME TO memberships');
    }
    // The same calls, with the table back, pass the gate.
    ok(await app.gql(`query($id: ID!) { matchCoders(jobPostingId: $id) { score } }`, { id: job.id }, owner.accessToken));
  });

  it('answers an admin FORBIDDEN, not NOT_FOUND or CONFLICT, for what only the parties or the members may do', async () => {
    const { owner, coder, organizationId, contractId } = await acceptedContract(app, {}, { rateCents: 400 });
    const admin = (await a.admin()).accessToken;
    // Admins read contracts and organizations...
    ok(await app.gql(CONTRACT, { id: contractId }, admin));
    ok(await app.gql(`query($id: ID!) { organization(id: $id) { id members { totalCount } } }`, { id: organizationId }, admin));
    ok(await app.gql(`query($id: ID!) { invoices(contractId: $id) { id } }`, { id: contractId }, admin));
    // ...and act on neither.
    const job = await postJob(app, owner, organizationId, { requiredCredentialTypes: [] });
    const { submitBid } = ok(await app.gql(BID, { input: { jobPostingId: job.id, rateCents: 400, coverLetter: 'x' } }, coder.accessToken));
    const forbidden: [string, Record<string, unknown>][] = [
      [`mutation($id: ID!) { openDispute(contractId: $id, reason: "x") { id } }`, { id: contractId }],
      [`mutation($id: ID!) { sendMessage(contractId: $id, body: "x") { id } }`, { id: contractId }],
      [`query($id: ID!) { messages(contractId: $id) { totalCount } }`, { id: contractId }],
      [`mutation($id: ID!) { leaveReview(contractId: $id, rating: 1) { id } }`, { id: contractId }],
      [`mutation($id: ID!) { signBaa(contractId: $id) { id } }`, { id: contractId }],
      [`query($id: ID!) { documents(contractId: $id) { id } }`, { id: contractId }],
      [`query($id: ID!) { codedBatches(contractId: $id) { edges { node { id } } } }`, { id: contractId }],
      [`mutation($id: ID!) { submitCodedBatch(contractId: $id, input: { encounters: [{ chartRef: "A-1", serviceDate: "2026-11-02", icd10cm: ["I10"] }] }) { id } }`, { id: contractId }],
      [INVITE_MEMBER, { org: organizationId, email: 'x@example.test', role: 'MEMBER' }],
      [`mutation($id: ID!) { closeJobPosting(id: $id) { id } }`, { id: job.id }],
      [`mutation($id: ID!) { rejectBid(id: $id) { id } }`, { id: submitBid.id }],
      [`query($id: ID!) { matchCoders(jobPostingId: $id) { score } }`, { id: job.id }],
      [`query($id: ID!) { jobPosting(id: $id) { bids { totalCount } } }`, { id: job.id }],
    ];
    for (const [doc, variables] of forbidden) expect([doc, (await app.gql(doc, variables, admin)).errors?.map((e) => e.extensions.code)]).toEqual([doc, ['FORBIDDEN']]);
    // Nothing moved: the contract is still ACTIVE, the posting OPEN, the bid PENDING.
    expect(await app.sql('SELECT status FROM contracts WHERE id = $1', [contractId])).toEqual([{ status: 'ACTIVE' }]);
    expect(await app.sql('SELECT status FROM job_postings WHERE id = $1', [job.id])).toEqual([{ status: 'OPEN' }]);
    expect(await app.sql('SELECT status FROM bids WHERE id = $1', [submitBid.id])).toEqual([{ status: 'PENDING' }]);
  });

  it("answers an outsider the same NOT_FOUND for another practice's milestone as for no milestone at all", async () => {
    const { owner, contractId } = await acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 }, { rateCents: 50000 });
    const { createMilestone } = ok(await app.gql(`mutation($id: ID!) { createMilestone(contractId: $id, input: { title: "M", amountCents: 5000 }) { id } }`, { id: contractId }, owner.accessToken));
    const outsider = await a.provider();
    const outsiderCoder = await a.coder();
    for (const [name, token] of [
      ['fundMilestone', outsider],
      ['approveMilestone', outsider],
      ['refundMilestone', outsider],
      ['submitMilestone', outsiderCoder],
    ] as const) {
      const doc = `mutation($id: ID!) { ${name}(id: $id) { __typename } }`;
      const existing = failed(await app.gql(doc, { id: createMilestone.id }, token.accessToken), 'NOT_FOUND');
      const missing = failed(await app.gql(doc, { id: UNKNOWN }, token.accessToken), 'NOT_FOUND');
      expect([name, existing.message]).toEqual([name, missing.message]);
    }
  });

  it('applies one party rule to a contract and to the list of contracts: the coding company managing the coder is on its side, its other members are not', async () => {
    const { owner, organization } = await a.practice();
    const job = await postJob(app, owner, organization.id, { payModel: 'HOURLY', rateCents: 6000 });
    const boss = await a.coder();
    const { createOrganization: company } = ok(await app.gql(`mutation { createOrganization(input: { name: "Gate Coding LLC", kind: CODING_COMPANY }) { id } }`, {}, boss.accessToken));
    const { coder: worker } = await c.verifiedCoder();
    const deputy = await a.coder();
    const colleague = await a.coder();
    const clerk = await a.provider();
    await join(boss, company.id, worker, 'MEMBER');
    await join(boss, company.id, deputy, 'ADMIN');
    await join(boss, company.id, colleague, 'MEMBER');
    await join(owner, organization.id, clerk, 'MEMBER');
    const { submitBid } = ok(await app.gql(BID, { input: { jobPostingId: job.id, rateCents: 400, coverLetter: 'x', organizationId: company.id, assignedCoderId: worker.user.id } }, boss.accessToken));
    // Accepting a bid commits the practice's money and opens its PHI to the coder: an OWNER or ADMIN, never a MEMBER.
    failed(await app.gql(ACCEPT, { id: submitBid.id }, clerk.accessToken), 'FORBIDDEN');
    const { acceptBid: contract } = ok(await app.gql(ACCEPT, { id: submitBid.id }, owner.accessToken));

    const parties = [owner, clerk, worker, boss, deputy];
    const others = [colleague, await a.provider(), await a.coder()];
    for (const party of parties) {
      ok(await app.gql(CONTRACT, { id: contract.id }, party.accessToken));
      expect(ok(await app.gql(MY_CONTRACTS, {}, party.accessToken)).myContracts.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(contract.id);
    }
    for (const other of others) {
      failed(await app.gql(CONTRACT, { id: contract.id }, other.accessToken), 'NOT_FOUND');
      expect(ok(await app.gql(MY_CONTRACTS, {}, other.accessToken)).myContracts.edges).toEqual([]);
    }
    // Each side keeps to its own moves: the company's admin logs work for its coder; the practice's member submits no coded work.
    const today = new Date().toISOString().slice(0, 10);
    const logWork = `mutation($id: ID!, $day: Date!) { logWork(contractId: $id, input: { workedOn: $day, minutes: 30 }) { id } }`;
    ok(await app.gql(logWork, { id: contract.id, day: today }, deputy.accessToken));
    failed(await app.gql(`mutation($id: ID!) { endContract(id: $id) { id } }`, { id: contract.id }, colleague.accessToken), 'NOT_FOUND');
    const submitBatch = `mutation($id: ID!) { submitCodedBatch(contractId: $id, input: { encounters: [{ chartRef: "A-1", serviceDate: "2026-11-02", icd10cm: ["I10"] }] }) { id } }`;
    failed(await app.gql(submitBatch, { id: contract.id }, clerk.accessToken), 'FORBIDDEN');
  });
});
