import { Logger } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { errorBodyOfStatus, errorPayload } from './http-error-body.js';
import { logRequest } from '../../config/logger-options.js';

const logger = new Logger('HttpErrors');

// The target of the request last read on each connection, for an error Node raises on the connection itself.
const requestTargets = new WeakMap<Socket, string>();

/** A Fastify `onRequest` hook: remembers the request's target on its connection (see `answerClientError`). */
export function rememberRequestTarget(request: FastifyRequest): void {
  requestTargets.set(request.raw.socket, request.url);
}

/**
 * Fastify's `frameworkErrors`: what its router refuses before any hook, route or Nest filter runs (a
 * malformed URL such as `/documents/%C0%AF`, an over-long parameter), answered in our error shape
 * rather than Fastify's `{ error, code: "FST_ERR_BAD_URL", ... }`.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 500;
  if (status >= 500) logger.error({ err: error }, 'unexpected error in an HTTP request');
  const message = status >= 500 ? 'Internal server error' : error.code === 'FST_ERR_BAD_URL' ? 'The request URL is not valid' : error.message;
  // No hook runs for these requests (not even onResponse): the request id and the request line are given here.
  reply.raw.once('finish', () => logRequest(PinoLogger.root, { id: request.id, method: request.method, url: request.url, headers: request.headers, raw: request.raw }, reply.raw, reply.elapsedTime));
  void reply
    .code(status)
    .header('x-request-id', request.id)
    .send(errorPayload(request.url, errorBodyOfStatus(status, message)));
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request took too long to arrive'],
  HPE_HEADER_OVERFLOW: [431, 'The request headers are too large'],
};

/**
 * Fastify's `clientErrorHandler`: Node could not read a request on `socket` (sent too slowly, past
 * HTTP_REQUEST_TIMEOUT_MS; headers too large; not HTTP). Answered in our error shape (a GraphQL body
 * for a request to the GraphQL endpoint), then the connection is closed, as Fastify does.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'The request could not be read'];
  if (socket.writable) {
    const body = JSON.stringify(errorPayload(requestTargets.get(socket), errorBodyOfStatus(status, message)));
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
