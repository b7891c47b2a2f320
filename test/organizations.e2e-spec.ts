import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { failed, given, ok, Session, VALID_NPI } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name kind npi } }`;
const INVITE = `mutation($org: ID!, $email: String!, $role: MembershipRole!) {
  inviteMember(organizationId: $org, email: $email, role: $role) { id email role status organization { id name } user { id } } }`;
const ACCEPT = `mutation($id: ID!) { acceptMembershipInvitation(id: $id) { id status role user { id name } } }`;
const DECLINE = `mutation($id: ID!) { declineMembershipInvitation(id: $id) { id status } }`;
const ORGANIZATION = `query($id: ID!, $first: Int, $after: String) { organization(id: $id) { id name
  members(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { email role status user { id email } } } } } }`;
const MY_ORGANIZATIONS = `{ myOrganizations { id name kind } }`;
const MY_INVITATIONS = `{ myMembershipInvitations { edges { node { id role organization { id name } } } } }`;

describe('organizations', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
  });
  afterAll(() => app?.close());

  async function invite(owner: Session, organizationId: string, email: string, role = 'MEMBER') {
    return ok(await app.gql<{ inviteMember: { id: string } }>(INVITE, { org: organizationId, email, role }, owner.accessToken)).inviteMember;
  }

  describe('createOrganization', () => {
    it('creates a practice with a valid NPI and makes the creator its OWNER', async () => {
      const owner = await a.provider();
      const { createOrganization: org } = ok(
        await app.gql<{ createOrganization: { id: string } }>(CREATE, { input: { name: ' Heart Clinic ', kind: 'PROVIDER_PRACTICE', npi: VALID_NPI } }, owner.accessToken),
      );
      expect(org).toMatchObject({ name: 'Heart Clinic', kind: 'PROVIDER_PRACTICE', npi: VALID_NPI });
      const { organization } = ok(await app.gql(ORGANIZATION, { id: org.id }, owner.accessToken));
      expect(organization.members.edges.map((e: Untyped) => e.node)).toEqual([{ email: owner.user.email, role: 'OWNER', status: 'ACTIVE', user: { id: owner.user.id, email: owner.user.email } }]);
      expect(ok(await app.gql(MY_ORGANIZATIONS, {}, owner.accessToken)).myOrganizations).toEqual([{ id: org.id, name: 'Heart Clinic', kind: 'PROVIDER_PRACTICE' }]);
    });

    it('refuses an NPI with a wrong check digit, naming the field, and writes nothing', async () => {
      const owner = await a.provider();
      const error = failed(await app.gql(CREATE, { input: { name: 'Bad NPI Clinic', kind: 'PROVIDER_PRACTICE', npi: '1234567890' } }, owner.accessToken), 'BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual(['input.npi']);
      expect(await app.sql("SELECT 1 FROM organizations WHERE name = 'Bad NPI Clinic'")).toHaveLength(0);
    });

    it('takes an NPI another practice already claimed: a claim is not a verification (test/npi-claims.e2e-spec.ts)', async () => {
      const first = await a.provider();
      const second = await a.provider();
      ok(await app.gql(CREATE, { input: { name: 'First', kind: 'PROVIDER_PRACTICE', npi: '1245319599' } }, first.accessToken));
      ok(await app.gql(CREATE, { input: { name: 'Second', kind: 'PROVIDER_PRACTICE', npi: '1245319599' } }, second.accessToken));
      expect(await app.sql("SELECT name, verified_at FROM organizations WHERE npi = '1245319599' ORDER BY created_at")).toEqual([
        { name: 'First', verified_at: null },
        { name: 'Second', verified_at: null },
      ]);
    });

    it('lets coders create coding companies and not practices, and the reverse for providers', async () => {
      const coder = await a.coder();
      const provider = await a.provider();
      ok(await app.gql(CREATE, { input: { name: 'Precision Coding LLC', kind: 'CODING_COMPANY' } }, coder.accessToken));
      failed(await app.gql(CREATE, { input: { name: 'Coder Practice', kind: 'PROVIDER_PRACTICE' } }, coder.accessToken), 'FORBIDDEN');
      failed(await app.gql(CREATE, { input: { name: 'Provider Agency', kind: 'CODING_COMPANY' } }, provider.accessToken), 'FORBIDDEN');
    });

    it('refuses an NPI on a coding company and an empty name', async () => {
      const coder = await a.coder();
      expect(failed(await app.gql(CREATE, { input: { name: 'Agency', kind: 'CODING_COMPANY', npi: VALID_NPI } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.npi']);
      expect(failed(await app.gql(CREATE, { input: { name: '  ', kind: 'CODING_COMPANY' } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.name']);
    });

    it('needs a token', async () => {
      failed(await app.gql(CREATE, { input: { name: 'Anon', kind: 'PROVIDER_PRACTICE' } }), 'UNAUTHENTICATED');
    });
  });

  describe('reading', () => {
    it('answers NOT_FOUND to an outsider, whether the organization exists or not', async () => {
      const { organization } = await a.practice();
      const outsider = await a.provider();
      const existing = failed(await app.gql(ORGANIZATION, { id: organization.id }, outsider.accessToken), 'NOT_FOUND');
      const missing = failed(await app.gql(ORGANIZATION, { id: '00000000-0000-4000-8000-000000000000' }, outsider.accessToken), 'NOT_FOUND');
      expect(existing.message).toBe(missing.message);
      expect(ok(await app.gql(MY_ORGANIZATIONS, {}, outsider.accessToken)).myOrganizations).toEqual([]);
    });

    it('refuses a malformed id with BAD_USER_INPUT naming it', async () => {
      const owner = await a.provider();
      expect(failed(await app.gql(ORGANIZATION, { id: 'not-a-uuid' }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['id']);
    });

    it('lets an admin read any organization', async () => {
      const { organization } = await a.practice();
      const admin = await a.admin();
      expect(ok(await app.gql(ORGANIZATION, { id: organization.id }, admin.accessToken)).organization.id).toBe(organization.id);
    });

    it('pages through members with cursors, one extra row deciding hasNextPage', async () => {
      const { owner, organization } = await a.practice();
      for (let i = 0; i < 4; i++) await invite(owner, organization.id, `staff${i}@example.test`);
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const { organization: page }: Untyped = ok(await app.gql(ORGANIZATION, { id: organization.id, first: 2, after }, owner.accessToken));
        expect(page.members.totalCount).toBe(5);
        seen.push(...page.members.edges.map((e: Untyped) => e.node.email));
        after = page.members.pageInfo.hasNextPage ? page.members.pageInfo.endCursor : null;
        pages++;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual([owner.user.email, 'staff0@example.test', 'staff1@example.test', 'staff2@example.test', 'staff3@example.test']);
    });

    it('refuses first above 100 and a forged cursor', async () => {
      const { owner, organization } = await a.practice();
      expect(failed(await app.gql(ORGANIZATION, { id: organization.id, first: 101 }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['first']);
      expect(failed(await app.gql(ORGANIZATION, { id: organization.id, after: 'bm90LWEtY3Vyc29y' }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['after']);
    });
  });

  describe('invitations', () => {
    it('lets the invitee see, accept and then act as a member', async () => {
      const { owner, organization } = await a.practice();
      const invitee = await a.provider();
      const invitation = await invite(owner, organization.id, invitee.user.email.toUpperCase());
      expect(invitation).toMatchObject({ email: invitee.user.email, role: 'MEMBER', status: 'INVITED', user: null, organization: { id: organization.id, name: organization.name } });

      const { myMembershipInvitations } = ok(await app.gql(MY_INVITATIONS, {}, invitee.accessToken));
      expect(myMembershipInvitations.edges.map((edge: Untyped) => edge.node)).toEqual([{ id: invitation.id, role: 'MEMBER', organization: { id: organization.id, name: organization.name } }]);

      const { acceptMembershipInvitation } = ok(await app.gql(ACCEPT, { id: invitation.id }, invitee.accessToken));
      expect(acceptMembershipInvitation).toMatchObject({ status: 'ACTIVE', user: { id: invitee.user.id } });
      expect(ok(await app.gql(MY_ORGANIZATIONS, {}, invitee.accessToken)).myOrganizations.map((o: Untyped) => o.id)).toEqual([organization.id]);
      ok(await app.gql(ORGANIZATION, { id: organization.id }, invitee.accessToken));
      expect(ok(await app.gql(MY_INVITATIONS, {}, invitee.accessToken)).myMembershipInvitations.edges.map((edge: Untyped) => edge.node)).toEqual([]);
    });

    it('lets members see each other but hides emails of users from non-admin viewers', async () => {
      const { owner, organization } = await a.practice();
      const member = await a.provider();
      ok(await app.gql(ACCEPT, { id: (await invite(owner, organization.id, member.user.email)).id }, member.accessToken));
      const { organization: seen } = ok(await app.gql(ORGANIZATION, { id: organization.id }, member.accessToken));
      const ownerEdge = seen.members.edges.find((e: Untyped) => e.node.role === 'OWNER');
      expect(ownerEdge.node.user).toEqual({ id: owner.user.id, email: null });
    });

    it('lets only the invitee accept, and only once, even concurrently', async () => {
      const { owner, organization } = await a.practice();
      const invitee = await a.provider();
      const stranger = await a.provider();
      const { id } = await invite(owner, organization.id, invitee.user.email);
      failed(await app.gql(ACCEPT, { id }, stranger.accessToken), 'NOT_FOUND');
      const results = await Promise.all([1, 2, 3].map(() => app.gql(ACCEPT, { id }, invitee.accessToken)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(2);
      failed(await app.gql(DECLINE, { id }, invitee.accessToken), 'CONFLICT');
    });

    it('lets the invitee decline, after which the email may be invited again', async () => {
      const { owner, organization } = await a.practice();
      const invitee = await a.provider();
      const { id } = await invite(owner, organization.id, invitee.user.email);
      expect(ok(await app.gql(DECLINE, { id }, invitee.accessToken)).declineMembershipInvitation.status).toBe('DECLINED');
      await invite(owner, organization.id, invitee.user.email);
    });

    it('refuses a second live invitation for the same email with CONFLICT', async () => {
      const { owner, organization } = await a.practice();
      await invite(owner, organization.id, 'twice@example.test');
      failed(await app.gql(INVITE, { org: organization.id, email: 'TWICE@example.test', role: 'MEMBER' }, owner.accessToken), 'CONFLICT');
      failed(await app.gql(INVITE, { org: organization.id, email: owner.user.email, role: 'MEMBER' }, owner.accessToken), 'CONFLICT');
    });

    it('keeps a provider out of a coding company', async () => {
      const coder = await a.coder();
      const { createOrganization: company } = ok(await app.gql(CREATE, { input: { name: 'Agency', kind: 'CODING_COMPANY' } }, coder.accessToken));
      const provider = await a.provider();
      const { id } = await invite(coder, company.id, provider.user.email);
      failed(await app.gql(ACCEPT, { id }, provider.accessToken), 'FORBIDDEN');
    });

    it('enforces who may invite whom', async () => {
      const { owner, organization } = await a.practice();
      const member = await a.provider();
      ok(await app.gql(ACCEPT, { id: (await invite(owner, organization.id, member.user.email)).id }, member.accessToken));
      const admin = await a.provider();
      ok(await app.gql(ACCEPT, { id: (await invite(owner, organization.id, admin.user.email, 'ADMIN')).id }, admin.accessToken));
      const outsider = await a.provider();

      failed(await app.gql(INVITE, { org: organization.id, email: 'x@example.test', role: 'MEMBER' }, member.accessToken), 'FORBIDDEN');
      failed(await app.gql(INVITE, { org: organization.id, email: 'x@example.test', role: 'MEMBER' }, outsider.accessToken), 'NOT_FOUND');
      failed(await app.gql(INVITE, { org: organization.id, email: 'y@example.test', role: 'ADMIN' }, admin.accessToken), 'FORBIDDEN');
      ok(await app.gql(INVITE, { org: organization.id, email: 'z@example.test', role: 'MEMBER' }, admin.accessToken));
      expect(failed(await app.gql(INVITE, { org: organization.id, email: 'o@example.test', role: 'OWNER' }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['role']);
      expect(failed(await app.gql(INVITE, { org: organization.id, email: 'nope', role: 'MEMBER' }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['email']);
      expect(await app.sql("SELECT 1 FROM memberships WHERE email IN ('x@example.test', 'y@example.test', 'o@example.test', 'nope')")).toHaveLength(0);
    });
  });
});
