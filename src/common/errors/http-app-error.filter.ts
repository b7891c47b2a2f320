import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError, ErrorCode } from './app-error.js';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.InternalServerError]: 500,
};

/**
 * REST answers for the same error vocabulary GraphQL uses: `{ statusCode, code, message, fields? }`.
 * In GraphQL the error is rethrown for `formatGraphqlError`.
 */
@Catch(AppError)
export class HttpAppErrorFilter implements ExceptionFilter {
  catch(error: AppError, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return error;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const statusCode = STATUS[error.code];
    return reply.status(statusCode).send({ statusCode, code: error.code, message: error.message, ...error.extensions });
  }
}
