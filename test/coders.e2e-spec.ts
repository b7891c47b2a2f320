import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CredentialsService } from '../src/coders/credentials.service.js';
import { coders, failed, given, nextYear, ok, PROFILE_FIELDS, profileInput } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const UPSERT = `mutation($input: UpsertCoderProfileInput!) { upsertCoderProfile(input: $input) { ${PROFILE_FIELDS} } }`;
const PROFILE = `query($id: ID!) { coderProfile(id: $id) { ${PROFILE_FIELDS} } }`;
const ADD = `mutation($input: AddCredentialInput!) { addCredential(input: $input) { id type label apprentice status number issuedOn expiresOn } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCredentialInput!) { updateCredential(id: $id, input: $input) { id status number } }`;
const VERIFY = `mutation($id: ID!, $approve: Boolean!, $note: String) { verifyCredential(id: $id, approve: $approve, note: $note) { id status reviewNote reviewedAt } }`;
const PENDING = `{ pendingCredentials(first: 50) { totalCount edges { node { id type number } } } }`;

describe('coder profiles and credentials', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
    c = coders(app);
  });
  afterAll(() => app?.close());

  describe('upsertCoderProfile', () => {
    it('creates then replaces the profile, normalizing EHR tags', async () => {
      const coder = await a.coder({ name: 'Casey Coder' });
      const created = ok(await app.gql(UPSERT, { input: profileInput({ ehrSystems: ['epic', 'Cerner', 'EPIC systems', ' Custom EHR '] }) }, coder.accessToken)).upsertCoderProfile;
      expect(created).toMatchObject({
        headline: 'Certified cardiology coder',
        ehrSystems: ['Epic', 'Oracle Health/Cerner', 'Custom EHR'],
        ratingAverage: null,
        ratingCount: 0,
        accuracyScore: null,
        user: { id: coder.user.id, name: 'Casey Coder' },
      });
      const replaced = ok(
        await app.gql(UPSERT, { input: profileInput({ headline: 'Orthopedic coder', specialties: [{ specialty: 'ORTHOPEDICS', yearsExperience: 3 }] }) }, coder.accessToken),
      ).upsertCoderProfile;
      expect(replaced.id).toBe(created.id);
      expect(replaced.specialties).toEqual([{ specialty: 'ORTHOPEDICS', yearsExperience: 3 }]);
      expect(await app.sql('SELECT 1 FROM coder_profiles WHERE user_id = $1', [coder.user.id])).toHaveLength(1);
    });

    it('is for coders only', async () => {
      const provider = await a.provider();
      failed(await app.gql(UPSERT, { input: profileInput() }, provider.accessToken), 'FORBIDDEN');
      failed(await app.gql(UPSERT, { input: profileInput() }), 'UNAUTHENTICATED');
    });

    it('names each invalid field and writes nothing', async () => {
      const coder = await a.coder();
      const input = profileInput({ timezone: 'Mars/Olympus', hourlyRateCents: -5, weeklyCapacityHours: 0, headline: '' });
      const error = failed(await app.gql(UPSERT, { input }, coder.accessToken), 'BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual(expect.arrayContaining(['input.timezone', 'input.hourlyRateCents', 'input.weeklyCapacityHours', 'input.headline']));
      expect(await app.sql('SELECT 1 FROM coder_profiles WHERE user_id = $1', [coder.user.id])).toHaveLength(0);
    });

    it('refuses invalid enums, repeated specialties and specialty years above the total', async () => {
      const coder = await a.coder();
      expect(failed(await app.gql(UPSERT, { input: profileInput({ codeSets: ['ICD9'] }) }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.codeSets.0']);
      const twice = [
        { specialty: 'CARDIOLOGY', yearsExperience: 1 },
        { specialty: 'CARDIOLOGY', yearsExperience: 2 },
      ];
      expect(failed(await app.gql(UPSERT, { input: profileInput({ specialties: twice }) }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.specialties']);
      const tooLong = [
        { specialty: 'CARDIOLOGY', yearsExperience: 2 },
        { specialty: 'UROLOGY', yearsExperience: 20 },
      ];
      expect(failed(await app.gql(UPSERT, { input: profileInput({ yearsExperience: 10, specialties: tooLong }) }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual([
        'input.specialties.1.yearsExperience',
      ]);
    });

    it('refuses read-only fields in the input (no mass assignment)', async () => {
      const coder = await a.coder();
      const error = failed(await app.gql(UPSERT, { input: { ...profileInput(), ratingCount: 500 } }, coder.accessToken), 'BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual(['input.ratingCount']);
    });
  });

  describe('coderProfile', () => {
    it('is public and shows no email and no credential numbers', async () => {
      const { coder, profile } = await c.verifiedCoder({ credentials: ['CPC'] });
      const { coderProfile } = ok(await app.gql(PROFILE, { id: profile.id }));
      expect(coderProfile.user).toEqual({ id: coder.user.id, name: coder.user.name, email: null });
      expect(coderProfile.credentials).toEqual([expect.objectContaining({ type: 'CPC', status: 'VERIFIED', number: null })]);
      const other = await a.provider();
      expect(ok(await app.gql(PROFILE, { id: profile.id }, other.accessToken)).coderProfile.credentials[0].number).toBeNull();
      expect(ok(await app.gql(PROFILE, { id: profile.id }, coder.accessToken)).coderProfile.credentials[0].number).toMatch(/^CPC-/);
    });

    it('hides pending and rejected credentials from the public', async () => {
      const coder = await a.coder();
      const profile = await c.upsertProfile(coder);
      await c.addCredential(coder, { type: 'CCS', number: 'CCS-1001', issuedOn: '2021-03-01', expiresOn: nextYear() });
      expect(ok(await app.gql(PROFILE, { id: profile.id })).coderProfile.credentials).toEqual([]);
      expect(ok(await app.gql(PROFILE, { id: profile.id }, coder.accessToken)).coderProfile.credentials).toEqual([expect.objectContaining({ type: 'CCS', status: 'PENDING' })]);
    });

    it('answers null for an unknown id', async () => {
      expect(ok(await app.gql(PROFILE, { id: '00000000-0000-4000-8000-000000000000' })).coderProfile).toBeNull();
    });
  });

  describe('credentials lifecycle', () => {
    it('goes PENDING -> VERIFIED through the admin queue, recording the reviewer', async () => {
      const coder = await a.coder();
      const input = { type: 'CPC_A', number: 'A-778899', issuedOn: '2024-05-01', expiresOn: nextYear(), membershipExpiresOn: nextYear(), evidenceDocumentId: await c.uploadCertificate(coder) };
      const credential = ok(await app.gql(ADD, { input }, coder.accessToken)).addCredential;
      expect(credential).toMatchObject({ status: 'PENDING', label: 'CPC-A (apprentice)', apprentice: true, number: 'A-778899' });
      const admin = await a.admin();
      const queue = ok(await app.gql(PENDING, {}, admin.accessToken)).pendingCredentials;
      expect(queue.edges.map((e: Untyped) => e.node)).toContainEqual({ id: credential.id, type: 'CPC_A', number: 'A-778899' });
      const verified = ok(await app.gql(VERIFY, { id: credential.id, approve: true, note: 'Found on AAPC directory' }, admin.accessToken)).verifyCredential;
      expect(verified).toMatchObject({ status: 'VERIFIED', reviewNote: 'Found on AAPC directory' });
      const [row] = await app.sql<{ reviewed_by_id: string }>('SELECT reviewed_by_id FROM credentials WHERE id = $1', [credential.id]);
      expect(row.reviewed_by_id).toBe(admin.user.id);
      expect(ok(await app.gql(PENDING, {}, admin.accessToken)).pendingCredentials.edges.map((e: Untyped) => e.node.id)).not.toContain(credential.id);
      const { myNotifications } = ok(await app.gql(`{ myNotifications { edges { node { kind message data } } } }`, {}, coder.accessToken));
      expect(myNotifications.edges[0].node).toEqual({ kind: 'CREDENTIAL_REVIEWED', message: 'Your CPC_A credential was verified', data: { credentialId: credential.id } });
    });

    it('lets only admins review, and only once, even concurrently', async () => {
      const coder = await a.coder();
      const credential = await c.addCredential(coder, { type: 'CPC', number: 'CPC-1', issuedOn: '2020-01-01', expiresOn: nextYear() });
      failed(await app.gql(VERIFY, { id: credential.id, approve: true }, coder.accessToken), 'FORBIDDEN');
      failed(await app.gql(PENDING, {}, coder.accessToken), 'FORBIDDEN');
      const admin = await a.admin();
      const results = await Promise.all([true, false, true].map((approve) => app.gql(VERIFY, { id: credential.id, approve }, admin.accessToken)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(2);
      failed(await app.gql(VERIFY, { id: '00000000-0000-4000-8000-000000000000', approve: true }, admin.accessToken), 'NOT_FOUND');
    });

    it('reads EXPIRED once past expiresOn', async () => {
      const coder = await a.coder();
      const credential = await c.addCredential(coder, { type: 'CRC', number: 'CRC-55', issuedOn: '2020-01-01', expiresOn: '2021-12-31' });
      expect((await c.verify(credential.id)).status).toBe('EXPIRED');
    });

    it('reminds the holder once before a verified credential expires', async () => {
      const coder = await a.coder();
      const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      const credential = await c.addCredential(coder, { type: 'CEMC', number: 'CEMC-77', issuedOn: '2024-01-01', expiresOn: soon });
      await c.verify(credential.id);
      const service = app.app.get(CredentialsService);
      expect(await service.remindExpiring()).toBeGreaterThanOrEqual(1);
      await service.remindExpiring();
      const kinds = ok(await app.gql(`{ myNotifications { edges { node { kind data } } } }`, {}, coder.accessToken)).myNotifications.edges.map((e: Untyped) => e.node);
      expect(kinds.filter((n: Untyped) => n.kind === 'CREDENTIAL_EXPIRING')).toEqual([{ kind: 'CREDENTIAL_EXPIRING', data: { credentialId: credential.id } }]);
    });

    it('sends a verified credential back to PENDING when its number changes', async () => {
      const coder = await a.coder();
      const credential = await c.addCredential(coder, { type: 'CCS', number: 'CCS-1', issuedOn: '2020-01-01', expiresOn: nextYear() });
      await c.verify(credential.id);
      const updated = ok(await app.gql(UPDATE, { id: credential.id, input: { number: 'CCS-2' } }, coder.accessToken)).updateCredential;
      expect(updated).toEqual({ id: credential.id, status: 'PENDING', number: 'CCS-2' });
      const stranger = await a.coder();
      failed(await app.gql(UPDATE, { id: credential.id, input: { number: 'CCS-3' } }, stranger.accessToken), 'NOT_FOUND');
    });

    it('refuses a second live credential of one type, future issue dates, expiry before issue and bad numbers', async () => {
      const coder = await a.coder();
      await c.addCredential(coder, { type: 'COC', number: 'COC-1', issuedOn: '2020-01-01', expiresOn: nextYear() });
      failed(await app.gql(ADD, { input: { type: 'COC', number: 'COC-2', issuedOn: '2020-01-01', expiresOn: nextYear(), membershipExpiresOn: nextYear() } }, coder.accessToken), 'CONFLICT');
      expect(failed(await app.gql(ADD, { input: { type: 'CIC', number: 'CIC-1', issuedOn: '2999-01-01' } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.issuedOn']);
      expect(failed(await app.gql(ADD, { input: { type: 'CIC', number: 'CIC-1', issuedOn: '2020-01-01', expiresOn: '2019-01-01' } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual([
        'input.expiresOn',
      ]);
      expect(failed(await app.gql(ADD, { input: { type: 'CIC', number: 'x', issuedOn: '2020-01-01' } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.number']);
      expect(failed(await app.gql(ADD, { input: { type: 'CIC', number: 'CIC-1', issuedOn: '2020-02-30' } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.issuedOn']);
      expect(failed(await app.gql(ADD, { input: { type: 'NOPE', number: 'CIC-1', issuedOn: '2020-01-01' } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.type']);
      const provider = await a.provider();
      failed(await app.gql(ADD, { input: { type: 'CIC', number: 'CIC-1', issuedOn: '2020-01-01' } }, provider.accessToken), 'FORBIDDEN');
    });
  });
});
