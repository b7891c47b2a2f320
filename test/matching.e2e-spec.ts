import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, failed, given, nextYear, ok, postJob, Session } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const MATCH = `query($job: ID!, $first: Int) { matchCoders(jobPostingId: $job, first: $first) { score reasons coder { id user { name } } } }`;
const RECOMMENDED = `query($first: Int) { recommendedJobs(first: $first) { score reasons job { id title } } }`;
// Names take letters only (sign-up refuses digits): the k-th racer is named by the k-th letter.
const LETTERS = 'ABCD';

describe('matching', () => {
  let app: TestApp;
  let owner: Session;
  let cardiologyJob: Untyped;
  let specialist: { coder: Session; profile: Untyped };

  beforeAll(async () => {
    app = await TestApp.start();
    const a = given(app);
    const c = coders(app);
    const practice = await a.practice(undefined, 'Heartland Cardiology');
    owner = practice.owner;
    cardiologyJob = await postJob(app, owner, practice.organization.id, { payModel: 'HOURLY', rateCents: 5000, chartsPerWeek: 200, timezone: 'America/Chicago' });

    specialist = await c.verifiedCoder({ name: 'Specialist', credentials: ['CPC'], profile: { specialties: [{ specialty: 'CARDIOLOGY', yearsExperience: 7 }], timezone: 'America/Chicago' } });
    await c.verifiedCoder({
      name: 'Wrong Specialty',
      credentials: ['CPC'],
      profile: { headline: 'Orthopedic coder', yearsExperience: 10, specialties: [{ specialty: 'ORTHOPEDICS', yearsExperience: 9 }], ehrSystems: ['Epic'] },
    });
    await c.verifiedCoder({ name: 'Certified Newcomer', credentials: ['CPC', 'CCC'], profile: { yearsExperience: 1, specialties: [], ehrSystems: ['Meditech'], timezone: 'America/New_York' } });
    const unverified = await a.coder({ name: 'Unverified' });
    await c.upsertProfile(unverified);
    await c.addCredential(unverified, { type: 'CPC', number: 'CPC-U-1', issuedOn: '2020-01-01', expiresOn: nextYear() });
    const uncredentialed = await a.coder({ name: 'No Credential' });
    await c.upsertProfile(uncredentialed);
  });
  afterAll(() => app?.close());

  it('ranks the qualified specialist first, leaves out coders lacking the verified credential, and explains why', async () => {
    const { matchCoders } = ok(await app.gql(MATCH, { job: cardiologyJob.id }, owner.accessToken));
    expect(matchCoders.map((m: Untyped) => m.coder.user.name)).toEqual(['Specialist', 'Certified Newcomer', 'Wrong Specialty']);
    const [best, , wrong] = matchCoders;
    expect(best.reasons).toEqual(expect.arrayContaining(['Verified CPC', '7 years in cardiology', 'Codes ICD-10-CM, CPT', 'Epic experience', 'Same time zone', 'Available now']));
    expect(best.reasons).toContain('$45/h within the $50/h offered');
    expect(best.reasons).toContain('30 h/week covers ~300 charts/week');
    expect(matchCoders[1].reasons).toContain('Certified CCC (cardiology)');
    expect(best.score).toBeGreaterThan(wrong.score);
    for (const m of matchCoders) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic and honours first', async () => {
    const once = ok(await app.gql(MATCH, { job: cardiologyJob.id, first: 2 }, owner.accessToken)).matchCoders;
    const again = ok(await app.gql(MATCH, { job: cardiologyJob.id, first: 2 }, owner.accessToken)).matchCoders;
    expect(once).toEqual(again);
    expect(once).toHaveLength(2);
  });

  it('is only for members of the posting organization', async () => {
    const a = given(app);
    failed(await app.gql(MATCH, { job: cardiologyJob.id }, (await a.provider()).accessToken), 'NOT_FOUND');
    failed(await app.gql(MATCH, { job: cardiologyJob.id }, specialist.coder.accessToken), 'NOT_FOUND');
    failed(await app.gql(MATCH, { job: cardiologyJob.id }), 'UNAUTHENTICATED');
    expect(failed(await app.gql(MATCH, { job: cardiologyJob.id, first: 500 }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['first']);
  });

  it('recommends jobs to a coder, fitting ones first, without jobs needing credentials the coder lacks or jobs already bid on', async () => {
    const a = given(app);
    const { owner: other, organization } = await a.practice(undefined, 'Bone & Joint');
    const ortho = await postJob(app, other, organization.id, { title: 'Orthopedic coding', specialty: 'ORTHOPEDICS' });
    const needsCcc = await postJob(app, other, organization.id, { title: 'Cardiology with CCC', requiredCredentialTypes: ['CPC', 'CCC'] });
    const alreadyBid = await postJob(app, other, organization.id, { title: 'Cardiology already bid' });
    ok(
      await app.gql(
        `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`,
        { input: { jobPostingId: alreadyBid.id, rateCents: 400, coverLetter: 'Hello' } },
        specialist.coder.accessToken,
      ),
    );

    const { recommendedJobs } = ok(await app.gql(RECOMMENDED, {}, specialist.coder.accessToken));
    const titles = recommendedJobs.map((m: Untyped) => m.job.title);
    expect(titles).toEqual([cardiologyJob.title, ortho.title]);
    expect(titles).not.toContain(needsCcc.title);
    expect(recommendedJobs[0].reasons).toContain('7 years in cardiology');
    expect(recommendedJobs[0].score).toBeGreaterThan(recommendedJobs[1].score);
  });

  it('recommends nothing before a profile exists and is for coders only', async () => {
    const a = given(app);
    expect(ok(await app.gql(RECOMMENDED, {}, (await a.coder()).accessToken)).recommendedJobs).toEqual([]);
    failed(await app.gql(RECOMMENDED, {}, owner.accessToken), 'FORBIDDEN');
  });

  it('follows credential changes: an expired or re-submitted required credential drops the coder, one verified before the profile existed counts', async () => {
    const a = given(app);
    const c = coders(app);
    const { owner: other, organization } = await a.practice(undefined, 'Credential Watch Clinic');
    const job = await postJob(app, other, organization.id, { requiredCredentialTypes: ['CPC', 'CRC'] });
    const names = async () => ok(await app.gql(MATCH, { job: job.id, first: 50 }, other.accessToken)).matchCoders.map((m: Untyped) => m.coder.user.name);

    await c.verifiedCoder({ name: 'Steady', credentials: ['CPC', 'CRC'] });
    const lapsed = await c.verifiedCoder({ name: 'Lapsed', credentials: ['CPC'] });
    const oldCrc = await c.addCredential(lapsed.coder, { type: 'CRC', number: 'CRC-LAPSED-1', issuedOn: '2019-01-01', expiresOn: '2021-01-01' });
    await c.verify(oldCrc.id);
    const resubmitted = await c.verifiedCoder({ name: 'Resubmitted', credentials: ['CPC', 'CRC'] });
    const early = await a.coder({ name: 'Credentials First' });
    for (const type of ['CPC', 'CRC']) await c.verify((await c.addCredential(early, { type, number: `${type}-EARLY`, issuedOn: '2022-01-15', expiresOn: nextYear() })).id);
    await c.upsertProfile(early);
    expect((await names()).sort()).toEqual(['Credentials First', 'Resubmitted', 'Steady']);

    const [crc] = (ok(await app.gql(`{ myCredentials { id type } }`, {}, resubmitted.coder.accessToken)).myCredentials as Untyped[]).filter((x) => x.type === 'CRC');
    ok(
      await app.gql(
        `mutation($id: ID!, $input: UpdateCredentialInput!) { updateCredential(id: $id, input: $input) { status } }`,
        { id: crc.id, input: { number: 'CRC-NEW-2' } },
        resubmitted.coder.accessToken,
      ),
    );
    expect((await names()).sort()).toEqual(['Credentials First', 'Steady']);
  });

  it('keeps up when two credentials of one coder are verified at the same moment', async () => {
    const a = given(app);
    const c = coders(app);
    const { owner: other, organization } = await a.practice(undefined, 'Race Clinic');
    const job = await postJob(app, other, organization.id, { requiredCredentialTypes: ['CPC', 'CCC'] });
    const racers: string[] = [];
    const pending: string[] = [];
    for (let k = 0; k < 4; k++) {
      const coder = await a.coder({ name: `Racer ${LETTERS[k]}` });
      await c.upsertProfile(coder);
      racers.push(`Racer ${LETTERS[k]}`);
      for (const type of ['CPC', 'CCC']) pending.push((await c.addCredential(coder, { type, number: `${type}-RACE-${k}`, issuedOn: '2022-01-15', expiresOn: nextYear() })).id);
    }
    await Promise.all(pending.map((id) => c.verify(id)));
    const names = ok(await app.gql(MATCH, { job: job.id, first: 50 }, other.accessToken)).matchCoders.map((m: Untyped) => m.coder.user.name);
    expect(names.filter((name: string) => name.startsWith('Racer ')).sort()).toEqual(racers);
  });

  it('counts a credential verified while the coder is creating the profile', async () => {
    const a = given(app);
    const c = coders(app);
    const { owner: other, organization } = await a.practice(undefined, 'Race Clinic Two');
    const job = await postJob(app, other, organization.id, { requiredCredentialTypes: ['CRC'] });
    const racers: string[] = [];
    const steps: Promise<unknown>[] = [];
    for (let k = 0; k < 4; k++) {
      const coder = await a.coder({ name: `Newcomer ${LETTERS[k]}` });
      racers.push(`Newcomer ${LETTERS[k]}`);
      const crc = await c.addCredential(coder, { type: 'CRC', number: `CRC-NEW-${k}`, issuedOn: '2022-01-15', expiresOn: nextYear() });
      steps.push(c.upsertProfile(coder), c.verify(crc.id));
    }
    await Promise.all(steps);
    const names = ok(await app.gql(MATCH, { job: job.id, first: 50 }, other.accessToken)).matchCoders.map((m: Untyped) => m.coder.user.name);
    expect(names.filter((name: string) => name.startsWith('Newcomer ')).sort()).toEqual(racers);
  });
});
