import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, failed, given, jobInput, nextYear, ok, Session } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const REQUIREMENT_FIELDS = 'id title requiredCredentialTypes apprenticesAccepted credentialRequirements { anyOf label }';
const POST = `mutation($input: CreateJobPostingInput!) { createJobPosting(input: $input) { ${REQUIREMENT_FIELDS} } }`;
const POSTING = `query($id: ID!) { jobPosting(id: $id) { ${REQUIREMENT_FIELDS} } }`;
const BID = `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id coder { id } organization { id } } }`;
const MATCH = `query($job: ID!) { matchCoders(jobPostingId: $job, first: 50) { score reasons coder { id user { name } } } }`;
const RECOMMENDED = `{ recommendedJobs(first: 50) { reasons job { id title } } }`;
const REASSIGN = `mutation($contract: ID!, $coder: ID!) { reassignContractCoder(contractId: $contract, coderId: $coder) { id coder { user { id } } } }`;
const CODERS = `query($filter: CoderFilterInput) { coders(filter: $filter, first: 50, sort: RATING) { edges { node { user { name } } } } }`;

const ANY_PRO_FEE = [{ anyOf: ['CPC', 'CCS_P'] }];

describe('credential requirement groups', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;
  let owner: Session;
  let practiceId: string;
  /** Coders by the credentials they hold (all verified, unexpired unless the name says otherwise). */
  const coder: Record<string, Session> = {};

  const post = (overrides: Record<string, unknown>, as: Session = owner) => app.gql(POST, { input: jobInput(practiceId, { requiredCredentialTypes: [], ...overrides }) }, as.accessToken);
  const posted = async (overrides: Record<string, unknown>) => ok(await post(overrides)).createJobPosting;
  const bid = (as: Session, jobPostingId: string, extra: Record<string, unknown> = {}) =>
    app.gql(BID, { input: { jobPostingId, rateCents: 375, coverLetter: 'Professional-fee coding for small practices.', ...extra } }, as.accessToken);
  const matchedNames = async (jobId: string) => ok(await app.gql(MATCH, { job: jobId }, owner.accessToken)).matchCoders.map((m: Untyped) => m.coder.user.name);

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
    c = coders(app);
    const practice = await a.practice(undefined, 'Requirement Groups Clinic');
    owner = practice.owner;
    practiceId = practice.organization.id;
    // Distinct experience so matching has an order to show: the CCS-P coder is the cardiology veteran.
    const make = async (name: string, credentials: string[], years: number, headline: string) => {
      const session = (coder[name] = await a.coder({ name }));
      await c.upsertProfile(session, { headline, specialties: [{ specialty: 'CARDIOLOGY', yearsExperience: years }] });
      for (const type of credentials) await c.verify((await c.addCredential(session, { type, number: `${type.replace('_', '-')}-${name.length}1`, issuedOn: '2022-01-15', expiresOn: nextYear() })).id);
    };
    await make('CCS-P', ['CCS_P'], 7, 'Quillfeather ccsp coder');
    await make('CPC', ['CPC'], 3, 'Quillfeather cpc coder');
    await make('COC', ['COC'], 8, 'Quillfeather coc coder');
    await make('CPC-A', ['CPC_A'], 1, 'Quillfeather apprentice coder');
    await make('CPC+CRC', ['CPC', 'CRC'], 4, 'Quillfeather risk coder');

    coder['expired CPC'] = await a.coder({ name: 'expired CPC' });
    await c.upsertProfile(coder['expired CPC'], { headline: 'Quillfeather expired coder' });
    await c.verify((await c.addCredential(coder['expired CPC'], { type: 'CPC', number: 'CPC-EXP-1', issuedOn: '2018-01-01', expiresOn: '2020-01-01' })).id);
    coder['pending CCS-P'] = await a.coder({ name: 'pending CCS-P' });
    await c.upsertProfile(coder['pending CCS-P'], { headline: 'Quillfeather pending coder' });
    await c.addCredential(coder['pending CCS-P'], { type: 'CCS_P', number: 'CCSP-PEND-1', issuedOn: '2022-01-15', expiresOn: nextYear() });
  });
  afterAll(() => app?.close());

  describe('createJobPosting', () => {
    it('stores "any of" groups and apprenticesAccepted, and reads them back', async () => {
      const job = await posted({ credentialRequirements: [{ anyOf: ['CPC', 'CCS_P'] }, { anyOf: ['CRC'] }], apprenticesAccepted: true });
      const expected = {
        requiredCredentialTypes: ['CRC'],
        apprenticesAccepted: true,
        credentialRequirements: [
          { anyOf: ['CRC'], label: 'CRC' },
          { anyOf: ['CPC', 'CCS_P'], label: 'any of CPC, CCS-P' },
        ],
      };
      expect(job).toMatchObject(expected);
      expect(ok(await app.gql(POSTING, { id: job.id })).jobPosting).toMatchObject(expected);
    });

    it('keeps requiredCredentialTypes: one group per type, read back as before, apprentices refused by default', async () => {
      const job = await posted({ requiredCredentialTypes: ['CPC', 'CCC'] });
      expect(job).toMatchObject({
        requiredCredentialTypes: ['CPC', 'CCC'],
        apprenticesAccepted: false,
        credentialRequirements: [
          { anyOf: ['CPC'], label: 'CPC' },
          { anyOf: ['CCC'], label: 'CCC' },
        ],
      });
      expect((await posted({})).credentialRequirements).toEqual([]);
    });

    it('reads a posting stored before groups existed as one group per required type', async () => {
      const [row] = await app.sql<{ id: string }>(
        `INSERT INTO job_postings (organization_id, posted_by_id, title, description, specialty, code_sets, work_type, setting, required_credential_types,
           turnaround_hours, accuracy_target_bps, pay_model, rate_cents, requires_baa)
         VALUES ($1, $2, 'Stored before groups', 'Old posting', 'CARDIOLOGY', '{CPT}', 'CODING', 'OUTPATIENT', '{CPC,CRC}', 48, 9500, 'PER_CHART', 400, false) RETURNING id`,
        [practiceId, owner.user.id],
      );
      expect(ok(await app.gql(POSTING, { id: row.id })).jobPosting).toMatchObject({
        requiredCredentialTypes: ['CPC', 'CRC'],
        apprenticesAccepted: false,
        credentialRequirements: [{ anyOf: ['CPC'] }, { anyOf: ['CRC'] }],
      });
      expect(failed(await bid(coder['CPC'], row.id), 'BAD_USER_INPUT').message).toMatch(/CRC credential/);
      ok(await bid(coder['CPC+CRC'], row.id));
    });

    it('names each bad input and writes nothing', async () => {
      const before = await app.sql('SELECT id FROM job_postings ORDER BY id');
      const fieldsOf = async (overrides: Record<string, unknown>) => failed(await post(overrides), 'BAD_USER_INPUT').extensions.fields;
      expect(await fieldsOf({ credentialRequirements: [{ anyOf: ['CRC'] }, { anyOf: [] }] })).toEqual(['input.credentialRequirements.1.anyOf']);
      expect(await fieldsOf({ credentialRequirements: [{ anyOf: ['CPC', 'CCS_P', 'CPC'] }] })).toEqual(['input.credentialRequirements.0.anyOf']);
      expect(await fieldsOf({ credentialRequirements: [{ anyOf: ['CPC', 'COC', 'CIC', 'CCS', 'CCS_P', 'CRC', 'CPB'] }] })).toEqual(['input.credentialRequirements.0.anyOf']);
      expect(await fieldsOf({ credentialRequirements: ['CPC', 'COC', 'CIC', 'CCS', 'CCS_P', 'CRC'].map((type) => ({ anyOf: [type] })) })).toEqual(['input.credentialRequirements']);
      expect(await fieldsOf({ credentialRequirements: [{ anyOf: ['CPC', 'CCS_P'] }, { anyOf: ['CRC'] }, { anyOf: ['CCS_P', 'CPC'] }] })).toEqual(['input.credentialRequirements.2']);
      expect(await fieldsOf({ requiredCredentialTypes: ['CRC'], credentialRequirements: ANY_PRO_FEE })).toEqual(['input.requiredCredentialTypes', 'input.credentialRequirements']);
      expect(await fieldsOf({ credentialRequirements: [{ anyOf: ['CPC', 'NOPE'] }] })).toEqual(['input.credentialRequirements.0.anyOf.1']);
      expect(await app.sql('SELECT id FROM job_postings ORDER BY id')).toEqual(before);
    });

    it('is for members of the practice', async () => {
      failed(await post({ credentialRequirements: ANY_PRO_FEE }, coder['CPC']), 'FORBIDDEN');
      failed(await post({ credentialRequirements: ANY_PRO_FEE }, await a.provider()), 'NOT_FOUND');
    });
  });

  describe('submitBid', () => {
    it('takes any one credential of an "any of" group and refuses a coder with none, naming the group', async () => {
      const job = await posted({ credentialRequirements: ANY_PRO_FEE });
      ok(await bid(coder['CCS-P'], job.id));
      ok(await bid(coder['CPC'], job.id));
      const refused = failed(await bid(coder['COC'], job.id), 'BAD_USER_INPUT');
      expect(refused.message).toBe("This posting requires a verified, unexpired credential meeting 'any of CPC, CCS-P'");
      expect(refused.extensions).toMatchObject({ fields: ['input.jobPostingId'], unmetCredentialRequirements: ['any of CPC, CCS-P'] });
      expect((await app.sql<{ coder_id: string }>('SELECT coder_id FROM bids WHERE job_posting_id = $1', [job.id])).map((r) => r.coder_id).sort()).toEqual(
        [coder['CCS-P'].user.id, coder['CPC'].user.id].sort(),
      );
    });

    it('counts neither an expired nor a pending credential toward a group', async () => {
      const job = await posted({ credentialRequirements: ANY_PRO_FEE });
      for (const name of ['expired CPC', 'pending CCS-P']) {
        expect(failed(await bid(coder[name], job.id), 'BAD_USER_INPUT').extensions.unmetCredentialRequirements).toEqual(['any of CPC, CCS-P']);
      }
      expect(await app.sql('SELECT 1 FROM bids WHERE job_posting_id = $1', [job.id])).toHaveLength(0);
    });

    it('refuses a CPC-A for a CPC requirement unless the posting accepts apprentices', async () => {
      const strict = await posted({ credentialRequirements: ANY_PRO_FEE });
      expect(failed(await bid(coder['CPC-A'], strict.id), 'BAD_USER_INPUT').message).toMatch(/'any of CPC, CCS-P' \(this posting does not accept apprentices\)/);
      const oldStyle = await posted({ requiredCredentialTypes: ['CPC'] });
      failed(await bid(coder['CPC-A'], oldStyle.id), 'BAD_USER_INPUT');
      const welcoming = await posted({ credentialRequirements: ANY_PRO_FEE, apprenticesAccepted: true });
      ok(await bid(coder['CPC-A'], welcoming.id));
      // A requirement naming the apprentice designation is met by the full credential too.
      const apprenticeLevel = await posted({ credentialRequirements: [{ anyOf: ['CPC_A'] }] });
      ok(await bid(coder['CPC'], apprenticeLevel.id));
      failed(await bid(coder['CCS-P'], apprenticeLevel.id), 'BAD_USER_INPUT');
    });

    it('needs every group: any of CPC, CCS-P and CRC', async () => {
      const job = await posted({ credentialRequirements: [...ANY_PRO_FEE, { anyOf: ['CRC'] }] });
      const refused = failed(await bid(coder['CPC'], job.id), 'BAD_USER_INPUT');
      expect(refused.message).toBe('This posting requires a verified, unexpired CRC credential');
      expect(refused.extensions.unmetCredentialRequirements).toEqual(['CRC']);
      expect(failed(await bid(coder['COC'], job.id), 'BAD_USER_INPUT').extensions.unmetCredentialRequirements).toEqual(['CRC', 'any of CPC, CCS-P']);
      ok(await bid(coder['CPC+CRC'], job.id));
    });

    it("judges a coding company's bid, and a reassignment of its contract, by the assigned coder's credentials", async () => {
      const job = await posted({ payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 300000, requiresBaa: false, credentialRequirements: ANY_PRO_FEE });
      const boss = coder['COC'];
      const { createOrganization: company } = ok(await app.gql(`mutation { createOrganization(input: { name: "Groups Coding LLC", kind: CODING_COMPANY }) { id } }`, {}, boss.accessToken));
      for (const member of [coder['CCS-P'], coder['CPC-A'], coder['CPC']]) {
        const { inviteMember } = ok(
          await app.gql(
            `mutation($org: ID!, $email: String!) { inviteMember(organizationId: $org, email: $email, role: MEMBER) { id } }`,
            { org: company.id, email: member.user.email },
            boss.accessToken,
          ),
        );
        ok(await app.gql(`mutation($id: ID!) { acceptMembershipInvitation(id: $id) { id } }`, { id: inviteMember.id }, member.accessToken));
      }
      expect(failed(await bid(boss, job.id, { organizationId: company.id, assignedCoderId: coder['CPC-A'].user.id }), 'BAD_USER_INPUT').extensions.unmetCredentialRequirements).toEqual([
        'any of CPC, CCS-P',
      ]);
      const placed = ok(await bid(boss, job.id, { organizationId: company.id, assignedCoderId: coder['CCS-P'].user.id, rateCents: 250000 })).submitBid;
      expect(placed.organization).toEqual({ id: company.id });

      const contractId = ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: placed.id }, owner.accessToken)).acceptBid.id;
      const reassign = (to: Session) => app.gql(REASSIGN, { contract: contractId, coder: to.user.id }, boss.accessToken);
      const refused = failed(await reassign(coder['CPC-A']), 'BAD_USER_INPUT');
      expect(refused.extensions.fields).toEqual(['coderId']);
      expect(refused.message).toMatch(/'any of CPC, CCS-P' \(this posting does not accept apprentices\)/);
      expect(ok(await reassign(coder['CPC'])).reassignContractCoder.coder.user.id).toBe(coder['CPC'].user.id);
    });

    it('takes one bid when the same qualified coder bids concurrently', async () => {
      const job = await posted({ credentialRequirements: ANY_PRO_FEE });
      const results = await Promise.all([1, 2, 3].map(() => bid(coder['CCS-P'], job.id)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(2);
      expect(await app.sql('SELECT 1 FROM bids WHERE job_posting_id = $1', [job.id])).toHaveLength(1);
    });
  });

  describe('matching', () => {
    it('proposes only coders meeting every group, ranked, saying which credential met which group', async () => {
      const job = await posted({ title: 'Any pro-fee coder', credentialRequirements: ANY_PRO_FEE });
      const { matchCoders } = ok(await app.gql(MATCH, { job: job.id }, owner.accessToken));
      expect(matchCoders.map((m: Untyped) => m.coder.user.name)).toEqual(['CCS-P', 'CPC+CRC', 'CPC']);
      expect(matchCoders[0].reasons[0]).toBe("Verified CCS-P meets 'any of CPC, CCS-P'");
      expect(matchCoders[2].reasons[0]).toBe("Verified CPC meets 'any of CPC, CCS-P'");
      expect(matchCoders[0].score).toBeGreaterThan(matchCoders[2].score);

      const withApprentices = await posted({ credentialRequirements: ANY_PRO_FEE, apprenticesAccepted: true });
      const apprentice = ok(await app.gql(MATCH, { job: withApprentices.id }, owner.accessToken)).matchCoders.find((m: Untyped) => m.coder.user.name === 'CPC-A');
      expect(apprentice.reasons[0]).toBe("Verified CPC-A (apprentice) meets 'any of CPC, CCS-P'");

      const twoGroups = await posted({ credentialRequirements: [...ANY_PRO_FEE, { anyOf: ['CRC'] }] });
      const [only] = ok(await app.gql(MATCH, { job: twoGroups.id }, owner.accessToken)).matchCoders;
      expect(await matchedNames(twoGroups.id)).toEqual(['CPC+CRC']);
      expect(only.reasons.slice(0, 2)).toEqual(['Verified CRC', "Verified CPC meets 'any of CPC, CCS-P'"]);
    });

    it('keeps the old requiredCredentialTypes behaviour: every type required', async () => {
      const job = await posted({ requiredCredentialTypes: ['CPC', 'CRC'] });
      expect(await matchedNames(job.id)).toEqual(['CPC+CRC']);
      const [match] = ok(await app.gql(MATCH, { job: job.id }, owner.accessToken)).matchCoders;
      expect(match.reasons.slice(0, 2)).toEqual(['Verified CPC', 'Verified CRC']);
    });

    it('recommends to a coder the postings whose groups the coder meets, apprentices only where accepted', async () => {
      const { owner: other, organization } = await a.practice(undefined, 'Recommending Clinic');
      const create = async (title: string, overrides: Record<string, unknown>) =>
        ok(await app.gql(POST, { input: jobInput(organization.id, { title, requiredCredentialTypes: [], ...overrides }) }, other.accessToken)).createJobPosting;
      await create('Rec any pro-fee', { credentialRequirements: ANY_PRO_FEE });
      await create('Rec pro-fee and CRC', { credentialRequirements: [...ANY_PRO_FEE, { anyOf: ['CRC'] }] });
      await create('Rec apprentices welcome', { credentialRequirements: [{ anyOf: ['CPC'] }], apprenticesAccepted: true });
      const titles = async (name: string) =>
        (ok(await app.gql(RECOMMENDED, {}, coder[name].accessToken)).recommendedJobs as Untyped[])
          .map((m) => m.job.title)
          .filter((title: string) => title.startsWith('Rec '))
          .sort();
      expect(await titles('CCS-P')).toEqual(['Rec any pro-fee']);
      expect(await titles('CPC+CRC')).toEqual(['Rec any pro-fee', 'Rec apprentices welcome', 'Rec pro-fee and CRC']);
      expect(await titles('CPC-A')).toEqual(['Rec apprentices welcome']);
      expect(await titles('COC')).toEqual([]);
      expect(await titles('expired CPC')).toEqual([]);
      const [explained] = (ok(await app.gql(RECOMMENDED, {}, coder['CCS-P'].accessToken)).recommendedJobs as Untyped[]).filter((m) => m.job.title === 'Rec any pro-fee');
      expect(explained.reasons[0]).toBe("Verified CCS-P meets 'any of CPC, CCS-P'");
    });

    it('shows a posting’s matches to its practice only', async () => {
      const job = await posted({ credentialRequirements: ANY_PRO_FEE });
      failed(await app.gql(MATCH, { job: job.id }, (await a.provider()).accessToken), 'NOT_FOUND');
      failed(await app.gql(MATCH, { job: job.id }, coder['CPC'].accessToken), 'NOT_FOUND');
    });
  });

  describe('coder directory', () => {
    const names = async (filter: Record<string, unknown>) => (ok(await app.gql(CODERS, { filter: { text: 'Quillfeather', ...filter } })).coders.edges as Untyped[]).map((e) => e.node.user.name).sort();

    it('filters by groups: every group met, any one type within a group', async () => {
      expect(await names({ credentialRequirements: ANY_PRO_FEE })).toEqual(['CCS-P', 'CPC', 'CPC+CRC']);
      expect(await names({ credentialRequirements: [...ANY_PRO_FEE, { anyOf: ['CRC'] }] })).toEqual(['CPC+CRC']);
      // All of: groups of one type each (credentialTypes alone means any of them).
      expect(await names({ credentialRequirements: [{ anyOf: ['CPC'] }, { anyOf: ['CRC'] }] })).toEqual(['CPC+CRC']);
      expect(await names({ credentialTypes: ['CPC', 'CRC'] })).toEqual(['CPC', 'CPC+CRC']);
      expect(await names({ credentialRequirements: [{ anyOf: ['CPC_A'] }] })).toEqual(['CPC', 'CPC+CRC', 'CPC-A']);
    });

    it('names a bad group', async () => {
      expect(failed(await app.gql(CODERS, { filter: { credentialRequirements: [{ anyOf: [] }] } }), 'BAD_USER_INPUT').extensions.fields).toEqual(['filter.credentialRequirements.0.anyOf']);
      expect(failed(await app.gql(CODERS, { filter: { credentialRequirements: [1, 2, 3, 4, 5, 6].map(() => ({ anyOf: ['CPC'] })) } }), 'BAD_USER_INPUT').extensions.fields).toEqual([
        'filter.credentialRequirements',
      ]);
    });
  });
});
