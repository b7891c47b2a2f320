import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, failed, given, ok, postJob, Session } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id npi verified verifiedAt } }`;
const VERIFY = `mutation($id: ID!) { verifyOrganization(id: $id) { id npi verified verifiedAt } }`;
const ORGANIZATION = `query($id: ID!) { organization(id: $id) { id verified verifiedAt } }`;

/** Valid NPIs (Luhn check digit with the 80840 prefix), one per test so tests do not share claims. */
const NPIS = ['1245319599', '1003000126', '1234567893', '1710975065', '1497758544'];

describe('NPI claims', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let admin: Session;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
    admin = await a.admin();
  });
  afterAll(() => app?.close());

  async function claim(npi: string, name: string) {
    const owner = await a.provider();
    const organization = ok(await app.gql(CREATE, { input: { name, kind: 'PROVIDER_PRACTICE', npi } }, owner.accessToken)).createOrganization;
    return { owner, organization };
  }

  it('lets several practices claim one NPI, none of them verified: the first to type it locks nobody out', async () => {
    const squatter = await claim(NPIS[0], 'First To Type It');
    const real = await claim(NPIS[0], 'The Real Practice');
    for (const { organization } of [squatter, real]) expect(organization).toMatchObject({ npi: NPIS[0], verified: false, verifiedAt: null });
    // The real practice works as any practice does.
    await postJob(app, real.owner, real.organization.id);
  });

  it('lets an admin verify one claimant; verifying another one of the NPI answers CONFLICT and leaves it unverified', async () => {
    const squatter = await claim(NPIS[1], 'Squatter');
    const real = await claim(NPIS[1], 'Real');
    const verified = ok(await app.gql(VERIFY, { id: real.organization.id }, admin.accessToken)).verifyOrganization;
    expect(verified).toMatchObject({ id: real.organization.id, verified: true });
    expect(Date.parse(verified.verifiedAt)).not.toBeNaN();

    const conflict = failed(await app.gql(VERIFY, { id: squatter.organization.id }, admin.accessToken), 'CONFLICT');
    expect(conflict.message).toMatch(/already verified/);
    expect(ok(await app.gql(ORGANIZATION, { id: squatter.organization.id }, squatter.owner.accessToken)).organization).toMatchObject({ verified: false, verifiedAt: null });
    // Verifying the verified one again changes nothing.
    expect(ok(await app.gql(VERIFY, { id: real.organization.id }, admin.accessToken)).verifyOrganization).toEqual(verified);
    // A new claim of a verified NPI is taken, and stays unverified.
    const late = await claim(NPIS[1], 'Late');
    expect(late.organization.verified).toBe(false);
    expect(await app.sql(`SELECT name FROM organizations WHERE npi = $1 AND verified_at IS NOT NULL`, [NPIS[1]])).toEqual([{ name: 'Real' }]);
  });

  it('refuses verification to anyone but an admin, and answers NOT_FOUND for an unknown organization', async () => {
    const { owner, organization } = await claim(NPIS[2], 'Self Verifier');
    const coder = await a.coder();
    failed(await app.gql(VERIFY, { id: organization.id }, owner.accessToken), 'FORBIDDEN');
    failed(await app.gql(VERIFY, { id: organization.id }, coder.accessToken), 'FORBIDDEN');
    failed(await app.gql(VERIFY, { id: organization.id }), 'UNAUTHENTICATED');
    failed(await app.gql(VERIFY, { id: '00000000-0000-4000-8000-000000000000' }, admin.accessToken), 'NOT_FOUND');
    expect(failed(await app.gql(VERIFY, { id: 'nope' }, admin.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['id']);
    expect(await app.sql('SELECT verified_at FROM organizations WHERE id = $1', [organization.id])).toEqual([{ verified_at: null }]);
  });

  it('verifies exactly one of two claimants when two verifications of the NPI race', async () => {
    for (let round = 0; round < 5; round++) {
      const npi = NPIS[3];
      await app.sql('UPDATE organizations SET npi = NULL WHERE npi = $1', [npi]);
      const one = await claim(npi, `One ${round}`);
      const two = await claim(npi, `Two ${round}`);
      const results = await Promise.all([one, two].map(({ organization }) => app.gql(VERIFY, { id: organization.id }, admin.accessToken)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.flatMap((r) => r.errors?.map((e) => e.extensions.code) ?? [])).toEqual(['CONFLICT']);
      expect(await app.sql('SELECT 1 FROM organizations WHERE npi = $1 AND verified_at IS NOT NULL', [npi])).toHaveLength(1);
    }
  });

  it('shows whether a posting’s practice is verified to anonymous readers and coders, in the directory, its filter and recommendations', async () => {
    const real = await claim(NPIS[4], 'Verified Cardiology');
    const squatter = await claim(NPIS[4], 'Unverified Cardiology');
    ok(await app.gql(VERIFY, { id: real.organization.id }, admin.accessToken));
    const verifiedJob = await postJob(app, real.owner, real.organization.id, { title: 'Verified practice job' });
    const unverifiedJob = await postJob(app, squatter.owner, squatter.organization.id, { title: 'Unverified practice job' });
    const { coder } = await coders(app).verifiedCoder();

    const POSTING = `query($id: ID!) { jobPosting(id: $id) { id organization { id name npi verified verifiedAt } } }`;
    for (const token of [undefined, coder.accessToken]) {
      expect(ok(await app.gql(POSTING, { id: verifiedJob.id }, token)).jobPosting.organization).toMatchObject({ id: real.organization.id, npi: NPIS[4], verified: true });
      expect(ok(await app.gql(POSTING, { id: unverifiedJob.id }, token)).jobPosting.organization).toMatchObject({ id: squatter.organization.id, npi: NPIS[4], verified: false, verifiedAt: null });
    }

    const DIRECTORY = `query($filter: JobPostingFilterInput) { jobPostings(first: 100, filter: $filter) { edges { node { id organization { verified } } } } }`;
    const ids = async (filter: Record<string, unknown>) => ok(await app.gql(DIRECTORY, { filter })).jobPostings.edges.map((e: Untyped) => e.node.id);
    expect(await ids({ verifiedOnly: true })).toEqual([verifiedJob.id]);
    expect(await ids({ verifiedOnly: false })).toEqual(expect.arrayContaining([verifiedJob.id, unverifiedJob.id]));

    const RECOMMENDED = `{ recommendedJobs(first: 50) { reasons job { id organization { verified } } } }`;
    const recommended: Untyped[] = ok(await app.gql(RECOMMENDED, {}, coder.accessToken)).recommendedJobs;
    const byId = new Map(recommended.map((match) => [match.job.id, match]));
    expect(byId.get(verifiedJob.id)).toMatchObject({ job: { organization: { verified: true } }, reasons: expect.arrayContaining(['Verified practice (NPI checked by ChartBridge)']) });
    expect(byId.get(unverifiedJob.id)?.job.organization.verified).toBe(false);
    expect(byId.get(unverifiedJob.id)?.reasons).not.toContain('Verified practice (NPI checked by ChartBridge)');
  });
});
