import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { coders, failed, given, ok, postJob, Session } from './support/given.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

// Lists that grow without bound are forward connections: `first` (1..100), `after` (a cursor of the
// list), `totalCount`, in a stable order; a plain list the API contract names stays beside its connection.
const PAGE = `totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }`;
const OPEN_DISPUTES = `query($first: Int, $after: String) { openDisputes(first: $first, after: $after) { ${PAGE} } }`;
const MY_INVITATIONS = `query($first: Int, $after: String) { myMembershipInvitations(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id role organization { id name } } } } }`;
const CONTRACT_DISPUTES = `query($id: ID!, $first: Int, $after: String) { contract(id: $id) { id disputes { id }
  disputesConnection(first: $first, after: $after) { ${PAGE} } } }`;
const MY_CONTRACTS_DISPUTES = `{ myContracts(first: 10) { edges { node { id disputesConnection(first: 2) { ${PAGE} } } } } }`;
const OPEN_DISPUTE = `mutation($contract: ID!, $reason: String!) { openDispute(contractId: $contract, reason: $reason) { id } }`;
const RESOLVE = `mutation($id: ID!, $input: ResolveDisputeInput!) { resolveDispute(id: $id, input: $input) { id } }`;
const INVITE = `mutation($org: ID!, $email: String!) { inviteMember(organizationId: $org, email: $email, role: MEMBER) { id } }`;
const FORGED = Buffer.from(JSON.stringify(['not-a-date', 'nope'])).toString('base64url');

const ids = (connection: Untyped): string[] => connection.edges.map((edge: Untyped) => edge.node.id);

