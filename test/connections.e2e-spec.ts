import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { coders, failed, given, ok, postJob, Session, VALID_NPI } from './support/given.js';
import { acceptedContract, backdateContract, signBaa } from './support/money.js';
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
const BATCHES = `query($id: ID!, $first: Int, $after: String) { codedBatches(contractId: $id, first: $first, after: $after) { ${PAGE} } }`;
const CLAIM_STATUS = `query($id: ID!, $first: Int, $after: String) { encounterClaimDataStatus(batchId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { chartRef supplied } } } }`;
const DOCUMENTS = `query($id: ID!, $first: Int, $after: String) { documents(contractId: $id) { id } documentsConnection(contractId: $id, first: $first, after: $after) { ${PAGE} } }`;
const INVOICES = `query($id: ID!, $first: Int, $after: String) { invoices(contractId: $id) { id } invoicesConnection(contractId: $id, first: $first, after: $after) { ${PAGE} } }`;
const SUB_BAAS = `query($o: ID!, $first: Int, $after: String) { subcontractorBaas(organizationId: $o, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id coderId } } } }`;
const MY_ORGANIZATIONS = `query($first: Int, $after: String) { myOrganizations { id } myOrganizationsConnection(first: $first, after: $after) { ${PAGE} } }`;
const SUBMIT = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { id } }`;
const SIGN_SUB = `mutation($o: ID!) { signSubcontractorBaa(organizationId: $o) { id } }`;
const encounter = (chartRef: string) => ({
  chartRef,
  serviceDate: '2026-11-02',
  placeOfService: '11',
  billingNpi: VALID_NPI,
  icd10cm: ['I10'],
  cpt: [{ code: '99214', modifiers: [], units: 1, diagnosisPointers: [1] }],
});
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

    it('loads the disputes of a page of contracts in a constant number of statements', async () => {
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
  /**
   * Pages through `field` of `query` as `viewer`: the first two items, then the rest after the first
   * page's cursor, which must give `expected` (ids, in order) and a total of its length.
   */
  async function pagesThrough(query: string, field: string, variables: Record<string, unknown>, viewer: Session, expected: string[], key = (node: Untyped) => node.id as string) {
    const first = ok(await app.gql(query, { ...variables, first: 2 }, viewer.accessToken))[field];
    expect(first.edges.map((edge: Untyped) => key(edge.node))).toEqual(expected.slice(0, 2));
    expect(first.totalCount).toBe(expected.length);
    expect(first.pageInfo).toEqual({ hasNextPage: expected.length > 2, endCursor: first.edges[1].cursor });
    const rest = ok(await app.gql(query, { ...variables, first: 100, after: first.pageInfo.endCursor }, viewer.accessToken))[field];
    expect(rest.edges.map((edge: Untyped) => key(edge.node))).toEqual(expected.slice(2));
    expect(rest.pageInfo.hasNextPage).toBe(false);
  }

  /** A bad `first` and a forged `after` are BAD_USER_INPUT naming the argument. */
  async function refusesBadPages(query: string, variables: Record<string, unknown>, viewer: Session) {
    expect(failed(await app.gql(query, { ...variables, first: 101 }, viewer.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['first']);
    expect(failed(await app.gql(query, { ...variables, after: FORGED }, viewer.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['after']);
  }

  describe('workroom lists', () => {
    it("codedBatches, encounterClaimDataStatus and documentsConnection page through a contract's work, for its parties only", async () => {
      const { owner, coder, contractId } = await acceptedContract(app, {}, { rateCents: 400 });
      await signBaa(app, contractId, owner, coder);
      const batches: string[] = [];
      for (let i = 0; i < 3; i++) {
        const encounters = i === 0 ? ['A-1', 'A-2', 'A-3'].map(encounter) : [encounter(`B-${i}`)];
        batches.unshift(ok(await app.gql<{ submitCodedBatch: { id: string } }>(SUBMIT, { id: contractId, input: { encounters } }, coder.accessToken)).submitCodedBatch.id);
      }
      const documents: string[] = [];
      for (let i = 0; i < 3; i++) {
        const upload = await app
          .http()
          .post(`/contracts/${contractId}/documents`)
          .set('authorization', `Bearer ${owner.accessToken}`)
          .attach('file', Buffer.from(`chart ${i}`), { filename: `chart-${i}.txt`, contentType: 'text/plain' });
        expect(upload.status).toBe(201);
        documents.unshift(upload.body.id as string);
      }

      for (const party of [owner, coder]) {
        await pagesThrough(BATCHES, 'codedBatches', { id: contractId }, party, batches);
        await pagesThrough(DOCUMENTS, 'documentsConnection', { id: contractId }, party, documents);
        expect(ok(await app.gql(DOCUMENTS, { id: contractId }, party.accessToken)).documents.map((d: Untyped) => d.id)).toEqual(documents);
      }
      // Claim data is the practice's: the batch's encounters, in the batch's order.
      await pagesThrough(CLAIM_STATUS, 'encounterClaimDataStatus', { id: batches[2] }, owner, ['A-1', 'A-2', 'A-3'], (node) => node.chartRef);
      failed(await app.gql(CLAIM_STATUS, { id: batches[2] }, coder.accessToken), 'FORBIDDEN');

      const other = await acceptedContract(app, {}, { rateCents: 400 });
      for (const stranger of [other.owner, other.coder]) {
        for (const [query, id] of [
          [BATCHES, contractId],
          [DOCUMENTS, contractId],
          [CLAIM_STATUS, batches[2]],
        ]) {
          const response = await app.gql(query, { id }, stranger.accessToken);
          failed(response, 'NOT_FOUND');
          expect(response.data).toBeNull();
        }
      }
      for (const query of [BATCHES, DOCUMENTS]) await refusesBadPages(query, { id: contractId }, owner);
      await refusesBadPages(CLAIM_STATUS, { id: batches[2] }, owner);
    });

    it("invoicesConnection pages through a contract's invoices, most recently issued first, beside the plain list", async () => {
      const { owner, coder, contractId } = await acceptedContract(
        app,
        { payModel: 'PERCENT_OF_COLLECTIONS', rateCents: null, percentOfCollectionsBps: 600, workType: 'BILLING' },
        { payModel: 'PERCENT_OF_COLLECTIONS', percentOfCollectionsBps: 500 },
      );
      await backdateContract(app, contractId, 120);
      const invoices: string[] = [];
      for (const month of ['08', '09', '10']) {
        const { reportCollections } = ok(
          await app.gql<{ reportCollections: { id: string } }>(
            `mutation($c: ID!, $s: Date!, $e: Date!) { reportCollections(contractId: $c, periodStart: $s, periodEnd: $e, collectedCents: 400000) { id } }`,
            { c: contractId, s: `2026-${month}-01`, e: `2026-${month}-28` },
            owner.accessToken,
          ),
        );
        invoices.unshift(reportCollections.id);
      }
      for (const party of [owner, coder]) {
        await pagesThrough(INVOICES, 'invoicesConnection', { id: contractId }, party, invoices);
        expect(ok(await app.gql(INVOICES, { id: contractId }, party.accessToken)).invoices.map((i: Untyped) => i.id)).toEqual(invoices);
      }
      const other = await acceptedContract(app, {}, { rateCents: 400 });
      for (const stranger of [other.owner, other.coder]) failed(await app.gql(INVOICES, { id: contractId }, stranger.accessToken), 'NOT_FOUND');
      await refusesBadPages(INVOICES, { id: contractId }, owner);
    });
  });

  describe('organization lists', () => {
    it("subcontractorBaas pages through a coding company's agreements: all for its managers, their own for a coder, none for another company", async () => {
      const boss = await given(app).coder();
      const company = ok(
        await app.gql<{ createOrganization: { id: string } }>(
          `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
          { input: { name: 'Coding Co', kind: 'CODING_COMPANY' } },
          boss.accessToken,
        ),
      ).createOrganization.id;
      const workers: Session[] = [];
      const signed: string[] = [];
      for (let i = 0; i < 3; i++) {
        const worker = await given(app).member(boss, company, 'MEMBER', await given(app).coder());
        workers.push(worker);
        signed.unshift(ok(await app.gql<{ signSubcontractorBaa: { id: string } }>(SIGN_SUB, { o: company }, worker.accessToken)).signSubcontractorBaa.id);
      }
      await pagesThrough(SUB_BAAS, 'subcontractorBaas', { o: company }, boss, signed);
      const own = ok(await app.gql(SUB_BAAS, { o: company, first: 100 }, workers[0].accessToken)).subcontractorBaas;
      expect(own.edges.map((edge: Untyped) => edge.node)).toEqual([{ id: signed[2], coderId: workers[0].user.id }]);
      expect(own.totalCount).toBe(1);

      const otherBoss = await given(app).coder();
      const response = await app.gql(SUB_BAAS, { o: company }, otherBoss.accessToken);
      failed(response, 'NOT_FOUND');
      expect(response.data).toBeNull();
      await refusesBadPages(SUB_BAAS, { o: company }, boss);
    });

    it('myOrganizationsConnection pages through the organizations the caller is an active member of, beside the plain list', async () => {
      const owner = await given(app).provider();
      const organizations: string[] = [];
      for (let i = 0; i < 3; i++) organizations.push((await given(app).practice(owner, `Practice ${i}`)).organization.id);
      await pagesThrough(MY_ORGANIZATIONS, 'myOrganizationsConnection', {}, owner, organizations);
      expect(ok(await app.gql(MY_ORGANIZATIONS, {}, owner.accessToken)).myOrganizations.map((o: Untyped) => o.id)).toEqual(organizations);
      const stranger = await given(app).provider();
      expect(ok(await app.gql(MY_ORGANIZATIONS, { first: 100 }, stranger.accessToken)).myOrganizationsConnection).toEqual({
        totalCount: 0,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: [],
      });
      await refusesBadPages(MY_ORGANIZATIONS, {}, owner);
    });
  });
});
