import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpDrain } from '../src/health/http-drain.js';
import { TestApp } from './support/test-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A raw connection to the app, recording what the server sends and when it closes the connection. */
class RawConnection {
  received = '';
  closedAt: number | null = null;
  readonly closed: Promise<void>;
  private readonly socket: Socket;

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.on('data', (chunk: Buffer) => (this.received += chunk.toString()));
    this.socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve(void (this.closedAt = Date.now()))));
  }

  connected(): Promise<void> {
    return new Promise((resolve) => (this.socket.connecting ? this.socket.once('connect', () => resolve()) : resolve()));
  }

  write(text: string): void {
    if (!this.socket.destroyed) this.socket.write(text);
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** True once the server closed the connection, waiting up to `ms`. */
  async closedWithin(ms: number): Promise<boolean> {
    await Promise.race([this.closed, sleep(ms)]);
    return this.closedAt !== null;
  }

  /** The status line and the JSON body of what the server answered. */
  answer(): { status: string; body: unknown } {
    const [head, body] = this.received.split('\r\n\r\n');
    return { status: head.split('\r\n')[0], body: body ? JSON.parse(body) : undefined };
  }
}

describe('HTTP limits and error shapes (production mode)', () => {
  let app: TestApp;
  let port: number;
  let logDir: string;
  let logFile: string;

  // First app of this file: nestjs-pino keeps the pino logger of the first app in the process, and its log is read.
  beforeAll(async () => {
    logDir = mkdtempSync(join(tmpdir(), 'chartbridge-logs-'));
    logFile = join(logDir, 'app.log');
    app = await TestApp.start({ NODE_ENV: 'production', LOG_LEVEL: 'info', LOG_FILE: logFile, HTTP_REQUEST_TIMEOUT_MS: '1500', HTTP_MAX_CONNECTIONS_PER_IP: '20' });
    port = Number((await app.listen()).split(':')[1]);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('cuts a request whose body trickles in past HTTP_REQUEST_TIMEOUT_MS with 408, in the error shape of its endpoint, and closes the connection', async () => {
    const slow = (path: string) => {
      const connection = new RawConnection(port);
      connection.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"query":"${'a'.repeat(50_000)}`);
      return connection;
    };
    const [graphql, rest] = [slow('/graphql'), slow('/webhooks/stripe')];
    // One byte every 200 ms: never idle, never done.
    const trickle = setInterval(() => [graphql, rest].forEach((connection) => connection.write('a')), 200);
    try {
      // Timeout 1.5 s, checked every 375 ms: generous for a loaded machine (the old server never cut them).
      expect([await graphql.closedWithin(8000), await rest.closedWithin(2000)]).toEqual([true, true]);
    } finally {
      clearInterval(trickle);
      graphql.destroy();
      rest.destroy();
    }
    expect(graphql.answer()).toEqual({
      status: 'HTTP/1.1 408 Request Timeout',
      body: { errors: [{ message: 'The request took too long to arrive', extensions: { code: 'BAD_USER_INPUT', fields: [] } }] },
    });
    expect(rest.answer()).toEqual({
      status: 'HTTP/1.1 408 Request Timeout',
      body: { statusCode: 408, code: 'BAD_USER_INPUT', message: 'The request took too long to arrive', fields: [] },
    });
  });

  it('closes connections past HTTP_MAX_CONNECTIONS_PER_IP from one address as they arrive, and serves again once they are gone', async () => {
    const connections = Array.from({ length: 30 }, () => new RawConnection(port));
    await Promise.all(connections.map((connection) => connection.connected()));
    await sleep(500);
    const closed = connections.filter((connection) => connection.closedAt !== null);
    // The 20 allowed stay open (an idle connection is only closed after the 1.5 s header timeout).
    expect(closed.length).toBeGreaterThanOrEqual(10);
    expect(connections.length - closed.length).toBeLessThanOrEqual(20);
    expect(closed.every((connection) => connection.received === '')).toBe(true);

    for (const connection of connections) connection.destroy();
    await Promise.all(connections.map((connection) => connection.closed));
    await sleep(100);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(200);
  });

  it("logs one line per request with our request id, the caller's X-Request-Id beside it, and the path without its query string", async () => {
    const res = await app.http().post('/graphql?token=secret-in-the-query').set('x-request-id', 'client-trace-42').send({ query: '{ __typename }' });
    expect(res.status).toBe(200);
    const ours = res.headers['x-request-id'];
    let line: { req: Record<string, unknown>; res: { statusCode: number }; msg: string } | undefined;
    for (let i = 0; i < 100 && !line; i++) {
      await sleep(50);
      line = readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((text) => text.includes(ours))
        .map((text) => JSON.parse(text))
        .find((entry) => entry.msg === 'request completed');
    }
    expect(line).toMatchObject({ msg: 'request completed', req: { id: ours, clientRequestId: 'client-trace-42', method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
    expect(readFileSync(logFile, 'utf8')).not.toContain('secret-in-the-query');
  });

  // Last: the app drains for good.
  it('answers requests while shutting down with 503: a GraphQL error body on /graphql, the REST shape elsewhere', async () => {
    await app.app.get(HttpDrain).drain();
    const graphql = await app.http().post('/graphql').send({ query: '{ __typename }' });
    const ready = await app.http().get('/ready');
    const message = 'The server is shutting down: send the request again';
    expect({ status: graphql.status, connection: graphql.headers.connection, body: graphql.body }).toEqual({
      status: 503,
      connection: 'close',
      body: { errors: [{ message, extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true } }] },
    });
    expect({ status: ready.status, body: ready.body }).toEqual({ status: 503, body: { statusCode: 503, code: 'INTERNAL_SERVER_ERROR', message, retryable: true } });
  });
});
