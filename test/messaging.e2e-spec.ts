import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { failed, given, ok } from './support/given.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const SEND = `mutation($id: ID!, $body: String!) { sendMessage(contractId: $id, body: $body) { id body senderId contractId } }`;
const MESSAGES = `query($id: ID!) { messages(contractId: $id) { totalCount edges { node { body senderId } } } }`;

/** Collects what a subscription delivers; `next()` waits for the following item. */
function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const items: Untyped[] = [];
  const errors: Untyped[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        else items.push(value.data);
        wake?.();
      },
      error: (error) => {
        errors.push(error);
        wake?.();
      },
      complete: () => undefined,
    },
  );
  return {
    items,
    errors,
    unsubscribe,
    async next(count = items.length + 1): Promise<void> {
      for (let i = 0; i < 100 && items.length < count && errors.length === 0; i++) await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, 50)));
    },
  };
}

describe('messaging and real-time delivery', () => {
  let app: TestApp;
  let host: string;
  const clients: Client[] = [];

  const connect = (token?: string) => {
    const client = createClient({ url: `ws://${host}/graphql`, webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0, lazy: true });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    app = await TestApp.start();
    host = await app.listen();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await app?.close();
  });

  it('delivers a contract message to its parties only, and notifies the other side', async () => {
    const one = await acceptedContract(app, {}, { rateCents: 400 });
    const two = await acceptedContract(app, {}, { rateCents: 400 });
    const onOne = subscribe(connect(one.coder.accessToken), `subscription($id: ID!) { messageAdded(contractId: $id) { body contractId } }`, { id: one.contractId });
    const onTwo = subscribe(connect(two.coder.accessToken), `subscription($id: ID!) { messageAdded(contractId: $id) { body contractId } }`, { id: two.contractId });
    const notes = subscribe(connect(one.coder.accessToken), `subscription { notificationAdded { kind data } }`);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const sent = ok(await app.gql(SEND, { id: one.contractId, body: '  Batch 3 is uploaded, charts CH-1..CH-40  ' }, one.owner.accessToken)).sendMessage;
    expect(sent).toMatchObject({ body: 'Batch 3 is uploaded, charts CH-1..CH-40', senderId: one.owner.user.id, contractId: one.contractId });
    await onOne.next();
    await notes.next();
    expect(onOne.items).toEqual([{ messageAdded: { body: 'Batch 3 is uploaded, charts CH-1..CH-40', contractId: one.contractId } }]);
    expect(notes.items[0]).toEqual({ notificationAdded: { kind: 'MESSAGE_RECEIVED', data: { contractId: one.contractId, messageId: sent.id } } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onTwo.items).toEqual([]);

    ok(await app.gql(SEND, { id: one.contractId, body: 'Thanks, reviewing now' }, one.coder.accessToken));
    expect(ok(await app.gql(MESSAGES, { id: one.contractId }, one.coder.accessToken)).messages.edges.map((e: Untyped) => e.node.body)).toEqual([
      'Thanks, reviewing now',
      'Batch 3 is uploaded, charts CH-1..CH-40',
    ]);
  });

  it('refuses outsiders, empty messages and ended contracts', async () => {
    const { owner, coder, contractId } = await acceptedContract(app, {}, { rateCents: 400 });
    const outsider = await given(app).provider();
    failed(await app.gql(SEND, { id: contractId, body: 'hi' }, outsider.accessToken), 'NOT_FOUND');
    failed(await app.gql(MESSAGES, { id: contractId }, outsider.accessToken), 'NOT_FOUND');
    expect(failed(await app.gql(SEND, { id: contractId, body: '   ' }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['body']);

    const denied = subscribe(connect(outsider.accessToken), `subscription($id: ID!) { messageAdded(contractId: $id) { body } }`, { id: contractId });
    await denied.next();
    expect(denied.errors[0]).toMatchObject({ message: 'Contract not found', extensions: { code: 'NOT_FOUND' } });

    const anonymous = subscribe(connect(), `subscription($id: ID!) { messageAdded(contractId: $id) { body } }`, { id: contractId });
    await anonymous.next();
    expect(anonymous.items).toEqual([]);
    expect(anonymous.errors.length).toBeGreaterThan(0);

    ok(await app.gql(`mutation($id: ID!) { endContract(id: $id) { id } }`, { id: contractId }, coder.accessToken));
    failed(await app.gql(SEND, { id: contractId, body: 'late' }, owner.accessToken), 'CONFLICT');
  });
});
