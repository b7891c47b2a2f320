import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, failed, given, ok, postJob, Session } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const SUBMIT = `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptBid(id: $id) { id status payModel rateCents platformFeeBps jobPosting { id status positionsFilled } coder { id } organization { id } } }`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { id status } }`;
const MY_CONTRACTS = `{ myContracts { totalCount edges { node { id } } } }`;
const END = `mutation($id: ID!) { endContract(id: $id) { id status } }`;
const BIDS = `query($id: ID!) { jobPosting(id: $id) { status bids { edges { node { id status } } } } }`;

describe('contracts', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;

  beforeAll(async () => {
    app = await TestApp.start({ PLATFORM_FEE_BPS: '1200' });
    a = given(app);
    c = coders(app);
  });
  afterAll(() => app?.close());

  async function jobWithBids(bidders: number, overrides: Record<string, unknown> = {}) {
    const { owner, organization } = await a.practice();
    const job = await postJob(app, owner, organization.id, overrides);
    const bids: { id: string; coder: Session; profileId: string }[] = [];
    for (let i = 0; i < bidders; i++) {
      const { coder, profile } = await c.verifiedCoder();
      const { submitBid } = ok(await app.gql(SUBMIT, { input: { jobPostingId: job.id, rateCents: 380 + i, coverLetter: 'Ready to start.' } }, coder.accessToken));
      bids.push({ id: submitBid.id, coder, profileId: profile.id });
    }
    return { owner, organization, job, bids };
  }

  it('accepts a bid into a contract with the fee frozen, fills the posting and declines the other bids', async () => {
    const { owner, organization, job, bids } = await jobWithBids(3);
    const { acceptBid } = ok(await app.gql(ACCEPT, { id: bids[1].id }, owner.accessToken));
    expect(acceptBid).toMatchObject({
      status: 'ACTIVE',
      payModel: 'PER_CHART',
      rateCents: 381,
      platformFeeBps: 1200,
      jobPosting: { id: job.id, status: 'FILLED', positionsFilled: 1 },
      coder: { id: bids[1].profileId },
      organization: { id: organization.id },
    });
    const statuses = ok(await app.gql(BIDS, { id: job.id }, owner.accessToken)).jobPosting.bids.edges.map((e: Untyped) => [e.node.id, e.node.status]);
    expect(Object.fromEntries(statuses)).toEqual({ [bids[0].id]: 'DECLINED', [bids[1].id]: 'ACCEPTED', [bids[2].id]: 'DECLINED' });

    const kinds = async (s: Session) => ok(await app.gql(`{ myNotifications { edges { node { kind } } } }`, {}, s.accessToken)).myNotifications.edges.map((e: Untyped) => e.node.kind);
    expect(await kinds(bids[1].coder)).toContain('BID_ACCEPTED');
    expect(await kinds(bids[0].coder)).toContain('BID_DECLINED');
    expect(await kinds(owner)).toContain('CONTRACT_STARTED');

    for (const party of [owner, bids[1].coder]) {
      expect(ok(await app.gql(CONTRACT, { id: acceptBid.id }, party.accessToken)).contract.status).toBe('ACTIVE');
      expect(ok(await app.gql(MY_CONTRACTS, {}, party.accessToken)).myContracts.edges.map((e: Untyped) => e.node.id)).toEqual([acceptBid.id]);
    }
    failed(await app.gql(ACCEPT, { id: bids[0].id }, owner.accessToken), 'CONFLICT');
  });

  it('makes exactly one contract per position when accepts race', async () => {
    const { owner, job, bids } = await jobWithBids(5, { positions: 2 });
    const results = await Promise.all(bids.map((b) => app.gql(ACCEPT, { id: b.id }, owner.accessToken)));
    expect(results.filter((r) => !r.errors)).toHaveLength(2);
    expect(results.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(3);
    expect(await app.sql('SELECT 1 FROM contracts WHERE job_posting_id = $1', [job.id])).toHaveLength(2);
    const [posting] = await app.sql<{ status: string; positions_filled: number }>('SELECT status, positions_filled FROM job_postings WHERE id = $1', [job.id]);
    expect(posting).toEqual({ status: 'FILLED', positions_filled: 2 });
  });

  it('never makes two contracts for one bid accepted concurrently', async () => {
    const { owner, job, bids } = await jobWithBids(1, { positions: 3 });
    const results = await Promise.all([1, 2, 3, 4].map(() => app.gql(ACCEPT, { id: bids[0].id }, owner.accessToken)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(await app.sql('SELECT 1 FROM contracts WHERE bid_id = $1', [bids[0].id])).toHaveLength(1);
    const [posting] = await app.sql<{ status: string; positions_filled: number }>('SELECT status, positions_filled FROM job_postings WHERE id = $1', [job.id]);
    expect(posting).toEqual({ status: 'OPEN', positions_filled: 1 });
  });

  it('lets only members of the posting organization accept', async () => {
    const { bids } = await jobWithBids(1);
    failed(await app.gql(ACCEPT, { id: bids[0].id }, (await a.provider()).accessToken), 'NOT_FOUND');
    failed(await app.gql(ACCEPT, { id: bids[0].id }, bids[0].coder.accessToken), 'FORBIDDEN');
    failed(await app.gql(ACCEPT, { id: '00000000-0000-4000-8000-000000000000' }, (await a.provider()).accessToken), 'NOT_FOUND');
  });

  it('answers NOT_FOUND to outsiders reading a contract, and lets either party end it once', async () => {
    const { owner, bids } = await jobWithBids(1);
    const { acceptBid } = ok(await app.gql(ACCEPT, { id: bids[0].id }, owner.accessToken));
    for (const outsider of [await a.provider(), await a.coder()]) {
      failed(await app.gql(CONTRACT, { id: acceptBid.id }, outsider.accessToken), 'NOT_FOUND');
      failed(await app.gql(END, { id: acceptBid.id }, outsider.accessToken), 'NOT_FOUND');
      expect(ok(await app.gql(MY_CONTRACTS, {}, outsider.accessToken)).myContracts.totalCount).toBe(0);
    }
    expect(ok(await app.gql(CONTRACT, { id: acceptBid.id }, (await a.admin()).accessToken)).contract.id).toBe(acceptBid.id);
    expect(ok(await app.gql(END, { id: acceptBid.id }, bids[0].coder.accessToken)).endContract.status).toBe('ENDED');
    failed(await app.gql(END, { id: acceptBid.id }, owner.accessToken), 'CONFLICT');
  });
});
