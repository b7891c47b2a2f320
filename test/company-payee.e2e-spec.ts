import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxService } from '../src/outbox/outbox.service.js';
import { FakeStripe, fakeStripeEnv } from './support/fake-stripe.js';
import { GraphqlSocket } from './support/graphql-socket.js';
import { coders, failed, given, ok, postJob, Session } from './support/given.js';
import { expectLedgerBalanced, signBaa, subcontractorBaa, webhookSender } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const WEBHOOK_SECRET = 'whsec_test_company_payee';
const CREATE_MILESTONE = `mutation($contract: ID!, $input: CreateMilestoneInput!) { createMilestone(contractId: $contract, input: $input) { id } }`;
const FUND = `mutation($id: ID!) { fundMilestone(id: $id) { clientSecret } }`;
const SUBMIT = `mutation($id: ID!) { submitMilestone(id: $id) { id status } }`;
const APPROVE = `mutation($id: ID!) { approveMilestone(id: $id) { id status } }`;
const ONBOARD = `mutation($org: ID) { startPayoutOnboarding(returnUrl: "https://app.chartbridge.test/payouts/done", refreshUrl: "https://app.chartbridge.test/payouts/retry", organizationId: $org) }`;
const PAYOUT_ACCOUNT = `query($org: ID) { payoutAccount(organizationId: $org) { status payoutsEnabled } }`;
const EARNINGS = `query($org: ID) { myEarnings(organizationId: $org) { pendingCents availableCents paidOutCents } }`;
const PAYEE = `query($id: ID!) { contract(id: $id) { coder { user { id } } codingCompany { id name } payee { kind organization { id } coder { id } payoutAccount { status payoutsEnabled } } } }`;
const REASSIGN = `mutation($contract: ID!, $coder: ID!) { reassignContractCoder(contractId: $contract, coderId: $coder) { id coder { user { id } } } }`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { id } }`;
const SEND = `mutation($id: ID!, $body: String!) { sendMessage(contractId: $id, body: $body) { id } }`;
const SUBMIT_BATCH = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { id } }`;
const AUDIT = `mutation($id: ID!, $input: AuditCodedBatchInput!) { auditCodedBatch(batchId: $id, input: $input) { id } }`;
const REBUT = `mutation($id: ID!, $text: String!) { rebutAuditFinding(findingId: $id, text: $text) { id rebuttal } }`;

const encounters = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    chartRef: `${prefix}-${i + 1}`,
    serviceDate: '2026-11-02',
    icd10cm: ['I10'],
    cpt: [{ code: '99214', modifiers: [], units: 1, diagnosisPointers: [1] }],
    hcpcs: [],
  }));

/**
 * Issue 15, item 5: a coding company bids for its member and is paid as a company (its own Stripe
 * account, its own ledger account), may hand the contract to another member, and audits count for
 * the member who did the work and for the company's aggregate. Every scenario ends with the ledger
 * balanced against the objects it stands for (`expectLedgerBalanced` pays a company contract's
 * releases to `company_payable:<organization>`).
 */
