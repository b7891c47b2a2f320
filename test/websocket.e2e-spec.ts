import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
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
    // A short lock timeout, so a connection whose token check waits on a locked table is refused soon.
    app = await TestApp.start({ LOG_LEVEL: 'info', LOG_FILE: logFile, DATABASE_LOCK_TIMEOUT_MS: '300' });
    host = await app.listen();
  });

  /** The log written so far, up to a marker logged now through the app's logger. */
  async function logSoFar(): Promise<string> {
    const marker = `marker-${randomUUID()}`;
    new Logger('WebSocketTest').log(marker);
    let log = '';
    for (let i = 0; i < 100 && !log.includes(marker); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      log = readFileSync(logFile, 'utf8');
    }
    expect(log).toContain(marker);
    return log;
  }
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

    expect(await logSoFar()).not.toContain(secret);
    // The client is told the mistake is its own, and the refused logIn does not quote the password back.
    expect(answers.map((answer) => [answer?.type, answer?.payload[0]?.extensions.code])).toEqual([
      ['error', 'BAD_USER_INPUT'],
      ['error', 'BAD_USER_INPUT'],
    ]);
    expect(JSON.stringify(answers[0])).not.toContain(secret);
  });

  it('refuses connections whose token cannot be checked in time with 1013 (try again later), logging no stack per socket', async () => {
    const coder = await given(app).coder();
    const logged = (await logSoFar()).length;
    // Another client holds the users table: each token check waits for it until lock_timeout.
    const holder = new pg.Client({ connectionString: app.config.databaseUrl });
    await holder.connect();
    let refused: GraphqlSocket[];
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
      refused = await Promise.all(Array.from({ length: 5 }, () => GraphqlSocket.open(host, { authorization: `Bearer ${coder.accessToken}` })));
      sockets.push(...refused);
      expect(await Promise.all(refused.map((socket) => socket.closedWithin(10_000)))).toEqual(Array(5).fill({ code: 1013, reason: 'Try again later' }));
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    // Load, not a bug: at most a warning line per refusal, no error with a stack trace.
    const log = (await logSoFar()).slice(logged);
    expect(log).not.toContain('could not check the access token');
    expect(log.split('\n').filter((line) => line.includes('"level":50'))).toEqual([]);
    // Once the table is free, the same token connects.
    expect(await (await connect(coder.accessToken)).alive()).toBe(true);
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

describe('WebSocket path: caps on sockets and subscriptions (production mode)', () => {
  let app: TestApp;
  let host: string;
  let statements = 0;
  const sockets: GraphqlSocket[] = [];
  const connect = async (session: Session) => {
    const socket = await GraphqlSocket.connect(host, session.accessToken);
    sockets.push(socket);
    return socket;
  };
  const open = async (session: Session) => {
    const socket = await GraphqlSocket.open(host, { authorization: `Bearer ${session.accessToken}` });
    sockets.push(socket);
    return socket;
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    app = await TestApp.start({ NODE_ENV: 'production', GRAPHQL_WS_MAX_SOCKETS_PER_USER: '3', GRAPHQL_WS_MAX_SOCKETS_PER_IP: '8', GRAPHQL_WS_MAX_SUBSCRIBES_PER_MINUTE: '50' });
    host = await app.listen();
    // Every statement TypeORM runs goes through the data source's logger.
    const logger = app.app.get(DataSource).logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (...args) => {
      statements++;
      return logQuery(...args);
    };
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await app?.close();
  });

  it('runs subscriptions as the user verified when the socket connected: no SQL statement per subscription', async () => {
    const socket = await connect(await given(app).coder());
    const before = statements;
    for (let i = 0; i < 20; i++) socket.subscribe(`n${i}`, NOTIFICATIONS);
    expect(await socket.alive()).toBe(true);
    await sleep(300);
    expect(statements - before).toBe(0);
    expect(socket.messages.filter((m) => m.type !== 'connection_ack' && m.type !== 'pong')).toEqual([]);
  });

  it('closes a socket that starts more subscriptions a minute than GRAPHQL_WS_MAX_SUBSCRIBES_PER_MINUTE, completed ones included, while others are served', async () => {
    const socket = await connect(await given(app).coder());
    const before = statements;
    // What a flooding client sends: subscribe and complete at once, 2,000 times (each complete used to free the slot).
    for (let i = 0; i < 2000; i++) {
      socket.subscribe(`c${i}`, NOTIFICATIONS);
      socket.send({ id: `c${i}`, type: 'complete' });
    }
    const started = Date.now();
    const bystander = await app.gql(`{ jobPostings(first: 1) { totalCount } }`);
    expect({ status: bystander.status, errors: bystander.errors, ms: Date.now() - started < 3000 }).toEqual({ status: 200, errors: undefined, ms: true });
    expect(await socket.closedWithin(10_000)).toEqual({ code: 4429, reason: 'Too many subscriptions' });
    expect(statements - before).toBeLessThan(5);
  });

  it('refuses a user more sockets than GRAPHQL_WS_MAX_SOCKETS_PER_USER with 4429, and takes one again once one closed', async () => {
    const coder = await given(app).coder();
    const held = [await connect(coder), await connect(coder), await connect(coder)];
    const fourth = await open(coder);
    expect(await fourth.closedWithin()).toEqual({ code: 4429, reason: 'Too many connections' });
    expect(fourth.messages).toEqual([]);
    for (const socket of held) expect(await socket.alive()).toBe(true);

    held[0].terminate();
    await held[0].closed;
    let again: GraphqlSocket | undefined;
    for (let i = 0; i < 20 && !again; i++) {
      const socket = await open(coder);
      if (await socket.waitFor((m) => m.type === 'connection_ack', 2000)) again = socket;
      else await sleep(100);
    }
    expect(again && (await again.alive())).toBe(true);
  });

  it('refuses one address more sockets than GRAPHQL_WS_MAX_SOCKETS_PER_IP with 4429, before checking any token', async () => {
    for (const socket of sockets) socket.terminate();
    await Promise.all(sockets.map((socket) => socket.closed));
    await sleep(300); // the server sees the closes
    const [first, second, third, fourth] = [await given(app).coder(), await given(app).coder(), await given(app).coder(), await given(app).coder()];
    const accepted = [];
    for (const user of [first, second, third, first, second, third, first, second]) accepted.push(await connect(user));
    const before = statements;
    const ninth = await open(fourth);
    expect(await ninth.closedWithin()).toEqual({ code: 4429, reason: 'Too many connections' });
    expect(ninth.messages).toEqual([]);
    // Refused before its token was looked at: no statement for it.
    expect(statements - before).toBe(0);
    for (const socket of accepted) expect(await socket.alive()).toBe(true);
  });
});
