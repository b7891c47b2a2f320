import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { failed, given, JOB_FIELDS, jobInput, ok, postJob } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const CREATE = `mutation($input: CreateJobPostingInput!) { createJobPosting(input: $input) { ${JOB_FIELDS} } }`;
const CLOSE = `mutation($id: ID!) { closeJobPosting(id: $id) { id status } }`;
const JOB = `query($id: ID!) { jobPosting(id: $id) { ${JOB_FIELDS} } }`;
const SEARCH = `query($filter: JobPostingFilterInput, $first: Int, $after: String, $sort: JobPostingSort) { jobPostings(filter: $filter, first: $first, after: $after, sort: $sort) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id title } } } }`;

describe('job postings', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
  });
  afterAll(() => app?.close());

  describe('createJobPosting', () => {
    it('posts an OPEN job for the practice with every field', async () => {
      const { owner, organization } = await a.practice();
      const job = await postJob(app, owner, organization.id, { ehrSystem: 'epic systems', startsOn: '2099-01-05', durationWeeks: 12, positions: 2 });
      expect(job).toMatchObject({
        status: 'OPEN',
        specialty: 'CARDIOLOGY',
        ehrSystem: 'Epic',
        rateCents: 400,
        budgetCents: null,
        startsOn: '2099-01-05',
        positions: 2,
        positionsFilled: 0,
        organization: { id: organization.id, name: organization.name },
      });
      expect(ok(await app.gql(JOB, { id: job.id })).jobPosting).toEqual(job);
    });

    it('lets any active member post, not outsiders, coders or anonymous callers', async () => {
      const { owner, organization } = await a.practice();
      const member = await a.provider();
      const { inviteMember } = ok(
        await app.gql(
          `mutation($org: ID!, $email: String!) { inviteMember(organizationId: $org, email: $email, role: MEMBER) { id } }`,
          { org: organization.id, email: member.user.email },
          owner.accessToken,
        ),
      );
      ok(await app.gql(`mutation($id: ID!) { acceptMembershipInvitation(id: $id) { id } }`, { id: inviteMember.id }, member.accessToken));
      ok(await app.gql(CREATE, { input: jobInput(organization.id) }, member.accessToken));

      const outsider = await a.provider();
      failed(await app.gql(CREATE, { input: jobInput(organization.id) }, outsider.accessToken), 'NOT_FOUND');
      const coder = await a.coder();
      failed(await app.gql(CREATE, { input: jobInput(organization.id) }, coder.accessToken), 'FORBIDDEN');
      failed(await app.gql(CREATE, { input: jobInput(organization.id) }), 'UNAUTHENTICATED');
      expect(await app.sql('SELECT 1 FROM job_postings WHERE organization_id = $1', [organization.id])).toHaveLength(1);
    });

    it('requires the rate field of the pay model and refuses the others', async () => {
      const { owner, organization } = await a.practice();
      const cases: [Record<string, unknown>, string][] = [
        [{ payModel: 'HOURLY', rateCents: null }, 'input.rateCents'],
        [{ payModel: 'FIXED_PRICE', rateCents: null }, 'input.budgetCents'],
        [{ payModel: 'FIXED_PRICE', budgetCents: 500000 }, 'input.rateCents'],
        [{ payModel: 'PERCENT_OF_COLLECTIONS', rateCents: null }, 'input.percentOfCollectionsBps'],
        [{ payModel: 'PER_CHART', percentOfCollectionsBps: 600 }, 'input.percentOfCollectionsBps'],
      ];
      for (const [overrides, field] of cases) {
        expect(failed(await app.gql(CREATE, { input: jobInput(organization.id, overrides) }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual([field]);
      }
      ok(await app.gql(CREATE, { input: jobInput(organization.id, { payModel: 'PERCENT_OF_COLLECTIONS', rateCents: null, percentOfCollectionsBps: 650, workType: 'BILLING' }) }, owner.accessToken));
      ok(await app.gql(CREATE, { input: jobInput(organization.id, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 250000 }) }, owner.accessToken));
      expect(await app.sql('SELECT 1 FROM job_postings WHERE organization_id = $1', [organization.id])).toHaveLength(2);
    });

    it('validates every field and names it', async () => {
      const { owner, organization } = await a.practice();
      const bad = jobInput(organization.id, { accuracyTargetBps: 4000, chartsPerWeek: -3, turnaroundHours: 0, positions: 0, codeSets: [], title: 'x', specialty: 'ASTROLOGY' });
      const error = failed(await app.gql(CREATE, { input: bad }, owner.accessToken), 'BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual(['input.specialty']);
      const error2 = failed(await app.gql(CREATE, { input: { ...bad, specialty: 'CARDIOLOGY' } }, owner.accessToken), 'BAD_USER_INPUT');
      expect(error2.extensions.fields).toEqual(expect.arrayContaining(['input.accuracyTargetBps', 'input.chartsPerWeek', 'input.turnaroundHours', 'input.positions', 'input.codeSets', 'input.title']));
      expect(failed(await app.gql(CREATE, { input: jobInput(organization.id, { startsOn: '2000-01-01' }) }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.startsOn']);
      expect(failed(await app.gql(CREATE, { input: { ...jobInput(organization.id), status: 'FILLED' } }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.status']);
      expect(await app.sql('SELECT 1 FROM job_postings WHERE organization_id = $1', [organization.id])).toHaveLength(0);
    });
  });

  describe('jobPosting (public)', () => {
    it("shows the posting's organization to anyone, but its members only to members", async () => {
      const { owner, organization } = await a.practice();
      const job = await postJob(app, owner, organization.id);
      const query = `query($id: ID!) { jobPosting(id: $id) { id organization { id name members { totalCount } } } }`;
      for (const token of [undefined, (await a.coder()).accessToken]) {
        const res = await app.gql(query, { id: job.id }, token);
        expect(res.data?.jobPosting.organization).toEqual({ id: organization.id, name: organization.name, members: null });
        expect(res.errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
      }
      expect(ok(await app.gql(query, { id: job.id }, owner.accessToken)).jobPosting.organization.members.totalCount).toBe(1);
    });
  });

  describe('closeJobPosting', () => {
    it('closes once; outsiders get NOT_FOUND', async () => {
      const { owner, organization } = await a.practice();
      const job = await postJob(app, owner, organization.id);
      const outsider = await a.provider();
      failed(await app.gql(CLOSE, { id: job.id }, outsider.accessToken), 'NOT_FOUND');
      expect(ok(await app.gql(CLOSE, { id: job.id }, owner.accessToken)).closeJobPosting.status).toBe('CLOSED');
      failed(await app.gql(CLOSE, { id: job.id }, owner.accessToken), 'CONFLICT');
    });
  });

  describe('jobPostings search', () => {
    it('filters, searches text and leaves out closed postings by default', async () => {
      const { owner, organization } = await a.practice(undefined, 'Searchable Clinic');
      const derm = await postJob(app, owner, organization.id, {
        title: 'Dermatology biopsy coding',
        description: 'Mohs surgery and pathology.',
        specialty: 'DERMATOLOGY',
        ehrSystem: 'NextGen',
        setting: 'AMBULATORY_SURGERY',
      });
      const billing = await postJob(app, owner, organization.id, {
        title: 'Denial follow-up for family medicine',
        description: 'Work the AR backlog.',
        specialty: 'FAMILY_PRACTICE',
        workType: 'DENIAL_MANAGEMENT',
        payModel: 'HOURLY',
        rateCents: 3500,
        codeSets: ['HCPCS'],
      });
      const closed = await postJob(app, owner, organization.id, { title: 'Dermatology closed job' });
      ok(await app.gql(CLOSE, { id: closed.id }, owner.accessToken));

      const titles = async (filter: Record<string, unknown>) => ok(await app.gql(SEARCH, { filter })).jobPostings.edges.map((e: Untyped) => e.node.title);
      expect(await titles({ text: 'dermatology' })).toEqual([derm.title]);
      expect(await titles({ text: 'nextgen' })).toEqual([derm.title]);
      expect(await titles({ specialties: ['FAMILY_PRACTICE'], payModels: ['HOURLY'] })).toEqual([billing.title]);
      expect(await titles({ workTypes: ['DENIAL_MANAGEMENT'], codeSets: ['HCPCS'] })).toEqual([billing.title]);
      expect(await titles({ settings: ['AMBULATORY_SURGERY'] })).toEqual([derm.title]);
      expect(await titles({ text: 'dermatology', status: 'CLOSED' })).toEqual([closed.title]);
      expect(await titles({ text: 'dermatology', specialties: ['CARDIOLOGY'] })).toEqual([]);
      expect(failed(await app.gql(SEARCH, { filter: { payModels: ['BARTER'] } }), 'BAD_USER_INPUT').extensions.fields).toEqual(['filter.payModels.0']);
    });

    it('ranks text matches among the 300 newest, pages to the end of that window and counts them all; NEWEST pages through all', async () => {
      // 310 postings mentioning "zymurgy", one a minute: every tenth in the title (weighted A), the rest in
      // the description. The window leaves out the 10 oldest, among them one title match.
      const { owner, organization } = await a.practice(undefined, 'Zymurgy Clinic');
      await app.sql(
        `INSERT INTO job_postings (organization_id, posted_by_id, title, description, specialty, code_sets, work_type, setting, required_credential_types,
                                   turnaround_hours, accuracy_target_bps, pay_model, rate_cents, requires_baa, created_at)
         SELECT $1, $2, CASE WHEN n % 10 = 0 THEN 'Zymurgy coding ' || n ELSE 'Coding ' || n END,
                CASE WHEN n % 10 = 0 THEN 'Charts.' ELSE 'Also zymurgy.' END, 'CARDIOLOGY', '{CPT}', 'CODING', 'OUTPATIENT', '{}',
                48, 9500, 'PER_CHART', 400, false, now() - n * interval '1 minute'
           FROM generate_series(1, 310) AS n`,
        [organization.id, owner.user.id],
      );
      const search = async (variables: Record<string, unknown>) => ok(await app.gql(SEARCH, { filter: { text: 'zymurgy' }, ...variables })).jobPostings;
      const page = await search({ first: 40 });
      expect(page.totalCount).toBe(310);
      expect(page.edges.map((e: Untyped) => e.node.title)).toEqual([
        ...Array.from({ length: 30 }, (_, k) => `Zymurgy coding ${(k + 1) * 10}`),
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 11].map((n) => `Coding ${n}`),
      ]);

      const count = async (sort: string) => {
        let seen = 0;
        let after: string | undefined;
        for (;;) {
          const next = await search({ sort, first: 100, after });
          seen += next.edges.length;
          if (!next.pageInfo.hasNextPage) return seen;
          after = next.pageInfo.endCursor;
        }
      };
      expect(await count('RELEVANCE')).toBe(300);
      expect(await count('NEWEST')).toBe(310);
      expect((await search({ sort: 'NEWEST', first: 2 })).edges.map((e: Untyped) => e.node.title)).toEqual(['Coding 1', 'Coding 2']);
      expect(failed(await app.gql(SEARCH, { sort: 'OLDEST' }), 'BAD_USER_INPUT')).toBeDefined();
    });
  });
});