describe('coding companies paid as companies (Stripe SDK against the local fake)', () => {
  const fake = new FakeStripe();
  let app: TestApp;
  let host: string;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;
  const sockets: GraphqlSocket[] = [];

  beforeAll(async () => {
    const port = await fake.start();
    app = await TestApp.start({ ...fakeStripeEnv(port, WEBHOOK_SECRET), PLATFORM_FEE_BPS: '1000' });
    host = await app.listen();
    a = given(app);
    c = coders(app);
  });
  afterEach(() => expectLedgerBalanced(app));
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await app?.close();
    await fake.stop();
  });

  const drain = () => app.app.get(OutboxService).drain();
  const webhook = async (type: string, object: Record<string, unknown>) => expect((await webhookSender(app, WEBHOOK_SECRET)(type, object)).status).toBe(200);

  async function join(boss: Session, companyId: string, member: Session, role: 'MEMBER' | 'ADMIN' = 'MEMBER') {
    const { inviteMember } = ok(
      await app.gql(
        `mutation($org: ID!, $email: String!, $role: MembershipRole!) { inviteMember(organizationId: $org, email: $email, role: $role) { id } }`,
        { org: companyId, email: member.user.email, role },
        boss.accessToken,
      ),
    );
    ok(await app.gql(`mutation($id: ID!) { acceptMembershipInvitation(id: $id) { id } }`, { id: inviteMember.id }, member.accessToken));
  }

  /**
   * A practice hires a coding company: the company (owned by `boss`, with `admin` as ADMIN) bids for
   * its member `worker` on a fixed-price posting requiring a CPC; `spare` is another member with a CPC,
   * `uncertified` a member without one.
   */
  async function companyContract() {
    const { owner, organization } = await a.practice();
    const job = await postJob(app, owner, organization.id, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 300000, requiresBaa: false, requiredCredentialTypes: ['CPC'] });
    const boss = await a.coder({ name: 'Company Owner' });
    const company = ok(await app.gql(`mutation { createOrganization(input: { name: "Precision Coding LLC", kind: CODING_COMPANY }) { id name } }`, {}, boss.accessToken)).createOrganization;
    const worker = await c.verifiedCoder({ name: 'Worker' });
    const spare = await c.verifiedCoder({ name: 'Spare' });
    const uncertified = await c.verifiedCoder({ name: 'Uncertified', credentials: [] });
    const admin = await a.coder({ name: 'Company Admin' });
    for (const member of [worker.coder, spare.coder, uncertified.coder]) await join(boss, company.id, member);
    await join(boss, company.id, admin, 'ADMIN');
    const { submitBid } = ok(
      await app.gql(
        `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`,
        { input: { jobPostingId: job.id, rateCents: 250000, coverLetter: 'Our certified team is ready.', organizationId: company.id, assignedCoderId: worker.coder.user.id } },
        boss.accessToken,
      ),
    );
    const contractId = ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: submitBid.id }, owner.accessToken)).acceptBid.id as string;
    return { owner, boss, admin, company, worker, spare, uncertified, contractId };
  }

  async function fundedMilestone(owner: Session, contractId: string, amountCents: number) {
    const { createMilestone } = ok(await app.gql(CREATE_MILESTONE, { contract: contractId, input: { title: 'Cardiology backlog', amountCents } }, owner.accessToken));
    const { fundMilestone } = ok(await app.gql(FUND, { id: createMilestone.id }, owner.accessToken));
    const intent = fake.objects.get(fundMilestone.clientSecret.split('_secret_')[0])!;
    await webhook('payment_intent.succeeded', { ...intent, status: 'succeeded', amount_received: intent.amount });
    return createMilestone.id as string;
  }

  /** Onboards an account at the fake and lets Stripe enable it (account.updated). */
  async function enable(accountId: string) {
    const account = fake.objects.get(accountId)!;
    account.payouts_enabled = true;
    account.details_submitted = true;
    await webhook('account.updated', { id: account.id, object: 'account' });
  }

  it("pays the company's own Connect account, never the member who works the contract", async () => {
    const { owner, boss, admin, company, worker, contractId } = await companyContract();
    const W = worker.coder;
    expect(ok(await app.gql(PAYEE, { id: contractId }, owner.accessToken)).contract).toEqual({
      coder: { user: { id: W.user.id } },
      codingCompany: { id: company.id, name: company.name },
      payee: { kind: 'ORGANIZATION', organization: { id: company.id }, coder: null, payoutAccount: { status: 'NOT_STARTED', payoutsEnabled: false } },
    });

    // Only the company's OWNER or ADMIN onboards it: its member is refused, a stranger does not see it.
    failed(await app.gql(ONBOARD, { org: company.id }, W.accessToken), 'FORBIDDEN');
    failed(await app.gql(ONBOARD, { org: company.id }, (await a.coder()).accessToken), 'NOT_FOUND');
    failed(await app.gql(PAYOUT_ACCOUNT, { org: company.id }, W.accessToken), 'FORBIDDEN');
    failed(await app.gql(EARNINGS, { org: company.id }, W.accessToken), 'FORBIDDEN');

    // The member has a personal account, enabled: company money must still not go there.
    ok(await app.gql(ONBOARD, {}, W.accessToken));
    const personal = fake.created('acct_fake_').find((x) => x.email === W.user.email)!;
    await enable(personal.id);

    const url = ok(await app.gql(ONBOARD, { org: company.id }, boss.accessToken)).startPayoutOnboarding;
    ok(await app.gql(ONBOARD, { org: company.id }, admin.accessToken));
    const created = fake.calls.filter((x) => x.path === '/v1/accounts' && x.params['metadata[organizationId]'] === company.id);
    expect(created.map((x) => x.idempotencyKey)).toEqual([`account:organization:${company.id}`]);
    expect(created[0].params).toMatchObject({ type: 'express', business_type: 'company', 'company[name]': company.name, 'capabilities[transfers][requested]': 'true' });
    const companyAccount = fake.created('acct_fake_').find((x) => x.metadata.organizationId === company.id)!;
    expect(url).toContain(`/setup/e/${companyAccount.id}/`);
    expect(ok(await app.gql(PAYOUT_ACCOUNT, { org: company.id }, admin.accessToken)).payoutAccount).toEqual({ status: 'ONBOARDING', payoutsEnabled: false });

    const milestoneId = await fundedMilestone(owner, contractId, 100000);
    expect(ok(await app.gql(EARNINGS, { org: company.id }, boss.accessToken)).myEarnings).toEqual({ pendingCents: 90000, availableCents: 0, paidOutCents: 0 });
    expect(ok(await app.gql(EARNINGS, {}, W.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 0, paidOutCents: 0 });
    expect(ok(await app.gql(SUBMIT, { id: milestoneId }, W.accessToken)).submitMilestone.status).toBe('SUBMITTED');
    expect(ok(await app.gql(APPROVE, { id: milestoneId }, owner.accessToken)).approveMilestone.status).toBe('RELEASED');

    // Released to the company, which cannot receive transfers yet: the transfer waits, the member's account is not used.
    await drain();
    expect(fake.calls.filter((x) => x.path === '/v1/transfers')).toHaveLength(0);
    expect(ok(await app.gql(EARNINGS, { org: company.id }, admin.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 90000, paidOutCents: 0 });
    expect(ok(await app.gql(EARNINGS, {}, W.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 0, paidOutCents: 0 });

    await enable(companyAccount.id);
    await drain();
    const transfers = fake.calls.filter((x) => x.path === '/v1/transfers');
    expect(transfers).toEqual([
      expect.objectContaining({
        idempotencyKey: `transfer:milestone:${milestoneId}`,
        params: expect.objectContaining({ amount: '90000', destination: companyAccount.id, transfer_group: `contract:${contractId}` }),
      }),
    ]);
    expect(ok(await app.gql(EARNINGS, { org: company.id }, boss.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 0, paidOutCents: 90000 });
    expect(ok(await app.gql(EARNINGS, {}, W.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 0, paidOutCents: 0 });
    expect(ok(await app.gql(PAYEE, { id: contractId }, W.accessToken)).contract.payee.payoutAccount).toEqual({ status: 'ENABLED', payoutsEnabled: true });
    const accounts = await app.sql<{ account: string; cents: string }>(
      `SELECT e.account, sum(e.amount_cents)::text AS cents FROM ledger_entries e JOIN ledger_journals j ON j.id = e.journal_id WHERE j.contract_id = $1 AND e.account LIKE '%payable:%' GROUP BY e.account`,
      [contractId],
    );
    expect(accounts).toEqual([{ account: `company_payable:${company.id}`, cents: '0' }]);
  });

  it("pays the company its share when an admin settles a dispute on the company's contract", async () => {
    const { owner, boss, company, contractId } = await companyContract();
    await fundedMilestone(owner, contractId, 50000);
    const { openDispute } = ok(await app.gql(`mutation($id: ID!) { openDispute(contractId: $id, reason: "Rework needed") { id } }`, { id: contractId }, owner.accessToken));
    const adminSession = await a.admin();
    ok(await app.gql(`mutation($id: ID!) { resolveDispute(id: $id, input: { outcome: SPLIT, coderCents: 30000 }) { id } }`, { id: openDispute.id }, adminSession.accessToken));
    expect(ok(await app.gql(EARNINGS, { org: company.id }, boss.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 27000, paidOutCents: 0 });
    const [job] = await app.sql<{ payload: Untyped }>(`SELECT payload FROM outbox_jobs WHERE idempotency_key = $1`, [`transfer:dispute:${openDispute.id}`]);
    expect(job.payload).toMatchObject({ payee: { kind: 'ORGANIZATION', id: company.id }, amountCents: 27000 });
  });

  it("lets only the company's OWNER or ADMIN reassign, to an active member holding the required credentials; the old coder loses the contract at once", async () => {
    const { owner, boss, admin, worker, spare, uncertified, contractId } = await companyContract();
    const W = worker.coder;
    const S = spare.coder;
    const other = await companyContract();
    const reassign = (coder: string, session: Session) => app.gql(REASSIGN, { contract: contractId, coder }, session.accessToken);

    failed(await reassign(S.user.id, other.boss), 'NOT_FOUND');
    failed(await reassign(S.user.id, await a.coder()), 'NOT_FOUND');
    failed(await reassign(S.user.id, W), 'FORBIDDEN');
    failed(await reassign(S.user.id, S), 'NOT_FOUND');
    failed(await reassign(S.user.id, owner), 'FORBIDDEN');
    failed(await reassign(S.user.id, await a.admin()), 'FORBIDDEN');
    expect(failed(await reassign(other.worker.coder.user.id, boss), 'BAD_USER_INPUT').extensions.fields).toEqual(['coderId']);
    expect(failed(await reassign(uncertified.coder.user.id, boss), 'BAD_USER_INPUT').extensions.fields).toEqual(['coderId']);
    expect(failed(await reassign('not-a-uuid', boss), 'BAD_USER_INPUT').extensions.fields).toEqual(['coderId']);
    failed(await reassign(W.user.id, boss), 'CONFLICT');

    // The working coder is subscribed to the contract's messages.
    const socket = await GraphqlSocket.connect(host, W.accessToken);
    sockets.push(socket);
    socket.subscribe('m', `subscription($id: ID!) { messageAdded(contractId: $id) { body } }`, { id: contractId });
    ok(await app.gql(SEND, { id: contractId, body: 'before' }, owner.accessToken));
    expect((await socket.answer('m'))?.payload?.data?.messageAdded.body).toBe('before');

    // Three racing reassignments to the same member: one happens.
    const results = await Promise.all([boss, boss, admin].map((session) => reassign(S.user.id, session)));
    expect(results.filter((r) => !r.errors).map((r) => r.data!.reassignContractCoder.coder.user.id)).toEqual([S.user.id]);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions.code)).toEqual(['CONFLICT', 'CONFLICT']);

    // The previous coder lost it, live subscription included; the new one has it.
    failed(await app.gql(CONTRACT, { id: contractId }, W.accessToken), 'NOT_FOUND');
    failed(await app.gql(SEND, { id: contractId, body: 'still here?' }, W.accessToken), 'NOT_FOUND');
    expect(ok(await app.gql(`{ myContracts { totalCount } }`, {}, W.accessToken)).myContracts.totalCount).toBe(0);
    ok(await app.gql(SEND, { id: contractId, body: 'after' }, owner.accessToken));
    const answers = () => socket.messages.filter((m) => m.id === 'm').slice(1);
    expect(await socket.waitFor(() => answers().some((m) => m.type === 'complete'))).toBeDefined();
    expect(answers().map((m) => [m.type, m.payload?.errors?.[0]?.extensions?.code ?? null])).toEqual([
      ['next', 'NOT_FOUND'],
      ['complete', null],
    ]);
    expect(ok(await app.gql(CONTRACT, { id: contractId }, S.accessToken)).contract.id).toBe(contractId);
    ok(await app.gql(SEND, { id: contractId, body: 'hello from the new coder' }, S.accessToken));
    expect(ok(await app.gql(PAYEE, { id: contractId }, S.accessToken)).contract).toMatchObject({ coder: { user: { id: S.user.id } }, payee: { kind: 'ORGANIZATION' } });
    for (const session of [W, S]) {
      const kinds = ok(await app.gql(`{ myNotifications { edges { node { kind data } } } }`, {}, session.accessToken)).myNotifications.edges.map((e: Untyped) => e.node);
      expect(kinds).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'CONTRACT_REASSIGNED', data: expect.objectContaining({ contractId }) })]));
    }
    // The company's ADMIN may give it back.
    expect(ok(await reassign(W.user.id, admin)).reassignContractCoder.coder.user.id).toBe(W.user.id);
  });

  it('counts each audit for the coder who did the work, and all of them for the company', async () => {
    const { owner, boss, admin, company, worker, spare, contractId } = await companyContract();
    // PHI: the BAA, and each coder's subcontractor BAA with the company.
    await signBaa(app, contractId, owner, boss);
    for (const member of [worker.coder, spare.coder]) await subcontractorBaa(app, company.id, member, boss);
    const batchBy = async (coder: Session, prefix: string) =>
      ok(await app.gql(SUBMIT_BATCH, { id: contractId, input: { encounters: encounters(prefix, 16) } }, coder.accessToken)).submitCodedBatch.id as string;
    const first = await batchBy(worker.coder, 'W');
    ok(await app.gql(REASSIGN, { contract: contractId, coder: spare.coder.user.id }, boss.accessToken));
    const second = await batchBy(spare.coder, 'S');
    // Audited after the reassignment: the first batch still counts for the coder who submitted it.
    // The coder's own company cannot audit its members' work (nor can its members): refused, nothing recorded.
    const insiders = [];
    for (const insider of [boss, admin, worker.coder, spare.coder])
      insiders.push((await app.gql(AUDIT, { id: first, input: { sampled: 16, errors: 0 } }, insider.accessToken)).errors?.map((e) => e.extensions.code));
    // (The worker was reassigned away: the contract is no longer theirs to read.)
    expect(insiders).toEqual([['FORBIDDEN'], ['FORBIDDEN'], ['NOT_FOUND'], ['FORBIDDEN']]);
    expect(await app.sql(`SELECT audited_at FROM coded_batches WHERE id = $1`, [first])).toEqual([{ audited_at: null }]);
    const findings = [
      { category: 'WRONG_CODE', chartRef: 'W-1', code: '99214' },
      { category: 'MODIFIER', chartRef: 'W-2', code: '99214' },
    ];
    const audited = ok(await app.gql(`${AUDIT.replace('{ id }', '{ id auditFindings { id } }')}`, { id: first, input: { sampled: 16, errors: 2, findings } }, owner.accessToken)).auditCodedBatch;
    // Only the coder who coded the batch rebuts its findings: the company's OWNER and ADMIN cannot use up that one rebuttal.
    // The member now on the contract did not code it either (test/audits.e2e-spec.ts: the coder who did rebuts).
    const [finding] = audited.auditFindings as { id: string }[];
    for (const insider of [boss, admin, spare.coder]) failed(await app.gql(REBUT, { id: finding.id, text: 'The company answers for its coder' }, insider.accessToken), 'FORBIDDEN');
    expect(await app.sql(`SELECT id FROM audit_findings WHERE batch_id = $1 AND rebutted_at IS NOT NULL`, [first])).toEqual([]);
    ok(await app.gql(AUDIT, { id: second, input: { sampled: 16, errors: 0 } }, owner.accessToken));

    const accuracy = async (profileId: string) =>
      ok(await app.gql(`query($id: ID!) { coderProfile(id: $id) { accuracyScore accuracySampleSize accuracyBySpecialty { sampled errors } } }`, { id: profileId })).coderProfile;
    const aggregate = `{ accuracyScore auditedCharts }`;
    // Nobody has paid on the contract yet (a friend posing as a practice would never pay): the audits are
    // recorded and both parties see them, but they publish nothing, for the coders or for the company.
    for (const member of [worker, spare]) expect(await accuracy(member.profile.id)).toEqual({ accuracyScore: null, accuracySampleSize: 0, accuracyBySpecialty: [] });
    expect(ok(await app.gql(`query($id: ID!) { organization(id: $id) ${aggregate} }`, { id: company.id }, boss.accessToken)).organization).toEqual({ accuracyScore: null, auditedCharts: 0 });
    expect(ok(await app.gql(`query($id: ID!) { codedBatch(id: $id) { auditSampled auditErrors } }`, { id: first }, owner.accessToken)).codedBatch).toEqual({ auditSampled: 16, auditErrors: 2 });
    expect(ok(await app.gql(`query($id: ID!) { codedBatch(id: $id) { auditSampled auditErrors } }`, { id: second }, boss.accessToken)).codedBatch).toEqual({ auditSampled: 16, auditErrors: 0 });

    // The practice pays (a milestone funded and released to the company): the audits count from then on.
    const milestoneId = await fundedMilestone(owner, contractId, 100000);
    expect(ok(await app.gql(APPROVE, { id: milestoneId }, owner.accessToken)).approveMilestone.status).toBe('RELEASED');

    // 16 charts each: under ACCURACY_MIN_SAMPLE (30), so no coder's accuracy is published; the company's 32 are.
    expect(await accuracy(worker.profile.id)).toEqual({ accuracyScore: null, accuracySampleSize: 16, accuracyBySpecialty: [{ sampled: 16, errors: 2 }] });
    expect(await accuracy(spare.profile.id)).toEqual({ accuracyScore: null, accuracySampleSize: 16, accuracyBySpecialty: [{ sampled: 16, errors: 0 }] });
    expect(ok(await app.gql(`query($id: ID!) { contract(id: $id) { codingCompany ${aggregate} organization ${aggregate} } }`, { id: contractId }, owner.accessToken)).contract).toEqual({
      codingCompany: { accuracyScore: 0.9375, auditedCharts: 32 },
      organization: { accuracyScore: null, auditedCharts: 0 },
    });
    expect(ok(await app.gql(`query($id: ID!) { organization(id: $id) ${aggregate} }`, { id: company.id }, boss.accessToken)).organization).toEqual({ accuracyScore: 0.9375, auditedCharts: 32 });
  }, 90_000); // two audits, then a milestone funded and released: long on a loaded machine
});
