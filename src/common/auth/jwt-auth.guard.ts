import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppError, UnauthenticatedError } from '../errors/app-error.js';
import { IS_PUBLIC } from './decorators.js';
import { requestFromContext } from './request-from-context.js';

/**
 * Global guard: every operation needs a valid access token unless marked `@Public()`.
 * On public operations a valid token still identifies the caller; a missing or bad one means anonymous.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  getRequest(context: ExecutionContext) {
    return requestFromContext(context);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Already known: an earlier field of the same request, or a WebSocket whose user was verified when it
    // connected (the socket closes when that session ends or its token expires): no lookup per operation.
    if (requestFromContext(context).user) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (!isPublic) return (await super.canActivate(context)) as boolean;
    if (!requestFromContext(context).headers.authorization) return true;
    try {
      await super.canActivate(context);
    } catch (error) {
      // An expired or bad token on a public operation: answer as for an anonymous caller.
      if (!(error instanceof AppError)) throw error;
    }
    return true;
  }

  handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    // A failure to check the token (the database is down) is ours, not the client's: do not tell
    // a client holding a good token that it is unauthenticated.
    if (error && !(error instanceof AppError)) throw error;
    if (error || !user) throw new UnauthenticatedError('A valid access token is required');
    return user;
  }
}
