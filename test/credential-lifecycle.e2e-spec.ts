import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { CredentialsService } from '../src/coders/credentials.service.js';
import { CredentialAlertsService } from '../src/contracts/credential-alerts.service.js';
import { CERTIFICATE_PDF, coders, failed, given, inMonths, ok, postJob, Session, uniqueCertificatePdf } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const ADD = `mutation($input: AddCredentialInput!) { addCredential(input: $input) { id type status active inactiveReason apprentice } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCredentialInput!) { updateCredential(id: $id, input: $input) { id status } }`;
const VERIFY = `mutation($id: ID!, $approve: Boolean!) { verifyCredential(id: $id, approve: $approve) { id status active } }`;
const RENEW = `mutation($id: ID!, $input: RenewCredentialInput!) { renewCredential(id: $id, input: $input) { id status active expiresOn pendingChange { id kind status expiresOn } } }`;
const CONVERT = `mutation($id: ID!, $input: RequestApprenticeConversionInput!) { requestApprenticeConversion(id: $id, input: $input) { id type pendingChange { id kind toType } } }`;
const REVIEW_CHANGE = `mutation($id: ID!, $approve: Boolean!) { reviewCredentialChange(id: $id, approve: $approve) { id status } }`;
const CHANGES = `{ pendingCredentialChanges(first: 50) { edges { node { id kind credential { id type coder { id name } } evidence { id contentType } } } } }`;
const MINE = `{ myCredentials { id type label apprentice status active inactiveReason expiresOn membershipExpiresOn evidence { id } pendingChange { id kind status } } }`;
const MATCH = `query($job: ID!) { matchCoders(jobPostingId: $job, first: 50) { coder { id } } }`;
const DIRECTORY = `query($types: [CredentialType!]) { coders(filter: { credentialTypes: $types }, first: 100, sort: RATING) { edges { node { id } } } }`;
const BID = `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptBid(id: $id) { id } }`;
const ALERTS = `query($id: ID!) { contract(id: $id) { id credentialAlerts { credentialType label reason since credentialId } } }`;

