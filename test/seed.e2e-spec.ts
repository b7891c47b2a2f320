import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seed } from '../bench/seed.js';
import { TestApp } from './support/test-app.js';

describe('seed generator', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app?.close());

  it('produces consistent marketplace data, and nothing more when run again', async () => {
    const options = { coders: 300, jobs: 40, practices: 8, seed: 7, databaseUrl: app.config.databaseUrl, quiet: true };
    const first = await seed(options);
    expect(first).toMatchObject({ coderProfiles: 300, organizations: 8, memberships: 8, jobPostings: 40 });
    expect(first.users).toBe(308);
    expect(await seed(options)).toEqual({ users: 0, coderProfiles: 0, credentials: 0, organizations: 0, memberships: 0, jobPostings: 0, bids: 0, contracts: 0, workRequests: 0 });

    // Every profile derived its specialties and search document; every practice has a valid NPI and an owner.
    expect(await app.sql(`SELECT 1 FROM coder_profiles WHERE search_document IS NULL OR cardinality(specialties) = 0`)).toEqual([]);
    // Every profile lists exactly its coder's verified credential types (kept by triggers, whatever the insert order).
    expect(
      await app.sql(
        `SELECT 1 FROM coder_profiles p WHERE p.verified_credential_types IS DISTINCT FROM ARRAY(SELECT c.type FROM credentials c WHERE c.coder_id = p.user_id AND c.status = 'VERIFIED' ORDER BY c.type)`,
      ),
    ).toEqual([]);
    const [{ holders }] = await app.sql<{ holders: string }>(`SELECT count(*)::text AS holders FROM coder_profiles WHERE cardinality(verified_credential_types) > 0`);
    expect(Number(holders)).toBeGreaterThan(100);
    expect(await app.sql(`SELECT 1 FROM organizations o WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = o.id AND m.role = 'OWNER')`)).toEqual([]);
    // Every bid comes from a coder holding each credential the posting requires, verified and unexpired.
    const invalidBids = await app.sql(`
      SELECT b.id FROM bids b JOIN job_postings j ON j.id = b.job_posting_id, unnest(j.required_credential_types) AS r(type)
       WHERE NOT EXISTS (SELECT 1 FROM credentials c WHERE c.coder_id = b.coder_id AND c.type = r.type AND c.status = 'VERIFIED' AND c.expires_on >= CURRENT_DATE)`);
    expect(invalidBids).toEqual([]);
    const [{ n }] = await app.sql<{ n: string }>(`SELECT count(*)::text AS n FROM bids`);
    expect(Number(n)).toBeGreaterThan(0);
    // Seeded users can log in with the documented password.
    const login = await app.gql(`mutation { logIn(input: { email: "coder-000000@seed.chartbridge.test", password: "seed-password-123" }) { user { role } } }`);
    expect(login.data).toEqual({ logIn: { user: { role: 'CODER' } } });
  });
});
