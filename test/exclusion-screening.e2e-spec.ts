import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseLeieCsv } from '../src/domain/leie.js';
import { ScreeningService } from '../src/screening/screening.service.js';
import { coders, failed, given, nextYear, ok, postJob, Session, profileInput } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

// The fixture lists, in the official UPDATED.csv layout: JANE HOLDEN (no NPI, born 1970-03-04, TX),
// NATHAN CROOK (NPI 1987654328), ROBERT REYES (reinstated 2020-01-01), SIMONE VALE (reinstatement
// on 2099-12-31: still excluded) and an entity.
const FIXTURE = new URL('./fixtures/leie-updated.csv', import.meta.url);
const CROOK_NPI = '1987654328';
const OTHER_NPI = '1765432103';

const UPSERT = `mutation($input: UpsertCoderProfileInput!) { upsertCoderProfile(input: $input) { id lastScreenedAt screening { legalFirstName legalLastName npi dateOfBirth state onHold } } }`;
const VERIFY = `mutation($id: ID!) { verifyCredential(id: $id, approve: true, note: "Checked on aapc.com") { id status } }`;
const HOLDS = `query($status: ScreeningHoldStatus) { screeningHolds(status: $status, first: 100) { totalCount edges { node {
  id coderId matchKind status differingDetails resolvedById resolutionNote entry { lastName firstName npi dateOfBirth state exclusionType excludedOn } subject { firstName lastName npi dateOfBirth } } } } }`;
const CLEAR = `mutation($id: ID!, $note: String!) { clearScreeningHold(id: $id, note: $note) { id status resolvedById resolutionNote resolvedAt } }`;
const CONFIRM = `mutation($id: ID!, $note: String!) { confirmScreeningHold(id: $id, note: $note) { id status } }`;
const PROFILE = `query($id: ID!) { coderProfile(id: $id) { id lastScreenedAt screening { onHold } } }`;
const DIRECTORY = `query($text: String) { coders(filter: { text: $text }, first: 100) { edges { node { id } } } }`;
const BID = `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`;
const MATCH = `query($job: ID!) { matchCoders(jobPostingId: $job, first: 50) { coder { id } } }`;

