import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UserRole } from '../../domain/user-role.enum.js';
import { ForbiddenError } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { ROLES } from './decorators.js';
import { requestFromContext } from './request-from-context.js';

/** Enforces `@Roles(...)`; runs after `JwtAuthGuard`. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!roles?.length) return true;
    const actor = requestFromContext(context).user as Actor | undefined;
    if (actor && roles.includes(actor.role)) return true;
    throw new ForbiddenError(`Only ${roles.join(' or ')} users may do this`);
  }
}
