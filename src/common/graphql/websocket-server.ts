import proxyAddr from '@fastify/proxy-addr';
import { IncomingMessage, Server } from 'node:http';
import { Duplex } from 'node:stream';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { PubSubEngine } from 'graphql-subscriptions';
import { CloseCode, Disposable } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import { AppConfig } from '../../config/app-config.js';
import { AccessTokenVerifier, SESSION_ENDED, SessionEnded, VerifiedSession } from '../auth/sessions.js';
import { TooManyRequestsError, UnauthenticatedError } from '../errors/app-error.js';
import { PUB_SUB } from '../pubsub/pubsub.module.js';
import { GRAPHQL_PATH } from './graphql-options.js';
import { PersistedQueries } from './persisted-queries.js';
import { TrustedDocuments } from './trusted-documents.js';
import { SocketIdentity, SocketSessions, websocketOptions } from './websocket-options.js';

/** graphql-ws's code for "too many requests"; used for every cap on connections and subscriptions. */
const TOO_MANY_REQUESTS_CLOSE = CloseCode.TooManyInitialisationRequests;

const MINUTE = 60_000;

interface OpenSocket {
  session: VerifiedSession;
  expiry: NodeJS.Timeout;
  /** Subscriptions started in the current one-minute window (completed ones included). */
  started: number;
  windowEndsAt: number;
}

/**
 * Serves graphql-ws on /graphql (in place of Nest's server, whose WebSocketServer takes no options,
 * so it cannot cap the message size). Each socket lives as long as its session: it closes with 4401
 * when its access token expires or its session ends on any instance (log-out, revoked refresh family,
 * `SessionEvents.ended`). Caps, each refused with close 4429: sockets per client address
 * (GRAPHQL_WS_MAX_SOCKETS_PER_IP, before the token is checked), sockets per user
 * (GRAPHQL_WS_MAX_SOCKETS_PER_USER), subscriptions started per socket and minute
 * (GRAPHQL_WS_MAX_SUBSCRIBES_PER_MINUTE; the cap on live ones is in websocket-options.ts).
 */
