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
import { UnauthenticatedError } from '../errors/app-error.js';
import { PUB_SUB } from '../pubsub/pubsub.module.js';
import { GRAPHQL_PATH } from './graphql-options.js';
import { SocketSessions, websocketOptions } from './websocket-options.js';

interface OpenSocket {
  session: VerifiedSession;
  expiry: NodeJS.Timeout;
}

/**
 * Serves graphql-ws on /graphql (in place of Nest's server, whose WebSocketServer takes no options,
 * so it cannot cap the message size). Each socket lives as long as its session: it closes with 4401
 * when its access token expires or its session ends on any instance (log-out, revoked refresh family,
 * `SessionEvents.ended`).
 */
@Injectable()
export class GraphqlWebSocketServer implements SocketSessions, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GraphqlWebSocketServer.name);
  private readonly sockets = new Map<WebSocket, OpenSocket>();
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
  ) {}

  onApplicationBootstrap(): void {
    // The HTTP body limit caps every message too; a bigger frame closes the socket (1009) before it is buffered.
    this.wss = new WebSocketServer({ noServer: true, path: GRAPHQL_PATH, maxPayload: this.config.env.MAX_BODY_BYTES });
    this.server = useServer(websocketOptions(this.config, this.schemaHost.schema, this), this.wss);
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
    await this.server?.dispose();
  }

  async open(socket: WebSocket, accessToken: string | undefined): Promise<void> {
    if (!accessToken) throw new UnauthenticatedError('A valid access token is required');
    const session = await this.tokens.verify(accessToken);
    // The client may have gone while the token was checked: nothing to follow then.
    if (socket.readyState !== WebSocket.OPEN) return;
    const expiry = setTimeout(() => socket.close(CloseCode.Unauthorized, 'Access token expired'), Math.max(0, session.expiresAt.getTime() - Date.now()));
    expiry.unref();
    this.sockets.set(socket, { session, expiry });
  }

  close(socket: WebSocket): void {
    const open = this.sockets.get(socket);
    if (!open) return;
    clearTimeout(open.expiry);
    this.sockets.delete(socket);
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
    wss.handleUpgrade(request, socket, head, (ws) => {
      wss.emit('connection', ws, request);
      // graphql-ws prints every socket error with its stack through console.error, and a client can cause
      // one at will (an oversized or malformed frame): one short log line of ours instead. ws has already
      // answered such a frame with its close code (1009, 1002) and ends the socket itself.
      ws.removeAllListeners('error');
      ws.on('error', (error: Error & { code?: string }) => this.logger.warn({ code: error.code, message: error.message.slice(0, 200) }, 'WebSocket protocol error from a client'));
    });
  };

  private httpServer(): Server {
    return this.adapterHost.httpAdapter.getHttpServer() as Server;
  }
}