describe('connections', () => {
  let app: TestApp;
  let admin: Session;
  let statements = 0;

  beforeAll(async () => {
    app = await TestApp.start();
    admin = await given(app).admin();
    // Every statement TypeORM runs goes through the data source's logger.
    const logger = app.app.get(DataSource).logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (...args) => {
      statements++;
      return logQuery(...args);
    };
  });
  afterAll(() => app?.close());

  /** Statements the app runs to answer one request. */
  async function counted<T>(request: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = statements;
    const result = await request();
    return { result, statements: statements - before };
  }

  /** A dispute opened on the contract and (unless `keepOpen`) resolved by an admin, which puts the contract back to ACTIVE. */
  async function dispute(contractId: string, party: Session, keepOpen = false): Promise<string> {
    const { openDispute } = ok(await app.gql<{ openDispute: { id: string } }>(OPEN_DISPUTE, { contract: contractId, reason: 'Charts missing modifiers' }, party.accessToken));
    if (!keepOpen) ok(await app.gql(RESOLVE, { id: openDispute.id, input: { outcome: 'REFUND', note: 'Nothing held' } }, admin.accessToken));
    return openDispute.id;
  }

  describe('openDisputes', () => {
    it('pages through the open disputes, oldest first, with a cursor, and counts them', async () => {
      const opened: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { owner, contractId } = await acceptedContract(app, {}, { rateCents: 400 });
        opened.push(await dispute(contractId, owner, true));
      }
      const all = ok(await app.gql(OPEN_DISPUTES, { first: 100 }, admin.accessToken)).openDisputes;
      expect(ids(all).filter((id) => opened.includes(id))).toEqual(opened);
      expect(all.totalCount).toBe(all.edges.length);

      const first = ok(await app.gql(OPEN_DISPUTES, { first: 2 }, admin.accessToken)).openDisputes;
      expect(ids(first)).toEqual(ids(all).slice(0, 2));
      expect(first.pageInfo).toEqual({ hasNextPage: all.edges.length > 2, endCursor: first.edges[1].cursor });
      const rest = ok(await app.gql(OPEN_DISPUTES, { first: 100, after: first.pageInfo.endCursor }, admin.accessToken)).openDisputes;
      expect(ids(rest)).toEqual(ids(all).slice(2));
      expect(rest.pageInfo.hasNextPage).toBe(false);
    });

    it('refuses a bad page size or cursor naming the argument, and anyone but an admin', async () => {
      expect(failed(await app.gql(OPEN_DISPUTES, { first: 101 }, admin.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['first']);
      expect(failed(await app.gql(OPEN_DISPUTES, { first: 0 }, admin.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['first']);
      expect(failed(await app.gql(OPEN_DISPUTES, { after: FORGED }, admin.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['after']);
      expect(failed(await app.gql(OPEN_DISPUTES, { after: 'bm90LWEtY3Vyc29y' }, admin.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['after']);
      const { owner, coder } = await acceptedContract(app, {}, { rateCents: 400 });
      for (const party of [owner, coder]) failed(await app.gql(OPEN_DISPUTES, {}, party.accessToken), 'FORBIDDEN');
    });
  });

  describe('myMembershipInvitations', () => {
    it('pages through the invitations addressed to the caller, newest first, in a constant number of statements', async () => {
      const inviter = await given(app).provider();
      const invitee = await given(app).provider();
      const stranger = await given(app).provider();
      const invitations: { id: string; organization: { id: string; name: string } }[] = [];
      const once = async () => (await counted(() => app.gql(MY_INVITATIONS, { first: 100 }, invitee.accessToken))).statements;
      for (let i = 0; i < 3; i++) {
        const { organization } = await given(app).practice(inviter, `Practice ${i}`);
        const { inviteMember } = ok(await app.gql<{ inviteMember: { id: string } }>(INVITE, { org: organization.id, email: invitee.user.email }, inviter.accessToken));
        invitations.unshift({ id: inviteMember.id, organization: { id: organization.id, name: organization.name } });
      }
      const withThree = await once();

      const all = ok(await app.gql(MY_INVITATIONS, { first: 100 }, invitee.accessToken)).myMembershipInvitations;
      expect(all.edges.map((edge: Untyped) => edge.node)).toEqual(invitations.map((invitation) => ({ ...invitation, role: 'MEMBER' })));
      expect(all.totalCount).toBe(3);
      const first = ok(await app.gql(MY_INVITATIONS, { first: 2 }, invitee.accessToken)).myMembershipInvitations;
      expect(ids(first)).toEqual(invitations.slice(0, 2).map((invitation) => invitation.id));
      expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1].cursor });
      const rest = ok(await app.gql(MY_INVITATIONS, { first: 2, after: first.pageInfo.endCursor }, invitee.accessToken)).myMembershipInvitations;
      expect(ids(rest)).toEqual([invitations[2].id]);
      expect(rest.pageInfo.hasNextPage).toBe(false);

      // Another user sees none of them, with or without the invitee's cursor.
      const others = ok(await app.gql(MY_INVITATIONS, { first: 100 }, stranger.accessToken)).myMembershipInvitations;
      expect(others).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
      expect(ok(await app.gql(MY_INVITATIONS, { after: first.pageInfo.endCursor }, stranger.accessToken)).myMembershipInvitations.edges).toEqual([]);

      // One more invitation (from another organization) costs no statement: organizations load in one batch.
      const { organization } = await given(app).practice(inviter, 'Practice 3');
      ok(await app.gql(INVITE, { org: organization.id, email: invitee.user.email }, inviter.accessToken));
      expect(await once()).toBe(withThree);
    });

    it('refuses a bad page size or cursor naming the argument', async () => {
      const invitee = await given(app).provider();
      expect(failed(await app.gql(MY_INVITATIONS, { first: 101 }, invitee.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['first']);
      expect(failed(await app.gql(MY_INVITATIONS, { after: FORGED }, invitee.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['after']);
    });
  });

  describe('Contract.disputesConnection', () => {
    it("pages through a contract's disputes, newest first, beside the plain `disputes` list, for its parties only", async () => {
      const { owner, coder, contractId } = await acceptedContract(app, {}, { rateCents: 400 });
      const disputes: string[] = [];
      for (const party of [owner, coder, owner]) disputes.unshift(await dispute(contractId, party));

      for (const party of [owner, coder, admin]) {
        const { contract } = ok(await app.gql(CONTRACT_DISPUTES, { id: contractId, first: 2 }, party.accessToken));
        expect(contract.disputes.map((d: Untyped) => d.id)).toEqual(disputes);
        expect(ids(contract.disputesConnection)).toEqual(disputes.slice(0, 2));
        expect(contract.disputesConnection.totalCount).toBe(3);
        expect(contract.disputesConnection.pageInfo).toEqual({ hasNextPage: true, endCursor: contract.disputesConnection.edges[1].cursor });
        const next = ok(await app.gql(CONTRACT_DISPUTES, { id: contractId, first: 2, after: contract.disputesConnection.pageInfo.endCursor }, party.accessToken)).contract;
        expect(ids(next.disputesConnection)).toEqual([disputes[2]]);
        expect(next.disputesConnection.pageInfo.hasNextPage).toBe(false);
      }

      // Another practice's owner and another coder: NOT_FOUND, nothing of the disputes.
      const other = await acceptedContract(app, {}, { rateCents: 400 });
      for (const stranger of [other.owner, other.coder]) {
        const response = await app.gql(CONTRACT_DISPUTES, { id: contractId, first: 2 }, stranger.accessToken);
        failed(response, 'NOT_FOUND');
        expect(JSON.stringify(response.data)).not.toContain(disputes[0]);
      }
      expect(failed(await app.gql(CONTRACT_DISPUTES, { id: contractId, after: FORGED }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['after']);
      expect(failed(await app.gql(CONTRACT_DISPUTES, { id: contractId, first: 101 }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['first']);
    });

    it("loads the disputes of a page of contracts in a constant number of statements", async () => {
      const { owner, organization } = await given(app).practice();
      const { coder } = await coders(app).verifiedCoder();
      const contract = async () => {
        const posting = await postJob(app, owner, organization.id);
        const { submitBid } = ok(
          await app.gql<{ submitBid: { id: string } }>(
            `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`,
            { input: { jobPostingId: posting.id, coverLetter: 'Ready to start.', rateCents: 400 } },
            coder.accessToken,
          ),
        );
        const { acceptBid } = ok(await app.gql<{ acceptBid: { id: string } }>(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: submitBid.id }, owner.accessToken));
        await dispute(acceptBid.id, owner);
        await dispute(acceptBid.id, coder);
        await dispute(acceptBid.id, owner);
        return acceptBid.id;
      };
      await contract();
      const one = await counted(() => app.gql(MY_CONTRACTS_DISPUTES, {}, owner.accessToken));
      expect(ok(one.result).myContracts.edges.map((e: Untyped) => e.node.disputesConnection.totalCount)).toEqual([3]);
      await contract();
      await contract();
      const three = await counted(() => app.gql(MY_CONTRACTS_DISPUTES, {}, owner.accessToken));
      const pages = ok(three.result).myContracts.edges.map((e: Untyped) => e.node.disputesConnection);
      expect(pages.map((page: Untyped) => [page.edges.length, page.totalCount, page.pageInfo.hasNextPage])).toEqual([
        [2, 3, true],
        [2, 3, true],
        [2, 3, true],
      ]);
      expect(three.statements).toBe(one.statements);
    });
  });
});
