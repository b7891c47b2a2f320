import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, failed, given, nextYear, ok, postJob, Session } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const SUBMIT = `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id status payModel rateCents coverLetter jobPosting { id } coder { id user { id } } organization { id } } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawBid(id: $id) { id status } }`;
const REJECT = `mutation($id: ID!) { rejectBid(id: $id) { id status } }`;
const MY_BIDS = `{ myBids { totalCount edges { node { id status jobPosting { id title } } } } }`;
const POSTING_BIDS = `query($id: ID!) { jobPosting(id: $id) { id bids { totalCount edges { node { id rateCents coder { id } } } } } }`;
const INVITE = `mutation($job: ID!, $coder: ID!, $message: String) { inviteCoder(jobPostingId: $job, coderProfileId: $coder, message: $message) { id status message coder { id } jobPosting { id } } }`;
const MY_INVITATIONS = `{ myInvitations { totalCount edges { node { id status message jobPosting { id title } } } } }`;
const DECLINE = `mutation($id: ID!) { declineInvitation(id: $id) { id status } }`;
const NOTIFICATIONS = `{ myNotifications { edges { node { kind message data } } } }`;

describe('bids and invitations', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
    c = coders(app);
  });
  afterAll(() => app?.close());

  const bid = (coder: Session, jobPostingId: string, extra: Record<string, unknown> = {}) =>
    app.gql(SUBMIT, { input: { jobPostingId, rateCents: 375, coverLetter: 'Five years of cardiology coding in Epic.', ...extra } }, coder.accessToken);

  async function openJob(overrides: Record<string, unknown> = {}) {
    const { owner, organization } = await a.practice();
    return { owner, organization, job: await postJob(app, owner, organization.id, overrides) };
  }

  describe('submitBid', () => {
    it('places a bid the posting organization sees and outsiders do not', async () => {
      const { owner, job } = await openJob();
      const { coder, profile } = await c.verifiedCoder();
      const placed = ok(await bid(coder, job.id)).submitBid;
      expect(placed).toMatchObject({ status: 'PENDING', payModel: 'PER_CHART', rateCents: 375, jobPosting: { id: job.id }, coder: { id: profile.id }, organization: null });

      const seen = ok(await app.gql(POSTING_BIDS, { id: job.id }, owner.accessToken)).jobPosting.bids;
      expect(seen).toMatchObject({ totalCount: 1, edges: [{ node: { id: placed.id, rateCents: 375, coder: { id: profile.id } } }] });
      // Outsiders (the bidder included: bids belong to the posting's organization) get NOT_FOUND, admins FORBIDDEN.
      for (const [stranger, code] of [
        [await a.provider(), 'NOT_FOUND'],
        [coder, 'NOT_FOUND'],
        [await a.coder(), 'NOT_FOUND'],
        [null, 'NOT_FOUND'],
        [await a.admin(), 'FORBIDDEN'],
      ] as const) {
        const res = await app.gql(POSTING_BIDS, { id: job.id }, stranger?.accessToken);
        expect(res.data?.jobPosting).toEqual({ id: job.id, bids: null });
        expect(res.errors?.map((e) => e.extensions.code)).toEqual([code]);
      }

      expect(ok(await app.gql(MY_BIDS, {}, coder.accessToken)).myBids.edges.map((e: Untyped) => e.node.id)).toEqual([placed.id]);
      const notes = ok(await app.gql(NOTIFICATIONS, {}, owner.accessToken)).myNotifications.edges.map((e: Untyped) => e.node);
      expect(notes).toEqual([{ kind: 'BID_RECEIVED', message: `New bid on "${job.title}"`, data: { jobPostingId: job.id, bidId: placed.id } }]);
    });

    it('refuses a coder without the required verified credential, naming it', async () => {
      const { job } = await openJob({ requiredCredentialTypes: ['CPC', 'CCC'] });
      const { coder } = await c.verifiedCoder({ credentials: ['CPC'] });
      const error = failed(await bid(coder, job.id), 'BAD_USER_INPUT');
      expect(error.message).toMatch(/CCC/);
      expect(error.message).not.toMatch(/CPC,/);

      const pending = await a.coder();
      await c.upsertProfile(pending);
      await c.addCredential(pending, { type: 'CPC', number: 'CPC-P-1', issuedOn: '2020-01-01', expiresOn: nextYear() });
      await c.addCredential(pending, { type: 'CCC', number: 'CCC-P-1', issuedOn: '2020-01-01', expiresOn: nextYear() });
      expect(failed(await bid(pending, job.id), 'BAD_USER_INPUT').message).toMatch(/CPC, CCC/);

      const expired = await a.coder();
      await c.upsertProfile(expired);
      for (const type of ['CPC', 'CCC']) await c.verify((await c.addCredential(expired, { type, number: `${type}-E-1`, issuedOn: '2018-01-01', expiresOn: '2020-01-01' })).id);
      expect(failed(await bid(expired, job.id), 'BAD_USER_INPUT').message).toMatch(/CPC, CCC/);
      expect(await app.sql('SELECT 1 FROM bids WHERE job_posting_id = $1', [job.id])).toHaveLength(0);
    });

    it('allows one live bid per coder, even when fired concurrently', async () => {
      const { job } = await openJob();
      const { coder } = await c.verifiedCoder();
      const results = await Promise.all([1, 2, 3, 4].map(() => bid(coder, job.id)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(3);
      expect(await app.sql('SELECT 1 FROM bids WHERE job_posting_id = $1', [job.id])).toHaveLength(1);
    });

    it('answers CONFLICT on a closed posting and NOT_FOUND on an unknown one', async () => {
      const { owner, job } = await openJob();
      ok(await app.gql(`mutation($id: ID!) { closeJobPosting(id: $id) { id } }`, { id: job.id }, owner.accessToken));
      const { coder } = await c.verifiedCoder();
      failed(await bid(coder, job.id), 'CONFLICT');
      failed(await bid(coder, '00000000-0000-4000-8000-000000000000'), 'NOT_FOUND');
    });

    it('is for coders with a profile, with a rate fitting the pay model', async () => {
      const { owner, job } = await openJob({ requiredCredentialTypes: [] });
      failed(await bid(owner, job.id), 'FORBIDDEN');
      const bare = await a.coder();
      failed(await bid(bare, job.id), 'BAD_USER_INPUT');
      const { coder } = await c.verifiedCoder();
      expect(failed(await bid(coder, job.id, { rateCents: null }), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.rateCents']);
      expect(failed(await bid(coder, job.id, { rateCents: -5 }), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.rateCents']);
      expect(failed(await bid(coder, job.id, { payModel: 'PERCENT_OF_COLLECTIONS' }), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.percentOfCollectionsBps']);
      expect(failed(await bid(coder, job.id, { status: 'ACCEPTED' }), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.status']);
      ok(await bid(coder, job.id, { payModel: 'HOURLY', rateCents: 4200 }));
    });

    it('lets a coding company bid as the company for a member coder', async () => {
      const { owner, job } = await openJob();
      const boss = await a.coder();
      const { createOrganization: company } = ok(await app.gql(`mutation { createOrganization(input: { name: "Precision Coding LLC", kind: CODING_COMPANY }) { id } }`, {}, boss.accessToken));
      const { coder: worker, profile } = await c.verifiedCoder();
      const { inviteMember } = ok(
        await app.gql(
          `mutation($org: ID!, $email: String!) { inviteMember(organizationId: $org, email: $email, role: MEMBER) { id } }`,
          { org: company.id, email: worker.user.email },
          boss.accessToken,
        ),
      );
      ok(await app.gql(`mutation($id: ID!) { acceptMembershipInvitation(id: $id) { id } }`, { id: inviteMember.id }, worker.accessToken));

      const outsiderCoder = (await c.verifiedCoder()).coder;
      expect(failed(await bid(boss, job.id, { organizationId: company.id, assignedCoderId: outsiderCoder.user.id }), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.assignedCoderId']);
      expect(failed(await bid(boss, job.id, { organizationId: company.id }), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.assignedCoderId']);
      failed(await bid(worker, job.id, { organizationId: company.id, assignedCoderId: worker.user.id }), 'FORBIDDEN');

      const placed = ok(await bid(boss, job.id, { organizationId: company.id, assignedCoderId: worker.user.id })).submitBid;
      expect(placed).toMatchObject({ coder: { id: profile.id }, organization: { id: company.id } });
      failed(await bid(worker, job.id), 'CONFLICT');
      expect(ok(await app.gql(MY_BIDS, {}, worker.accessToken)).myBids.totalCount).toBe(1);
      expect(ok(await app.gql(MY_BIDS, {}, boss.accessToken)).myBids.totalCount).toBe(1);
      void owner;
    });
  });

  describe('withdrawBid and rejectBid', () => {
    it('lets the coder withdraw once and then bid again', async () => {
      const { job } = await openJob();
      const { coder } = await c.verifiedCoder();
      const placed = ok(await bid(coder, job.id)).submitBid;
      const other = await a.coder();
      failed(await app.gql(WITHDRAW, { id: placed.id }, other.accessToken), 'NOT_FOUND');
      expect(ok(await app.gql(WITHDRAW, { id: placed.id }, coder.accessToken)).withdrawBid.status).toBe('WITHDRAWN');
      failed(await app.gql(WITHDRAW, { id: placed.id }, coder.accessToken), 'CONFLICT');
      ok(await bid(coder, job.id));
    });

    it("lets only the posting organization's members reject, and notifies the coder", async () => {
      const { owner, job } = await openJob();
      const { coder } = await c.verifiedCoder();
      const placed = ok(await bid(coder, job.id)).submitBid;
      failed(await app.gql(REJECT, { id: placed.id }, (await a.provider()).accessToken), 'NOT_FOUND');
      failed(await app.gql(REJECT, { id: placed.id }, coder.accessToken), 'NOT_FOUND');
      expect(ok(await app.gql(REJECT, { id: placed.id }, owner.accessToken)).rejectBid.status).toBe('REJECTED');
      failed(await app.gql(WITHDRAW, { id: placed.id }, coder.accessToken), 'CONFLICT');
      expect(ok(await app.gql(NOTIFICATIONS, {}, coder.accessToken)).myNotifications.edges[0].node.kind).toBe('BID_REJECTED');
    });
  });

  describe('invitations', () => {
    it('invites a coder, who is notified, sees it, and accepts it by bidding', async () => {
      const { owner, job } = await openJob();
      const { coder, profile } = await c.verifiedCoder();
      const invitation = ok(await app.gql(INVITE, { job: job.id, coder: profile.id, message: 'Your cardiology experience fits.' }, owner.accessToken)).inviteCoder;
      expect(invitation).toMatchObject({ status: 'PENDING', coder: { id: profile.id }, jobPosting: { id: job.id } });
      expect(ok(await app.gql(NOTIFICATIONS, {}, coder.accessToken)).myNotifications.edges[0].node).toMatchObject({
        kind: 'JOB_INVITATION',
        data: { jobPostingId: job.id, invitationId: invitation.id },
      });
      expect(ok(await app.gql(MY_INVITATIONS, {}, coder.accessToken)).myInvitations.edges[0].node).toMatchObject({
        id: invitation.id,
        message: 'Your cardiology experience fits.',
        jobPosting: { id: job.id },
      });
      const onJob = ok(await app.gql(`query($id: ID!) { jobPosting(id: $id) { invitations { totalCount edges { node { id status } } } } }`, { id: job.id }, owner.accessToken));
      expect(onJob.jobPosting.invitations.edges[0].node).toEqual({ id: invitation.id, status: 'PENDING' });
      failed(await app.gql(INVITE, { job: job.id, coder: profile.id }, owner.accessToken), 'CONFLICT');
      ok(await bid(coder, job.id));
      expect(ok(await app.gql(MY_INVITATIONS, {}, coder.accessToken)).myInvitations.edges[0].node.status).toBe('ACCEPTED');
    });

    it('lets the coder decline, and only the coder', async () => {
      const { owner, job } = await openJob();
      const { coder, profile } = await c.verifiedCoder();
      const invitation = ok(await app.gql(INVITE, { job: job.id, coder: profile.id }, owner.accessToken)).inviteCoder;
      failed(await app.gql(DECLINE, { id: invitation.id }, (await a.coder()).accessToken), 'NOT_FOUND');
      expect(ok(await app.gql(DECLINE, { id: invitation.id }, coder.accessToken)).declineInvitation.status).toBe('DECLINED');
      failed(await app.gql(DECLINE, { id: invitation.id }, coder.accessToken), 'CONFLICT');
      expect(ok(await app.gql(NOTIFICATIONS, {}, owner.accessToken)).myNotifications.edges[0].node.kind).toBe('INVITATION_DECLINED');
    });

    it('refuses outsiders, coders, closed postings and unknown profiles', async () => {
      const { owner, job } = await openJob();
      const { coder, profile } = await c.verifiedCoder();
      failed(await app.gql(INVITE, { job: job.id, coder: profile.id }, (await a.provider()).accessToken), 'NOT_FOUND');
      failed(await app.gql(INVITE, { job: job.id, coder: profile.id }, coder.accessToken), 'FORBIDDEN');
      failed(await app.gql(INVITE, { job: job.id, coder: '00000000-0000-4000-8000-000000000000' }, owner.accessToken), 'NOT_FOUND');
      ok(await app.gql(`mutation($id: ID!) { closeJobPosting(id: $id) { id } }`, { id: job.id }, owner.accessToken));
      failed(await app.gql(INVITE, { job: job.id, coder: profile.id }, owner.accessToken), 'CONFLICT');
      const other = await a.provider();
      expect((await app.gql(`query($id: ID!) { jobPosting(id: $id) { invitations { totalCount } } }`, { id: job.id }, other.accessToken)).errors?.[0].extensions.code).toBe('NOT_FOUND');
    });
  });
});
