import WebSocket from 'ws';
import type { Untyped } from './untyped.js';

export interface Closed {
  code: number;
  reason: string;
}

export interface SocketMessage {
  type: string;
  id?: string;
  payload?: Untyped;
}

/**
 * A graphql-ws (graphql-transport-ws) connection spoken by hand, so a test sees what a client sees:
 * every message, and the close code and reason.
 */
export class GraphqlSocket {
  readonly messages: SocketMessage[] = [];
  readonly closed: Promise<Closed>;
  private closeEvent?: Closed;
  private wake: (() => void)[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as SocketMessage);
      this.notify();
    });
    ws.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.closeEvent = { code, reason: String(reason) };
        resolve(this.closeEvent);
        this.notify();
      }),
    );
  }

  /** Opens a socket on `host` and sends `connection_init` with `params` (no waiting for the answer). */
  static async open(host: string, params: Record<string, unknown> = {}): Promise<GraphqlSocket> {
    const ws = new WebSocket(`ws://${host}/graphql`, 'graphql-transport-ws');
    const socket = new GraphqlSocket(ws);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    socket.send({ type: 'connection_init', payload: params });
    return socket;
  }

  /** Opens a socket with `token` as its bearer token and waits for the acknowledgement; throws without one. */
  static async connect(host: string, token: string): Promise<GraphqlSocket> {
    const socket = await GraphqlSocket.open(host, { authorization: `Bearer ${token}` });
    if (!(await socket.waitFor((m) => m.type === 'connection_ack'))) throw new Error(`not acknowledged: ${JSON.stringify(socket.closeEvent)}`);
    return socket;
  }

  send(message: object): void {
    this.ws.send(JSON.stringify(message));
  }

  subscribe(id: string, query: string, variables?: Record<string, unknown>): void {
    this.send({ id, type: 'subscribe', payload: { query, variables } });
  }

  /** The first message matching `match`, waiting up to `ms`; undefined when the socket closed or time ran out first. */
  async waitFor(match: (message: SocketMessage) => boolean, ms = 5000): Promise<SocketMessage | undefined> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.find(match);
      if (found || this.closeEvent || Date.now() >= deadline) return found;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.wake.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  /** The server's first answer to subscription `id` (next, error or complete), or undefined. */
  answer(id: string, ms?: number): Promise<SocketMessage | undefined> {
    return this.waitFor((m) => m.id === id && ['next', 'error', 'complete'].includes(m.type), ms);
  }

  /** How the socket closed, waiting up to `ms`; undefined while it is still open. */
  async closedWithin(ms = 5000): Promise<Closed | undefined> {
    let timer: number | NodeJS.Timeout | undefined;
    try {
      return await Promise.race([this.closed, new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms) as number | NodeJS.Timeout))]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A ping answered by a pong: the server still serves this socket. */
  async alive(): Promise<boolean> {
    const before = this.messages.filter((m) => m.type === 'pong').length;
    this.send({ type: 'ping' });
    return (await this.waitFor(() => this.messages.filter((m) => m.type === 'pong').length > before)) !== undefined;
  }

  get readyState(): number {
    return this.ws.readyState;
  }

  /** Sends raw text as one frame. */
  sendRaw(text: string): void {
    this.ws.send(text);
  }

  terminate(): void {
    this.ws.terminate();
  }

  private notify(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const wake of waiting) wake();
  }
}
