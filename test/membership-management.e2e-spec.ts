import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, failed, given, ok, postJob, Session } from './support/given.js';
import { GraphqlSocket } from './support/graphql-socket.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const INVITE = `mutation($org: ID!, $email: String!, $role: MembershipRole!) { inviteMember(organizationId: $org, email: $email, role: $role) { id email role status } }`;
const ACCEPT = `mutation($id: ID!) { acceptMembershipInvitation(id: $id) { id status role } }`;
const REVOKE = `mutation($id: ID!) { revokeMembershipInvitation(id: $id) }`;
const REMOVE = `mutation($org: ID!, $user: ID!) { removeMember(organizationId: $org, userId: $user) }`;
const CHANGE_ROLE = `mutation($org: ID!, $user: ID!, $role: MembershipRole!) { changeMemberRole(organizationId: $org, userId: $user, role: $role) { id role status user { id } } }`;
const LEAVE = `mutation($org: ID!) { leaveOrganization(organizationId: $org) }`;
const MEMBERS = `query($id: ID!) { organization(id: $id) { id members(first: 100) { edges { node { id email role status endedAt user { id email } } } } } }`;
const MY_ORGANIZATIONS = `{ myOrganizations { id } }`;
const MY_INVITATIONS = `{ myMembershipInvitations { edges { node { id } } } }`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { id } }`;
const MY_CONTRACTS = `{ myContracts { edges { node { id } } } }`;
const MESSAGES = `query($id: ID!) { messages(contractId: $id) { totalCount } }`;
const SEND = `mutation($id: ID!, $body: String!) { sendMessage(contractId: $id, body: $body) { id } }`;
const SIGN = `mutation($id: ID!) { signBaa(contractId: $id) { id } }`;
const BATCHES = `query($id: ID!) { codedBatches(contractId: $id) { edges { node { id } } } }`;
const BATCH = `query($id: ID!) { codedBatch(id: $id) { id } }`;
const SUBMIT_BATCH = `mutation($id: ID!) { submitCodedBatch(contractId: $id, input: { encounters: [{ chartRef: "MM-1", serviceDate: "2026-11-02", icd10cm: ["I10"] }] }) { id } }`;
const MESSAGE_ADDED = `subscription($id: ID!) { messageAdded(contractId: $id) { id body } }`;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

describe('membership management', () => {
  let app: TestApp;
  let host: string;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;
  const sockets: GraphqlSocket[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    host = await app.listen();
    a = given(app);
    c = coders(app);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await app?.close();
  });

  /** `invitee` joins `organizationId` with `role`, invited by `inviter`. */
  async function join(inviter: Session, organizationId: string, invitee: Session, role: 'ADMIN' | 'MEMBER') {
    const { inviteMember } = ok(await app.gql(INVITE, { org: organizationId, email: invitee.user.email, role }, inviter.accessToken));
    ok(await app.gql(ACCEPT, { id: inviteMember.id }, invitee.accessToken));
    return inviteMember.id as string;
  }

  /** A practice with an OWNER, an ADMIN and a MEMBER, and a fixed-price contract with a verified coder (BAA signed by both sides). */
  async function practiceWithContract() {
    const { owner, organization } = await a.practice();
    const admin = await a.provider({ name: 'Practice Admin' });
    const member = await a.provider({ name: 'Practice Member' });
    await join(owner, organization.id, admin, 'ADMIN');
    await join(owner, organization.id, member, 'MEMBER');
    const job = await postJob(app, owner, organization.id, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 });
    const { coder } = await c.verifiedCoder();
    const { submitBid } = ok(
      await app.gql(`mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`, { input: { jobPostingId: job.id, rateCents: 50000, coverLetter: 'x' } }, coder.accessToken),
    );
    const contractId = ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: submitBid.id }, admin.accessToken)).acceptBid.id as string;
    ok(await app.gql(SIGN, { id: contractId }, admin.accessToken));
    ok(await app.gql(SIGN, { id: contractId }, coder.accessToken));
    return { owner, admin, member, coder, organizationId: organization.id, contractId };
  }

  const members = async (viewer: Session, organizationId: string) => ok(await app.gql(MEMBERS, { id: organizationId }, viewer.accessToken)).organization.members.edges.map((e: Untyped) => e.node);

  const upload = (token: string, contractId: string) =>
    app.http().post(`/contracts/${contractId}/documents`).set('authorization', `Bearer ${token}`).attach('file', PDF, { filename: 'chart.pdf', contentType: 'application/pdf' });
  const download = (token: string, documentId: string) => app.http().get(`/documents/${documentId}`).set('authorization', `Bearer ${token}`);

  describe('removeMember', () => {
    it('ends access at once for a removed ADMIN still holding a valid access token: contract, list, messages, document download, coded batch', async () => {
      const { owner, admin, coder, organizationId, contractId } = await practiceWithContract();
      const uploaded = await upload(admin.accessToken, contractId);
      expect(uploaded.status).toBe(201);
      const batchId = ok(await app.gql(SUBMIT_BATCH, { id: contractId }, coder.accessToken)).submitCodedBatch.id;
      ok(await app.gql(CONTRACT, { id: contractId }, admin.accessToken));
      expect((await download(admin.accessToken, uploaded.body.id)).status).toBe(200);
      ok(await app.gql(BATCH, { id: batchId }, admin.accessToken));

      expect(ok(await app.gql(REMOVE, { org: organizationId, user: admin.user.id }, owner.accessToken)).removeMember).toBe(true);

      // The same access token, still within its lifetime: every read is decided from the membership rows of this request.
      failed(await app.gql(CONTRACT, { id: contractId }, admin.accessToken), 'NOT_FOUND');
      expect(ok(await app.gql(MY_CONTRACTS, {}, admin.accessToken)).myContracts.edges).toEqual([]);
      failed(await app.gql(MESSAGES, { id: contractId }, admin.accessToken), 'NOT_FOUND');
      failed(await app.gql(SEND, { id: contractId, body: 'still here?' }, admin.accessToken), 'NOT_FOUND');
      const refused = await download(admin.accessToken, uploaded.body.id);
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
      failed(await app.gql(BATCH, { id: batchId }, admin.accessToken), 'NOT_FOUND');
      failed(await app.gql(BATCHES, { id: contractId }, admin.accessToken), 'NOT_FOUND');
      expect((await upload(admin.accessToken, contractId)).status).toBe(404);
      failed(await app.gql(MEMBERS, { id: organizationId }, admin.accessToken), 'NOT_FOUND');
      expect(ok(await app.gql(MY_ORGANIZATIONS, {}, admin.accessToken)).myOrganizations).toEqual([]);
      // The practice keeps working.
      expect((await download(owner.accessToken, uploaded.body.id)).status).toBe(200);

      const [row] = await app.sql<{ status: string; ended_by_id: string; ended: boolean }>(
        'SELECT status, ended_by_id, ended_at IS NOT NULL AS ended FROM memberships WHERE organization_id = $1 AND user_id = $2',
        [organizationId, admin.user.id],
      );
      expect(row).toEqual({ status: 'REMOVED', ended_by_id: owner.user.id, ended: true });
    });

    it('stops a live messageAdded subscription opened before the removal: one NOT_FOUND, then complete', async () => {
      const { owner, admin, member, coder, organizationId, contractId } = await practiceWithContract();
      const removedAdmin = await GraphqlSocket.connect(host, admin.accessToken);
      const removedMember = await GraphqlSocket.connect(host, member.accessToken);
      const stays = await GraphqlSocket.connect(host, coder.accessToken);
      sockets.push(removedAdmin, removedMember, stays);
      removedAdmin.subscribe('m', MESSAGE_ADDED, { id: contractId });
      removedMember.subscribe('m', MESSAGE_ADDED, { id: contractId });
      stays.subscribe('m', MESSAGE_ADDED, { id: contractId });
      // Subscribed when a first message reaches all three.
      ok(await app.gql(SEND, { id: contractId, body: 'first' }, owner.accessToken));
      for (const socket of [removedAdmin, removedMember, stays]) expect((await socket.answer('m'))?.payload?.data?.messageAdded.body).toBe('first');

      ok(await app.gql(REMOVE, { org: organizationId, user: admin.user.id }, owner.accessToken));
      ok(await app.gql(REMOVE, { org: organizationId, user: member.user.id }, owner.accessToken));
      ok(await app.gql(SEND, { id: contractId, body: 'after the removal' }, owner.accessToken));

      expect(await stays.waitFor((m) => m.id === 'm' && m.payload?.data?.messageAdded?.body === 'after the removal')).toBeDefined();
      for (const socket of [removedAdmin, removedMember]) {
        const answers = () => socket.messages.filter((m) => m.id === 'm').slice(1);
        expect(await socket.waitFor(() => answers().some((m) => m.type === 'complete'))).toBeDefined();
        expect(answers().map((m) => ({ type: m.type, data: m.payload?.data ?? null, code: m.payload?.errors?.[0]?.extensions?.code }))).toEqual([
          { type: 'next', data: null, code: 'NOT_FOUND' },
          { type: 'complete', data: null, code: undefined },
        ]);
        expect(await socket.alive()).toBe(true);
      }
    });

    it("ends a coding company coder's access to the company's contracts when the company removes them", async () => {
      const { owner, organization } = await a.practice();
      const job = await postJob(app, owner, organization.id);
      const boss = await a.coder();
      const company = ok(await app.gql(`mutation { createOrganization(input: { name: "Removal Coding LLC", kind: CODING_COMPANY }) { id } }`, {}, boss.accessToken)).createOrganization.id;
      const { coder: worker } = await c.verifiedCoder();
      await join(boss, company, worker, 'MEMBER');
      const { submitBid } = ok(
        await app.gql(
          `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`,
          { input: { jobPostingId: job.id, rateCents: 400, coverLetter: 'x', organizationId: company, assignedCoderId: worker.user.id } },
          boss.accessToken,
        ),
      );
      const contractId = ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: submitBid.id }, owner.accessToken)).acceptBid.id;
      ok(await app.gql(CONTRACT, { id: contractId }, worker.accessToken));

      ok(await app.gql(REMOVE, { org: company, user: worker.user.id }, boss.accessToken));

      failed(await app.gql(CONTRACT, { id: contractId }, worker.accessToken), 'NOT_FOUND');
      expect(ok(await app.gql(MY_CONTRACTS, {}, worker.accessToken)).myContracts.edges).toEqual([]);
      const today = new Date().toISOString().slice(0, 10);
      failed(
        await app.gql(`mutation($id: ID!, $day: Date!) { logWork(contractId: $id, input: { workedOn: $day, charts: 1 }) { id } }`, { id: contractId, day: today }, worker.accessToken),
        'NOT_FOUND',
      );
      // The company still answers for the contract.
      ok(await app.gql(CONTRACT, { id: contractId }, boss.accessToken));

      // A pending bid naming the removed coder can no longer become a contract.
      const { coder: leaver } = await c.verifiedCoder();
      await join(boss, company, leaver, 'MEMBER');
      const second = await postJob(app, owner, organization.id);
      const { submitBid: named } = ok(
        await app.gql(
          `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`,
          { input: { jobPostingId: second.id, rateCents: 400, coverLetter: 'x', organizationId: company, assignedCoderId: leaver.user.id } },
          boss.accessToken,
        ),
      );
      ok(await app.gql(REMOVE, { org: company, user: leaver.user.id }, boss.accessToken));
      expect(failed(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: named.id }, owner.accessToken), 'CONFLICT').message).toMatch(/no longer works for the coding company/);
      expect(await app.sql('SELECT 1 FROM contracts WHERE bid_id = $1', [named.id])).toEqual([]);
    });

    it('lets nobody remove someone above them: ADMINs remove MEMBERs only, MEMBERs nobody; outsiders get NOT_FOUND', async () => {
      const { owner, admin, member, organizationId } = await practiceWithContract();
      const otherAdmin = await a.provider();
      await join(owner, organizationId, otherAdmin, 'ADMIN');
      const outsider = await a.provider();
      const platformAdmin = await a.admin();

      failed(await app.gql(REMOVE, { org: organizationId, user: owner.user.id }, admin.accessToken), 'FORBIDDEN');
      failed(await app.gql(REMOVE, { org: organizationId, user: otherAdmin.user.id }, admin.accessToken), 'FORBIDDEN');
      failed(await app.gql(REMOVE, { org: organizationId, user: admin.user.id }, member.accessToken), 'FORBIDDEN');
      failed(await app.gql(REMOVE, { org: organizationId, user: owner.user.id }, member.accessToken), 'FORBIDDEN');
      failed(await app.gql(REMOVE, { org: organizationId, user: member.user.id }, platformAdmin.accessToken), 'FORBIDDEN');
      const existing = failed(await app.gql(REMOVE, { org: organizationId, user: member.user.id }, outsider.accessToken), 'NOT_FOUND');
      const missing = failed(await app.gql(REMOVE, { org: '00000000-0000-4000-8000-000000000000', user: member.user.id }, outsider.accessToken), 'NOT_FOUND');
      expect(existing.message).toBe(missing.message);
      failed(await app.gql(REMOVE, { org: organizationId, user: outsider.user.id }, owner.accessToken), 'NOT_FOUND');
      expect(failed(await app.gql(REMOVE, { org: organizationId, user: owner.user.id }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['userId']);
      expect(failed(await app.gql(REMOVE, { org: organizationId, user: 'nope' }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['userId']);
      expect((await members(owner, organizationId)).map((m: Untyped) => m.status)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE']);

      ok(await app.gql(REMOVE, { org: organizationId, user: member.user.id }, admin.accessToken));
      ok(await app.gql(REMOVE, { org: organizationId, user: otherAdmin.user.id }, owner.accessToken));
      failed(await app.gql(REMOVE, { org: organizationId, user: member.user.id }, admin.accessToken), 'NOT_FOUND');
      expect((await members(owner, organizationId)).map((m: Untyped) => m.user.id).sort()).toEqual([owner.user.id, admin.user.id].sort());
    });

    it('lets the member be invited again after a removal, keeping the history', async () => {
      const { owner, member, organizationId } = await practiceWithContract();
      ok(await app.gql(REMOVE, { org: organizationId, user: member.user.id }, owner.accessToken));
      await join(owner, organizationId, member, 'MEMBER');
      ok(await app.gql(MEMBERS, { id: organizationId }, member.accessToken));
      expect(await app.sql('SELECT status FROM memberships WHERE organization_id = $1 AND email = $2 ORDER BY created_at', [organizationId, member.user.email])).toEqual([
        { status: 'REMOVED' },
        { status: 'ACTIVE' },
      ]);
    });
  });

  describe('history', () => {
    it('keeps ended memberships and shows them, with when they ended, to OWNERs and ADMINs asking for includeEnded', async () => {
      const { owner, admin, member, organizationId } = await practiceWithContract();
      const leaver = await a.provider();
      await join(owner, organizationId, leaver, 'MEMBER');
      ok(await app.gql(LEAVE, { org: organizationId }, leaver.accessToken));
      const { inviteMember } = ok(await app.gql(INVITE, { org: organizationId, email: 'never-joined@example.test', role: 'MEMBER' }, owner.accessToken));
      ok(await app.gql(REVOKE, { id: inviteMember.id }, admin.accessToken));
      const HISTORY = `query($id: ID!) { organization(id: $id) { members(first: 100, includeEnded: true) { totalCount edges { node { role status endedAt user { id } } } } } }`;

      const history = ok(await app.gql(HISTORY, { id: organizationId }, admin.accessToken)).organization.members;
      expect(history.edges.map((e: Untyped) => [e.node.status, e.node.user?.id ?? null, e.node.endedAt !== null])).toEqual([
        ['ACTIVE', owner.user.id, false],
        ['ACTIVE', admin.user.id, false],
        ['ACTIVE', member.user.id, false],
        ['LEFT', leaver.user.id, true],
        ['REVOKED', null, true],
      ]);
      expect((await members(owner, organizationId)).map((m: Untyped) => m.status)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
      const refused = await app.gql(HISTORY, { id: organizationId }, member.accessToken);
      expect(refused.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    });
  });

  describe('at least one OWNER', () => {
    it('refuses the last OWNER leaving or being demoted with CONFLICT, and lets them go once another OWNER is appointed', async () => {
      const { owner, admin, organizationId } = await practiceWithContract();
      failed(await app.gql(LEAVE, { org: organizationId }, owner.accessToken), 'CONFLICT');
      failed(await app.gql(CHANGE_ROLE, { org: organizationId, user: owner.user.id, role: 'ADMIN' }, owner.accessToken), 'CONFLICT');

      expect(ok(await app.gql(CHANGE_ROLE, { org: organizationId, user: admin.user.id, role: 'OWNER' }, owner.accessToken)).changeMemberRole).toMatchObject({ role: 'OWNER', status: 'ACTIVE' });
      expect(ok(await app.gql(LEAVE, { org: organizationId }, owner.accessToken)).leaveOrganization).toBe(true);
      failed(await app.gql(MEMBERS, { id: organizationId }, owner.accessToken), 'NOT_FOUND');
      failed(await app.gql(LEAVE, { org: organizationId }, admin.accessToken), 'CONFLICT');
      expect(await app.sql('SELECT role, status FROM memberships WHERE organization_id = $1 AND user_id = $2', [organizationId, owner.user.id])).toEqual([{ role: 'OWNER', status: 'LEFT' }]);
    });

    it('keeps one OWNER when two owners demote each other, remove each other or both leave at the same time', async () => {
      const race = async (act: (org: string, one: Session, two: Session) => Promise<[Untyped, Untyped]>) => {
        const { owner, organization } = await a.practice();
        const organizationId = organization.id;
        const second = await a.provider();
        await join(owner, organizationId, second, 'ADMIN');
        ok(await app.gql(CHANGE_ROLE, { org: organizationId, user: second.user.id, role: 'OWNER' }, owner.accessToken));
        const results = await act(organizationId, owner, second);
        const owners = await app.sql(`SELECT 1 FROM memberships WHERE organization_id = $1 AND role = 'OWNER' AND status = 'ACTIVE'`, [organizationId]);
        return {
          succeeded: results.filter((r) => !r.errors).length,
          refused: results
            .map((r) => r.errors?.[0].extensions.code)
            .filter(Boolean)
            .sort(),
          owners: owners.length,
        };
      };
      for (let round = 0; round < 3; round++) {
        const demote = await race((org, one, two) =>
          Promise.all([app.gql(CHANGE_ROLE, { org, user: two.user.id, role: 'MEMBER' }, one.accessToken), app.gql(CHANGE_ROLE, { org, user: one.user.id, role: 'MEMBER' }, two.accessToken)]),
        );
        // The loser is no longer an OWNER when its turn comes under the organization's lock.
        expect(demote).toEqual({ succeeded: 1, refused: ['FORBIDDEN'], owners: 1 });
        const remove = await race((org, one, two) => Promise.all([app.gql(REMOVE, { org, user: two.user.id }, one.accessToken), app.gql(REMOVE, { org, user: one.user.id }, two.accessToken)]));
        expect(remove).toEqual({ succeeded: 1, refused: ['NOT_FOUND'], owners: 1 });
        const leave = await race((org, one, two) => Promise.all([app.gql(LEAVE, { org }, one.accessToken), app.gql(LEAVE, { org }, two.accessToken)]));
        expect(leave).toEqual({ succeeded: 1, refused: ['CONFLICT'], owners: 1 });
      }
    });
  });

  describe('changeMemberRole', () => {
    it('gives and takes money and PHI acts with the role: an OWNER promotes a MEMBER to ADMIN and back', async () => {
      const { owner, member, organizationId, contractId } = await practiceWithContract();
      const createMilestone = `mutation($id: ID!) { createMilestone(contractId: $id, input: { title: "Batch 1", amountCents: 5000 }) { id } }`;
      failed(await app.gql(createMilestone, { id: contractId }, member.accessToken), 'FORBIDDEN');
      expect((await upload(member.accessToken, contractId)).status).toBe(403);

      ok(await app.gql(CHANGE_ROLE, { org: organizationId, user: member.user.id, role: 'ADMIN' }, owner.accessToken));
      ok(await app.gql(createMilestone, { id: contractId }, member.accessToken));
      const uploaded = await upload(member.accessToken, contractId);
      expect(uploaded.status).toBe(201);
      expect((await download(member.accessToken, uploaded.body.id)).status).toBe(200);

      ok(await app.gql(CHANGE_ROLE, { org: organizationId, user: member.user.id, role: 'MEMBER' }, owner.accessToken));
      failed(await app.gql(createMilestone, { id: contractId }, member.accessToken), 'FORBIDDEN');
      const refused = await download(member.accessToken, uploaded.body.id);
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      // Still a member: reads the contract and messages.
      ok(await app.gql(CONTRACT, { id: contractId }, member.accessToken));
      ok(await app.gql(SEND, { id: contractId, body: 'Charts for Monday are in the EHR queue.' }, member.accessToken));
    });

    it('lets an ADMIN neither appoint nor demote admins and owners; MEMBERs and outsiders change nothing', async () => {
      const { owner, admin, member, organizationId } = await practiceWithContract();
      const outsider = await a.provider();
      failed(await app.gql(CHANGE_ROLE, { org: organizationId, user: member.user.id, role: 'ADMIN' }, admin.accessToken), 'FORBIDDEN');
      failed(await app.gql(CHANGE_ROLE, { org: organizationId, user: owner.user.id, role: 'MEMBER' }, admin.accessToken), 'FORBIDDEN');
      failed(await app.gql(CHANGE_ROLE, { org: organizationId, user: admin.user.id, role: 'MEMBER' }, admin.accessToken), 'FORBIDDEN');
      failed(await app.gql(CHANGE_ROLE, { org: organizationId, user: member.user.id, role: 'ADMIN' }, member.accessToken), 'FORBIDDEN');
      failed(await app.gql(CHANGE_ROLE, { org: organizationId, user: member.user.id, role: 'ADMIN' }, outsider.accessToken), 'NOT_FOUND');
      failed(await app.gql(CHANGE_ROLE, { org: organizationId, user: outsider.user.id, role: 'ADMIN' }, owner.accessToken), 'NOT_FOUND');
      expect(failed(await app.gql(CHANGE_ROLE, { org: organizationId, user: member.user.id, role: 'KING' }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['role']);
      expect((await members(owner, organizationId)).map((m: Untyped) => m.role)).toEqual(['OWNER', 'ADMIN', 'MEMBER']);
    });
  });

  describe('leaveOrganization', () => {
    it('lets a member leave and lose access, and answers NOT_FOUND to non-members', async () => {
      const { member, organizationId, contractId } = await practiceWithContract();
      ok(await app.gql(CONTRACT, { id: contractId }, member.accessToken));
      expect(ok(await app.gql(LEAVE, { org: organizationId }, member.accessToken)).leaveOrganization).toBe(true);
      failed(await app.gql(CONTRACT, { id: contractId }, member.accessToken), 'NOT_FOUND');
      failed(await app.gql(LEAVE, { org: organizationId }, member.accessToken), 'NOT_FOUND');
      failed(await app.gql(LEAVE, { org: organizationId }, (await a.admin()).accessToken), 'NOT_FOUND');
      expect(await app.sql('SELECT status, ended_by_id FROM memberships WHERE organization_id = $1 AND user_id = $2', [organizationId, member.user.id])).toEqual([
        { status: 'LEFT', ended_by_id: member.user.id },
      ]);
    });
  });

  describe('revokeMembershipInvitation', () => {
    it('revokes a pending invitation: the invitee can no longer accept it, and may be invited again', async () => {
      const { owner, organization } = await a.practice();
      const invitee = await a.provider();
      const { inviteMember } = ok(await app.gql(INVITE, { org: organization.id, email: invitee.user.email, role: 'MEMBER' }, owner.accessToken));
      expect(ok(await app.gql(MY_INVITATIONS, {}, invitee.accessToken)).myMembershipInvitations.edges.map((edge: Untyped) => edge.node)).toHaveLength(1);

      expect(ok(await app.gql(REVOKE, { id: inviteMember.id }, owner.accessToken)).revokeMembershipInvitation).toBe(true);
      expect(ok(await app.gql(MY_INVITATIONS, {}, invitee.accessToken)).myMembershipInvitations.edges.map((edge: Untyped) => edge.node)).toEqual([]);
      failed(await app.gql(ACCEPT, { id: inviteMember.id }, invitee.accessToken), 'CONFLICT');
      failed(await app.gql(MEMBERS, { id: organization.id }, invitee.accessToken), 'NOT_FOUND');
      failed(await app.gql(REVOKE, { id: inviteMember.id }, owner.accessToken), 'CONFLICT');
      expect((await members(owner, organization.id)).map((m: Untyped) => m.status)).toEqual(['ACTIVE']);

      const again = ok(await app.gql(INVITE, { org: organization.id, email: invitee.user.email, role: 'MEMBER' }, owner.accessToken)).inviteMember;
      ok(await app.gql(ACCEPT, { id: again.id }, invitee.accessToken));
      expect(
        await app.sql('SELECT status, ended_by_id IS NOT NULL AS by FROM memberships WHERE organization_id = $1 AND email = $2 ORDER BY created_at', [organization.id, invitee.user.email]),
      ).toEqual([
        { status: 'REVOKED', by: true },
        { status: 'ACTIVE', by: false },
      ]);
    });

    it('lets ADMINs revoke MEMBER invitations only, MEMBERs none, outsiders see NOT_FOUND; an accepted invitation is a CONFLICT', async () => {
      const { owner, admin, member, organizationId } = await practiceWithContract();
      const invitation = async (role: string) => ok(await app.gql(INVITE, { org: organizationId, email: `revoke-${role}-${Date.now()}@example.test`, role }, owner.accessToken)).inviteMember.id;
      const adminInvitation = await invitation('ADMIN');
      const memberInvitation = await invitation('MEMBER');
      failed(await app.gql(REVOKE, { id: adminInvitation }, admin.accessToken), 'FORBIDDEN');
      failed(await app.gql(REVOKE, { id: memberInvitation }, member.accessToken), 'FORBIDDEN');
      const existing = failed(await app.gql(REVOKE, { id: memberInvitation }, (await a.provider()).accessToken), 'NOT_FOUND');
      const missing = failed(await app.gql(REVOKE, { id: '00000000-0000-4000-8000-000000000000' }, owner.accessToken), 'NOT_FOUND');
      expect(existing.message).toBe(missing.message);
      ok(await app.gql(REVOKE, { id: memberInvitation }, admin.accessToken));
      ok(await app.gql(REVOKE, { id: adminInvitation }, owner.accessToken));

      const newcomer = await a.provider();
      const accepted = await join(owner, organizationId, newcomer, 'MEMBER');
      failed(await app.gql(REVOKE, { id: accepted }, owner.accessToken), 'CONFLICT');
      ok(await app.gql(MEMBERS, { id: organizationId }, newcomer.accessToken));
    });

    it('settles a revocation racing the acceptance: exactly one of them happens', async () => {
      for (let round = 0; round < 5; round++) {
        const { owner, organization } = await a.practice();
        const invitee = await a.provider();
        const { inviteMember } = ok(await app.gql(INVITE, { org: organization.id, email: invitee.user.email, role: 'MEMBER' }, owner.accessToken));
        const [revoked, accepted] = await Promise.all([app.gql(REVOKE, { id: inviteMember.id }, owner.accessToken), app.gql(ACCEPT, { id: inviteMember.id }, invitee.accessToken)]);
        expect([revoked, accepted].filter((r) => !r.errors)).toHaveLength(1);
        expect([revoked, accepted].flatMap((r) => r.errors?.map((e) => e.extensions.code) ?? [])).toEqual(['CONFLICT']);
        const [{ status }] = await app.sql<{ status: string }>('SELECT status FROM memberships WHERE id = $1', [inviteMember.id]);
        expect(status).toBe(revoked.errors ? 'ACTIVE' : 'REVOKED');
      }
    });
  });

  describe("co-members' emails", () => {
    it('shows the addresses of members and invitees to OWNERs and ADMINs only; a MEMBER sees names, roles and their own address', async () => {
      const { owner, admin, member, organizationId } = await practiceWithContract();
      ok(await app.gql(INVITE, { org: organizationId, email: 'pending-hire@example.test', role: 'MEMBER' }, owner.accessToken));
      const emails = [owner.user.email, admin.user.email, member.user.email, 'pending-hire@example.test'];

      for (const manager of [owner, admin, await a.admin()]) expect((await members(manager, organizationId)).map((m: Untyped) => m.email)).toEqual(emails);
      const seenByMember = await members(member, organizationId);
      expect(seenByMember.map((m: Untyped) => m.email)).toEqual([null, null, member.user.email, null]);
      expect(seenByMember.map((m: Untyped) => m.role)).toEqual(['OWNER', 'ADMIN', 'MEMBER', 'MEMBER']);
      // A user's own login address stays theirs alone (and admins'), whoever views the membership.
      expect(seenByMember.map((m: Untyped) => m.user?.email ?? null)).toEqual([null, null, member.user.email, null]);
      expect((await members(admin, organizationId)).map((m: Untyped) => m.user?.email ?? null)).toEqual([null, admin.user.email, null, null]);
    });
  });
});
