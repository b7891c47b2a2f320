import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { Injectable } from '@nestjs/common';
import { TooManyRequestsError, UnauthenticatedError } from '../common/errors/app-error.js';
import { BackoffRule } from '../common/throttling/backoff.js';
import { FailureBackoff } from '../common/throttling/failure-backoff.js';
import { AppConfig } from '../config/app-config.js';

/**
 * Failed log-ins slow further attempts down instead of locking the account (LOGIN_THROTTLE_*).
 * Three counts, each with its own free failures and exponential delays (`backoffDelayMs`):
 * - account and address: the one that stops a guesser at one address, up to LOGIN_THROTTLE_MAX_DELAY_SECONDS;
 * - address, over all accounts: one address trying many accounts (credential stuffing);
 * - account, over all addresses: many addresses taking turns on one account. Its delay applies to
 *   every address, the owner's too, so it is capped low (LOGIN_THROTTLE_ACCOUNT_MAX_DELAY_SECONDS):
 *   the owner at a clean address waits at most that much, never the 15 minutes of a guesser's address.
 * An attempt that must wait is answered TOO_MANY_REQUESTS with `retryAfterSeconds` before any lookup
 * or password check, so waiting attempts tell nothing; unknown and known accounts are counted alike
 * (keys are the normalized email, never whether it exists). Each attempt counts as a failure before
 * it is checked (concurrent guesses cannot all use the free failures); a success takes the account
 * and address counts back and clears its address's count for the account. Only UNAUTHENTICATED
 * answers stay counted: a wrong password, an unknown account, a wrong second factor (not the
 * MFA_REQUIRED answer to the right password sent without a code).
 * Counters: `FailureBackoff` (Redis when REDIS_URL is set, so every instance sees them).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly config: AppConfig,
    private readonly backoff: FailureBackoff,
  ) {}

  /** Runs `check` (the credentials check of one log-in) unless `email` at `ip` must wait first; counts its failure. */
  async attempt<T>(email: string, ip: string, check: () => Promise<T>): Promise<T> {
    const env = this.config.env;
    if (!env.LOGIN_THROTTLE_ENABLED) return check();
    const account = accountKeyOf(email);
    const address = addressBlockOf(ip);
    const knownKey = knownAddressKey(account, address);
    const delays = { baseMs: env.LOGIN_THROTTLE_BASE_DELAY_SECONDS * 1000, maxMs: env.LOGIN_THROTTLE_MAX_DELAY_SECONDS * 1000 };
    const pair: BackoffRule = { key: `login:pair:${account}:${address}`, free: env.LOGIN_THROTTLE_FREE_FAILURES, ...delays };
    const fromAddress: BackoffRule = { key: `login:ip:${address}`, free: env.LOGIN_THROTTLE_IP_FREE_FAILURES, ...delays };
    const onAccount: BackoffRule = {
      key: `login:account:${account}`,
      free: env.LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES,
      baseMs: delays.baseMs,
      maxMs: Math.min(delays.maxMs, env.LOGIN_THROTTLE_ACCOUNT_MAX_DELAY_SECONDS * 1000),
    };
    // The account-wide count is what attackers elsewhere can raise: an address the owner proved
    // themself from (a log-in, a password reset) is not held up by it, so they re-arming it each time
    // it runs out cannot keep the owner out. Its own count (pair) and the address's still apply.
    const known = await this.backoff.isMarked(knownKey);
    const rules = known ? [pair, fromAddress] : [pair, fromAddress, onAccount];
    const waitMs = await this.backoff.reserve(rules, env.LOGIN_THROTTLE_FORGET_SECONDS * 1000);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new TooManyRequestsError(`Too many failed log-ins: try again in ${seconds} s`, { retryAfterSeconds: seconds });
    }
    let result: T;
    try {
      result = await check();
    } catch (error) {
      // A wrong credential stays counted. Anything else was no guess: the database unreachable, or
      // the right password of an MFA account sent without its code (the first step of every such
      // log-in: counted, it would slow down each MFA user and everyone behind the same address).
      if (!(error instanceof UnauthenticatedError) || error.extensions.reason === 'MFA_REQUIRED')
        await this.backoff.settle(
          rules.map((rule) => rule.key),
          [],
        );
      throw error;
    }
    await this.backoff.settle(
      rules.filter((rule) => rule !== pair).map((rule) => rule.key),
      [pair.key],
    );
    await this.backoff.mark(knownKey, env.JWT_REFRESH_TTL_SECONDS * 1000);
    return result;
  }

  /**
   * Remembers `ip` as an address the owner of `email` proved themself from without logging in (a
   * password reset through the mailed link), so the account-wide count does not hold it up: the
   * owner can always reset and then log in, whatever attackers elsewhere do.
   */
  async rememberAddress(email: string, ip: string): Promise<void> {
    if (!this.config.env.LOGIN_THROTTLE_ENABLED) return;
    await this.backoff.mark(knownAddressKey(accountKeyOf(email), addressBlockOf(ip)), this.config.env.JWT_REFRESH_TTL_SECONDS * 1000);
  }
}

/** The account's key in the counters: a hash of its normalized email, whether or not an account has it. */
const accountKeyOf = (email: string) => createHash('sha256').update(email).digest('base64url').slice(0, 22);

/** Marked (for as long as a session lasts, JWT_REFRESH_TTL_SECONDS) once the account's owner proved themself from the address. */
const knownAddressKey = (account: string, address: string) => `login:known:${account}:${address}`;

/**
 * The client an address stands for: an IPv4 address (IPv4-mapped IPv6 included) as it is; an IPv6
 * address by its /64, since one subscriber usually holds a whole /64 and could rotate through it.
 */
export function addressBlockOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