describe('credential lifecycle (issue 17)', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;
  let db: DataSource;
  let admin: Session;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
    c = coders(app);
    db = app.app.get(DataSource);
    admin = await a.admin();
  });
  afterAll(() => app?.close());

  /** Time passing: the credential's dates move into the past, as they would by the calendar. */
  const ageCredential = (id: string, column: 'expires_on' | 'membership_expires_on') => db.query(`UPDATE credentials SET ${column} = CURRENT_DATE - 1 WHERE id = $1`, [id]);
  const credentialOf = async (coder: Session, type: string) => (ok(await app.gql(MINE, {}, coder.accessToken)).myCredentials as Untyped[]).find((x) => x.type === type);
  const matched = async (owner: Session, jobId: string) => (ok(await app.gql(MATCH, { job: jobId }, owner.accessToken)).matchCoders as Untyped[]).map((m) => m.coder.id);
  const listed = async (types: string[]) => (ok(await app.gql(DIRECTORY, { types })).coders.edges as Untyped[]).map((e) => e.node.id);
  const bid = (coder: Session, jobPostingId: string) => app.gql(BID, { input: { jobPostingId, rateCents: 375, coverLetter: 'Ready.' } }, coder.accessToken);
  const download = (token: string | null, id: string) => {
    const req = app.http().get(`/credential-documents/${id}`).buffer(true);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req;
  };

  describe('dates', () => {
    it('refuses an AAPC or AHIMA credential without an expiry, with one ten years out, or with the wrong membership date, writing nothing', async () => {
      const coder = await a.coder();
      const evidenceDocumentId = await c.uploadCertificate(coder);
      const base = { number: 'CPC-100200', issuedOn: '2024-03-01', evidenceDocumentId };
      const fieldsOf = async (input: Record<string, unknown>) => failed(await app.gql(ADD, { input }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields;
      expect(await fieldsOf({ ...base, type: 'CPC', membershipExpiresOn: inMonths(6) })).toEqual(['input.expiresOn']);
      expect(await fieldsOf({ ...base, type: 'CCS' })).toEqual(['input.expiresOn']);
      expect(await fieldsOf({ ...base, type: 'CPC', expiresOn: inMonths(120), membershipExpiresOn: inMonths(6) })).toEqual(['input.expiresOn']);
      expect(await fieldsOf({ ...base, type: 'CPC', expiresOn: inMonths(12) })).toEqual(['input.membershipExpiresOn']);
      expect(await fieldsOf({ ...base, type: 'CPC', expiresOn: inMonths(12), membershipExpiresOn: inMonths(60) })).toEqual(['input.membershipExpiresOn']);
      expect(await fieldsOf({ ...base, type: 'CCS', expiresOn: inMonths(12), membershipExpiresOn: inMonths(6) })).toEqual(['input.membershipExpiresOn']);
      expect(ok(await app.gql(MINE, {}, coder.accessToken)).myCredentials).toEqual([]);
      // Within the cycle it is taken.
      expect(ok(await app.gql(ADD, { input: { ...base, type: 'CPC', expiresOn: inMonths(23), membershipExpiresOn: inMonths(11) } }, coder.accessToken)).addCredential).toMatchObject({
        status: 'PENDING',
        active: false,
        inactiveReason: 'PENDING_REVIEW',
      });
    });
  });

  describe('evidence', () => {
    it('cannot verify a credential without evidence; attaching the certificate lets it through', async () => {
      const coder = await a.coder();
      const credential = await c.addCredential(coder, { type: 'CRC', number: 'CRC-404', issuedOn: '2024-01-01', expiresOn: inMonths(12), evidenceDocumentId: null });
      expect(failed(await app.gql(VERIFY, { id: credential.id, approve: true }, admin.accessToken), 'CONFLICT').message).toContain('no evidence');
      expect((await credentialOf(coder, 'CRC')).status).toBe('PENDING');
      // Another coder's document is not evidence for this one.
      const stranger = await a.coder();
      const theirs = await c.uploadCertificate(stranger);
      expect(failed(await app.gql(UPDATE, { id: credential.id, input: { evidenceDocumentId: theirs } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.evidenceDocumentId']);
      ok(await app.gql(UPDATE, { id: credential.id, input: { evidenceDocumentId: await c.uploadCertificate(coder) } }, coder.accessToken));
      expect(ok(await app.gql(VERIFY, { id: credential.id, approve: true }, admin.accessToken)).verifyCredential).toEqual({ id: credential.id, status: 'VERIFIED', active: true });
    });

    it('lets the coder and admins read a certificate, and nobody else', async () => {
      const coder = await a.coder();
      const id = await c.uploadCertificate(coder, CERTIFICATE_PDF);
      for (const reader of [coder, admin]) {
        const response = await download(reader.accessToken, id);
        expect(response.status).toBe(200);
        expect(Buffer.from(response.body as Buffer)).toEqual(CERTIFICATE_PDF);
      }
      const otherCoder = await a.coder();
      const provider = await a.provider();
      for (const outsider of [otherCoder, provider]) expect((await download(outsider.accessToken, id)).status).toBe(404);
      expect((await download(null, id)).status).toBe(401);
      // Stored encrypted: the certificate's text is nowhere on disk in the clear (the row keeps a wrapped key only).
      const [row] = await db.query(`SELECT size_bytes, length(wrapped_key) AS wrapped FROM credential_documents WHERE id = $1`, [id]);
      expect(row).toEqual({ size_bytes: CERTIFICATE_PDF.length, wrapped: expect.any(Number) });
    });

    it('takes certificates from coders only, of an accepted type', async () => {
      const provider = await a.provider();
      const refused = await app
        .http()
        .post('/credential-documents')
        .set('authorization', `Bearer ${provider.accessToken}`)
        .attach('file', CERTIFICATE_PDF, { filename: 'c.pdf', contentType: 'application/pdf' });
      expect(refused.status).toBe(403);
      const coder = await a.coder();
      const script = await app
        .http()
        .post('/credential-documents')
        .set('authorization', `Bearer ${coder.accessToken}`)
        .attach('file', Buffer.from('MZ\x90\x00binary'), { filename: 'c.pdf', contentType: 'application/pdf' });
      expect(script.status).toBe(415);
    });
  });

  describe('counting', () => {
    it('stops counting an AAPC credential in the directory, matching and bids the day its membership lapses', async () => {
      const { owner, organization } = await a.practice();
      const job = await postJob(app, owner, organization.id, { requiredCredentialTypes: ['CPC'] });
      const { coder, profile } = await c.verifiedCoder({ credentials: ['CPC'] });
      expect(await matched(owner, job.id)).toContain(profile.id);
      expect(await listed(['CPC'])).toContain(profile.id);

      const cpc = await credentialOf(coder, 'CPC');
      await ageCredential(cpc.id, 'membership_expires_on');
      expect(await credentialOf(coder, 'CPC')).toMatchObject({ status: 'VERIFIED', active: false, inactiveReason: 'MEMBERSHIP_LAPSED' });
      expect(await matched(owner, job.id)).not.toContain(profile.id);
      expect(await listed(['CPC'])).not.toContain(profile.id);
      expect(failed(await bid(coder, job.id), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.jobPostingId']);
    });

    it('does not count an apprentice designation as the full one; the conversion keeps the credential and its history', async () => {
      const { owner, organization } = await a.practice();
      const job = await postJob(app, owner, organization.id, { requiredCredentialTypes: ['CPC'] });
      const { coder, profile } = await c.verifiedCoder({ credentials: ['CPC_A'] });
      const apprentice = await credentialOf(coder, 'CPC_A');
      expect(apprentice).toMatchObject({ apprentice: true, label: 'CPC-A (apprentice)', active: true });
      expect(await matched(owner, job.id)).not.toContain(profile.id);
      failed(await bid(coder, job.id), 'BAD_USER_INPUT');

      // Only an apprentice designation converts; the request needs the coder's own evidence.
      const { coder: full } = await c.verifiedCoder({ credentials: ['CPC'] });
      const fullCpc = await credentialOf(full, 'CPC');
      expect(
        failed(await app.gql(CONVERT, { id: fullCpc.id, input: { evidenceDocumentId: await c.uploadCertificate(full), note: 'x' } }, full.accessToken), 'BAD_USER_INPUT').extensions.fields,
      ).toEqual(['id']);
      failed(await app.gql(CONVERT, { id: apprentice.id, input: { evidenceDocumentId: await c.uploadCertificate(full), note: 'Two years' } }, full.accessToken), 'NOT_FOUND');

      const requested = ok(
        await app.gql(CONVERT, { id: apprentice.id, input: { evidenceDocumentId: await c.uploadCertificate(coder), note: 'Two years coding at Lakeside' } }, coder.accessToken),
      ).requestApprenticeConversion;
      expect(requested).toMatchObject({ id: apprentice.id, type: 'CPC_A', pendingChange: { kind: 'APPRENTICE_CONVERSION', toType: 'CPC' } });
      failed(await app.gql(REVIEW_CHANGE, { id: requested.pendingChange.id, approve: true }, coder.accessToken), 'FORBIDDEN');
      ok(await app.gql(REVIEW_CHANGE, { id: requested.pendingChange.id, approve: true }, admin.accessToken));
      failed(await app.gql(REVIEW_CHANGE, { id: requested.pendingChange.id, approve: false }, admin.accessToken), 'CONFLICT');

      const converted = await credentialOf(coder, 'CPC');
      expect(converted).toMatchObject({ id: apprentice.id, apprentice: false, label: 'CPC', active: true, pendingChange: null });
      expect(await matched(owner, job.id)).toContain(profile.id);
      ok(await bid(coder, job.id));
    });
  });

  describe('renewal', () => {
    it('keeps a renewing coder visible until the old expiry, drops them after it unless approved, and applies the new dates on approval', async () => {
      const { owner, organization } = await a.practice();
      const job = await postJob(app, owner, organization.id, { requiredCredentialTypes: ['CPC'] });
      const { coder, profile } = await c.verifiedCoder({ credentials: ['CPC'], name: 'Renewing Rita' });
      const cpc = await credentialOf(coder, 'CPC');
      const newExpiry = inMonths(23);
      const renewed = ok(
        await app.gql(RENEW, { id: cpc.id, input: { expiresOn: newExpiry, membershipExpiresOn: inMonths(12), evidenceDocumentId: await c.uploadCertificate(coder) } }, coder.accessToken),
      ).renewCredential;
      expect(renewed).toMatchObject({ status: 'VERIFIED', active: true, expiresOn: cpc.expiresOn, pendingChange: { kind: 'RENEWAL', status: 'PENDING', expiresOn: newExpiry } });
      expect(await matched(owner, job.id)).toContain(profile.id);
      expect(await listed(['CPC'])).toContain(profile.id);
      ok(await bid(coder, job.id));

      // The review queue says whose credential it is.
      const queued = (ok(await app.gql(CHANGES, {}, admin.accessToken)).pendingCredentialChanges.edges as Untyped[]).map((e) => e.node).find((n) => n.credential.id === cpc.id);
      expect(queued).toMatchObject({ kind: 'RENEWAL', credential: { type: 'CPC', coder: { id: coder.user.id, name: 'Renewing Rita' } }, evidence: { contentType: 'application/pdf' } });

      // The old expiry passes before anyone reviewed the renewal: the credential no longer counts.
      await ageCredential(cpc.id, 'expires_on');
      expect(await credentialOf(coder, 'CPC')).toMatchObject({ status: 'EXPIRED', active: false, inactiveReason: 'EXPIRED' });
      expect(await matched(owner, job.id)).not.toContain(profile.id);
      expect(await listed(['CPC'])).not.toContain(profile.id);

      ok(await app.gql(REVIEW_CHANGE, { id: queued.id, approve: true }, admin.accessToken));
      expect(await credentialOf(coder, 'CPC')).toMatchObject({ status: 'VERIFIED', active: true, expiresOn: newExpiry, pendingChange: null });
      expect(await matched(owner, job.id)).toContain(profile.id);
    });

    it('keeps the old dates when a renewal is rejected, and refuses renewals that are not renewals', async () => {
      const { coder } = await c.verifiedCoder({ credentials: ['CCS'] });
      const ccs = await credentialOf(coder, 'CCS');
      const evidenceDocumentId = await c.uploadCertificate(coder);
      const fieldsOf = async (input: Record<string, unknown>) =>
        failed(await app.gql(RENEW, { id: ccs.id, input: { evidenceDocumentId, ...input } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields;
      expect(await fieldsOf({})).toEqual(['input.expiresOn', 'input.membershipExpiresOn']);
      expect(await fieldsOf({ expiresOn: ccs.expiresOn })).toEqual(['input.expiresOn']);
      expect(await fieldsOf({ expiresOn: inMonths(120) })).toEqual(['input.expiresOn']);
      expect(await fieldsOf({ membershipExpiresOn: inMonths(6) })).toEqual(['input.membershipExpiresOn']);
      // Someone else's credential does not exist for them.
      const other = await a.coder();
      failed(await app.gql(RENEW, { id: ccs.id, input: { expiresOn: inMonths(20), evidenceDocumentId: await c.uploadCertificate(other) } }, other.accessToken), 'NOT_FOUND');

      const { renewCredential } = ok(await app.gql(RENEW, { id: ccs.id, input: { expiresOn: inMonths(20), evidenceDocumentId } }, coder.accessToken));
      ok(await app.gql(REVIEW_CHANGE, { id: renewCredential.pendingChange.id, approve: false }, admin.accessToken));
      expect(await credentialOf(coder, 'CCS')).toMatchObject({ status: 'VERIFIED', expiresOn: ccs.expiresOn, pendingChange: null });
    });

    it('refuses the certificate already on file as the renewal evidence, by id or uploaded again, naming input.evidenceDocumentId, and opens no change', async () => {
      const coder = await a.coder();
      const original = uniqueCertificatePdf();
      const evidenceDocumentId = await c.uploadCertificate(coder, original);
      const cpc = await c.addCredential(coder, { type: 'CPC', number: 'CPC-55501', issuedOn: '2022-01-15', expiresOn: inMonths(6), evidenceDocumentId });
      await c.verify(cpc.id);
      const reupload = await c.uploadCertificate(coder, original);
      expect(reupload).not.toBe(evidenceDocumentId);
      for (const document of [evidenceDocumentId, reupload]) {
        const refused = failed(await app.gql(RENEW, { id: cpc.id, input: { expiresOn: inMonths(20), evidenceDocumentId: document } }, coder.accessToken), 'CONFLICT');
        expect(refused.message).toContain('input.evidenceDocumentId');
      }
      expect(await db.query(`SELECT count(*)::int AS n FROM credential_changes WHERE credential_id = $1`, [cpc.id])).toEqual([{ n: 0 }]);
      // A new certificate renews it.
      const renewed = ok(await app.gql(RENEW, { id: cpc.id, input: { expiresOn: inMonths(20), evidenceDocumentId: await c.uploadCertificate(coder) } }, coder.accessToken));
      expect(renewed.renewCredential.pendingChange).toMatchObject({ kind: 'RENEWAL', status: 'PENDING' });
    });

    it('takes one of several concurrent renewals of a credential', async () => {
      const { coder } = await c.verifiedCoder({ credentials: ['CPC'] });
      const cpc = await credentialOf(coder, 'CPC');
      // One after another: a coder holds at most MAX_CONCURRENT_UPLOADS_PER_USER uploads at once.
      const documents: string[] = [];
      for (let k = 0; k < 4; k++) documents.push(await c.uploadCertificate(coder));
      const results = await Promise.all(documents.map((evidenceDocumentId, k) => app.gql(RENEW, { id: cpc.id, input: { expiresOn: inMonths(20, k), evidenceDocumentId } }, coder.accessToken)));
      expect(results.filter((r) => !r.errors).length).toBe(1);
      for (const r of results.filter((x) => x.errors)) expect(r.errors![0].extensions?.code).toBe('CONFLICT');
      expect(await db.query(`SELECT count(*)::int AS n FROM credential_changes WHERE credential_id = $1`, [cpc.id])).toEqual([{ n: 1 }]);
    });
  });

  describe('reminders', () => {
    it('reminds the coder once before the AAPC membership ends, when it comes before the cycle end', async () => {
      const coder = await a.coder();
      const credential = await c.addCredential(coder, { type: 'CPC', number: 'CPC-REMIND-1', issuedOn: '2024-01-01', expiresOn: inMonths(20), membershipExpiresOn: inMonths(0, 10) });
      await c.verify(credential.id);
      const service = app.app.get(CredentialsService);
      await Promise.all([service.remindExpiring(), service.remindExpiring()]);
      await service.remindExpiring();
      const reminders = (ok(await app.gql(`{ myNotifications { edges { node { kind message data } } } }`, {}, coder.accessToken)).myNotifications.edges as Untyped[])
        .map((e) => e.node)
        .filter((n) => n.kind === 'CREDENTIAL_EXPIRING');
      expect(reminders).toEqual([{ kind: 'CREDENTIAL_EXPIRING', message: expect.stringContaining(`AAPC membership ends on ${inMonths(0, 10)}`), data: { credentialId: credential.id } }]);
    });
  });

  describe('lapses reach the practice', () => {
    it('shows the lapse on the contract at once and notifies the practice once, by notification and mail', async () => {
      const { owner, organization } = await a.practice();
      const job = await postJob(app, owner, organization.id, { requiredCredentialTypes: ['CPC'] });
      const { coder } = await c.verifiedCoder({ credentials: ['CPC'] });
      const { submitBid } = ok(await bid(coder, job.id));
      const contractId = ok(await app.gql(ACCEPT, { id: submitBid.id }, owner.accessToken)).acceptBid.id;
      expect(ok(await app.gql(ALERTS, { id: contractId }, owner.accessToken)).contract.credentialAlerts).toEqual([]);

      const cpc = await credentialOf(coder, 'CPC');
      await ageCredential(cpc.id, 'membership_expires_on');
      const [{ today }] = await db.query(`SELECT to_char(CURRENT_DATE, 'YYYY-MM-DD') AS today`);
      const alert = { credentialType: 'CPC', label: 'CPC', reason: 'MEMBERSHIP_LAPSED', since: today, credentialId: cpc.id };
      // Before any job run: the contract shows it to both parties.
      for (const party of [owner, coder]) expect(ok(await app.gql(ALERTS, { id: contractId }, party.accessToken)).contract.credentialAlerts).toEqual([alert]);

      const service = app.app.get(CredentialAlertsService);
      const runs = await Promise.all([service.notifyLapses(), service.notifyLapses()]);
      await service.notifyLapses();
      expect(runs.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
      const lapsed = (ok(await app.gql(`{ myNotifications { edges { node { kind data } } } }`, {}, owner.accessToken)).myNotifications.edges as Untyped[])
        .map((e) => e.node)
        .filter((n) => n.kind === 'CREDENTIAL_LAPSED');
      expect(lapsed).toEqual([{ kind: 'CREDENTIAL_LAPSED', data: { contractId, credentialId: cpc.id, credentialType: 'CPC', lapsedOn: today } }]);
      expect(await db.query(`SELECT count(*)::int AS n FROM outbox_jobs WHERE idempotency_key LIKE 'mail:credential-lapsed:%' AND payload->>'to' = $1`, [owner.user.email])).toEqual([{ n: 1 }]);
      // The coder is not told through the practice's channel.
      const coderKinds = (ok(await app.gql(`{ myNotifications { edges { node { kind } } } }`, {}, coder.accessToken)).myNotifications.edges as Untyped[]).map((e) => e.node.kind);
      expect(coderKinds).not.toContain('CREDENTIAL_LAPSED');
    });
  });
});
