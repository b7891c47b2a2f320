import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, failed, given, nextYear, ok, Session } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const CODERS = `query($filter: CoderFilterInput, $first: Int, $after: String, $sort: CoderSort) {
  coders(filter: $filter, first: $first, after: $after, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id headline hourlyRateCents ratingAverage user { name email } credentials { type status number } } } } }`;

describe('coder directory', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};
  let ortho: Session;

  const search = async (variables: Record<string, unknown>) => ok(await app.gql(CODERS, variables)).coders;
  const names = async (variables: Record<string, unknown>) => (await search(variables)).edges.map((e: Untyped) => e.node.user.name);

  beforeAll(async () => {
    app = await TestApp.start();
    const a = given(app);
    const c = coders(app);
    const cardio = await c.verifiedCoder({
      name: 'Avery Cardio',
      credentials: ['CPC', 'CCC'],
      profile: { headline: 'Cardiology coding specialist', hourlyRateCents: 4500, ehrSystems: ['Epic'], codeSets: ['ICD10CM', 'CPT', 'HCPCS'] },
    });
    ids.cardio = cardio.profile.id;

    ortho = await a.coder({ name: 'Blake Ortho' });
    ids.ortho = (
      await c.upsertProfile(ortho, {
        headline: 'Orthopedic surgery coder',
        bio: 'Fractures, joint replacement, spine.',
        hourlyRateCents: 3500,
        specialties: [{ specialty: 'ORTHOPEDICS', yearsExperience: 6 }],
        ehrSystems: ['Cerner'],
        codeSets: ['ICD10CM', 'CPT'],
      })
    ).id;
    await c.addCredential(ortho, { type: 'CPC', number: 'CPC-PENDING-1', issuedOn: '2021-01-01', expiresOn: nextYear() });
    const rejected = await c.addCredential(ortho, { type: 'CCS', number: 'CCS-REJECTED-1', issuedOn: '2021-01-01', expiresOn: nextYear() });
    await c.verify(rejected.id, false);

    const expired = await a.coder({ name: 'Casey Expired' });
    ids.expired = (
      await c.upsertProfile(expired, {
        headline: 'Risk adjustment and HCC coder',
        bio: 'Cardiology charts too.',
        hourlyRateCents: 6000,
        available: false,
        specialties: [
          { specialty: 'RISK_ADJUSTMENT', yearsExperience: 5 },
          { specialty: 'CARDIOLOGY', yearsExperience: 2 },
        ],
        codeSets: ['ICD10CM', 'HCC'],
        workTypes: ['CODING', 'AUDITING'],
      })
    ).id;
    const old = await c.addCredential(expired, { type: 'CRC', number: 'CRC-OLD-1', issuedOn: '2019-01-01', expiresOn: '2021-01-01' });
    await c.verify(old.id);

    const biller = await c.verifiedCoder({
      name: 'Drew Billing',
      credentials: ['CPB'],
      profile: {
        headline: 'Medical biller, denials and AR',
        bio: 'Denial management for family practices.',
        hourlyRateCents: null,
        specialties: [{ specialty: 'FAMILY_PRACTICE', yearsExperience: 4 }],
        workTypes: ['BILLING', 'DENIAL_MANAGEMENT'],
        ehrSystems: ['athenahealth'],
      },
    });
    ids.biller = biller.profile.id;

    // Ratings come from reviews (a later feature): set the totals directly for the rating filters.
    await app.sql('UPDATE coder_profiles SET rating_count = 4, rating_total = 19 WHERE id = $1', [ids.cardio]);
    await app.sql('UPDATE coder_profiles SET rating_count = 2, rating_total = 7 WHERE id = $1', [ids.ortho]);
  });
  afterAll(() => app?.close());

  it('lists everyone publicly, best rated first, with no emails or credential numbers', async () => {
    const page = await search({});
    expect(page.totalCount).toBe(4);
    expect(page.edges.map((e: Untyped) => e.node.user.name).slice(0, 2)).toEqual(['Avery Cardio', 'Blake Ortho']);
    for (const edge of page.edges) {
      expect(edge.node.user.email).toBeNull();
      for (const credential of edge.node.credentials) expect(credential.number).toBeNull();
    }
    expect(page.edges[0].node.ratingAverage).toBe(4.75);
  });

  it('shows each viewer on a directory row what coderProfile shows them: pending and rejected credentials, numbers, review notes, the email and screening only to the coder and admins', async () => {
    const card = 'id publicUrl user { name email mfaEnabled } credentials { type status number reviewNote } screening { onHold npi }';
    const row = async (token?: string) => ok(await app.gql(`{ coders(first: 10) { edges { node { ${card} } } } }`, {}, token)).coders.edges.find((e: Untyped) => e.node.id === ids.ortho).node;
    const single = async (token?: string) => ok(await app.gql(`query($id: ID!) { coderProfile(id: $id) { ${card} } }`, { id: ids.ortho }, token)).coderProfile;
    const otherCoder = await given(app).coder();
    const admin = await given(app).admin();
    const seen: Record<string, Untyped> = {};
    for (const [viewer, token] of [
      ['visitor', undefined],
      ['other coder', otherCoder.accessToken],
      ['the coder', ortho.accessToken],
      ['admin', admin.accessToken],
    ] as const) {
      seen[viewer] = await row(token);
      expect({ viewer, row: seen[viewer] }).toEqual({ viewer, row: await single(token) });
    }
    for (const outsider of ['visitor', 'other coder']) {
      expect(seen[outsider]).toEqual({ id: ids.ortho, publicUrl: null, user: { name: 'Blake Ortho', email: null, mfaEnabled: false }, credentials: [], screening: null });
    }
    for (const insider of ['the coder', 'admin']) {
      expect(seen[insider].user.email).toBe(ortho.user.email);
      expect(seen[insider].screening).toEqual({ onHold: false, npi: null });
      expect(seen[insider].credentials.map((c: Untyped) => [c.type, c.status, c.number, c.reviewNote])).toEqual([
        ['CPC', 'PENDING', 'CPC-PENDING-1', null],
        ['CCS', 'REJECTED', 'CCS-REJECTED-1', 'Checked on aapc.com'],
      ]);
    }
  });

  it('filters by specialty (any of)', async () => {
    expect((await names({ filter: { specialties: ['CARDIOLOGY'] } })).sort()).toEqual(['Avery Cardio', 'Casey Expired']);
    expect((await names({ filter: { specialties: ['ORTHOPEDICS', 'FAMILY_PRACTICE'] } })).sort()).toEqual(['Blake Ortho', 'Drew Billing']);
  });

  it('counts only verified, unexpired credentials', async () => {
    expect(await names({ filter: { credentialTypes: ['CPC'] } })).toEqual(['Avery Cardio']);
    expect(await names({ filter: { credentialTypes: ['CRC'] } })).toEqual([]);
    expect((await names({ filter: { credentialTypes: ['CCC', 'CPB'] } })).sort()).toEqual(['Avery Cardio', 'Drew Billing']);
  });

  it('needs every requested code set, any requested work type', async () => {
    expect(await names({ filter: { codeSets: ['CPT', 'HCPCS'] } })).toEqual(['Avery Cardio']);
    expect((await names({ filter: { workTypes: ['AUDITING', 'DENIAL_MANAGEMENT'] } })).sort()).toEqual(['Casey Expired', 'Drew Billing']);
  });

  it('filters by rate, availability and rating', async () => {
    expect((await names({ filter: { maxHourlyRateCents: 4500 } })).sort()).toEqual(['Avery Cardio', 'Blake Ortho']);
    expect(await names({ filter: { availableOnly: true, specialties: ['CARDIOLOGY'] } })).toEqual(['Avery Cardio']);
    expect(await names({ filter: { minRating: 4 } })).toEqual(['Avery Cardio']);
  });

  it('searches text over headline, bio, specialties and EHR, best match first', async () => {
    expect(await names({ filter: { text: 'cardiology' } })).toEqual(['Avery Cardio', 'Casey Expired']);
    expect(await names({ filter: { text: 'cerner' } })).toEqual(['Blake Ortho']);
    expect(await names({ filter: { text: 'athenahealth denials' } })).toEqual(['Drew Billing']);
    expect(await names({ filter: { text: 'orthopedics' } })).toEqual(['Blake Ortho']);
    expect(await names({ filter: { text: '"joint replacement"' } })).toEqual(['Blake Ortho']);
  });

  it('combines filters', async () => {
    expect(await names({ filter: { text: 'cardiology', availableOnly: true, credentialTypes: ['CCC'], maxHourlyRateCents: 5000, codeSets: ['CPT'] } })).toEqual(['Avery Cardio']);
    expect(await names({ filter: { text: 'cardiology', specialties: ['ORTHOPEDICS'] } })).toEqual([]);
  });

  it('sorts by rate, cheapest first, coders without an hourly rate last', async () => {
    expect(await names({ sort: 'RATE' })).toEqual(['Blake Ortho', 'Avery Cardio', 'Casey Expired', 'Drew Billing']);
  });

  it('pages with opaque cursors', async () => {
    const first = await search({ first: 3, sort: 'RATE' });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search({ first: 3, sort: 'RATE', after: first.pageInfo.endCursor });
    expect(second.edges.map((e: Untyped) => e.node.user.name)).toEqual(['Drew Billing']);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0].cursor });
  });

  it('names invalid filters', async () => {
    expect(failed(await app.gql(CODERS, { filter: { minRating: 7 } }), 'BAD_USER_INPUT').extensions.fields).toEqual(['filter.minRating']);
    expect(failed(await app.gql(CODERS, { filter: { specialties: ['PLUMBING'] } }), 'BAD_USER_INPUT').extensions.fields).toEqual(['filter.specialties.0']);
    expect(failed(await app.gql(CODERS, { after: 'garbage' }), 'BAD_USER_INPUT').extensions.fields).toEqual(['after']);
  });

  it('ranks text matches by relevance among the 300 best rated, pages to the end of that window, and counts them all', async () => {
    // 310 coders mentioning "zymurgy": every tenth in the headline (weighted A) with a middling rating of 3,
    // the rest in the bio (weighted C) rated 1, 2, 4 or 5. The window leaves out the 10 lowest rated.
    await app.sql(`
      WITH made AS (
        INSERT INTO users (email, name, role, password_hash)
        SELECT 'zymurgy-' || n || '@example.test', 'Zymurgy ' || n, 'CODER', 'not-a-hash' FROM generate_series(1, 310) AS n
        RETURNING id, name)
      INSERT INTO coder_profiles (user_id, headline, bio, years_experience, timezone, weekly_capacity_hours, available, specialty_years, code_sets, work_types, ehr_systems, rating_count, rating_total)
      SELECT id, CASE WHEN n % 10 = 0 THEN 'Zymurgy coder' ELSE 'Coder' END, CASE WHEN n % 10 = 0 THEN 'Charts.' ELSE 'Also knows zymurgy.' END,
             5, 'UTC', 20, true, '{}', '{CPT}', '{CODING}', '{}', 1, CASE WHEN n % 10 = 0 THEN 3 ELSE (ARRAY[1, 2, 4, 5])[1 + n % 4] END
        FROM made, LATERAL (SELECT substring(made.name FROM 9)::int AS n) k`);
    const page = await search({ filter: { text: 'zymurgy' }, first: 40 });
    expect(page.totalCount).toBe(310);
    const headlines = page.edges.map((e: Untyped) => e.node.headline);
    expect(headlines).toEqual([...Array(31).fill('Zymurgy coder'), ...Array(9).fill('Coder')]);

    let after = page.pageInfo.endCursor;
    let seen = page.edges.length;
    for (;;) {
      const next = await search({ filter: { text: 'zymurgy' }, first: 100, after });
      seen += next.edges.length;
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
    }
    expect(seen).toBe(300);
    expect((await search({ filter: { text: 'zymurgy' }, sort: 'RATING', first: 100 })).totalCount).toBe(310);
  });
});
