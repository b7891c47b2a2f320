import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { directoryCardPage } from '../bench/pages.js';
import { seed, SEED_PASSWORD } from '../bench/seed.js';
import { AUTH_FIELDS, failed, given, ok, postJob, Session } from './support/given.js';
import { releasedMilestone } from './support/money.js';
import { everyField } from './support/schema-fields.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';
import { auditedBatch } from './support/work.js';

describe('SQL statements per request on list fields', () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  let statements = 0;
  let owner: Session;
  const reviewed: { profileId: string }[] = [];

  /** Runs one GraphQL request and counts the SQL statements the app sent while it ran. */
  async function counted<T = Record<string, Untyped>>(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const before = statements;
    const data = ok(await app.gql<T>(query, variables, token));
    return { data, statements: statements - before };
  }

  beforeAll(async () => {
    // Every public field on 100 rows costs far more than GRAPHQL_MAX_COST, and the generated documents
    // are long: this suite measures statements, so those two limits are lifted here (the cost tests below use the default).
    app = await TestApp.start({ GRAPHQL_MAX_COST: '1000000', GRAPHQL_MAX_TOKENS: '20000' });
    schema = app.app.get(GraphQLSchemaHost).schema;
    // Every statement TypeORM runs goes through the data source's logger (logging off or on).
    const logger = app.app.get(DataSource).logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (...args) => {
      statements++;
      return logQuery(...args);
    };

    // A directory of exactly 100 coders (profiles, credentials) from the bench seed: a few hundred ms.
    await seed({ coders: 100, jobs: 0, practices: 0, seed: 12, databaseUrl: app.config.databaseUrl, quiet: true });
    const logIn = async (email: string): Promise<Session> =>
      ok(await app.gql<{ logIn: Session }>(`mutation($input: LogInInput!) { logIn(input: $input) { ${AUTH_FIELDS} } }`, { input: { email, password: SEED_PASSWORD } })).logIn;
    const seeded = await Promise.all(Array.from({ length: 11 }, (_, i) => logIn(`coder-${String(i).padStart(6, '0')}@seed.chartbridge.test`)));

    // One practice with 11 contracts from two postings: on the hourly one, two coders bid a fixed
    // price (BAA signed, a batch audited, a milestone paid and released, ended and reviewed: reviews need
    // money moved) and eight by the hour (work logged, the first BAA signed); one FIXED_PRICE with a milestone.
    const practice = await given(app).practice();
    owner = practice.owner;
    const hourly = await postJob(app, owner, practice.organization.id, {
      requiredCredentialTypes: [],
      positions: 10,
      requiresBaa: true,
      specialty: 'CARDIOLOGY',
      payModel: 'HOURLY',
      rateCents: 6000,
    });
    const fixed = await postJob(app, owner, practice.organization.id, { requiredCredentialTypes: [], payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 500000, requiresBaa: false });
    const contractFor = async (coder: Session, jobPostingId: string, bid: Record<string, unknown>) => {
      const { submitBid } = ok(
        await app.gql(`mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`, { input: { jobPostingId, coverLetter: 'Ready to start.', ...bid } }, coder.accessToken),
      );
      return ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: submitBid.id }, owner.accessToken)).acceptBid.id as string;
    };
    const today = new Date().toISOString().slice(0, 10);
    for (const [i, coder] of seeded.slice(0, 10).entries()) {
      const contractId = await contractFor(coder, hourly.id, i < 2 ? { payModel: 'FIXED_PRICE', rateCents: 50000 + i } : { rateCents: 4000 + i });
      if (i >= 2 && i % 2 === 0)
        ok(
          await app.gql(
            `mutation($c: ID!, $input: LogWorkInput!) { logWork(contractId: $c, input: $input) { id } }`,
            { c: contractId, input: { workedOn: today, minutes: 10 + i } },
            coder.accessToken,
          ),
        );
      if (i >= 3) continue;
      for (const party of [owner, coder]) ok(await app.gql(`mutation($id: ID!) { signBaa(contractId: $id) { id } }`, { id: contractId }, party.accessToken));
      if (i === 2) continue;
      await auditedBatch(app, contractId, coder, owner, i);
      await releasedMilestone(app, owner, contractId);
      ok(await app.gql(`mutation($id: ID!) { endContract(id: $id) { id } }`, { id: contractId }, owner.accessToken));
      for (const party of [owner, coder])
        ok(await app.gql(`mutation($id: ID!) { leaveReview(contractId: $id, rating: ${5 - i}, comment: "Contract ${i}") { id } }`, { id: contractId }, party.accessToken));
      const [profile] = await app.sql<{ id: string }>('SELECT id FROM coder_profiles WHERE user_id = $1', [coder.user.id]);
      reviewed.push({ profileId: profile.id });
    }
    const fixedContract = await contractFor(seeded[10], fixed.id, { rateCents: 500000 });
    ok(
      await app.gql(
        `mutation($c: ID!, $input: CreateMilestoneInput!) { createMilestone(contractId: $c, input: $input) { id } }`,
        { c: fixedContract, input: { title: 'Backlog', amountCents: 250000 } },
        owner.accessToken,
      ),
    );
  }, 60_000);
  afterAll(() => app?.close());

  it('answers a 100-row directory page with every public field in as many statements as a 10-row page', async () => {
    const profile = everyField(schema, 'CoderProfile', 2);
    const page = `query($first: Int!) { coders(first: $first, sort: RATING) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${profile} } } } }`;
    const ten = await counted(page, { first: 10 });
    const hundred = await counted(page, { first: 100 });
    expect(ten.data.coders.edges).toHaveLength(10);
    expect(hundred.data.coders.edges).toHaveLength(100);
    expect(hundred.statements).toBe(ten.statements);
    expect(hundred.statements).toBeLessThanOrEqual(8);

    // Batched answers are the same as one profile at a time: the rows with reviews and audits, and a 10-row page.
    const single = async (id: string) => ok(await app.gql(`query($id: ID!) { coderProfile(id: $id) { ${profile} } }`, { id })).coderProfile;
    const byId = new Map(hundred.data.coders.edges.map((edge: Untyped) => [edge.node.id, edge.node]));
    for (const { profileId } of reviewed) expect(byId.get(profileId)).toEqual(await single(profileId));
    for (const edge of ten.data.coders.edges) expect(edge.node).toEqual(await single(edge.node.id));
    const first = byId.get(reviewed[0].profileId) as Untyped;
    expect(first.reviews).toEqual([expect.objectContaining({ rating: 5, comment: 'Contract 0', published: true, authorSide: 'provider' })]);
    expect(first.accuracyBySpecialty).toEqual([{ specialty: 'CARDIOLOGY', sampled: 2, errors: 0, score: null }]); // under ACCURACY_MIN_SAMPLE: not published
  });

  it('answers myContracts with every field of 10 contracts in as many statements as 2', async () => {
    const contract = everyField(schema, 'Contract', 4);
    const page = `query($first: Int!) { myContracts(first: $first) { totalCount edges { node { ${contract} } } } }`;
    const two = await counted(page, { first: 2 }, owner.accessToken);
    const ten = await counted(page, { first: 10 }, owner.accessToken);
    expect(two.data.myContracts.edges).toHaveLength(2);
    expect(ten.data.myContracts.edges).toHaveLength(10);
    expect(ten.statements).toBe(two.statements);
    // A constant number per page, whatever its size (the assertion above); the ceiling tracks what a contract shows:
    // 30 with the batches' audit findings, the credential alerts, the PHI destruction record and the disputes connection with its
    // count (one batched statement each).
    expect(ten.statements).toBeLessThanOrEqual(30);

    const nodes = ten.data.myContracts.edges.map((edge: Untyped) => edge.node);
    for (const node of nodes) expect(node).toEqual(ok(await app.gql(`query($id: ID!) { contract(id: $id) { ${contract} } }`, { id: node.id }, owner.accessToken)).contract);
    // The page really carries what it batches: milestones, work logs, signatures, bids of the posting.
    expect(nodes.flatMap((n: Untyped) => n.milestones)).toHaveLength(2);
    expect(nodes.flatMap((n: Untyped) => n.workLogs).length).toBeGreaterThanOrEqual(4);
    expect(nodes.filter((n: Untyped) => n.baa.complete).length).toBeGreaterThanOrEqual(1);
    expect(nodes.some((n: Untyped) => n.jobPosting.bids.totalCount === 10)).toBe(true);
  });

  it('answers a page of postings with their bids, invitations and members in as many statements for 2 postings as for 1, to members only', async () => {
    const postings = `query($first: Int!) { jobPostings(first: $first, sort: NEWEST, filter: { status: FILLED }) { edges { node { id
      bids(first: 5) { totalCount pageInfo { hasNextPage } edges { node { id coder { id } } } } invitations { totalCount edges { node { id } } }
      organization { members { totalCount edges { node { role user { id } } } } } } } } }`;
    const one = await counted(postings, { first: 1 }, owner.accessToken);
    const two = await counted(postings, { first: 2 }, owner.accessToken);
    expect(two.statements).toBe(one.statements);
    expect(two.statements).toBeLessThanOrEqual(15);
    expect(two.data.jobPostings.edges.map((e: Untyped) => [e.node.bids.totalCount, e.node.bids.edges.length, e.node.bids.pageInfo.hasNextPage])).toEqual([
      [1, 1, false],
      [10, 5, true],
    ]);
    expect(two.data.jobPostings.edges.map((e: Untyped) => e.node.organization.members.totalCount)).toEqual([1, 1]);

    // Outsiders get the postings, and an error for each restricted field of each posting.
    const outsider = await given(app).provider();
    const res = await app.gql(postings, { first: 2 }, outsider.accessToken);
    expect(res.data?.jobPostings.edges.map((e: Untyped) => [e.node.bids, e.node.invitations, e.node.organization.members])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
    expect(res.errors!.map((e) => e.extensions.code)).toEqual(Array(6).fill('NOT_FOUND'));
  });

  it('still checks the bounds of list arguments', async () => {
    const coder = `{ coders(first: 1) { edges { node { reviews(first: 101) { id } } } } }`;
    expect(failed(await app.gql(coder), 'BAD_USER_INPUT').extensions.fields).toEqual(['first']);
    const contracts = `{ myContracts(first: 1) { edges { node { workLogs(first: 101) { id } } } } }`;
    expect(failed(await app.gql(contracts, {}, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['first']);
  });
});

describe('the cost of list fields', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
    // 30 coders with their credentials (bench seed): a full card page has rows to answer with.
    await seed({ coders: 30, jobs: 0, practices: 0, seed: 7, databaseUrl: app.config.databaseUrl, quiet: true });
  }, 60_000);
  afterAll(() => app?.close());

  it("answers a visitor's directory page of 20 full cards (bench/pages.ts) within the default cost limit, and refuses 100 of them", async () => {
    const schema = app.app.get(GraphQLSchemaHost).schema;
    const page = ok(await app.gql(directoryCardPage(schema, 20), { f: { availableOnly: false } }));
    expect(page.coders.edges).toHaveLength(20);
    const card = page.coders.edges[0].node;
    // The card carries what a frontend shows: credentials, specialties, reviews, accuracy, the coder, the page link.
    expect(card).toEqual(
      expect.objectContaining({ credentials: expect.any(Array), specialties: expect.any(Array), reviews: [], accuracySampleSize: 0, user: expect.objectContaining({ name: expect.any(String) }) }),
    );
    expect(card.credentials.length).toBeGreaterThan(0);
    expect('publicUrl' in card).toBe(true);
    // Five times the page is refused before any resolver runs.
    expect(failed(await app.gql(directoryCardPage(schema, 100)), 'BAD_USER_INPUT').message).toMatch(/too expensive/);
  });

  it("counts each coder's reviews on a directory page: 20 by default, `first` to ask for fewer", async () => {
    const reviews = (args: string) => `{ coders(first: 100) { edges { node { id reviews${args} { id authorSide rating comment published createdAt } } } } }`;
    expect(failed(await app.gql(reviews('')), 'BAD_USER_INPUT').message).toMatch(/too expensive/);
    ok(await app.gql(reviews('(first: 3)')));
  });

  it("counts each contract's work logs, milestones and disputes: 20 by default, `first` to ask for fewer", async () => {
    const { owner } = await given(app).practice();
    const contracts = (field: string) => `{ myContracts(first: 100) { edges { node { id ${field} } } } }`;
    for (const [field, selection] of [
      ['workLogs', '{ id workedOn minutes charts note invoiced }'],
      ['milestones', '{ id title amountCents status dueOn autoReleaseAt submissionNote createdAt }'],
      ['disputes', '{ id reason openedBySide status outcome heldCents coderCents practiceCents }'],
    ]) {
      expect(failed(await app.gql(contracts(`${field} ${selection}`), {}, owner.accessToken), 'BAD_USER_INPUT').message).toMatch(/too expensive/);
      ok(await app.gql(contracts(`${field}(first: 3) ${selection}`), {}, owner.accessToken));
    }
  });
});
