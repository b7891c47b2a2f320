import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { coders, failed, given, nextYear, ok, PASSWORD, postJob, Session, VERIFY_EMAIL } from './support/given.js';
import { linkToken, mailbox } from './support/mailbox.js';
import { GraphqlResponse, TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';
import { eventually } from './support/wait.js';

const ME = `{ me { id email emailVerified } }`;
const REQUEST_VERIFICATION = `mutation { requestEmailVerification }`;
const REQUEST_EMAIL_CHANGE = `mutation($input: RequestEmailChangeInput!) { requestEmailChange(input: $input) }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken user { id email emailVerified } } }`;
const INVITE = `mutation($org: ID!, $email: String!) { inviteMember(organizationId: $org, email: $email, role: MEMBER) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptMembershipInvitation(id: $id) { id status } }`;
const MY_INVITATIONS = `{ myMembershipInvitations { edges { node { id } } } }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('verified email', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;

  beforeAll(async () => {
    app = await TestApp.start({ APP_URL: 'https://app.chartbridge.test' });
    a = given(app);
  });
  afterAll(() => app?.close());

  const notVerified = (response: GraphqlResponse) => {
    const error = failed(response, 'FORBIDDEN');
    expect(error.extensions.reason).toBe('EMAIL_NOT_VERIFIED');
    return error;
  };
  const verificationToken = (email: string) => mailbox(app).token(email, '/verify-email');

  describe('sign-up and verifyEmail', () => {
    it('mails a one-time link on signUp; the token is stored hashed and verifies the address once', async () => {
      const user = await a.coder({ verified: false });
      expect(ok(await app.gql(ME, {}, user.accessToken)).me).toMatchObject({ email: user.user.email, emailVerified: false });

      const mail = await mailbox(app).latest(user.user.email);
      expect(mail.subject).toBe('Confirm your email address for ChartBridge');
      expect(mail.text).toMatch(/https:\/\/app\.chartbridge\.test\/verify-email\?token=[\w-]{43}\b/);
      const token = linkToken(mail, '/verify-email');
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      const rows = await app.sql<{ token_hash: string; purpose: string; expires_in_hours: number }>(
        `SELECT token_hash, purpose, round(extract(epoch FROM expires_at - created_at) / 3600) AS expires_in_hours FROM account_tokens WHERE user_id = $1`,
        [user.user.id],
      );
      expect(rows).toEqual([{ token_hash: sha256(token), purpose: 'VERIFY_EMAIL', expires_in_hours: '24' }]);
      expect(JSON.stringify(await app.sql(`SELECT * FROM account_tokens`))).not.toContain(token);
      expect(JSON.stringify(await app.sql(`SELECT payload FROM outbox_jobs`))).not.toContain(token);

      expect(ok(await app.gql(VERIFY_EMAIL, { token })).verifyEmail).toEqual({ id: user.user.id, email: user.user.email, emailVerified: true });
      expect(ok(await app.gql(ME, {}, user.accessToken)).me.emailVerified).toBe(true);
      expect(failed(await app.gql(VERIFY_EMAIL, { token }), 'BAD_USER_INPUT').extensions.fields).toEqual(['token']);
    });

    it('refuses forged and expired tokens alike, naming the token', async () => {
      const user = await a.provider({ verified: false });
      const token = await verificationToken(user.user.email);
      for (const forged of ['', 'x'.repeat(43), `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`]) {
        expect(failed(await app.gql(VERIFY_EMAIL, { token: forged }), 'BAD_USER_INPUT').extensions.fields).toEqual(['token']);
      }
      await app.sql(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [sha256(token)]); // 24 hours went by
      const expired = failed(await app.gql(VERIFY_EMAIL, { token }), 'BAD_USER_INPUT');
      expect(expired.message).toMatch(/invalid, has expired or was already used/);
      expect(ok(await app.gql(ME, {}, user.accessToken)).me.emailVerified).toBe(false);
    });

    it('verifies once when the same link is used ten times at once', async () => {
      const user = await a.coder({ verified: false });
      const token = await verificationToken(user.user.email);
      const answers = await Promise.all(Array.from({ length: 10 }, () => app.gql(VERIFY_EMAIL, { token })));
      expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
      expect(answers.filter((answer) => answer.errors?.[0].extensions.code === 'BAD_USER_INPUT')).toHaveLength(9);
      expect(await app.sql(`SELECT 1 FROM account_tokens WHERE user_id = $1 AND used_at IS NOT NULL`, [user.user.id])).toHaveLength(1);
    });

    it('refuses a password-reset token as a verification link, and a verification token as a reset link', async () => {
      const user = await a.coder({ verified: false });
      const verification = await verificationToken(user.user.email);
      ok(await app.gql(REQUEST_RESET, { email: user.user.email }));
      const reset = linkToken(await mailbox(app).latest(user.user.email), '/reset-password');

      failed(await app.gql(VERIFY_EMAIL, { token: reset }), 'BAD_USER_INPUT');
      expect(failed(await app.gql(RESET, { input: { token: verification, newPassword: 'another long password' } }), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.token']);
      // Neither was used up by the refusal: each still works for its own purpose.
      ok(await app.gql(VERIFY_EMAIL, { token: verification }));
      ok(await app.gql(RESET, { input: { token: reset, newPassword: 'another long password' } }));
    });

    it('mails a new link on requestEmailVerification, and answers CONFLICT once verified', async () => {
      const user = await a.provider({ verified: false });
      const first = await verificationToken(user.user.email);
      expect(ok(await app.gql(REQUEST_VERIFICATION, {}, user.accessToken)).requestEmailVerification).toBe(true);
      const second = await verificationToken(user.user.email);
      expect(second).not.toBe(first);
      ok(await app.gql(VERIFY_EMAIL, { token: second }));
      failed(await app.gql(REQUEST_VERIFICATION, {}, user.accessToken), 'CONFLICT');
      failed(await app.gql(REQUEST_VERIFICATION, {}), 'UNAUTHENTICATED');
    });

    it('counts the bootstrap admin as verified', async () => {
      expect(ok(await app.gql(ME, {}, (await a.admin()).accessToken)).me.emailVerified).toBe(true);
    });
  });

  describe('until the email is verified', () => {
    let provider: Session;
    let coder: Session;
    let organizationId: string;
    let contractId: string;
    let milestoneId: string;

    beforeAll(async () => {
      // Everything up to a contract works unverified: organization, posting, profile, bid, acceptance.
      provider = await a.provider({ verified: false });
      const practice = await a.practice(provider);
      organizationId = practice.organization.id;
      const posting = await postJob(app, provider, organizationId, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000, requiresBaa: true });
      coder = await a.coder({ verified: false });
      const c = coders(app);
      await c.upsertProfile(coder);
      await c.verify((await c.addCredential(coder, { type: 'CPC', number: 'CPC-UNVERIFIED', issuedOn: '2022-01-15', expiresOn: nextYear() })).id);
      const bidId = ok(
        await app.gql(`mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`, { input: { jobPostingId: posting.id, rateCents: 50000, coverLetter: 'Ready.' } }, coder.accessToken),
      ).submitBid.id;
      contractId = ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: bidId }, provider.accessToken)).acceptBid.id;
      ok(await app.gql(`mutation($id: ID!) { sendMessage(contractId: $id, body: "Hello") { id } }`, { id: contractId }, provider.accessToken));
      milestoneId = ok(await app.gql(`mutation($id: ID!) { createMilestone(contractId: $id, input: { title: "Batch 1", amountCents: 20000 }) { id } }`, { id: contractId }, provider.accessToken))
        .createMilestone.id;
    });

    const acts = () => ({
      signBaa: () => app.gql(`mutation($id: ID!) { signBaa(contractId: $id) { id } }`, { id: contractId }, provider.accessToken),
      coderSignBaa: () => app.gql(`mutation($id: ID!) { signBaa(contractId: $id) { id } }`, { id: contractId }, coder.accessToken),
      submitCodedBatch: () =>
        app.gql(
          `mutation($id: ID!) { submitCodedBatch(contractId: $id, input: { encounters: [{ chartRef: "C-1", serviceDate: "2026-11-02", icd10cm: ["I10"] }] }) { id } }`,
          { id: contractId },
          coder.accessToken,
        ),
      fundMilestone: () => app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: milestoneId }, provider.accessToken),
      approveMilestone: () => app.gql(`mutation($id: ID!) { approveMilestone(id: $id) { status } }`, { id: milestoneId }, provider.accessToken),
      refundMilestone: () => app.gql(`mutation($id: ID!) { refundMilestone(id: $id) { status } }`, { id: milestoneId }, provider.accessToken),
      startPayoutOnboarding: () => app.gql(`mutation { startPayoutOnboarding(returnUrl: "https://app.test/ok", refreshUrl: "https://app.test/retry") }`, {}, coder.accessToken),
      startPaymentMethodSetup: () => app.gql(`mutation($org: ID!) { startPaymentMethodSetup(organizationId: $org) }`, { org: organizationId }, provider.accessToken),
    });
    const upload = (session: Session) =>
      app.http().post(`/contracts/${contractId}/documents`).set('authorization', `Bearer ${session.accessToken}`).attach('file', PDF, { filename: 'chart.pdf', contentType: 'application/pdf' });
    const download = (session: Session, id: string) => app.http().get(`/documents/${id}`).set('authorization', `Bearer ${session.accessToken}`);

    it('refuses each PHI, money and membership act with FORBIDDEN, reason EMAIL_NOT_VERIFIED, over GraphQL and REST', async () => {
      for (const [name, act] of Object.entries(acts())) {
        const error = notVerified(await act());
        expect([name, error.message]).toEqual([name, expect.stringMatching(/^Confirm your email address first/)]);
      }
      const refusedUpload = await upload(provider);
      expect([refusedUpload.status, refusedUpload.body]).toEqual([403, { statusCode: 403, code: 'FORBIDDEN', reason: 'EMAIL_NOT_VERIFIED', message: expect.any(String) }]);
      const refusedDownload = await download(coder, randomUUID());
      expect([refusedDownload.status, refusedDownload.body]).toMatchObject([403, { code: 'FORBIDDEN', reason: 'EMAIL_NOT_VERIFIED' }]);

      const owner = await a.provider();
      const other = await a.practice(owner);
      const invitation = ok(await app.gql(INVITE, { org: other.organization.id, email: provider.user.email }, owner.accessToken)).inviteMember;
      notVerified(await app.gql(ACCEPT, { id: invitation.id }, provider.accessToken));
      // Nothing was written by the refusals.
      expect(await app.sql(`SELECT 1 FROM baa_signatures WHERE contract_id = $1`, [contractId])).toEqual([]);
      expect(await app.sql(`SELECT status FROM milestones WHERE id = $1`, [milestoneId])).toEqual([{ status: 'CREATED' }]);
      expect(await app.sql(`SELECT status FROM memberships WHERE id = $1`, [invitation.id])).toEqual([{ status: 'INVITED' }]);
    });

    it('answers the role refusal first, and the same EMAIL_NOT_VERIFIED for an existing and a missing id', async () => {
      const wrongRole = failed(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: milestoneId }, coder.accessToken), 'FORBIDDEN');
      expect(wrongRole.extensions.reason).toBeUndefined();
      const existing = notVerified(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: milestoneId }, provider.accessToken));
      const missing = notVerified(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: randomUUID() }, provider.accessToken));
      expect(missing).toEqual(existing);
    });

    it('opens every one of them once the address is verified, with the same access tokens', async () => {
      await a.verifyEmail(provider);
      await a.verifyEmail(coder);
      const act = acts();
      ok(await act.signBaa());
      ok(await act.coderSignBaa());
      const uploaded = await upload(provider);
      expect(uploaded.status).toBe(201);
      expect((await download(coder, uploaded.body.id)).status).toBe(200);
      ok(await act.submitCodedBatch());
      ok(await act.fundMilestone());
      await eventually(async () => (await app.sql<{ status: string }>(`SELECT status FROM milestones WHERE id = $1`, [milestoneId]))[0].status === 'FUNDED', 'milestone funded');
      ok(await act.approveMilestone());
      failed(await act.refundMilestone(), 'CONFLICT'); // allowed to ask now; the released milestone cannot be refunded
      ok(await act.startPayoutOnboarding());
      ok(await act.startPaymentMethodSetup());
    });
  });

  describe('membership invitations', () => {
    it('keeps an invitation from whoever signs up first with the invited address, until they prove they read it', async () => {
      const { owner, organization } = await a.practice();
      const invited = `invitee-${randomUUID()}@example.test`;
      const invitation = ok(await app.gql(INVITE, { org: organization.id, email: invited }, owner.accessToken)).inviteMember;

      const squatter = await a.provider({ email: invited, verified: false });
      expect(ok(await app.gql(MY_INVITATIONS, {}, squatter.accessToken)).myMembershipInvitations.edges.map((edge: Untyped) => edge.node)).toEqual([]);
      notVerified(await app.gql(ACCEPT, { id: invitation.id }, squatter.accessToken));
      expect(await app.sql(`SELECT status, user_id FROM memberships WHERE id = $1`, [invitation.id])).toEqual([{ status: 'INVITED', user_id: null }]);

      // The owner of the mailbox reads the verification link: then, and only then, the invitation is theirs.
      await a.verifyEmail(squatter);
      expect(ok(await app.gql(MY_INVITATIONS, {}, squatter.accessToken)).myMembershipInvitations.edges.map((edge: Untyped) => edge.node)).toEqual([{ id: invitation.id }]);
      expect(ok(await app.gql(ACCEPT, { id: invitation.id }, squatter.accessToken)).acceptMembershipInvitation).toEqual({ id: invitation.id, status: 'ACTIVE' });
    });

    it('answers NOT_FOUND to a verified user whose address is not the invited one', async () => {
      const { owner, organization } = await a.practice();
      const invitation = ok(await app.gql(INVITE, { org: organization.id, email: `someone-else-${randomUUID()}@example.test` }, owner.accessToken)).inviteMember;
      const stranger = await a.provider();
      failed(await app.gql(ACCEPT, { id: invitation.id }, stranger.accessToken), 'NOT_FOUND');
    });

    it('lets a user accept an invitation to a new address only once the email change is confirmed', async () => {
      const { owner, organization } = await a.practice();
      const user = await a.provider();
      const newAddress = `moved-${randomUUID()}@example.test`;
      const invitation = ok(await app.gql(INVITE, { org: organization.id, email: newAddress }, owner.accessToken)).inviteMember;
      ok(await app.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail: newAddress, currentPassword: PASSWORD } }, user.accessToken));
      failed(await app.gql(ACCEPT, { id: invitation.id }, user.accessToken), 'NOT_FOUND');
      ok(await app.gql(VERIFY_EMAIL, { token: linkToken(await mailbox(app).latest(newAddress), '/verify-email') }));
      expect(ok(await app.gql(ACCEPT, { id: invitation.id }, user.accessToken)).acceptMembershipInvitation.status).toBe('ACTIVE');
    });
  });

  describe('requestEmailChange', () => {
    const logIn = (email: string, password = PASSWORD) => app.gql(LOG_IN, { input: { email, password } });

    it('mails the new address and moves the account only when its link is used; the old address is told', async () => {
      const user = await a.coder();
      const newAddress = `new-${randomUUID()}@example.test`;
      expect(ok(await app.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail: ` ${newAddress.toUpperCase()} `, currentPassword: PASSWORD } }, user.accessToken)).requestEmailChange).toBe(true);

      const mail = await mailbox(app).latest(newAddress);
      expect(mail.subject).toBe('Confirm the new email address of your ChartBridge account');
      // Until then the account keeps its address: login stays on the old one.
      expect(ok(await app.gql(ME, {}, user.accessToken)).me).toMatchObject({ email: user.user.email, emailVerified: true });
      ok(await logIn(user.user.email));
      failed(await logIn(newAddress), 'UNAUTHENTICATED');

      expect(ok(await app.gql(VERIFY_EMAIL, { token: linkToken(mail, '/verify-email') })).verifyEmail).toEqual({ id: user.user.id, email: newAddress, emailVerified: true });
      expect(ok(await logIn(newAddress)).logIn.user).toEqual({ id: user.user.id, email: newAddress, emailVerified: true });
      failed(await logIn(user.user.email), 'UNAUTHENTICATED');
      expect((await mailbox(app).latest(user.user.email)).subject).toBe('Your ChartBridge account moved to another email address');
    });

    it('needs the current password, and a different address', async () => {
      const user = await a.coder();
      const wrong = failed(await app.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail: 'x@example.test', currentPassword: 'not the password' } }, user.accessToken), 'BAD_USER_INPUT');
      expect(wrong.extensions.fields).toEqual(['input.currentPassword']);
      const same = failed(await app.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail: user.user.email, currentPassword: PASSWORD } }, user.accessToken), 'BAD_USER_INPUT');
      expect(same.extensions.fields).toEqual(['input.newEmail']);
      failed(await app.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail: 'x@example.test', currentPassword: PASSWORD } }), 'UNAUTHENTICATED');
      expect(await mailbox(app).to('x@example.test')).toEqual([]);
    });

    it('refuses an address another account has, when asked and again when the link is used', async () => {
      const user = await a.coder();
      const taken = await a.provider();
      failed(await app.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail: taken.user.email, currentPassword: PASSWORD } }, user.accessToken), 'CONFLICT');

      const wanted = `wanted-${randomUUID()}@example.test`;
      ok(await app.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail: wanted, currentPassword: PASSWORD } }, user.accessToken));
      const token = linkToken(await mailbox(app).latest(wanted), '/verify-email');
      await a.provider({ email: wanted, verified: false }); // someone signs up with it meanwhile
      failed(await app.gql(VERIFY_EMAIL, { token }), 'CONFLICT');
      expect(ok(await app.gql(ME, {}, user.accessToken)).me.email).toBe(user.user.email);
    });

    it("refuses a lookalike of another account's address", async () => {
      const domain = `${randomUUID().slice(0, 8).replace(/\d/g, 'x')}.test`;
      await a.provider({ email: `oops@${domain}` });
      const user = await a.coder();
      failed(await app.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail: `оорѕ@${domain}`, currentPassword: PASSWORD } }, user.accessToken), 'CONFLICT'); // all Cyrillic
      expect(await app.sql(`SELECT 1 FROM account_tokens WHERE user_id = $1 AND purpose = 'CHANGE_EMAIL'`, [user.user.id])).toEqual([]);
    });

    it('keeps only the newest change link working', async () => {
      const user = await a.coder();
      const [first, second] = [`first-${randomUUID()}@example.test`, `second-${randomUUID()}@example.test`];
      ok(await app.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail: first, currentPassword: PASSWORD } }, user.accessToken));
      ok(await app.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail: second, currentPassword: PASSWORD } }, user.accessToken));
      failed(await app.gql(VERIFY_EMAIL, { token: linkToken(await mailbox(app).latest(first), '/verify-email') }), 'BAD_USER_INPUT');
      expect(ok(await app.gql(VERIFY_EMAIL, { token: linkToken(await mailbox(app).latest(second), '/verify-email') })).verifyEmail.email).toBe(second);
    });
  });
});