describe('OIG exclusion screening', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;
  let admin: Session;
  let screening: ScreeningService;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
    c = coders(app);
    admin = await a.admin();
    screening = app.app.get(ScreeningService);
    const loaded = await screening.importLeie(parseLeieCsv(readFileSync(FIXTURE, 'latin1')), '2026-11-01');
    expect(loaded.rowCount).toBe(5);
  });
  afterAll(() => app?.close());

  /** A coder (account `name`) with a profile (`profile` overrides, e.g. legal names) and a pending CPC. */
  const coderWithPendingCpc = async (name: string, profile: Record<string, unknown> = {}) => {
    const coder = await a.coder({ name });
    const { upsertCoderProfile } = ok(await app.gql<{ upsertCoderProfile: Untyped }>(UPSERT, { input: profileInput(profile) }, coder.accessToken));
    // As a coder adds it: with its certificate and, for AAPC, the membership date.
    const addCredential = await coders(app).addCredential(coder, { type: 'CPC', number: `CPC-${Date.now() % 1e8}`, issuedOn: '2022-01-15', expiresOn: nextYear() });
    return { coder, profileId: upsertCoderProfile.id as string, credentialId: addCredential.id as string };
  };
  const holdsOf = async (coderId: string, status = 'OPEN') =>
    ok(await app.gql<{ screeningHolds: Untyped }>(HOLDS, { status }, admin.accessToken))
      .screeningHolds.edges.map((e: Untyped) => e.node)
      .filter((h: Untyped) => h.coderId === coderId);
  const inDirectory = async (profileId: string, text = 'cardiology') => ok(await app.gql<{ coders: Untyped }>(DIRECTORY, { text })).coders.edges.some((e: Untyped) => e.node.id === profileId);

  it('holds an excluded name at credential review: approval refused, profile out of the directory, bids refused, until an admin clears it', async () => {
    const { coder, profileId, credentialId } = await coderWithPendingCpc('Jane Holden');
    const { owner, organization } = await a.practice();
    const posting = await postJob(app, owner, organization.id, { requiredCredentialTypes: [] });

    const refused = failed(await app.gql(VERIFY, { id: credentialId }, admin.accessToken), 'CONFLICT');
    expect(refused.extensions.reason).toBe('SCREENING_HOLD');
    expect((await app.sql<{ status: string }>('SELECT status FROM credentials WHERE id = $1', [credentialId]))[0].status).toBe('PENDING');

    const [hold] = await holdsOf(coder.user.id);
    expect(hold).toMatchObject({
      matchKind: 'NAME_ONLY',
      status: 'OPEN',
      entry: { lastName: 'HOLDEN', firstName: 'JANE', npi: null, dateOfBirth: '1970-03-04', state: 'TX', exclusionType: '1128a1', excludedOn: '2015-01-20' },
      subject: { firstName: 'Jane', lastName: 'Holden', npi: null, dateOfBirth: null },
    });
    // Held: the coder sees it; the public sees no profile, no directory entry, and no match details.
    expect(ok(await app.gql<{ coderProfile: Untyped }>(PROFILE, { id: profileId }, coder.accessToken)).coderProfile.screening).toEqual({ onHold: true });
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile).toBeNull();
    expect(ok(await app.gql(PROFILE, { id: profileId }, owner.accessToken)).coderProfile).toBeNull();
    expect(await inDirectory(profileId)).toBe(false);
    expect(failed(await app.gql(BID, { input: { jobPostingId: posting.id, coverLetter: 'Ready.', rateCents: 400 } }, coder.accessToken), 'CONFLICT').extensions.reason).toBe('SCREENING_HOLD');

    // Only an admin clears: the coder and a practice owner are refused by role.
    failed(await app.gql(CLEAR, { id: hold.id, note: 'Not me' }, coder.accessToken), 'FORBIDDEN');
    failed(await app.gql(CLEAR, { id: hold.id, note: 'Not her' }, owner.accessToken), 'FORBIDDEN');
    expect(failed(await app.gql(CLEAR, { id: hold.id, note: '   ' }, admin.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['note']);
    const cleared = ok(await app.gql<{ clearScreeningHold: Untyped }>(CLEAR, { id: hold.id, note: 'Born 1988 per her ID: not the excluded Jane Holden' }, admin.accessToken)).clearScreeningHold;
    expect(cleared).toMatchObject({ status: 'CLEARED', resolvedById: admin.user.id, resolutionNote: 'Born 1988 per her ID: not the excluded Jane Holden' });
    failed(await app.gql(CONFIRM, { id: hold.id, note: 'Too late' }, admin.accessToken), 'CONFLICT');

    // Released: approval goes through (screened again, the cleared entry is not raised again).
    expect(ok(await app.gql<{ verifyCredential: Untyped }>(VERIFY, { id: credentialId }, admin.accessToken)).verifyCredential.status).toBe('VERIFIED');
    expect(await holdsOf(coder.user.id)).toEqual([]);
    expect(await inDirectory(profileId)).toBe(true);
    const profile = ok(await app.gql<{ coderProfile: Untyped }>(PROFILE, { id: profileId })).coderProfile;
    expect(profile).toEqual({ id: profileId, lastScreenedAt: expect.any(String), screening: null });
    ok(await app.gql(BID, { input: { jobPostingId: posting.id, coverLetter: 'Ready.', rateCents: 400 } }, coder.accessToken));
  });

  it('holds a namesake whose birth date, NPI or state differs (the admin sees which), and a different name with the excluded NPI', async () => {
    // Details the coder types never clear a name match: each is held, the difference shown to the admin.
    const otherBirthday = await coderWithPendingCpc('Jane Holden', { legalFirstName: 'Jane', legalLastName: 'Holden', dateOfBirth: '1988-06-01' });
    const otherNpi = await coderWithPendingCpc('Nathan Crook', { npi: OTHER_NPI });
    const otherState = await coderWithPendingCpc('Jane Holden', { state: 'OR' });
    for (const [held, differing] of [
      [otherBirthday, 'DATE_OF_BIRTH'],
      [otherNpi, 'NPI'],
      [otherState, 'STATE'],
    ] as const) {
      failed(await app.gql(VERIFY, { id: held.credentialId }, admin.accessToken), 'CONFLICT');
      expect((await holdsOf(held.coder.user.id)).map((h: Untyped) => [h.matchKind, h.differingDetails])).toEqual([['NAME_ONLY', [differing]]]);
    }

    // Same birth date under a spelling of the name with an accent and other case: held.
    const sameBirthday = await coderWithPendingCpc('J. H.', { legalFirstName: 'jane', legalLastName: 'Holdén', dateOfBirth: '1970-03-04' });
    failed(await app.gql(VERIFY, { id: sameBirthday.credentialId }, admin.accessToken), 'CONFLICT');
    expect((await holdsOf(sameBirthday.coder.user.id)).map((h: Untyped) => h.matchKind)).toEqual(['NAME_AND_DOB']);

    const sameNpi = await coderWithPendingCpc('Nate Brooks', { npi: CROOK_NPI });
    failed(await app.gql(VERIFY, { id: sameNpi.credentialId }, admin.accessToken), 'CONFLICT');
    expect((await holdsOf(sameNpi.coder.user.id)).map((h: Untyped) => h.matchKind)).toEqual(['NPI']);
  });

  it('does not hold on a reinstated entry, and holds while a reinstatement is still to come', async () => {
    const reinstated = await coderWithPendingCpc('Robert Reyes');
    expect(ok(await app.gql<{ verifyCredential: Untyped }>(VERIFY, { id: reinstated.credentialId }, admin.accessToken)).verifyCredential.status).toBe('VERIFIED');
    expect(await holdsOf(reinstated.coder.user.id)).toEqual([]);
    const stillExcluded = await coderWithPendingCpc('Simone Vale');
    failed(await app.gql(VERIFY, { id: stillExcluded.credentialId }, admin.accessToken), 'CONFLICT');
    expect(await holdsOf(stillExcluded.coder.user.id)).toHaveLength(1);
  });

  it('refuses an invalid NPI, state or birth date on the profile, naming the fields', async () => {
    const coder = await a.coder();
    const bad = failed(await app.gql(UPSERT, { input: profileInput({ npi: '1234567890', state: 'XX', legalLastName: '1234' }) }, coder.accessToken), 'BAD_USER_INPUT');
    expect(bad.extensions.fields).toEqual(expect.arrayContaining(['input.npi', 'input.state', 'input.legalLastName']));
    expect(failed(await app.gql(UPSERT, { input: profileInput({ dateOfBirth: '2999-01-01' }) }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.dateOfBirth']);
    expect(await app.sql('SELECT 1 FROM coder_profiles WHERE user_id = $1', [coder.user.id])).toEqual([]);
  });

  it('holds a verified coder at the monthly screen: out of matching, once a month across instances', async () => {
    // A coder verified under a clean identity, who matches and bids fine...
    const { coder, profile } = await c.verifiedCoder({ name: 'Nat Brook' });
    const { owner, organization } = await a.practice();
    const posting = await postJob(app, owner, organization.id);
    const matched = async () => ok(await app.gql<{ matchCoders: Untyped[] }>(MATCH, { job: posting.id }, owner.accessToken)).matchCoders.some((m: Untyped) => m.coder.id === profile.id);
    expect(await matched()).toBe(true);
    // ...whose NPI the list names from this month on (a profile write would be screened at once:
    // exclusion-screening-evasion spec): the next monthly screen holds them.
    await app.sql('UPDATE coder_profiles SET npi = $2 WHERE user_id = $1', [coder.user.id, CROOK_NPI]);
    const october = await screening.runMonthly(new Date('2030-10-02T04:00:00Z'));
    expect(october?.newHolds).toBeGreaterThanOrEqual(1);
    expect((await holdsOf(coder.user.id)).map((h: Untyped) => h.matchKind)).toEqual(['NPI']);
    expect(await matched()).toBe(false);
    expect(await inDirectory(profile.id)).toBe(false);
    // Upserting the profile again does not lift the hold.
    expect(ok(await app.gql<{ upsertCoderProfile: Untyped }>(UPSERT, { input: profileInput({ npi: OTHER_NPI }) }, coder.accessToken)).upsertCoderProfile.screening.onHold).toBe(true);

    // The month is done: a second run in it does nothing (a coder added since was screened by their profile write).
    const late = await coderWithPendingCpc('Simone Vale');
    const screenedAt = ok(await app.gql<{ coderProfile: Untyped }>(PROFILE, { id: late.profileId }, late.coder.accessToken)).coderProfile.lastScreenedAt;
    expect(screenedAt).toEqual(expect.any(String));
    expect(await screening.runMonthly(new Date('2030-10-20T04:00:00Z'))).toBeNull();
    expect(ok(await app.gql<{ coderProfile: Untyped }>(PROFILE, { id: late.profileId }, late.coder.accessToken)).coderProfile.lastScreenedAt).toBe(screenedAt);

    // Two instances at the turn of the month: exactly one runs it.
    const runs = await Promise.all([screening.runMonthly(new Date('2030-11-01T04:00:00Z')), screening.runMonthly(new Date('2030-11-01T04:00:01Z'))]);
    expect(runs.filter((run) => run !== null)).toHaveLength(1);
    expect(ok(await app.gql<{ coderProfile: Untyped }>(PROFILE, { id: late.profileId }, late.coder.accessToken)).coderProfile).toEqual({
      id: late.profileId,
      lastScreenedAt: expect.any(String),
      screening: { onHold: true },
    });
  });

  it('confirms an excluded coder: the practice of a live contract is told, no new contract, concurrent reviews settle once', async () => {
    const { coder } = await c.verifiedCoder({ name: 'Clean Name' });
    const { owner, organization } = await a.practice();
    const first = await postJob(app, owner, organization.id);
    const second = await postJob(app, owner, organization.id);
    const bidOn = async (postingId: string) =>
      ok(await app.gql<{ submitBid: Untyped }>(BID, { input: { jobPostingId: postingId, coverLetter: 'Ready.', rateCents: 400 } }, coder.accessToken)).submitBid.id as string;
    const firstBid = await bidOn(first.id);
    const secondBid = await bidOn(second.id);
    const contractId = ok(await app.gql<{ acceptBid: Untyped }>(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: firstBid }, owner.accessToken)).acceptBid.id;

    ok(await app.gql(UPSERT, { input: profileInput({ legalFirstName: 'Simone', legalLastName: 'Vale' }) }, coder.accessToken));
    await screening.screenCoder(coder.user.id);
    const [hold] = await holdsOf(coder.user.id);
    // The pending bid cannot become a contract while the coder is held.
    expect(failed(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: secondBid }, owner.accessToken), 'CONFLICT').extensions.reason).toBe('SCREENING_HOLD');

    // Two admins confirming at once: one confirms, the other is told it was reviewed; the practice is told once.
    const answers = await Promise.all([1, 2].map(() => app.gql(CONFIRM, { id: hold.id, note: 'Same person: OIG online search, SSN verified' }, admin.accessToken)));
    expect(answers.filter((answer) => !answer.errors).map((answer) => answer.data?.confirmScreeningHold)).toEqual([{ id: hold.id, status: 'CONFIRMED' }]);
    expect(answers.filter((answer) => answer.errors?.[0]?.extensions.code === 'CONFLICT')).toHaveLength(1);
    expect(await app.sql(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'CODER_EXCLUDED' AND data->>'contractId' = $2`, [owner.user.id, contractId])).toHaveLength(1);
    // Confirmed: the profile stays held.
    expect(ok(await app.gql<{ myCoderProfile: Untyped }>(`{ myCoderProfile { screening { onHold } } }`, {}, coder.accessToken)).myCoderProfile.screening.onHold).toBe(true);
    failed(await app.gql(CLEAR, { id: hold.id, note: 'Changed my mind' }, admin.accessToken), 'CONFLICT');
  });

  it('answers NOT_FOUND for a hold that does not exist', async () => {
    failed(await app.gql(CLEAR, { id: '00000000-0000-4000-8000-000000000000', note: 'x' }, admin.accessToken), 'NOT_FOUND');
  });
});
