import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReviewsService } from '../src/reviews/reviews.service.js';
import { failed, given, ok } from './support/given.js';
import { paidContract } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const LEAVE = `mutation($id: ID!, $rating: Int!, $comment: String) { leaveReview(contractId: $id, rating: $rating, comment: $comment) { id authorSide rating comment published } }`;
const SEE = `query($id: ID!) { contractReviews(contractId: $id) { authorSide rating published } }`;
const PROFILE = `query($id: ID!) { coderProfile(id: $id) { ratingAverage ratingCount reviews { rating comment } } }`;
const END = `mutation($id: ID!) { endContract(id: $id) { status } }`;

describe('reviews', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app?.close());

  /** An ended contract on which money reached the coder (reviews need it): a milestone paid (simulated gateway) and released. */
  async function endedContract() {
    const parties = await paidContract(app);
    ok(await app.gql(END, { id: parties.contractId }, parties.owner.accessToken));
    const [profile] = await app.sql<{ id: string }>('SELECT id FROM coder_profiles WHERE user_id = $1', [parties.coder.user.id]);
    return { ...parties, profileId: profile.id };
  }

  it('stays blind until both parties reviewed, then counts in the coder rating', async () => {
    const { owner, coder, contractId, profileId } = await endedContract();
    const first = ok(await app.gql(LEAVE, { id: contractId, rating: 4, comment: 'Accurate and on time' }, owner.accessToken)).leaveReview;
    expect(first).toMatchObject({ authorSide: 'provider', rating: 4, published: false });
    expect(ok(await app.gql(SEE, { id: contractId }, coder.accessToken)).contractReviews).toEqual([]);
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile).toEqual({ ratingAverage: null, ratingCount: 0, reviews: [] });

    ok(await app.gql(LEAVE, { id: contractId, rating: 5 }, coder.accessToken));
    expect(ok(await app.gql(SEE, { id: contractId }, coder.accessToken)).contractReviews).toEqual([
      { authorSide: 'provider', rating: 4, published: true },
      { authorSide: 'coder', rating: 5, published: true },
    ]);
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile).toEqual({ ratingAverage: 4, ratingCount: 1, reviews: [{ rating: 4, comment: 'Accurate and on time' }] });
    failed(await app.gql(LEAVE, { id: contractId, rating: 1 }, owner.accessToken), 'CONFLICT');
  });

  it('publishes both reviews when the parties write them at the same moment', async () => {
    const { owner, coder, contractId, profileId } = await endedContract();
    await Promise.all([app.gql(LEAVE, { id: contractId, rating: 3 }, owner.accessToken), app.gql(LEAVE, { id: contractId, rating: 4 }, coder.accessToken)]);
    expect(ok(await app.gql(SEE, { id: contractId }, coder.accessToken)).contractReviews.map((r: Untyped) => r.published)).toEqual([true, true]);
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile.ratingCount).toBe(1);
  });

  it('publishes a lone review 14 days after the contract ended', async () => {
    const { owner, contractId, profileId } = await endedContract();
    ok(await app.gql(LEAVE, { id: contractId, rating: 2 }, owner.accessToken));
    const service = app.app.get(ReviewsService);
    expect(await service.publishExpired()).toBe(0);
    await app.sql(`UPDATE contracts SET ended_at = now() - interval '15 days' WHERE id = $1`, [contractId]);
    expect(await service.publishExpired()).toBe(1);
    expect(ok(await app.gql(PROFILE, { id: profileId })).coderProfile.ratingCount).toBe(1);
  });

  it('opens only after the contract ended, once per party, for parties only, with ratings 1..5', async () => {
    const { owner, coder, contractId } = await paidContract(app);
    failed(await app.gql(LEAVE, { id: contractId, rating: 5 }, owner.accessToken), 'CONFLICT');
    ok(await app.gql(END, { id: contractId }, coder.accessToken));
    expect(failed(await app.gql(LEAVE, { id: contractId, rating: 6 }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['rating']);
    failed(await app.gql(LEAVE, { id: contractId, rating: 5 }, (await given(app).provider()).accessToken), 'NOT_FOUND');
    const results = await Promise.all([1, 2, 3].map(() => app.gql(LEAVE, { id: contractId, rating: 3 }, coder.accessToken)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
  });
});
