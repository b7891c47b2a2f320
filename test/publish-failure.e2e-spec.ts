import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import { PUB_SUB } from '../src/common/pubsub/pubsub.module.js';
import { FakeRedis } from './support/fake-redis.js';
import { ok } from './support/given.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';

const SEND = `mutation($id: ID!, $body: String!) { sendMessage(contractId: $id, body: $body) { id body } }`;
const MESSAGES = `query($id: ID!) { messages(contractId: $id) { edges { node { id body } } } }`;

/**
 * Events are published to Redis after the write that caused them commits. Here Redis answers but
 * refuses every PUBLISH (see FakeRedis), as one with a NOPERM ACL or in trouble would.
 *
 * Unhandled rejections: the test's `process` is Jest's copy, whose listeners the real process never
 * calls; Jest itself listens on the real one and fails the running test with the rejection's error
 * (as it did on the old code: "ReplyError: NOPERM ..."). So the test waits for the refusals inside
 * itself, and also checks directly that `publish` resolves.
 */
describe('a publish that fails after the commit', () => {
  const redis = new FakeRedis();
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ REDIS_URL: await redis.start() });
  });
  afterAll(async () => {
    await app?.close();
    await redis.stop();
  });

  it('answers sendMessage with the committed message, logs the failed publishes, and leaves no rejection unhandled', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    const { owner, coder, contractId } = await acceptedContract(app, {}, { rateCents: 400 });
    const refusedBefore = redis.refusedPublishes;

    const { sendMessage } = ok(await app.gql(SEND, { id: contractId, body: 'Sent while Redis refuses to publish' }, owner.accessToken));
    expect(sendMessage.body).toBe('Sent while Redis refuses to publish');
    expect(await app.sql('SELECT body FROM messages WHERE id = $1', [sendMessage.id])).toEqual([{ body: 'Sent while Redis refuses to publish' }]);

    // The message and the coder's notification are published after the answer: wait (generously) until
    // Redis refused both, then give the refusals a moment to surface as rejections, handled or not.
    for (let i = 0; i < 200 && redis.refusedPublishes < refusedBefore + 2; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(redis.refusedPublishes).toBe(refusedBefore + 2);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const publishFailures = errors.mock.calls.filter(([, message]) => typeof message === 'string' && message.startsWith('publishing an event failed'));
    expect(publishFailures.length).toBeGreaterThanOrEqual(2);
    errors.mockRestore();
    await expect(app.app.get<PubSubEngine>(PUB_SUB).publish(`message:${contractId}`, { messageAdded: sendMessage })).resolves.toBeUndefined();
    expect(redis.refusedPublishes).toBe(refusedBefore + 3);
    // The process is still serving, and the other party reads the message.
    const edges = ok(await app.gql(MESSAGES, { id: contractId }, coder.accessToken)).messages.edges;
    expect(edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(sendMessage.id);
  });
});
