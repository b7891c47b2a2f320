import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { REQUIRES_VERIFIED_EMAIL } from './decorators.js';
import { requestFromContext } from './request-from-context.js';

export const EMAIL_NOT_VERIFIED = 'EMAIL_NOT_VERIFIED';

/** FORBIDDEN with reason EMAIL_NOT_VERIFIED unless the caller's email is verified; the one refusal, whoever asks. */
export function requireVerifiedEmail(actor: Pick<Actor, 'emailVerified'> | null | undefined): void {
  if (actor?.emailVerified) return;
  throw new ForbiddenError('Confirm your email address first: use the link mailed to you, or ask for a new one with requestEmailVerification', { reason: EMAIL_NOT_VERIFIED });
}

/**
 * Enforces `@RequiresVerifiedEmail()`, on GraphQL operations and REST routes alike. Runs after
 * `JwtAuthGuard` and `RolesGuard`: like the role, a verified email is a property of the caller, checked
 * before any object is looked up, so the answer is the same for an existing and a missing id.
 */
@Injectable()
export class VerifiedEmailGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.reflector.getAllAndOverride<boolean | undefined>(REQUIRES_VERIFIED_EMAIL, [context.getHandler(), context.getClass()])) return true;
    requireVerifiedEmail(requestFromContext(context).user as Actor | undefined);
    return true;
  }
}
