import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { given, ok, PASSWORD, Session } from './support/given.js';
import { GraphqlSocket } from './support/graphql-socket.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';

const NOTIFICATIONS = `subscription { notificationAdded { id kind } }`;
const MESSAGES = `subscription($id: ID!) { messageAdded(contractId: $id) { body } }`;
const SEND = `mutation($id: ID!, $body: String!) { sendMessage(contractId: $id, body: $body) { id } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken } }`;

/** An access token like `token` (same user, version and session) signed with the app's key, expiring at `exp` (seconds). */
function resigned(app: TestApp, token: string, exp: number): string {
  const { sub, role, ver, sid } = jwt.decode(token) as Record<string, unknown>;
  return jwt.sign({ sub, role, ver, sid, exp }, app.config.jwtSecret, { algorithm: 'HS256', issuer: 'chartbridge', audience: 'chartbridge-api' });
}

// Runs first: nestjs-pino keeps the pino logger of the first app in the process, and this one's logs are read.
describe('WebSocket path: sessions, subscription cap, logs', () => {
  let app: TestApp;
  let host: string;
  let logDir: string;
  let logFile: string;
  const sockets: GraphqlSocket[] = [];
  const connect = async (token: string) => {
    const socket = await GraphqlSocket.connect(host, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    logDir = mkdtempSync(join(tmpdir(), 'chartbridge-logs-'));
    logFile = join(logDir, 'app.log');
    app = await TestApp.start({ LOG_LEVEL: 'info', LOG_FILE: logFile });
    host = await app.listen();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await app?.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('caps the subscriptions of one socket (GRAPHQL_WS_MAX_SUBSCRIPTIONS, 20 by default)', async () => {
    const { owner, coder, contractId } = await acceptedContract(app, {}, { rateCents: 400 });
    const socket = await connect(coder.accessToken);
    for (let i = 1; i <= 21; i++) socket.subscribe(`m${i}`, MESSAGES, { id: contractId });
    expect(await socket.answer('m21')).toMatchObject({
      type: 'error',
      payload: [{ message: expect.stringMatching(/^At most 20 subscriptions per connection/), extensions: { code: 'TOO_MANY_REQUESTS' } }],
    });

    socket.send({ id: 'm1', type: 'complete' });
    socket.subscribe('m22', MESSAGES, { id: contractId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    ok(await app.gql(SEND, { id: contractId, body: 'after the cap' }, owner.accessToken));
    expect(await socket.answer('m22')).toEqual({ id: 'm22', type: 'next', payload: { data: { messageAdded: { body: 'after the cap' } } } });
    // m2 to m20 and m22 each deliver it once.
    await socket.waitFor(() => socket.messages.filter((m) => m.type === 'next').length >= 20);
    expect(
      socket.messages
        .filter((m) => m.type === 'next')
        .map((m) => m.id)
        .sort(),
    ).toEqual(
      Array.from({ length: 21 }, (_, i) => `m${i + 2}`)
        .filter((id) => id !== 'm21')
        .sort(),
    );
  });

  it("ends a socket's subscriptions when its user logs out, and only that user's", async () => {
    const [leaving, staying] = [await given(app).coder(), await given(app).coder()];
    const [gone, kept] = [await connect(leaving.accessToken), await connect(staying.accessToken)];
    gone.subscribe('n', NOTIFICATIONS);
    kept.subscribe('n', NOTIFICATIONS);
    await new Promise((resolve) => setTimeout(resolve, 300));
    ok(await app.gql(`mutation { logOut }`, {}, leaving.accessToken));
    expect(await gone.closedWithin()).toEqual({ code: 4401, reason: 'Session ended' });
    expect(await kept.alive()).toBe(true);
  });

  it("ends the sockets of a refresh family revoked for reuse, and keeps the same user's other sessions", async () => {
    const coder = await given(app).coder();
    const other = ok(await app.gql(LOG_IN, { input: { email: coder.user.email, password: PASSWORD } })).logIn;
    const [revoked, kept] = [await connect(coder.accessToken), await connect(other.accessToken)];
    revoked.subscribe('n', NOTIFICATIONS);
    ok(await app.gql(`mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }`, { t: coder.refreshToken }));
    // The used refresh token presented again: its family is revoked.
    expect((await app.gql(`mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }`, { t: coder.refreshToken })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await revoked.closedWithin()).toEqual({ code: 4401, reason: 'Session ended' });
    expect(await kept.alive()).toBe(true);
    // A new connection with an access token of the revoked family is refused too.
    const again = await GraphqlSocket.open(host, { authorization: `Bearer ${coder.accessToken}` });
    sockets.push(again);
    expect((await again.closedWithin())?.code).toBe(4401);
  });

  it("ends a socket's subscriptions when its access token expires", async () => {
    const coder = await given(app).coder();
    const shortLived = resigned(app, coder.accessToken, Math.floor(Date.now() / 1000) + 3);
    const socket = await connect(shortLived);
    socket.subscribe('n', NOTIFICATIONS);
    expect(await socket.closedWithin(15_000)).toEqual({ code: 4401, reason: 'Access token expired' });
  });

  it('never logs variable values of an operation refused over the socket (a password in logIn)', async () => {
    const coder = await given(app).coder();
    const socket = await connect(coder.accessToken);
    const secret = 'hunter2-never-in-logs';
    socket.subscribe('logIn', LOG_IN, { input: { email: coder.user.email, password: secret, bad: 1 } });
    socket.subscribe('variables', MESSAGES, { id: { password: secret } });
    const answers = [await socket.answer('logIn'), await socket.answer('variables')];

    // A line logged now, through the app's logger, shows the log is written up to here.
    const marker = `marker-${randomUUID()}`;
    new Logger('WebSocketTest').log(marker);
    let log = '';
    for (let i = 0; i < 100 && !log.includes(marker); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      log = readFileSync(logFile, 'utf8');
    }
    expect(log).toContain(marker);
    expect(log).not.toContain(secret);
    // The client is told the mistake is its own, and the refused logIn does not quote the password back.
    expect(answers.map((answer) => [answer?.type, answer?.payload[0]?.extensions.code])).toEqual([
      ['error', 'BAD_USER_INPUT'],
      ['error', 'BAD_USER_INPUT'],
    ]);
    expect(JSON.stringify(answers[0])).not.toContain(secret);
  });
});

describe('WebSocket path: what HTTP enforces (production mode)', () => {
  let app: TestApp;
  let host: string;
  let coder: Session;
  const sockets: GraphqlSocket[] = [];
  const connect = async (token = coder.accessToken) => {
    const socket = await GraphqlSocket.connect(host, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    // A low cost limit, so a flat subscription can exceed it (signUp's selection costs 9).
    app = await TestApp.start({ NODE_ENV: 'production', GRAPHQL_MAX_COST: '12' });
    host = await app.listen();
    coder = await given(app).coder();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await app?.close();
  });

  it('refuses a connection without a valid access token with 4401', async () => {
    const forged = jwt.sign({ sub: coder.user.id, role: 'CODER', ver: 0 }, 'not-the-secret-not-the-secret-not-the', {
      algorithm: 'HS256',
      issuer: 'chartbridge',
      audience: 'chartbridge-api',
      expiresIn: 600,
    });
    const expired = resigned(app, coder.accessToken, Math.floor(Date.now() / 1000) - 60);
    for (const params of [{}, { authorization: 'Bearer garbage' }, { authorization: 'garbage' }, { authorization: `Bearer ${forged}` }, { authorization: `Bearer ${expired}` }]) {
      const socket = await GraphqlSocket.open(host, params);
      sockets.push(socket);
      expect(await socket.closedWithin()).toEqual({ code: 4401, reason: 'Unauthorized' });
      expect(socket.messages).toEqual([]);
    }
  });

  it('refuses a token whose session ended (logged out) with 4401', async () => {
    const other = await given(app).coder();
    ok(await app.gql(`mutation { logOut }`, {}, other.accessToken));
    const socket = await GraphqlSocket.open(host, { authorization: `Bearer ${other.accessToken}` });
    sockets.push(socket);
    expect((await socket.closedWithin())?.code).toBe(4401);
  });

  it('serves subscriptions only: queries (introspection among them) and mutations go over HTTP', async () => {
    const socket = await connect();
    socket.subscribe('introspection', `query { __schema { types { name } } }`);
    socket.subscribe('query', `query { me { id email } }`);
    socket.subscribe('mutation', `mutation { logOut }`);
    for (const id of ['introspection', 'query', 'mutation']) {
      const answer = await socket.answer(id);
      expect(answer).toMatchObject({ type: 'error', payload: [{ message: expect.stringMatching(/^Only subscriptions are served over the WebSocket/), extensions: { code: 'BAD_USER_INPUT' } }] });
    }
    // The mutation did not run: the token still works.
    expect(ok(await app.gql(`{ me { id } }`, {}, coder.accessToken)).me.id).toBe(coder.user.id);
  });

  it('applies the request limits to a subscription: depth, aliases, directives, tokens, cost', async () => {
    const socket = await connect();
    const nested = (levels: number, inner: string): string => (levels === 0 ? inner : `... on Notification { ${nested(levels - 1, inner)} }`);
    const cases: [string, string, RegExp][] = [
      ['depth', `subscription { notificationAdded { ${nested(11, 'id')} } }`, /depth limit of 10 exceeded/],
      ['aliases', `subscription { notificationAdded { ${Array.from({ length: 16 }, (_, i) => `a${i}: id`).join(' ')} } }`, /aliases limit of 15 exceeded/i],
      ['directives', `subscription { notificationAdded { ${'id @include(if: true) '.repeat(11)} } }`, /directives limit of 10 exceeded/i],
      ['tokens', `subscription { notificationAdded { ${'id '.repeat(2100)} } }`, /Document contains more tha[nt] 2000 tokens/],
      ['cost', `subscription { notificationAdded { id kind message data createdAt readAt a: id b: id c: id d: id e: id f: id g: id } }`, /^Query is too expensive: cost 14 exceeds the limit of 12/],
    ];
    for (const [id, query] of cases) socket.subscribe(id, query);
    for (const [id, , message] of cases) {
      const answer = await socket.answer(id);
      expect(answer?.type).toBe('error');
      expect(answer?.payload).toEqual([expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    }
    expect(await socket.alive()).toBe(true);
  });

  it('answers bad variables with a bounded list of BAD_USER_INPUT errors', async () => {
    const socket = await connect();
    socket.subscribe('variables', `subscription($a: ID!, $b: ID!, $c: Int!) { n: notificationAdded { id } }`, { a: { x: 1 }, b: null, c: 'three' });
    const answer = await socket.answer('variables');
    expect(answer?.type).toBe('error');
    expect(answer?.payload.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
  });

  it('closes a socket that sends a message over the size limit (MAX_BODY_BYTES)', async () => {
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const socket = await connect();
      socket.subscribe('big', `subscription { notificationAdded { id } }${' '.repeat(300 * 1024)}`);
      expect((await socket.closedWithin())?.code).toBe(1009);
      expect(await socket.answer('big', 0)).toBeUndefined();
      // A frame any client can send is not an internal error: no stack trace printed for it.
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
  });
});
