import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCode, HTTP_STATUS_OF } from './app-error.js';
import { errorBodyOfStatus, errorPayload, HttpErrorBody } from './http-error-body.js';

/**
 * Every error of an HTTP request, whoever raised it (our AppErrors, Nest's HttpExceptions from
 * pipes, guards, route-not-found or controllers, Fastify's body parsing and limits), answers with
 * the vocabulary GraphQL errors use: `{ statusCode, code, message, fields? }`, never a stack or an
 * internal message. A request to the GraphQL endpoint refused before GraphQL ran (a body too large,
 * malformed JSON) gets the same as a GraphQL response, `{ errors: [{ message, extensions }] }`.
 * In GraphQL resolvers the error is rethrown for `formatGraphqlError`.
 */
@Catch()
export class HttpAppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') throw error;
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const body = this.bodyOf(error);
    // A reply already under way (a download streaming) cannot be turned into an error any more.
    if (reply.sent) return;
    return reply.status(body.statusCode).send(errorPayload(http.getRequest<FastifyRequest>().url, body));
  }

  private bodyOf(error: unknown): HttpErrorBody {
    if (error instanceof AppError) return { statusCode: HTTP_STATUS_OF[error.code], code: error.code, message: error.message, ...error.extensions };
    if (error instanceof HttpException) {
      // Libraries' bodies stay as details (terminus' health report); Nest's own status phrase (`error: 'Bad Request'`) goes.
      const response = error.getResponse();
      const { statusCode: _status, message: _message, code: _code, error: phrase, ...details } = typeof response === 'object' ? (response as Record<string, unknown>) : {};
      return errorBodyOfStatus(error.getStatus(), error.message, typeof phrase === 'object' ? { ...details, error: phrase } : details);
    }
    // Fastify's errors (body too large, unsupported media type) carry their status; their `code` names Fastify, so it goes.
    const status = (error as { statusCode?: unknown } | null)?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) return errorBodyOfStatus(status, (error as Error).message);
    this.logger.error({ err: error }, 'unexpected error in an HTTP request');
    return { statusCode: 500, code: ErrorCode.InternalServerError, message: 'Internal server error' };
  }
}
