import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { UserRole } from '../../domain/user-role.enum.js';
import { requestFromContext } from './request-from-context.js';
import type { Actor } from './actor.js';

export const IS_PUBLIC = 'isPublic';
export const ROLES = 'roles';
export const REQUIRES_VERIFIED_EMAIL = 'requiresVerifiedEmail';

/** Opts an operation out of the global JWT guard (a token, when sent and valid, still identifies the caller). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts an operation to callers with one of these roles (FORBIDDEN otherwise). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

/**
 * Reserves an operation to callers whose email is verified: the PHI, money and membership acts.
 * Others answer FORBIDDEN with `extensions.reason: "EMAIL_NOT_VERIFIED"` (`VerifiedEmailGuard`).
 */
export const RequiresVerifiedEmail = () => SetMetadata(REQUIRES_VERIFIED_EMAIL, true);

/** The authenticated caller (`Actor`), or `null` on a public operation called without a token. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | null => {
  return (requestFromContext(context).user as Actor | undefined) ?? null;
});
