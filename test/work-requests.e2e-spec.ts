import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkRequestsService } from '../src/workroom/work-requests/work-requests.service.js';
import { coders, failed, given, ok, postJob, Session } from './support/given.js';
import { insertPause } from './support/insert-pause.js';
import { mailbox } from './support/mailbox.js';
import { acceptedContract, backdateContract } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const REQUEST_FIELDS = 'id contractId title chartCount chartsDone chartsAccepted overDelivered dueAt priority status overdue createdAt completedAt cancelledAt contract { id }';
const CREATE = `mutation($id: ID!, $input: CreateWorkRequestInput!) { createWorkRequest(contractId: $id, input: $input) { ${REQUEST_FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelWorkRequest(id: $id) { ${REQUEST_FIELDS} } }`;
const LIST = `query($id: ID!, $status: WorkRequestStatus) { workRequests(contractId: $id, status: $status) { totalCount edges { node { ${REQUEST_FIELDS} } } } }`;
const QUEUE = `query($first: Int, $after: String, $org: ID) { myWorkQueue(first: $first, after: $after, organizationId: $org) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id contractId chartsDone dueAt overdue priority } } } }`;
const SUBMIT = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { id encounterCount workRequestId } }`;
const REVIEW = `mutation($id: ID!) { reviewCodedBatch(batchId: $id, input: { accept: true }) { id status } }`;
const AUDIT = `mutation($id: ID!, $input: AuditCodedBatchInput!) { auditCodedBatch(batchId: $id, input: $input) { id } }`;
const SIGN = `mutation($id: ID!) { signBaa(contractId: $id) { id } }`;
const PERFORMANCE = `query($id: ID!) { contract(id: $id) { id performance {
  onTimeRate completedRequests onTimeRequests overdueRequests medianTurnaroundHours chartsPerWeek auditedAccuracy auditedCharts } } }`;

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
const encounters = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ chartRef: `${prefix}-${i + 1}`, serviceDate: '2026-11-02', icd10cm: ['I10'], cpt: [{ code: '99213', modifiers: [], units: 1, diagnosisPointers: [1] }] }));

describe('work requests and the coder queue', () => {
  let app: TestApp;
  /** A second instance on the same database (the reminders test), closed with the first: closing it ends the first one's database connection too. */
  let second: TestApp | undefined;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await second?.close();
    await app?.close();
  });

  /** A per-chart contract (BAA signed by both parties) between a new practice and a new coder. */
  async function signedContract(job: Record<string, unknown> = {}, bid: Record<string, unknown> = { rateCents: 400 }) {
    const parties = await acceptedContract(app, { requiresBaa: true, ...job }, bid);
    ok(await app.gql(SIGN, { id: parties.contractId }, parties.owner.accessToken));
    ok(await app.gql(SIGN, { id: parties.contractId }, parties.coder.accessToken));
    return parties;
  }

  /** The same coder hired by a further practice: bids on its posting, the practice accepts, both sign the BAA. */
  async function hireAgain(coder: Session) {
    const { owner, organization } = await given(app).practice(undefined, 'Harbor Pediatrics');
    const posting = await postJob(app, owner, organization.id);
    const { submitBid } = ok(
      await app.gql(`mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`, { input: { jobPostingId: posting.id, rateCents: 400, coverLetter: 'Again.' } }, coder.accessToken),
    );
    const { acceptBid } = ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: submitBid.id }, owner.accessToken));
    for (const token of [owner.accessToken, coder.accessToken]) ok(await app.gql(SIGN, { id: acceptBid.id }, token));
    return { owner, contractId: acceptBid.id as string };
  }

  const create = async (token: string, contractId: string, input: Record<string, unknown>) => ok(await app.gql(CREATE, { id: contractId, input }, token)).createWorkRequest as Untyped;
  const submit = async (token: string, contractId: string, input: Record<string, unknown>) => ok(await app.gql(SUBMIT, { id: contractId, input }, token)).submitCodedBatch as Untyped;
  const notificationsOf = (userId: string, kind: string) => app.sql<{ data: Record<string, string> }>('SELECT data FROM notifications WHERE user_id = $1 AND kind = $2', [userId, kind]);

  it('takes a work request from intake to accepted batches that complete it, over-delivery flagged', async () => {
    const { owner, coder, contractId } = await signedContract();
    const request = await create(owner.accessToken, contractId, { title: 'November cardiology clinic', chartCount: 3, dueAt: inHours(48), priority: 'STAT' });
    expect(request).toMatchObject({
      contractId,
      title: 'November cardiology clinic',
      chartCount: 3,
      chartsDone: 0,
      chartsAccepted: 0,
      overDelivered: false,
      priority: 'STAT',
      status: 'OPEN',
      overdue: false,
      completedAt: null,
      contract: { id: contractId },
    });
    expect((await notificationsOf(coder.user.id, 'WORK_REQUESTED')).map((n) => n.data)).toEqual([{ contractId, workRequestId: request.id }]);

    const first = await submit(coder.accessToken, contractId, { encounters: encounters('A', 2), workRequestId: request.id });
    expect(first.workRequestId).toBe(request.id);
    const listed = async () => ok(await app.gql(LIST, { id: contractId }, coder.accessToken)).workRequests.edges[0].node;
    expect(await listed()).toMatchObject({ chartsDone: 2, chartsAccepted: 0, status: 'OPEN' });
    ok(await app.gql(REVIEW, { id: first.id }, owner.accessToken));
    expect(await listed()).toMatchObject({ chartsDone: 2, chartsAccepted: 2, status: 'OPEN', completedAt: null });

    // Two more charts than the one missing: allowed, and flagged.
    const second = await submit(coder.accessToken, contractId, { encounters: encounters('B', 2), workRequestId: request.id });
    expect(await listed()).toMatchObject({ chartsDone: 4, chartsAccepted: 2, overDelivered: true, status: 'OPEN' });
    ok(await app.gql(REVIEW, { id: second.id }, owner.accessToken));
    const done = await listed();
    expect(done).toMatchObject({ chartsDone: 4, chartsAccepted: 4, status: 'COMPLETED', overdue: false });
    expect(done.completedAt).not.toBeNull();

    // A completed request takes no more batches, and cannot be cancelled.
    failed(await app.gql(SUBMIT, { id: contractId, input: { encounters: encounters('C', 1), workRequestId: request.id } }, coder.accessToken), 'CONFLICT');
    failed(await app.gql(CANCEL, { id: request.id }, owner.accessToken), 'CONFLICT');
    // A batch without a request still works.
    expect((await submit(coder.accessToken, contractId, { encounters: encounters('D', 1) })).workRequestId).toBeNull();
  });

  it('is asked for by the practice OWNER or ADMIN only; other practices and coders see nothing of it', async () => {
    const { owner, coder, organizationId, contractId } = await signedContract();
    const admin = await given(app).member(owner, organizationId, 'ADMIN');
    const member = await given(app).member(owner, organizationId, 'MEMBER');
    const stranger = await given(app).practice();
    const { coder: otherCoder } = await coders(app).verifiedCoder();
    const input = { title: 'Week 48', chartCount: 10, dueAt: inHours(30) };

    expect(failed(await app.gql(CREATE, { id: contractId, input }, coder.accessToken), 'FORBIDDEN').message).toMatch(/OWNER or ADMIN/);
    failed(await app.gql(CREATE, { id: contractId, input }, member.accessToken), 'FORBIDDEN');
    failed(await app.gql(CREATE, { id: contractId, input }, stranger.owner.accessToken), 'NOT_FOUND');
    failed(await app.gql(CREATE, { id: contractId, input }, otherCoder.accessToken), 'NOT_FOUND');
    expect(await app.sql('SELECT 1 FROM work_requests WHERE contract_id = $1', [contractId])).toHaveLength(0);

    const request = await create(admin.accessToken, contractId, input);
    // Both parties and the practice's MEMBER read the contract's requests; strangers get NOT_FOUND.
    for (const reader of [owner, admin, member, coder]) expect(ok(await app.gql(LIST, { id: contractId }, reader.accessToken)).workRequests.totalCount).toBe(1);
    for (const outsider of [stranger.owner, otherCoder]) failed(await app.gql(LIST, { id: contractId }, outsider.accessToken), 'NOT_FOUND');
    expect(ok(await app.gql(QUEUE, {}, otherCoder.accessToken)).myWorkQueue.totalCount).toBe(0);
    failed(await app.gql(QUEUE, {}, owner.accessToken), 'FORBIDDEN');

    // Cancelling: the same rule; a stranger cannot tell an existing request from a missing one.
    failed(await app.gql(CANCEL, { id: request.id }, coder.accessToken), 'FORBIDDEN');
    failed(await app.gql(CANCEL, { id: request.id }, member.accessToken), 'FORBIDDEN');
    expect(failed(await app.gql(CANCEL, { id: request.id }, stranger.owner.accessToken), 'NOT_FOUND').message).toBe(
      failed(await app.gql(CANCEL, { id: '00000000-0000-4000-8000-000000000000' }, stranger.owner.accessToken), 'NOT_FOUND').message,
    );
    const cancelled = ok(await app.gql(CANCEL, { id: request.id }, owner.accessToken)).cancelWorkRequest;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', overdue: false });
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(await notificationsOf(coder.user.id, 'WORK_REQUEST_CANCELLED')).toHaveLength(1);
  });

  it('names each bad input field and writes nothing', async () => {
    const { owner, contractId } = await signedContract();
    const good = { title: 'Week 48', chartCount: 10, dueAt: inHours(30), priority: 'NORMAL' };
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'input.title'],
      [{ title: '   ' }, 'input.title'],
      [{ title: 'x'.repeat(201) }, 'input.title'],
      [{ chartCount: 0 }, 'input.chartCount'],
      [{ chartCount: 5001 }, 'input.chartCount'],
      [{ dueAt: inHours(-1) }, 'input.dueAt'],
      [{ dueAt: inHours(24 * 400) }, 'input.dueAt'],
    ];
    for (const [change, field] of cases) {
      const error = failed(await app.gql(CREATE, { id: contractId, input: { ...good, ...change } }, owner.accessToken), 'BAD_USER_INPUT');
      expect({ change, fields: error.extensions.fields }).toEqual({ change, fields: [field] });
    }
    failed(await app.gql(CREATE, { id: contractId, input: { ...good, priority: 'URGENT' } }, owner.accessToken), 'BAD_USER_INPUT');
    failed(await app.gql(CREATE, { id: contractId, input: { ...good, dueAt: 'tomorrow' } }, owner.accessToken), 'BAD_USER_INPUT');
    expect(await app.sql('SELECT 1 FROM work_requests WHERE contract_id = $1', [contractId])).toHaveLength(0);
    // The boundaries themselves are accepted.
    await create(owner.accessToken, contractId, { ...good, title: 'x'.repeat(200), chartCount: 5000 });
    await create(owner.accessToken, contractId, { ...good, chartCount: 1, priority: 'STAT' });
  });

  it('takes requests on ACTIVE per-chart and hourly contracts only', async () => {
    const fixed = await acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 }, { rateCents: 50000 });
    expect(failed(await app.gql(CREATE, { id: fixed.contractId, input: { title: 'x', chartCount: 1, dueAt: inHours(30) } }, fixed.owner.accessToken), 'CONFLICT').message).toMatch(/FIXED_PRICE/);
    const hourly = await acceptedContract(app, { payModel: 'HOURLY', rateCents: 6000 }, { rateCents: 6000 });
    await create(hourly.owner.accessToken, hourly.contractId, { title: 'x', chartCount: 1, dueAt: inHours(30) });
    ok(await app.gql(`mutation($id: ID!) { pauseContract(id: $id) { id } }`, { id: hourly.contractId }, hourly.owner.accessToken));
    expect(failed(await app.gql(CREATE, { id: hourly.contractId, input: { title: 'x', chartCount: 1, dueAt: inHours(30) } }, hourly.owner.accessToken), 'CONFLICT').message).toMatch(/PAUSED/);
  });

  it("refuses a batch naming another contract's request, a missing one, or a cancelled one", async () => {
    const one = await signedContract();
    const other = await hireAgain(one.coder);
    const foreign = await create(other.owner.accessToken, other.contractId, { title: 'Other client', chartCount: 5, dueAt: inHours(30) });
    for (const workRequestId of [foreign.id, '00000000-0000-4000-8000-000000000000']) {
      const error = failed(await app.gql(SUBMIT, { id: one.contractId, input: { encounters: encounters('X', 1), workRequestId } }, one.coder.accessToken), 'BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual(['input.workRequestId']);
    }
    failed(await app.gql(SUBMIT, { id: one.contractId, input: { encounters: encounters('X', 1), workRequestId: 'not-a-uuid' } }, one.coder.accessToken), 'BAD_USER_INPUT');
    const mine = await create(one.owner.accessToken, one.contractId, { title: 'Mine', chartCount: 5, dueAt: inHours(30) });
    ok(await app.gql(CANCEL, { id: mine.id }, one.owner.accessToken));
    failed(await app.gql(SUBMIT, { id: one.contractId, input: { encounters: encounters('X', 1), workRequestId: mine.id } }, one.coder.accessToken), 'CONFLICT');
    expect(await app.sql('SELECT 1 FROM coded_batches WHERE contract_id = $1', [one.contractId])).toHaveLength(0);
  });

  it("lists the coder's open requests across clients, soonest due first, overdue flagged, page by page", async () => {
    const first = await signedContract();
    const coder = first.coder;
    const second = await hireAgain(coder);
    const later = await create(first.owner.accessToken, first.contractId, { title: 'Later', chartCount: 5, dueAt: inHours(72) });
    const soon = await create(second.owner.accessToken, second.contractId, { title: 'Soon', chartCount: 5, dueAt: inHours(5), priority: 'STAT' });
    const late = await create(second.owner.accessToken, second.contractId, { title: 'Late', chartCount: 5, dueAt: inHours(10) });
    const middle = await create(first.owner.accessToken, first.contractId, { title: 'Middle', chartCount: 5, dueAt: inHours(20) });
    const gone = await create(first.owner.accessToken, first.contractId, { title: 'Cancelled', chartCount: 5, dueAt: inHours(1) });
    ok(await app.gql(CANCEL, { id: gone.id }, first.owner.accessToken));
    // `late` passed its due time an hour ago.
    await app.sql(`UPDATE work_requests SET due_at = now() - interval '1 hour' WHERE id = $1`, [late.id]);

    const page1 = ok(await app.gql(QUEUE, { first: 2 }, coder.accessToken)).myWorkQueue;
    expect(page1.totalCount).toBe(4);
    expect(page1.edges.map((e: Untyped) => [e.node.id, e.node.overdue])).toEqual([
      [late.id, true],
      [soon.id, false],
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = ok(await app.gql(QUEUE, { first: 2, after: page1.pageInfo.endCursor }, coder.accessToken)).myWorkQueue;
    expect(page2.edges.map((e: Untyped) => e.node.id)).toEqual([middle.id, later.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(page2.edges.map((e: Untyped) => e.node.contractId)).toEqual([first.contractId, first.contractId]);
    failed(await app.gql(QUEUE, { after: 'garbage' }, coder.accessToken), 'BAD_USER_INPUT');

    // A paused contract's requests leave the queue until it resumes.
    ok(await app.gql(`mutation($id: ID!) { pauseContract(id: $id) { id } }`, { id: second.contractId }, second.owner.accessToken));
    expect(ok(await app.gql(QUEUE, {}, coder.accessToken)).myWorkQueue.edges.map((e: Untyped) => e.node.id)).toEqual([middle.id, later.id]);
  });

  it("shows a coding company's OWNER the requests of its coders' contracts; its MEMBERs only their own", async () => {
    const { owner: practiceOwner, organization } = await given(app).practice();
    const { coder: boss } = await coders(app).verifiedCoder();
    const { coder: worker } = await coders(app).verifiedCoder();
    const company = ok(await app.gql(`mutation { createOrganization(input: { name: "Queue Coding", kind: CODING_COMPANY }) { id } }`, {}, boss.accessToken)).createOrganization.id;
    await given(app).member(boss, company, 'MEMBER', worker);
    const posting = await postJob(app, practiceOwner, organization.id, { requiresBaa: false });
    const { submitBid } = ok(
      await app.gql(
        `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`,
        { input: { jobPostingId: posting.id, rateCents: 400, coverLetter: 'Company.', organizationId: company, assignedCoderId: worker.user.id } },
        boss.accessToken,
      ),
    );
    const contractId = ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: submitBid.id }, practiceOwner.accessToken)).acceptBid.id;
    const request = await create(practiceOwner.accessToken, contractId, { title: 'Company work', chartCount: 5, dueAt: inHours(30) });

    expect(ok(await app.gql(QUEUE, {}, worker.accessToken)).myWorkQueue.edges.map((e: Untyped) => e.node.id)).toEqual([request.id]);
    expect(ok(await app.gql(QUEUE, {}, boss.accessToken)).myWorkQueue.totalCount).toBe(0);
    expect(ok(await app.gql(QUEUE, { org: company }, boss.accessToken)).myWorkQueue.edges.map((e: Untyped) => e.node.id)).toEqual([request.id]);
    failed(await app.gql(QUEUE, { org: company }, worker.accessToken), 'FORBIDDEN');
    const { coder: outsider } = await coders(app).verifiedCoder();
    failed(await app.gql(QUEUE, { org: company }, outsider.accessToken), 'NOT_FOUND');
    expect(await notificationsOf(worker.user.id, 'WORK_REQUESTED')).toHaveLength(1);
  });

  it('keeps the counts right under concurrent submissions and acceptances, and completes once', async () => {
    const { owner, coder, contractId } = await signedContract();
    const request = await create(owner.accessToken, contractId, { title: 'Race', chartCount: 4, dueAt: inHours(30) });
    const batches = await Promise.all(['P', 'Q', 'R', 'S'].map((prefix) => submit(coder.accessToken, contractId, { encounters: encounters(prefix, 1), workRequestId: request.id })));
    expect(batches.every((b) => b.workRequestId === request.id)).toBe(true);
    const reviews = await Promise.all(batches.map((b) => app.gql(REVIEW, { id: b.id }, owner.accessToken)));
    expect(reviews.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    const node = ok(await app.gql(LIST, { id: contractId }, owner.accessToken)).workRequests.edges[0].node;
    expect(node).toMatchObject({ chartsDone: 4, chartsAccepted: 4, status: 'COMPLETED' });

    // The same cancellation twice at once: one wins, the other is told; one notification.
    const other = await create(owner.accessToken, contractId, { title: 'Twice', chartCount: 4, dueAt: inHours(30) });
    const answers = await Promise.all([app.gql(CANCEL, { id: other.id }, owner.accessToken), app.gql(CANCEL, { id: other.id }, owner.accessToken)]);
    expect(answers.map((a) => a.errors?.[0]?.extensions.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect((await notificationsOf(coder.user.id, 'WORK_REQUEST_CANCELLED')).filter((n) => n.data.workRequestId === other.id)).toHaveLength(1);
  });

  it('reminds the coder once before the due time (24 h, STAT 2 h) and once overdue, even with two instances at once', async () => {
    // A second instance on the same database, with the same keys (its mail is sealed for the first one's outbox to open).
    second = await TestApp.start({ JWT_SECRET: app.config.env.JWT_SECRET!, DOCUMENT_ENCRYPTION_KEY: app.config.env.DOCUMENT_ENCRYPTION_KEY! }, app);
    const jobs = app.app.get(WorkRequestsService);
    const otherJobs = second.app.get(WorkRequestsService);
    // Reminders due for the requests of this file's other tests go out first, so the counts below are this test's.
    await jobs.remindDue();
    const { owner, coder, contractId } = await signedContract();
    const stat = await create(owner.accessToken, contractId, { title: 'Stat', chartCount: 2, dueAt: inHours(1.5), priority: 'STAT' });
    const statLater = await create(owner.accessToken, contractId, { title: 'Stat later', chartCount: 2, dueAt: inHours(3), priority: 'STAT' });
    const normal = await create(owner.accessToken, contractId, { title: 'Normal', chartCount: 2, dueAt: inHours(20) });
    const normalLater = await create(owner.accessToken, contractId, { title: 'Normal later', chartCount: 2, dueAt: inHours(30) });
    const remindedOf = async (kind: string) => (await notificationsOf(coder.user.id, kind)).map((n) => n.data.workRequestId).sort();

    const sent = await Promise.all([jobs.remindDue(), otherJobs.remindDue()]);
    expect(sent[0] + sent[1]).toBe(2);
    expect(await remindedOf('WORK_REQUEST_DUE_SOON')).toEqual([stat.id, normal.id].sort());
    await jobs.remindDue();
    expect(await remindedOf('WORK_REQUEST_DUE_SOON')).toHaveLength(2);
    const mails = await mailbox(app).to(coder.user.email);
    const dueMails = mails.filter((m) => m.subject === 'A work request on ChartBridge is due soon');
    expect(dueMails).toHaveLength(2);
    expect(dueMails.map((m) => m.text).join('\n')).not.toMatch(/Stat|Normal/);

    // Passed the due time: one overdue reminder each; of the later ones, the cancelled request is never reminded.
    await app.sql(`UPDATE work_requests SET due_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [[stat.id, normal.id]]);
    const overdueSent = await Promise.all([jobs.remindDue(), otherJobs.remindDue()]);
    expect(overdueSent[0] + overdueSent[1]).toBe(2);
    await jobs.remindDue();
    expect(await remindedOf('WORK_REQUEST_OVERDUE')).toEqual([stat.id, normal.id].sort());
    expect((await mailbox(app).to(coder.user.email)).filter((m) => m.subject === 'A work request on ChartBridge is overdue')).toHaveLength(2);
    ok(await app.gql(CANCEL, { id: statLater.id }, owner.accessToken));
    await app.sql(`UPDATE work_requests SET due_at = now() + interval '1 hour' WHERE id = ANY($1::uuid[])`, [[statLater.id, normalLater.id]]);
    await jobs.remindDue();
    expect(await remindedOf('WORK_REQUEST_DUE_SOON')).toEqual([stat.id, normal.id, normalLater.id].sort());
  });

  it('computes Contract.performance from the data, for both parties, with nulls before there is any', async () => {
    const { owner, coder, contractId } = await signedContract();
    const empty = ok(await app.gql(PERFORMANCE, { id: contractId }, coder.accessToken)).contract.performance;
    expect(empty).toEqual({ onTimeRate: null, completedRequests: 0, onTimeRequests: 0, overdueRequests: 0, medianTurnaroundHours: null, chartsPerWeek: null, auditedAccuracy: null, auditedCharts: 0 });

    // A: 2 charts, completed on time in 10 h; B: 1 chart, completed 30 h after it was made, past its due time; C: open and overdue; D: cancelled (not counted).
    const a = await create(owner.accessToken, contractId, { title: 'A', chartCount: 2, dueAt: inHours(48) });
    const b = await create(owner.accessToken, contractId, { title: 'B', chartCount: 1, dueAt: inHours(48) });
    const c = await create(owner.accessToken, contractId, { title: 'C', chartCount: 9, dueAt: inHours(48) });
    const d = await create(owner.accessToken, contractId, { title: 'D', chartCount: 9, dueAt: inHours(48) });
    ok(await app.gql(CANCEL, { id: d.id }, owner.accessToken));
    const batchA = await submit(coder.accessToken, contractId, { encounters: encounters('A', 2), workRequestId: a.id });
    const batchB = await submit(coder.accessToken, contractId, { encounters: encounters('B', 1), workRequestId: b.id });
    for (const batch of [batchA, batchB]) ok(await app.gql(REVIEW, { id: batch.id }, owner.accessToken));
    ok(await app.gql(AUDIT, { id: batchA.id, input: { sampled: 2, errors: 1, findings: [{ category: 'WRONG_CODE', chartRef: 'A-1', code: '99213' }] } }, owner.accessToken));
    await app.sql(`UPDATE work_requests SET created_at = delivered_at - interval '10 hours' WHERE id = $1`, [a.id]);
    await app.sql(`UPDATE work_requests SET created_at = delivered_at - interval '30 hours', due_at = delivered_at - interval '1 hour' WHERE id = $1`, [b.id]);
    await app.sql(`UPDATE work_requests SET due_at = now() - interval '1 hour' WHERE id = $1`, [c.id]);

    // E: handed in before its due time and accepted after it. The coder's hand-in is what counts: not overdue while
    // the batch waits for review, and on time once accepted, however late the practice reviews.
    const e = await create(owner.accessToken, contractId, { title: 'E', chartCount: 1, dueAt: inHours(48) });
    const batchE = await submit(coder.accessToken, contractId, { encounters: encounters('E', 1), workRequestId: e.id });
    await app.sql(`UPDATE work_requests SET created_at = now() - interval '1 hour', due_at = now() - interval '1 minute' WHERE id = $1`, [e.id]);
    await app.sql(`UPDATE coded_batches SET created_at = now() - interval '2 minutes' WHERE id = $1`, [batchE.id]);
    expect(ok(await app.gql(PERFORMANCE, { id: contractId }, coder.accessToken)).contract.performance.overdueRequests).toBe(1);
    ok(await app.gql(REVIEW, { id: batchE.id }, owner.accessToken));

    const expected = { onTimeRate: 0.5, completedRequests: 3, onTimeRequests: 2, overdueRequests: 1, medianTurnaroundHours: 10, chartsPerWeek: 4, auditedAccuracy: 0.5, auditedCharts: 2 };
    for (const reader of [owner, coder]) expect(ok(await app.gql(PERFORMANCE, { id: contractId }, reader.accessToken)).contract.performance).toEqual(expected);
    // Two weeks into the contract, the 4 charts accepted spread over two weeks; a batch accepted five weeks ago is outside the window.
    await backdateContract(app, contractId, 14);
    const old = await submit(coder.accessToken, contractId, { encounters: encounters('O', 5) });
    ok(await app.gql(REVIEW, { id: old.id }, owner.accessToken));
    await app.sql(`UPDATE coded_batches SET reviewed_at = now() - interval '35 days' WHERE id = $1`, [old.id]);
    expect(ok(await app.gql(PERFORMANCE, { id: contractId }, owner.accessToken)).contract.performance.chartsPerWeek).toBe(2);
    const { coder: stranger } = await coders(app).verifiedCoder();
    failed(await app.gql(PERFORMANCE, { id: contractId }, stranger.accessToken), 'NOT_FOUND');
  });

  // Last in the file: it leaves a pause trigger on notifications (idle once the race is over).
  it('completes a request whose last two batches are accepted at the same moment (held where it used to be lost)', async () => {
    const { owner, coder, contractId } = await signedContract();
    const request = await create(owner.accessToken, contractId, { title: 'Held race', chartCount: 2, dueAt: inHours(30) });
    const [a, b] = [
      await submit(coder.accessToken, contractId, { encounters: encounters('H', 1), workRequestId: request.id }),
      await submit(coder.accessToken, contractId, { encounters: encounters('K', 1), workRequestId: request.id }),
    ];
    // The first acceptance is held at its notification, after it summed the request's charts and before it commits;
    // the second runs meanwhile: it must wait for the first (the request's row lock), or it sums without the first's batch.
    const pause = await insertPause(app, 'notifications', 16_006);
    const { first, second: other } = await pause.race(
      () => app.gql(REVIEW, { id: a.id }, owner.accessToken),
      () => app.gql(REVIEW, { id: b.id }, owner.accessToken),
    );
    expect([first.errors, other.errors]).toEqual([undefined, undefined]);
    const node = ok(await app.gql(LIST, { id: contractId }, owner.accessToken)).workRequests.edges[0].node;
    expect(node).toMatchObject({ chartsAccepted: 2, status: 'COMPLETED' });
  });
});
