import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, given, ok, postJob } from './support/given.js';
import { acceptedContract, paidContract } from './support/money.js';
import { TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';
import type { Untyped } from './support/untyped.js';

const REPUTATION = 'id paymentVerified totalPaidCents contractsCount paidContractsCount postingsCount hireRate rating reviewCount';
const LEAVE = `mutation($id: ID!, $rating: Int!) { leaveReview(contractId: $id, rating: $rating) { published } }`;
const END = `mutation($id: ID!) { endContract(id: $id) { status } }`;

describe('client reputation', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app?.close());

  it('shows coders what a practice paid, hired and was rated, and another practice nothing of it', async () => {
    // A practice that paid 200.00 on a contract, posted a second job it did not fill, and was reviewed by its coder.
    const paid = await paidContract(app, 20000);
    const [firstPosting] = await app.sql<{ job_posting_id: string }>('SELECT job_posting_id FROM contracts WHERE id = $1', [paid.contractId]);
    await postJob(app, paid.owner, paid.organizationId);
    ok(await app.gql(END, { id: paid.contractId }, paid.owner.accessToken));
    ok(await app.gql(LEAVE, { id: paid.contractId, rating: 2 }, paid.owner.accessToken)); // the practice's review of the coder: not the practice's rating
    expect(ok(await app.gql<{ leaveReview: Untyped }>(LEAVE, { id: paid.contractId, rating: 4 }, paid.coder.accessToken)).leaveReview.published).toBe(true);

    // A practice that posted and never paid.
    const { owner, organization } = await given(app).practice(undefined, 'Unpaid Clinic');
    const unpaidPosting = await postJob(app, owner, organization.id);

    // A coder looks at both postings in one request.
    const { coder } = await coders(app).verifiedCoder();
    const data = ok(
      await app.gql<{ paid: Untyped; unpaid: Untyped }>(
        `query($a: ID!, $b: ID!) { paid: jobPosting(id: $a) { organization { ${REPUTATION} } } unpaid: jobPosting(id: $b) { organization { ${REPUTATION} } } }`,
        { a: firstPosting.job_posting_id, b: unpaidPosting.id },
        coder.accessToken,
      ),
    );
    expect(data.paid.organization).toEqual({
      id: paid.organizationId,
      paymentVerified: true,
      totalPaidCents: 20000,
      contractsCount: 1,
      paidContractsCount: 1,
      postingsCount: 2,
      hireRate: 0.5,
      rating: 4,
      reviewCount: 1,
    });
    expect(data.unpaid.organization).toEqual({
      id: organization.id,
      paymentVerified: false,
      totalPaidCents: 0,
      contractsCount: 0,
      paidContractsCount: 0,
      postingsCount: 1,
      hireRate: 0,
      rating: null,
      reviewCount: 0,
    });
    // Anonymous visitors see the same figures on the public posting.
    expect(
      ok(await app.gql<{ jobPosting: Untyped }>(`query($a: ID!) { jobPosting(id: $a) { organization { ${REPUTATION} } } }`, { a: unpaidPosting.id })).jobPosting.organization.paymentVerified,
    ).toBe(false);
  });

  it('counts no hire nobody paid on: a friend hired on postings, money funded but never released, lends the hire rate nothing', async () => {
    // A practice (or a coder's friend posing as one) hires on its posting and never pays.
    const hired = await acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 }, { rateCents: 50000 });
    // Money funded in escrow but not released is not money the coder got either.
    const { createMilestone } = ok(
      await app.gql(
        `mutation($c: ID!, $input: CreateMilestoneInput!) { createMilestone(contractId: $c, input: $input) { id } }`,
        { c: hired.contractId, input: { title: 'Held', amountCents: 30000 } },
        hired.owner.accessToken,
      ),
    );
    ok(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: createMilestone.id }, hired.owner.accessToken));
    await eventually(async () => (await app.sql<{ status: string }>('SELECT status FROM milestones WHERE id = $1', [createMilestone.id]))[0].status === 'FUNDED', 'milestone funded');
    const { coder } = await coders(app).verifiedCoder();
    const [{ job_posting_id: postingId }] = await app.sql<{ job_posting_id: string }>('SELECT job_posting_id FROM contracts WHERE id = $1', [hired.contractId]);
    // What a coder sees on the posting.
    const read = async () =>
      ok(await app.gql<{ jobPosting: Untyped }>(`query($id: ID!) { jobPosting(id: $id) { organization { ${REPUTATION} } } }`, { id: postingId }, coder.accessToken)).jobPosting.organization;
    expect(await read()).toEqual({
      id: hired.organizationId,
      paymentVerified: true,
      totalPaidCents: 0,
      contractsCount: 1,
      paidContractsCount: 0,
      postingsCount: 1,
      hireRate: 0,
      rating: null,
      reviewCount: 0,
    });
    // Released to the coder: now it is a hire, and money paid.
    ok(await app.gql(`mutation($id: ID!) { approveMilestone(id: $id) { status } }`, { id: createMilestone.id }, hired.owner.accessToken));
    expect(await read()).toMatchObject({ totalPaidCents: 30000, contractsCount: 1, paidContractsCount: 1, hireRate: 1 });
  });

  it('counts a review only once published, and nothing before the first posting', async () => {
    const paid = await paidContract(app, 12345);
    ok(await app.gql(END, { id: paid.contractId }, paid.owner.accessToken));
    // The coder's review alone stays blind (double-blind window): it does not count yet.
    expect(ok(await app.gql<{ leaveReview: Untyped }>(LEAVE, { id: paid.contractId, rating: 1 }, paid.coder.accessToken)).leaveReview.published).toBe(false);
    const { organization } = ok(await app.gql<{ organization: Untyped }>(`query($id: ID!) { organization(id: $id) { ${REPUTATION} } }`, { id: paid.organizationId }, paid.owner.accessToken));
    expect(organization).toMatchObject({ paymentVerified: true, totalPaidCents: 12345, contractsCount: 1, paidContractsCount: 1, postingsCount: 1, hireRate: 1, rating: null, reviewCount: 0 });

    const fresh = await given(app).practice(undefined, 'New Clinic');
    const { organization: empty } = ok(await app.gql<{ organization: Untyped }>(`query($id: ID!) { organization(id: $id) { ${REPUTATION} } }`, { id: fresh.organization.id }, fresh.owner.accessToken));
    expect(empty).toEqual({
      id: fresh.organization.id,
      paymentVerified: false,
      totalPaidCents: 0,
      contractsCount: 0,
      paidContractsCount: 0,
      postingsCount: 0,
      hireRate: null,
      rating: null,
      reviewCount: 0,
    });
  });
});
