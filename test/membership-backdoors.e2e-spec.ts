import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { failed, given, ok, PASSWORD, Session } from './support/given.js';
import { mailbox } from './support/mailbox.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const INVITE = `mutation($org: ID!, $email: String!, $role: MembershipRole!) { inviteMember(organizationId: $org, email: $email, role: $role) { id email role status } }`;
const ACCEPT = `mutation($id: ID!) { acceptMembershipInvitation(id: $id) { id status role } }`;
const REMOVE = `mutation($org: ID!, $user: ID!) { removeMember(organizationId: $org, userId: $user) }`;
const CHANGE_ROLE = `mutation($org: ID!, $user: ID!, $role: MembershipRole!) { changeMemberRole(organizationId: $org, userId: $user, role: $role) { id role } }`;
const LEAVE = `mutation($org: ID!) { leaveOrganization(organizationId: $org) }`;
const ORGANIZATION = `query($id: ID!) { organization(id: $id) { id } }`;
const HISTORY = `query($id: ID!) { organization(id: $id) { members(first: 100, includeEnded: true) { edges { node { id email role status user { id } } } } } }`;
const REQUEST_EMAIL_CHANGE = `mutation($input: RequestEmailChangeInput!) { requestEmailChange(input: $input) }`;
const VERIFY_EMAIL = `mutation($token: String!) { verifyEmail(token: $token) { id email } }`;

/**
 * Ways a member could keep a foothold in an organization after its OWNER took them out: a second
 * ACTIVE membership of one account, and invitations they sent before they were removed.
 */
describe('membership back doors', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
  });
  afterAll(() => app?.close());

  async function join(inviter: Session, organizationId: string, invitee: Session, role: 'ADMIN' | 'MEMBER') {
    const { inviteMember } = ok(await app.gql(INVITE, { org: organizationId, email: invitee.user.email, role }, inviter.accessToken));
    ok(await app.gql(ACCEPT, { id: inviteMember.id }, invitee.accessToken));
    return inviteMember.id as string;
  }

  /** Moves the account to `newEmail` through the link mailed there, as its owner would. */
  async function changeEmail(user: Session, newEmail: string) {
    ok(await app.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail, currentPassword: PASSWORD } }, user.accessToken));
    ok(await app.gql(VERIFY_EMAIL, { token: await mailbox(app).token(newEmail, '/verify-email') }));
  }

  const activeRows = (organizationId: string, userId: string) =>
    app.sql<{ role: string }>(`SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2 AND status = 'ACTIVE' ORDER BY role`, [organizationId, userId]);

  describe('one ACTIVE membership per account and organization', () => {
    it('refuses (CONFLICT) an invitation to the new address of an account that is already a member: removing the member then ends its access', async () => {
      const { owner, organization } = await a.practice();
      const admin = await a.provider();
      await join(owner, organization.id, admin, 'ADMIN');
      // The ADMIN moves the account to another address they own, and invites that address as a MEMBER.
      const second = `second-${admin.user.id.slice(0, 8)}@example.test`;
      await changeEmail(admin, second);
      const { inviteMember } = ok(await app.gql(INVITE, { org: organization.id, email: second, role: 'MEMBER' }, admin.accessToken));

      const accepted = failed(await app.gql(ACCEPT, { id: inviteMember.id }, admin.accessToken), 'CONFLICT');
      expect(accepted.message).toBe('You are already a member of this organization');
      expect(await activeRows(organization.id, admin.user.id)).toEqual([{ role: 'ADMIN' }]);

      ok(await app.gql(REMOVE, { org: organization.id, user: admin.user.id }, owner.accessToken));
      failed(await app.gql(ORGANIZATION, { id: organization.id }, admin.accessToken), 'NOT_FOUND');
      expect(await activeRows(organization.id, admin.user.id)).toEqual([]);
    });
  });

  describe('invitations sent by someone who lost the right to send them', () => {
    it("revokes a removed ADMIN's pending invitations: their other address cannot accept one afterwards", async () => {
      const { owner, organization } = await a.practice();
      const admin = await a.provider();
      await join(owner, organization.id, admin, 'ADMIN');
      // Before being removed, the ADMIN invites an address of their own.
      const alt = await a.provider();
      const { inviteMember } = ok(await app.gql(INVITE, { org: organization.id, email: alt.user.email, role: 'MEMBER' }, admin.accessToken));

      ok(await app.gql(REMOVE, { org: organization.id, user: admin.user.id }, owner.accessToken));

      const refused = failed(await app.gql(ACCEPT, { id: inviteMember.id }, alt.accessToken), 'CONFLICT');
      expect(refused.message).toBe('This invitation was already revoked');
      failed(await app.gql(ORGANIZATION, { id: organization.id }, alt.accessToken), 'NOT_FOUND');
      const history = ok(await app.gql(HISTORY, { id: organization.id }, owner.accessToken)).organization.members.edges.map((e: Untyped) => e.node);
      expect(history.find((m: Untyped) => m.id === inviteMember.id)).toMatchObject({ status: 'REVOKED', email: alt.user.email });
    });

    it('revokes the pending invitations of an ADMIN who leaves, and those of an OWNER demoted to ADMIN that an ADMIN could not send', async () => {
      const { owner, organization } = await a.practice();
      const coOwner = await a.provider();
      const admin = await a.provider();
      await join(owner, organization.id, coOwner, 'ADMIN');
      ok(await app.gql(CHANGE_ROLE, { org: organization.id, user: coOwner.user.id, role: 'OWNER' }, owner.accessToken));
      await join(owner, organization.id, admin, 'ADMIN');
      const [adminsPick, ownersAdminPick, ownersMemberPick] = [await a.provider(), await a.provider(), await a.provider()];
      const byAdmin = ok(await app.gql(INVITE, { org: organization.id, email: adminsPick.user.email, role: 'MEMBER' }, admin.accessToken)).inviteMember.id;
      const adminInvite = ok(await app.gql(INVITE, { org: organization.id, email: ownersAdminPick.user.email, role: 'ADMIN' }, coOwner.accessToken)).inviteMember.id;
      const memberInvite = ok(await app.gql(INVITE, { org: organization.id, email: ownersMemberPick.user.email, role: 'MEMBER' }, coOwner.accessToken)).inviteMember.id;

      ok(await app.gql(LEAVE, { org: organization.id }, admin.accessToken));
      failed(await app.gql(ACCEPT, { id: byAdmin }, adminsPick.accessToken), 'CONFLICT');

      // Demoted to ADMIN, the co-owner could still invite MEMBERs but no longer ADMINs.
      ok(await app.gql(CHANGE_ROLE, { org: organization.id, user: coOwner.user.id, role: 'ADMIN' }, owner.accessToken));
      failed(await app.gql(ACCEPT, { id: adminInvite }, ownersAdminPick.accessToken), 'CONFLICT');
      expect(ok(await app.gql(ACCEPT, { id: memberInvite }, ownersMemberPick.accessToken)).acceptMembershipInvitation.status).toBe('ACTIVE');
    });
  });
});
