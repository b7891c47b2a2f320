import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coders, failed, given, nextYear, ok, postJob, Session } from './support/given.js';
import { GraphqlSocket, SocketMessage } from './support/graphql-socket.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

// The gaps a newcomer hit building a client on the API (issue 18, item 8), one describe each.

const QUEUE = `query($after: String) { pendingCredentials(first: 100, after: $after) {
  edges { node { id type coder { id name } coderProfile { id headline user { id name } } } } pageInfo { hasNextPage endCursor } } }`;

const MY_POSTINGS = `query($status: JobPostingStatus, $organizationId: ID, $first: Int, $after: String) {
  myJobPostings(status: $status, organizationId: $organizationId, first: $first, after: $after) {
    totalCount edges { cursor node { id title status organization { id } } } pageInfo { hasNextPage endCursor } } }`;

/** The errors of a subscription's first answer: an `error` message, or a `next` carrying `errors` (an error raised while subscribing). */
const errorsOf = (answer: SocketMessage | undefined): Untyped[] | undefined => (answer?.type === 'error' ? answer.payload : answer?.type === 'next' ? answer.payload?.errors : undefined);

const CLOSE = `mutation($id: ID!) { closeJobPosting(id: $id) { id status } }`;

describe('newcomer gaps', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('the admin credential review queue', () => {
    it("shows whose credential each entry is: the coder's id and name and their profile", async () => {
      const c = coders(app);
      const coder = await given(app).coder({ name: 'Dana Whitfield' });
      const profile = await c.upsertProfile(coder, { headline: 'Cardiology coder, 9 years' });
      const credential = await c.addCredential(coder, { type: 'CPC', number: 'CPC-4471', issuedOn: '2022-01-15', expiresOn: nextYear() });
      // A coder who has not written a profile yet: the entry still names them, with no profile.
      const bare = await given(app).coder({ name: 'Robin Ames' });
      const bareCredential = await c.addCredential(bare, { type: 'CCS', number: 'CCS-1', issuedOn: '2022-01-15', expiresOn: nextYear() });
      const admin = await given(app).admin();

      const entries: Untyped[] = ok(await app.gql(QUEUE, {}, admin.accessToken)).pendingCredentials.edges.map((e: Untyped) => e.node);
      expect(entries.find((n) => n.id === credential.id)).toEqual({
        id: credential.id,
        type: 'CPC',
        coder: { id: coder.user.id, name: 'Dana Whitfield' },
        coderProfile: { id: profile.id, headline: 'Cardiology coder, 9 years', user: { id: coder.user.id, name: 'Dana Whitfield' } },
      });
      expect(entries.find((n) => n.id === bareCredential.id)).toMatchObject({ coder: { id: bare.user.id, name: 'Robin Ames' }, coderProfile: null });
    });

    it("types a notification's data by its kind (typedData beside the JSON data)", async () => {
      const c = coders(app);
      const coder = await given(app).coder();
      const credential = await c.addCredential(coder, { type: 'CPC', number: 'CPC-9911', issuedOn: '2022-01-15', expiresOn: nextYear() });
      await c.verify(credential.id);
      const NOTES = `{ myNotifications(first: 5) { edges { node { kind data typedData { __typename ... on CredentialNotificationData { kind credentialId changeId } } } } } }`;
      const [note] = ok(await app.gql(NOTES, {}, coder.accessToken)).myNotifications.edges.map((e: Untyped) => e.node);
      expect(note).toEqual({
        kind: 'CREDENTIAL_REVIEWED',
        data: { credentialId: credential.id },
        typedData: { __typename: 'CredentialNotificationData', kind: 'CREDENTIAL_REVIEWED', credentialId: credential.id, changeId: null },
      });
    });

    it('stays closed to everyone but admins', async () => {
      const coder = await given(app).coder();
      const provider = await given(app).provider();
      failed(await app.gql(QUEUE, {}, coder.accessToken), 'FORBIDDEN');
      failed(await app.gql(QUEUE, {}, provider.accessToken), 'FORBIDDEN');
      failed(await app.gql(QUEUE, {}), 'UNAUTHENTICATED');
    });
  });

  describe("a practice's own postings (myJobPostings)", () => {
    let owner: Session;
    let member: Session;
    let organizationId: string;
    let open: Untyped;
    let closed: Untyped;
    let otherOrganizationId: string;
    let otherClosed: Untyped;

    beforeAll(async () => {
      const practice = await given(app).practice();
      owner = practice.owner;
      organizationId = practice.organization.id;
      member = await given(app).member(owner, organizationId, 'MEMBER');
      open = await postJob(app, owner, organizationId, { title: 'Open one' });
      closed = await postJob(app, owner, organizationId, { title: 'Closed one' });
      ok(await app.gql(CLOSE, { id: closed.id }, owner.accessToken));
      const other = await given(app).practice(undefined, 'Other Practice');
      otherOrganizationId = other.organization.id;
      otherClosed = await postJob(app, other.owner, otherOrganizationId, { title: 'Other tenant closed' });
      ok(await app.gql(CLOSE, { id: otherClosed.id }, other.owner.accessToken));
    });

    it("lists every posting of the caller's organizations, any status, newest first, to every member", async () => {
      for (const session of [owner, member]) {
        const page = ok(await app.gql(MY_POSTINGS, {}, session.accessToken)).myJobPostings;
        expect(page.edges.map((e: Untyped) => [e.node.title, e.node.status])).toEqual([
          ['Closed one', 'CLOSED'],
          ['Open one', 'OPEN'],
        ]);
        expect(page.totalCount).toBe(2);
      }
    });

    it('filters by status and by organization, and pages with first/after', async () => {
      const closedOnly = ok(await app.gql(MY_POSTINGS, { status: 'CLOSED' }, owner.accessToken)).myJobPostings;
      expect(closedOnly.edges.map((e: Untyped) => e.node.id)).toEqual([closed.id]);
      const first = ok(await app.gql(MY_POSTINGS, { first: 1, organizationId }, owner.accessToken)).myJobPostings;
      expect(first.edges.map((e: Untyped) => e.node.id)).toEqual([closed.id]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = ok(await app.gql(MY_POSTINGS, { first: 1, after: first.pageInfo.endCursor, organizationId }, owner.accessToken)).myJobPostings;
      expect(second.edges.map((e: Untyped) => e.node.id)).toEqual([open.id]);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it("never shows another tenant's postings: not in the list, NOT_FOUND when asked for by organization", async () => {
      const mine = ok(await app.gql(MY_POSTINGS, { first: 100 }, owner.accessToken)).myJobPostings;
      expect(mine.edges.map((e: Untyped) => e.node.organization.id)).toEqual(mine.edges.map(() => organizationId));
      expect(mine.edges.map((e: Untyped) => e.node.id)).not.toContain(otherClosed.id);
      failed(await app.gql(MY_POSTINGS, { organizationId: otherOrganizationId }, owner.accessToken), 'NOT_FOUND');
      const coder = await given(app).coder();
      expect(ok(await app.gql(MY_POSTINGS, {}, coder.accessToken)).myJobPostings).toMatchObject({ edges: [], totalCount: 0 });
      failed(await app.gql(MY_POSTINGS, {}), 'UNAUTHENTICATED');
    });

    it('answers bad input as BAD_USER_INPUT naming the argument', async () => {
      const tooMany = await app.gql(MY_POSTINGS, { first: 101 }, owner.accessToken);
      failed(tooMany, 'BAD_USER_INPUT');
      expect(tooMany.errors?.[0].extensions.fields).toEqual(['first']);
      const badCursor = await app.gql(MY_POSTINGS, { after: 'not-a-cursor' }, owner.accessToken);
      failed(badCursor, 'BAD_USER_INPUT');
      expect(badCursor.errors?.[0].extensions.fields).toEqual(['after']);
    });
  });

  describe('validation errors over the WebSocket', () => {
    let host: string;
    const sockets: GraphqlSocket[] = [];
    beforeAll(async () => {
      host = await app.listen();
    });
    afterAll(() => {
      for (const socket of sockets) socket.terminate();
    });

    it('answers a subscription argument that fails validation with BAD_USER_INPUT naming it, and keeps the socket', async () => {
      const coder = await given(app).coder();
      const socket = await GraphqlSocket.connect(host, coder.accessToken);
      sockets.push(socket);
      socket.subscribe('bad-id', `subscription($id: ID!) { messageAdded(contractId: $id) { body } }`, { id: 'not-a-uuid' });
      expect(errorsOf(await socket.answer('bad-id'))).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: ['contractId'] }) })]);
      expect(await socket.alive()).toBe(true);
    });

    it("answers another tenant's contract as NOT_FOUND over the socket, not INTERNAL_SERVER_ERROR", async () => {
      const { contractId } = await acceptedContract(app, {}, { rateCents: 400 });
      const outsider = await given(app).coder();
      const socket = await GraphqlSocket.connect(host, outsider.accessToken);
      sockets.push(socket);
      socket.subscribe('other', `subscription($id: ID!) { messageAdded(contractId: $id) { body } }`, { id: contractId });
      expect(errorsOf(await socket.answer('other'))).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
    });
  });
});
