import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppConfig } from '../../config/app-config.js';
import { requestFromContext } from '../auth/request-from-context.js';
import { RateLimiter } from './rate-limiter.js';
import { normalizeEmail } from '../../domain/email-address.js';

const AUTH_OPERATIONS = new Set(['logIn', 'signUp', 'refreshToken']);
// logIn is not limited per account here: a fixed window per account would let anyone lock its owner
// out with a few requests a minute. `LoginThrottle` slows an account's failed log-ins instead.
const ACCOUNT_OPERATIONS = new Set(['signUp']);
const WRITE_OPERATIONS = new Set(['submitBid', 'sendMessage']);
const SKIP_RATE_LIMIT = 'skipRateLimit';

/** Exempts a controller or handler from rate limits (health probes: a load balancer polls them, and they must answer in an outage). */
export const SkipRateLimit = () => SetMetadata(SKIP_RATE_LIMIT, true);

interface Rule {
  name: string;
  limit: number;
  /** The client this call is counted against, or null when the rule does not apply. */
  tracker(call: { operation: string; userId?: string; ip: string; email: string | null }): string | null;
}

/**
 * Rate limits (`RATE_LIMIT_*`, off with RATE_LIMIT_ENABLED=false), one-minute windows:
 * - default: every operation, per user when authenticated, else per IP;
 * - auth: logIn / signUp / refreshToken per IP, and signUp per account (email);
 * - writes: submitBid and sendMessage per user.
 * The guard runs for each top-level field, so aliased attempts in one document count one each; every
 * GraphQL request also counts once against RATE_LIMIT_PER_MINUTE (`GraphqlRequestRateLimit`), so a
 * request that runs no resolver (`{ __typename }`) is limited too. Counters: `RateLimiter`.
 * `@SkipRateLimit()` exempts a route. (@nestjs/throttler is CommonJS and cannot load the
 * ES-module-only NestJS 12 under Jest on Node 20, so this guard does the same job in a page.)
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly rules: Rule[];

  constructor(
    config: AppConfig,
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {
    const { env } = config;
    this.rules = [
      { name: 'default', limit: env.RATE_LIMIT_PER_MINUTE, tracker: (c) => (c.userId ? `user:${c.userId}` : `ip:${c.ip}`) },
      { name: 'auth-ip', limit: env.RATE_LIMIT_AUTH_PER_MINUTE, tracker: (c) => (AUTH_OPERATIONS.has(c.operation) ? `ip:${c.ip}` : null) },
      { name: 'auth-account', limit: env.RATE_LIMIT_AUTH_PER_MINUTE, tracker: (c) => (ACCOUNT_OPERATIONS.has(c.operation) && c.email ? `account:${c.email}` : null) },
      { name: 'writes', limit: env.RATE_LIMIT_WRITES_PER_MINUTE, tracker: (c) => (WRITE_OPERATIONS.has(c.operation) ? `user:${c.userId ?? c.ip}` : null) },
    ];
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.limiter.enabled) return true;
    if (this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT, [context.getHandler(), context.getClass()])) return true;
    const req = requestFromContext(context) as unknown as { ip?: string; user?: { id: string } };
    const graphql = context.getType<string>() === 'graphql';
    const args = graphql ? GqlExecutionContext.create(context).getArgs<{ input?: { email?: unknown } }>() : {};
    const call = {
      operation: graphql ? GqlExecutionContext.create(context).getInfo().fieldName : context.getHandler().name,
      userId: req.user?.id,
      ip: req.ip ?? 'unknown',
      email: typeof args.input?.email === 'string' ? accountOf(args.input.email) : null,
    };
    for (const rule of this.rules) {
      const tracker = rule.tracker(call);
      if (!tracker) continue;
      await this.limiter.consume(`${rule.name}:${tracker}`, rule.limit);
    }
    return true;
  }
}

/** The account an email names, as sign-up stores it (guards run before the validation pipe normalizes arguments). */
function accountOf(email: string): string {
  const verdict = email.length <= 1024 ? normalizeEmail(email) : null;
  return verdict?.ok ? verdict.email : email.trim().toLowerCase();
}
