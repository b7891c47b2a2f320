import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { RateLimiter } from '../common/throttling/rate-limiter.js';
import { AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { MailService } from '../mail/mail.service.js';
import { OutboxJob, OutboxOutcome, OutboxService } from '../outbox/outbox.service.js';
import { UserEntity } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { normalEmailOrThrow } from '../common/validation/email-address.decorator.js';
import { AccountTokenPurpose } from './account-token.entity.js';
import { AccountTokensService } from './account-tokens.service.js';
import { ChangePasswordInput, RequestEmailChangeInput, ResetPasswordInput } from './dto/account.inputs.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionEvents } from './session-events.js';
import { TokenService } from './token.service.js';

/** A password reset asked for `email`: looked up by the outbox worker, so the request answers alike for every address. */
export interface PasswordResetRequest {
  email: string;
}

declare module '../outbox/outbox.service.js' {
  interface OutboxJobPayloads {
    /** Enqueued by `requestPasswordReset` for any address; run by AccountService: mails a reset link when an account has that address. */
    'account.password-reset': PasswordResetRequest;
  }
}

const HOUR = 3_600_000;
const BAD_LINK = 'This link is invalid, has expired or was already used: ask for a new one';
const WRONG_PASSWORD = 'The current password is incorrect';

const { VERIFY_EMAIL, CHANGE_EMAIL, RESET_PASSWORD } = AccountTokenPurpose;

/**
 * The account's own keys: its email (verification, change) and its password (reset, change), each
 * proven through a one-time link mailed to the address. Links are `AccountTokensService` tokens; mails
 * go through the outbox in the transaction of the change they tell about. Requests that mail someone
 * or check a password are limited per account and per client address (`ACCOUNT_MAIL_*`), whether or
 * not RATE_LIMIT_ENABLED is on.
 */
@Injectable()
export class AccountService implements OnModuleInit {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly accountTokens: AccountTokensService,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly transactions: TransactionRunner,
    private readonly sessionEvents: SessionEvents,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    private readonly loginThrottle: LoginThrottle,
  ) {}

  onModuleInit(): void {
    this.outbox.register('account.password-reset', (job) => this.mailPasswordReset(job));
  }

  /** Mails a verification link to the user's address, in the caller's transaction (sign-up). */
  async sendVerification(manager: EntityManager, user: Pick<UserEntity, 'id' | 'email'>): Promise<void> {
    const issued = await this.accountTokens.issue(manager, user.id, VERIFY_EMAIL, user.email);
    await this.mail.enqueue(manager, `verify-email:${issued.id}`, user.email, 'verify-email', { token: issued.token, validHours: issued.validHours });
  }

  /** Mails a new verification link (earlier ones keep working until they expire); CONFLICT once verified. */
  async requestEmailVerification(actor: Actor, ip: string): Promise<boolean> {
    await this.limit(ip, `verify-email:${actor.id}`);
    const user = await this.userOf(actor);
    if (user.emailVerifiedAt) throw new ConflictError('Your email address is already verified');
    await this.transactions.run((manager) => this.sendVerification(manager, user));
    return true;
  }

  /**
   * Uses a verification or email-change link. Verification marks the address it was sent to verified
   * (if the account still has it); an email change moves the account to the new address, verified,
   * unless another account took it meanwhile (CONFLICT), and tells the old address.
   */
  async verifyEmail(token: string): Promise<UserEntity> {
    try {
      return await this.transactions.run(async (manager) => {
        const used = await this.accountTokens.use(manager, token, [VERIFY_EMAIL, CHANGE_EMAIL]);
        if (!used) throw new BadUserInputError(BAD_LINK, ['token']);
        const user = await this.users.findById(used.userId, manager);
        if (!user) throw new BadUserInputError(BAD_LINK, ['token']);
        if (used.purpose === VERIFY_EMAIL) {
          if (!(await this.users.markEmailVerified(manager, user.id, used.email))) throw new ConflictError('This link was sent to an address the account no longer uses');
        } else {
          if (!(await this.users.replaceEmail(manager, user.id, used.email))) throw new ConflictError('Another account uses this address now');
          await this.accountTokens.retire(manager, user.id, [CHANGE_EMAIL, VERIFY_EMAIL, RESET_PASSWORD]);
          await this.mail.enqueue(manager, `email-changed:${used.id}`, user.email, 'email-changed', {});
        }
        return (await this.users.findById(user.id, manager))!;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key') || isUniqueViolation(error, 'users_email_skeleton_key')) throw new ConflictError('Another account uses this address now');
      throw error;
    }
  }

  /**
   * Mails a link to `newEmail`; the account keeps its address (and logs in with it) until the link is
   * used. Needs the current password; a newer request retires the older link. CONFLICT when another
   * account has that address (checked again when the link is used).
   */
  async requestEmailChange(actor: Actor, input: RequestEmailChangeInput, ip: string): Promise<boolean> {
    const user = await this.requireCurrentPassword(actor, input.currentPassword, ip, 'email-change', 'input.currentPassword');
    const newEmail = input.newEmail; // in its normal form (@EmailAddress)
    if (newEmail === user.email) throw new BadUserInputError('This is already the address of your account', ['input.newEmail']);
    if (await this.users.emailTakenByOther(newEmail, user.id)) throw new ConflictError('An account with this email already exists');
    await this.transactions.run(async (manager) => {
      await this.accountTokens.retire(manager, user.id, [CHANGE_EMAIL]);
      const issued = await this.accountTokens.issue(manager, user.id, CHANGE_EMAIL, newEmail);
      await this.mail.enqueue(manager, `confirm-email-change:${issued.id}`, newEmail, 'confirm-email-change', { token: issued.token, validHours: issued.validHours });
    });
    return true;
  }

  /**
   * Queues a reset for `email` and answers true, whether or not an account has that address: the same
   * answer, and the same work (one row written), either way. The outbox worker looks the address up
   * and mails the link (`mailPasswordReset`).
   */
  async requestPasswordReset(email: string, ip: string): Promise<boolean> {
    const address = normalEmailOrThrow(email, 'email');
    await this.limit(ip, `password-reset:${createHash('sha256').update(address).digest('hex')}`);
    await this.transactions.run((manager) => this.outbox.enqueue(manager, 'account.password-reset', `password-reset-request:${randomUUID()}`, { email: address }));
    return true;
  }

  /**
   * The worker's half of a reset request: for an account with that address, a reset link that retires
   * earlier ones, made in the transaction that marks the request done (so one request mails once).
   */
  private async mailPasswordReset(job: OutboxJob<'account.password-reset'>): Promise<OutboxOutcome> {
    const user = await this.users.findByEmail(job.payload.email);
    if (!user) return { done: { account: 'none' } };
    return {
      done: { account: 'found' },
      record: async (manager) => {
        await this.accountTokens.retire(manager, user.id, [RESET_PASSWORD]);
        const issued = await this.accountTokens.issue(manager, user.id, RESET_PASSWORD, user.email);
        await this.mail.enqueue(manager, `reset-password:${issued.id}`, user.email, 'reset-password', { token: issued.token, validHours: issued.validHours });
      },
    };
  }

  /**
   * Sets a new password with a reset link (once, within its hour) and ends every session of the
   * account: refresh tokens revoked, access tokens dead (session version), sockets closed. Pending
   * email changes are cancelled, and the address is now verified (the link reached it).
   */
  async resetPassword(input: ResetPasswordInput, ip: string): Promise<boolean> {
    await this.limit(ip, null);
    const passwordHash = await this.passwords.hash(input.newPassword);
    const reset = await this.transactions.run(async (manager) => {
      const used = await this.accountTokens.use(manager, input.token, [RESET_PASSWORD]);
      if (!used) throw new BadUserInputError(BAD_LINK, ['input.token']);
      const user = await this.users.findById(used.userId, manager);
      // The link proves control of the address it was mailed to: it resets an account only while the
      // account still has that address (it may have moved away while the link was being made).
      if (!user || user.email !== used.email) throw new BadUserInputError(BAD_LINK, ['input.token']);
      await this.users.setPasswordHash(manager, user.id, passwordHash, { endSessions: true, verifyEmail: used.email });
      await this.tokens.revokeAllForUser(manager, user.id);
      await this.accountTokens.retire(manager, user.id, [RESET_PASSWORD, CHANGE_EMAIL]);
      await this.mail.enqueue(manager, `password-changed:${used.id}`, user.email, 'password-changed', {});
      return user;
    });
    await this.sessionEvents.ended({ userId: reset.id });
    await this.loginThrottle.rememberAddress(reset.email, ip);
    return true;
  }

  /**
   * Changes the caller's password and ends the account's OTHER sessions: their refresh families are
   * revoked, which also stops their access tokens at once (every access token names its family, and
   * `TokenService.actorOf` refuses a revoked one) and closes their sockets. The session version is left
   * alone, so the caller's own access token and refresh token keep working. (A token from before
   * sessions were named has no family to keep: then every session ends, the caller's too.)
   */
  async changePassword(actor: Actor, input: ChangePasswordInput, ip: string): Promise<boolean> {
    const user = await this.requireCurrentPassword(actor, input.currentPassword, ip, 'password-change', 'input.currentPassword');
    const passwordHash = await this.passwords.hash(input.newPassword);
    const keep = actor.sessionId;
    const ended = await this.transactions.run(async (manager) => {
      await this.users.setPasswordHash(manager, user.id, passwordHash, { endSessions: keep === null });
      const families = await this.tokens.revokeOtherFamilies(manager, user.id, keep);
      await this.accountTokens.retire(manager, user.id, [RESET_PASSWORD, CHANGE_EMAIL]);
      await this.mail.enqueue(manager, `password-changed:${randomUUID()}`, user.email, 'password-changed', {});
      return families;
    });
    if (keep === null) await this.sessionEvents.ended({ userId: user.id });
    else for (const sessionId of ended) await this.sessionEvents.ended({ userId: user.id, sessionId });
    return true;
  }

  /**
   * The caller's account, once `password` is its current password (BAD_USER_INPUT naming `field`
   * otherwise): the acts that change how the account is reached or proven (password, email, second
   * factor) ask for it, so an access token alone does not do them. Each try counts against the
   * client address and against the account for `purpose` (hourly), so a stolen token cannot guess it.
   */
  async requireCurrentPassword(actor: Actor, password: string, ip: string, purpose: string, field: string): Promise<UserEntity> {
    await this.limit(ip, `${purpose}:${actor.id}`);
    const user = await this.userOf(actor);
    if (!(await this.passwords.verify(user.passwordHash, password))) throw new BadUserInputError(WRONG_PASSWORD, [field]);
    return user;
  }

  private async userOf(actor: Actor): Promise<UserEntity> {
    const user = await this.users.findById(actor.id);
    if (!user) throw new NotFoundError('User');
    return user;
  }

  /** Counts one request against the client address and, when given, the account (hourly windows). */
  private async limit(ip: string, account: string | null): Promise<void> {
    const { ACCOUNT_MAIL_PER_IP_PER_HOUR, ACCOUNT_MAIL_PER_HOUR } = this.config.env;
    await this.limiter.consume(`account-ip:${ip}`, ACCOUNT_MAIL_PER_IP_PER_HOUR, HOUR);
    if (account) await this.limiter.consume(`account:${account}`, ACCOUNT_MAIL_PER_HOUR, HOUR);
  }
}
