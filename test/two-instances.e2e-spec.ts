import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { OutboxService } from '../src/payments/outbox.service.js';
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
  let secondHost: string | undefined;
  const listenOnSecond = async () => (secondHost ??= await second.listen());

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

  it(withRedis ? 'delivers a subscription on one instance for a mutation on the other' : 'keeps subscriptions per instance without Redis', async () => {
    const { owner, coder, contractId } = await acceptedContract(first, {}, { rateCents: 400 });
    const host = await listenOnSecond();
    const client = createClient({ url: `ws://${host}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${coder.accessToken}` }, retryAttempts: 0 });
    const received: unknown[] = [];
    client.subscribe({ query: `subscription($id: ID!) { messageAdded(contractId: $id) { body } }`, variables: { id: contractId } }, { next: (v) => void received.push(v.data), error: () => undefined, complete: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 300));
    ok(await first.gql(`mutation($id: ID!) { sendMessage(contractId: $id, body: "across instances") { id } }`, { id: contractId }, owner.accessToken));
    for (let i = 0; i < 40 && received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    await client.dispose();
    expect(received).toEqual(withRedis ? [{ messageAdded: { body: 'across instances' } }] : []);
  });

  it(withRedis ? "closes a user's socket on one instance when the user logs out on the other" : 'ends sessions per instance without Redis', async () => {
    const coder = await given(first).coder();
    const socket = await GraphqlSocket.connect(await listenOnSecond(), coder.accessToken);
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
