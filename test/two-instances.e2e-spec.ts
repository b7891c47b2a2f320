import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { OutboxService } from '../src/outbox/outbox.service.js';
import { given, ok } from './support/given.js';
import { GraphqlSocket } from './support/graphql-socket.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';

/**
 * Two instances of the app on one PostgreSQL (and one Redis when REDIS_URL is set, as in CI's
 * second run). Without Redis, subscriptions and rate-limit counters are per instance by design;
 * the outbox is shared through PostgreSQL either way.
 */
describe('two instances', () => {
  const withRedis = Boolean(process.env.REDIS_URL);
  const shared = { JWT_SECRET: randomBytes(32).toString('hex'), DOCUMENT_ENCRYPTION_KEY: randomBytes(32).toString('base64'), RATE_LIMIT_NAMESPACE: `pair-${randomBytes(4).toString('hex')}` };
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await TestApp.start(shared);
    second = await TestApp.start(shared, first);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('carries out each outbox job once when both instances drain at the same time', async () => {
    const { owner, coder, contractId } = await acceptedContract(first, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 50000 }, { rateCents: 40000 });
    ok(await first.gql(`mutation { startPayoutOnboarding(returnUrl: "https://a.test/ok", refreshUrl: "https://a.test/retry") }`, {}, coder.accessToken));
    const { createMilestone } = ok(await first.gql(`mutation($c: ID!) { createMilestone(contractId: $c, input: { title: "Pair", amountCents: 40000 }) { id } }`, { c: contractId }, owner.accessToken));
    ok(await first.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: createMilestone.id }, owner.accessToken));
    for (let i = 0; i < 100; i++) {
      const [row] = await first.sql<{ status: string }>('SELECT status FROM milestones WHERE id = $1', [createMilestone.id]);
      const [account] = await first.sql<{ payouts_enabled: boolean }>('SELECT payouts_enabled FROM payout_accounts WHERE user_id = $1', [coder.user.id]);
      if (row.status === 'FUNDED' && account?.payouts_enabled) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    ok(await second.gql(`mutation($id: ID!) { approveMilestone(id: $id) { status } }`, { id: createMilestone.id }, owner.accessToken));
    await Promise.all([first.app.get(OutboxService).drain(), second.app.get(OutboxService).drain(), first.app.get(OutboxService).drain(), second.app.get(OutboxService).drain()]);
    expect(await first.sql(`SELECT 1 FROM ledger_journals WHERE reference = $1`, [`transfer:milestone:${createMilestone.id}:paid`])).toHaveLength(1);
    expect(await first.sql(`SELECT attempts FROM outbox_jobs WHERE idempotency_key = $1 AND status = 'DONE'`, [`transfer:milestone:${createMilestone.id}`])).toEqual([{ attempts: 1 }]);
  });

  it(
    withRedis ? 'delivers a subscription on every instance, whichever instance took the mutation' : 'delivers a subscription on the instance that took the mutation, and only there without Redis',
    async () => {
      const { owner, coder, contractId } = await acceptedContract(first, {}, { rateCents: 400 });
      const send = async (instance: TestApp, body: string) =>
        ok(await instance.gql(`mutation($id: ID!, $body: String!) { sendMessage(contractId: $id, body: $body) { id } }`, { id: contractId, body }, owner.accessToken));
      const onFirst = await listenFor(first, coder.accessToken, contractId);
      const onSecond = await listenFor(second, coder.accessToken, contractId);
      try {
        // graphql-ws does not acknowledge a subscription: send on each instance until its own subscriber
        // has one, which proves delivery on the same instance and that both subscriptions are live.
        for (const [instance, subscriber, name] of [
          [first, onFirst, 'first'],
          [second, onSecond, 'second'],
        ] as const) {
          for (let i = 0; i < 40 && !subscriber.received.some((body) => body.startsWith(`on ${name}`)); i++) {
            await send(instance, `on ${name} ${i}`);
            await sleep(100);
          }
          expect(subscriber.received).toContainEqual(expect.stringMatching(`^on ${name} `));
        }
        await send(first, 'across instances');
        for (let i = 0; i < 60 && !(onFirst.received.includes('across instances') && (!withRedis || onSecond.received.includes('across instances'))); i++) await sleep(50);
        expect(onFirst.received).toContain('across instances');
        // Through Redis every instance delivers; without it, events stay on the instance that published them.
        expect(onSecond.received.includes('across instances')).toBe(withRedis);
      } finally {
        await onFirst.client.dispose();
        await onSecond.client.dispose();
      }
    },
  );

  it(withRedis ? "closes a user's socket on one instance when the user logs out on the other" : 'ends sessions per instance without Redis', async () => {
    const coder = await given(first).coder();
    const socket = await GraphqlSocket.connect(await second.listen(), coder.accessToken);
    try {
      socket.subscribe('n', `subscription { notificationAdded { id } }`);
      ok(await first.gql(`mutation { logOut }`, {}, coder.accessToken));
      if (withRedis) expect(await socket.closedWithin()).toEqual({ code: 4401, reason: 'Session ended' });
      else expect(await socket.alive()).toBe(true);
    } finally {
      socket.terminate();
    }
  });

  it(withRedis ? 'shares rate-limit counters between instances' : 'counts rate limits per instance without Redis', async () => {
    const limited = { ...shared, RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_PER_MINUTE: '4' };
    const a = await TestApp.start(limited, first);
    const b = await TestApp.start(limited, first);
    try {
      const coder = await given(first).coder();
      const codes = [];
      for (const instance of [a, b, a, b, a, b]) codes.push((await instance.gql('{ me { id } }', {}, coder.accessToken)).errors?.[0].extensions.code ?? 'OK');
      expect(codes).toEqual(withRedis ? ['OK', 'OK', 'OK', 'OK', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS'] : ['OK', 'OK', 'OK', 'OK', 'OK', 'OK']);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Subscribes to a contract's messages on `instance` over graphql-ws; `received` collects their bodies (and any error, to show in a failure). */
async function listenFor(instance: TestApp, token: string, contractId: string) {
  const client = createClient({ url: `ws://${await instance.listen()}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const received: string[] = [];
  client.subscribe<{ messageAdded: { body: string } }>(
    { query: `subscription($id: ID!) { messageAdded(contractId: $id) { body } }`, variables: { id: contractId } },
    {
      next: (value) => void received.push(value.data?.messageAdded.body ?? `errors: ${JSON.stringify(value.errors)}`),
      error: (error) => void received.push(`error: ${String(error)}`),
      complete: () => undefined,
    },
  );
  return { client, received };
}
