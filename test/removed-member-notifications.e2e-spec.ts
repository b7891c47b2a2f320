import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, given, ok, postJob, Session } from './support/given.js';
import { signBaa } from './support/money.js';
import { GraphqlSocket } from './support/graphql-socket.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const REMOVE = `mutation($org: ID!, $user: ID!) { removeMember(organizationId: $org, userId: $user) }`;
const SUBMIT_BID = `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`;
const ACCEPT_BID = `mutation($id: ID!) { acceptBid(id: $id) { id } }`;
const SEND = `mutation($id: ID!, $body: String!) { sendMessage(contractId: $id, body: $body) { id } }`;
const SUBMIT_BATCH = `mutation($id: ID!) { submitCodedBatch(contractId: $id, input: { encounters: [{ chartRef: "MRN-7", serviceDate: "2026-11-02", icd10cm: ["I10"] }] }) { id } }`;
const NOTIFICATIONS = `{ myNotifications(first: 50) { edges { node { kind message data } } } }`;
const NOTIFICATION_ADDED = `subscription { notificationAdded { kind } }`;

/**
 * Someone removed from an organization hears nothing more of it: no notification about its postings,
 * bids, coded batches or contracts reaches them afterwards (ids, posting and milestone titles, chart
 * counts), in the list or live. What they received before stays theirs.
 */
describe('notifications after a removal', () => {
  let app: TestApp;
  let host: string;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;
  const sockets: GraphqlSocket[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    host = await app.listen();
    a = given(app);
    c = coders(app);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await app?.close();
  });

  const kinds = async (session: Session) => ok(await app.gql(NOTIFICATIONS, {}, session.accessToken)).myNotifications.edges.map((e: Untyped) => e.node.kind as string);
  const liveKinds = (socket: GraphqlSocket) => socket.messages.filter((m) => m.id === 'n' && m.type === 'next').map((m) => m.payload?.data?.notificationAdded?.kind as string);

  it("tells a removed practice member nothing more of the postings they made: bids and coded batches go to the practice's members only", async () => {
    const { owner, organization } = await a.practice();
    const member = await a.member(owner, organization.id, 'MEMBER', await a.provider());
    const job = await postJob(app, member, organization.id, { requiresBaa: false, positions: 2 });
    const { coder: before } = await c.verifiedCoder();
    ok(await app.gql(SUBMIT_BID, { input: { jobPostingId: job.id, rateCents: 400, coverLetter: 'Ready.' } }, before.accessToken));
    expect(await kinds(member)).toEqual(['BID_RECEIVED']);
    const socket = await GraphqlSocket.connect(host, member.accessToken);
    sockets.push(socket);

    ok(await app.gql(REMOVE, { org: organization.id, user: member.user.id }, owner.accessToken));
    // The member's own practice: a bid on its posting is theirs to hear of, live (a marker before and after).
    const own = await a.practice(member, 'Member Own Practice');
    const ownJob = await postJob(app, member, own.organization.id, { requiresBaa: false });
    const marker = async () => {
      const { coder: bidder } = await c.verifiedCoder();
      ok(await app.gql(SUBMIT_BID, { input: { jobPostingId: ownJob.id, rateCents: 400, coverLetter: 'Ready.' } }, bidder.accessToken));
    };
    socket.subscribe('n', NOTIFICATION_ADDED);
    for (;;) {
      await marker();
      if (await socket.waitFor((m) => m.id === 'n' && m.type === 'next', 500)) break;
    }
    const markers = liveKinds(socket).length;

    const { coder } = await c.verifiedCoder();
    const bid = ok(await app.gql(SUBMIT_BID, { input: { jobPostingId: job.id, rateCents: 400, coverLetter: 'Ready.' } }, coder.accessToken)).submitBid.id;
    const contractId = ok(await app.gql(ACCEPT_BID, { id: bid }, owner.accessToken)).acceptBid.id;
    await signBaa(app, contractId, owner, coder);
    ok(await app.gql(SUBMIT_BATCH, { id: contractId }, coder.accessToken));
    await marker();
    await socket.waitFor(() => liveKinds(socket).length > markers);

    // Only their own practice's bids, in the list and live.
    expect(await kinds(member)).toEqual(Array(markers + 2).fill('BID_RECEIVED'));
    expect(liveKinds(socket)).toEqual(Array(markers + 1).fill('BID_RECEIVED'));
  });

  it("tells a coder removed from a coding company nothing more of the company's contract they worked on", async () => {
    const boss = await a.coder();
    const company = ok(await app.gql(`mutation { createOrganization(input: { name: "Precision Coding LLC", kind: CODING_COMPANY }) { id } }`, {}, boss.accessToken)).createOrganization.id;
    const worker = await a.member(boss, company, 'MEMBER', (await c.verifiedCoder()).coder);
    const { owner, organization } = await a.practice();
    const job = await postJob(app, owner, organization.id, { requiresBaa: false });
    const bid = ok(await app.gql(SUBMIT_BID, { input: { coverLetter: 'Ready.', jobPostingId: job.id, rateCents: 400, organizationId: company, assignedCoderId: worker.user.id } }, boss.accessToken))
      .submitBid.id;
    const contractId = ok(await app.gql(ACCEPT_BID, { id: bid }, owner.accessToken)).acceptBid.id;
    ok(await app.gql(SEND, { id: contractId, body: 'Welcome aboard' }, owner.accessToken));
    const before = await kinds(worker);
    expect(before).toContain('MESSAGE_RECEIVED');

    ok(await app.gql(REMOVE, { org: company, user: worker.user.id }, boss.accessToken));
    ok(await app.gql(SEND, { id: contractId, body: 'Charts for April are in the queue' }, owner.accessToken));

    expect(await kinds(worker)).toEqual(before);
  });
});