@Injectable()
export class GraphqlWebSocketServer implements SocketSessions, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GraphqlWebSocketServer.name);
  private readonly sockets = new Map<WebSocket, OpenSocket>();
  private readonly socketsPerUser = new Map<string, number>();
  private readonly socketsPerAddress = new Map<string, number>();
  private readonly addresses = new WeakMap<WebSocket, string>();
  private readonly trustProxy = this.config.trustProxy;
  private wss?: WebSocketServer;
  private server?: Disposable;
  private sessionEndedSubscription?: number;
  private destroyed = false;

  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly tokens: AccessTokenVerifier,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly trusted: TrustedDocuments,
    private readonly persistedQueries: PersistedQueries,
  ) {}

  onApplicationBootstrap(): void {
    // The HTTP body limit caps every message too; a bigger frame closes the socket (1009) before it is buffered.
    this.wss = new WebSocketServer({ noServer: true, path: GRAPHQL_PATH, maxPayload: this.config.env.MAX_BODY_BYTES });
    this.server = useServer(websocketOptions(this.config, this.schemaHost.schema, this, this.trusted, this.persistedQueries), this.wss);
    this.httpServer().on('upgrade', this.upgrade);
    // With Redis unreachable the subscription waits for it (ioredis retries in the background): start-up must not.
    this.pubSub
      .subscribe(SESSION_ENDED, (ended: SessionEnded) => this.endSessions(ended), {})
      .then(
        (id) => {
          if (this.destroyed) this.pubSub.unsubscribe(id);
          else this.sessionEndedSubscription = id;
        },
        (error: unknown) => {
          if (!this.destroyed) this.logger.error({ err: error }, 'could not follow session ends; sockets still close when their tokens expire');
        },
      );
  }

  async onModuleDestroy(): Promise<void> {
    this.destroyed = true;
    this.httpServer().off('upgrade', this.upgrade);
    if (this.sessionEndedSubscription !== undefined) this.pubSub.unsubscribe(this.sessionEndedSubscription);
    for (const { expiry } of this.sockets.values()) clearTimeout(expiry);
    this.sockets.clear();
    this.socketsPerUser.clear();
    await this.server?.dispose();
  }

  async open(socket: WebSocket, accessToken: string | undefined): Promise<void> {
    if (!accessToken) throw new UnauthenticatedError('A valid access token is required');
    const session = await this.tokens.verify(accessToken);
    // The client may have gone while the token was checked: nothing to follow then.
    if (socket.readyState !== WebSocket.OPEN) return;
    const perUser = this.socketsPerUser.get(session.userId) ?? 0;
    const maxPerUser = this.config.env.GRAPHQL_WS_MAX_SOCKETS_PER_USER;
    if (perUser >= maxPerUser) throw new TooManyRequestsError(`At most ${maxPerUser} WebSocket connections per user: close one first.`);
    this.socketsPerUser.set(session.userId, perUser + 1);
    const expiry = setTimeout(() => socket.close(CloseCode.Unauthorized, 'Access token expired'), Math.max(0, session.expiresAt.getTime() - Date.now()));
    expiry.unref();
    this.sockets.set(socket, { session, expiry, started: 0, windowEndsAt: Date.now() + MINUTE });
  }

  close(socket: WebSocket): void {
    const open = this.sockets.get(socket);
    if (!open) return;
    clearTimeout(open.expiry);
    this.sockets.delete(socket);
    decrement(this.socketsPerUser, open.session.userId);
  }

  identityOf(socket: WebSocket): SocketIdentity | undefined {
    const open = this.sockets.get(socket);
    return open && { actor: open.session.actor, ip: this.addresses.get(socket) ?? 'unknown' };
  }

  /**
   * Counts a subscription started on `socket`; past GRAPHQL_WS_MAX_SUBSCRIBES_PER_MINUTE in one minute
   * the socket is closed (4429) and false returned. Completing a subscription does not give its start
   * back: subscribe + complete pairs in a loop each cost validation and a resolver call.
   */
  startSubscription(socket: WebSocket): boolean {
    const open = this.sockets.get(socket);
    if (!open) return false;
    const now = Date.now();
    if (now >= open.windowEndsAt) {
      open.started = 0;
      open.windowEndsAt = now + MINUTE;
    }
    const max = this.config.env.GRAPHQL_WS_MAX_SUBSCRIBES_PER_MINUTE;
    if (++open.started <= max) return true;
    if (open.started === max + 1) {
      this.logger.warn({ userId: open.session.userId }, `closing a WebSocket: more than ${max} subscriptions started in a minute`);
      socket.close(TOO_MANY_REQUESTS_CLOSE, 'Too many subscriptions');
      // Whatever the client sent after this is not handed to graphql-ws any more: the rest of a 40,000-message
      // burst took 2 s of the event loop to be parsed and answered while the socket was closing.
      socket.removeAllListeners('message');
    }
    return false;
  }

  /** Closes this instance's sockets of an ended session (all of the user's when no session is named). */
  private endSessions(ended: SessionEnded): void {
    for (const [socket, { session }] of this.sockets) {
      if (session.userId !== ended.userId || (ended.sessionId && session.sessionId !== ended.sessionId)) continue;
      this.logger.log({ userId: session.userId }, 'closing a WebSocket: its session ended');
      socket.close(CloseCode.Unauthorized, 'Session ended');
    }
  }

  private readonly upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const wss = this.wss!;
    // The only WebSocket endpoint: other paths are dropped, as Node does when nothing handles upgrades.
    if (!wss.shouldHandle(request)) {
      socket.destroy();
      return;
    }
    const address = this.clientAddress(request);
    wss.handleUpgrade(request, socket, head, (ws) => {
      // graphql-ws prints every socket error with its stack through console.error, and a client can cause
      // one at will (an oversized or malformed frame): one short log line of ours instead. ws has already
      // answered such a frame with its close code (1009, 1002) and ends the socket itself.
      const onError = (error: Error & { code?: string }) => this.logger.warn({ code: error.code, message: error.message.slice(0, 200) }, 'WebSocket protocol error from a client');
      // Counted before the token is checked, so a flood of connections from one address costs no database work.
      const perAddress = this.socketsPerAddress.get(address) ?? 0;
      if (perAddress >= this.config.env.GRAPHQL_WS_MAX_SOCKETS_PER_IP) {
        ws.on('error', onError);
        ws.close(TOO_MANY_REQUESTS_CLOSE, 'Too many connections');
        return;
      }
      this.socketsPerAddress.set(address, perAddress + 1);
      this.addresses.set(ws, address);
      ws.once('close', () => decrement(this.socketsPerAddress, address));
      wss.emit('connection', ws, request);
      ws.removeAllListeners('error');
      ws.on('error', onError);
    });
  };

  /** The client's address as HTTP requests see it (`request.ip`): the peer, or per TRUST_PROXY the forwarded client. */
  private clientAddress(request: IncomingMessage): string {
    return (this.trustProxy ? proxyAddr(request, this.trustProxy) : request.socket.remoteAddress) ?? 'unknown';
  }

  private httpServer(): Server {
    return this.adapterHost.httpAdapter.getHttpServer() as Server;
  }
}

function decrement(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 0) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}
