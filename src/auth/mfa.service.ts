import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError, ConflictError, TooManyRequestsError, UnauthenticatedError } from '../common/errors/app-error.js';
import { AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { UsersService } from '../users/users.service.js';
import { MfaFactorEntity } from './mfa-factor.entity.js';
import { MfaRecoveryCodeEntity } from './mfa-recovery-code.entity.js';
import { AccountService } from './account.service.js';
import { SessionEvents } from './session-events.js';
import { TokenService } from './token.service.js';
import { hashRecoveryCode, isTotpFormat, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, openTotpSecret, otpauthUrl, sealTotpSecret, totpStep } from './totp.js';

/**
 * Wrong codes in a row before the factor is blocked; from then on each wrong code blocks it for twice
 * as long as the one before, 1 minute up to 1 hour. A guess hits about 3 in a million (three time
 * steps are accepted), so someone holding the password gets some 35 guesses the first day and 24 a
 * day after (about 2.6 % a year of non-stop guessing, while the owner sees the blocks). Only a caller
 * who gave the right password reaches the code check, so nobody else can block the owner this way.
 */
export const MFA_FREE_ATTEMPTS = 5;
const FIRST_BLOCK_SECONDS = 60;
const LONGEST_BLOCK_SECONDS = 3600;

/** What checking a second-factor code found. */
export type MfaCheck = { outcome: 'accepted' } | { outcome: 'refused' } | { outcome: 'blocked'; retryAfterSeconds: number };

interface LockedFactor {
  user_id: string;
  sealed_secret: Buffer;
  enabled: boolean;
  last_used_step: number | null;
  blocked_seconds: number;
}

/**
 * TOTP enrollment (start, confirm with a code), recovery codes, disabling, and the second-factor
 * check of `logIn`. A check locks the user's factor row, so two attempts on one account are decided
 * one after the other: a time step or a recovery code is spent once, and the wrong-code counter
 * cannot be outrun by parallel guesses.
 */
/** How long after a log-in (or sign-up) the session may start an MFA enrollment without the password again. */
const FRESH_SESSION_SECONDS = 600;

@Injectable()
export class MfaService {
  private readonly logger = new Logger(MfaService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly sessionEvents: SessionEvents,
    private readonly account: AccountService,
    @InjectRepository(MfaFactorEntity) private readonly factors: Repository<MfaFactorEntity>,
  ) {}

  /**
   * A new pending secret for the caller (replacing any earlier pending one; nothing is active until
   * `confirmEnrollment`), once the caller proved the password: `currentPassword` right, or a session
   * opened with the password in the last FRESH_SESSION_SECONDS. A factor put on the account by someone
   * holding only an older session's access token would lock the owner out and leave the factor with them.
   * CONFLICT when MFA is already on.
   */
  async startEnrollment(actor: Actor, currentPassword: string | null | undefined, ip: string): Promise<{ secret: string; otpauthUrl: string }> {
    if (currentPassword != null) await this.account.requireCurrentPassword(actor, currentPassword, ip, 'mfa-enrollment', 'currentPassword');
    else if (!actor.sessionId || !(await this.tokens.sessionOpenedWithin(actor.sessionId, FRESH_SESSION_SECONDS))) {
      throw new BadUserInputError(`currentPassword is required: this session was not opened with the password in the last ${FRESH_SESSION_SECONDS / 60} minutes`, ['currentPassword']);
    }
    const secret = newTotpSecret();
    const rows = await queryRows<{ user_id: string }>(
      this.factors,
      `INSERT INTO mfa_factors (user_id, sealed_secret) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET sealed_secret = EXCLUDED.sealed_secret, last_used_step = NULL, failed_attempts = 0, blocked_until = NULL, created_at = now()
       WHERE mfa_factors.enabled_at IS NULL
       RETURNING user_id`,
      [actor.id, sealTotpSecret(this.config.documentKey, actor.id, secret)],
    );
    if (!rows.length) throw new ConflictError('MFA is already enabled on this account: disable it (disableMfa) before enrolling again');
    return { secret, otpauthUrl: otpauthUrl(secret, actor.email) };
  }

  /**
   * Turns MFA on with a current code of the pending secret; answers ten recovery codes (shown this
   * once, stored hashed). The account's other sessions end: they were opened with the password alone.
   */
  async confirmEnrollment(actor: Actor, code: string): Promise<string[]> {
    const confirmed = await this.transactions.run(async (manager) => {
      const factor = await this.lockFactor(manager, actor.id);
      if (!factor) throw new ConflictError('No MFA enrollment is pending: start one with startMfaEnrollment');
      if (factor.enabled) throw new ConflictError('MFA is already enabled on this account');
      const step = await totpStep(this.secretOf(factor), code, null);
      if (step === null) return null;
      await manager.update(MfaFactorEntity, { userId: actor.id }, { enabledAt: new Date(), lastUsedStep: step, failedAttempts: 0, blockedUntil: null });
      await this.users.setMfaEnabled(manager, actor.id, true);
      const recoveryCodes = newRecoveryCodes();
      await manager.delete(MfaRecoveryCodeEntity, { userId: actor.id });
      await manager.insert(
        MfaRecoveryCodeEntity,
        recoveryCodes.map((recoveryCode) => ({ userId: actor.id, codeHash: hashRecoveryCode(actor.id, normalizeRecoveryCode(recoveryCode)!) })),
      );
      return { recoveryCodes, ended: await this.tokens.revokeOtherFamilies(manager, actor.id, actor.sessionId) };
    });
    if (!confirmed) throw new BadUserInputError('code is not a current code for the secret being enrolled', ['code']);
    this.logger.log({ userId: actor.id, sessionsEnded: confirmed.ended.length }, 'MFA enabled');
    await this.announceEnded(actor.id, confirmed.ended);
    return confirmed.recoveryCodes;
  }

  /**
   * Turns MFA off with a current TOTP or an unused recovery code (a stolen access token alone cannot).
   * A security event: the factor and recovery codes are deleted and the account's other sessions end.
   */
  async disable(actor: Actor, code: string): Promise<boolean> {
    const disabled = await this.transactions.run(async (manager) => {
      const factor = await this.lockFactor(manager, actor.id);
      if (!factor?.enabled) throw new ConflictError('MFA is not enabled on this account');
      const check = await this.check(manager, factor, code);
      if (check.outcome !== 'accepted') return { check, ended: [] };
      await manager.delete(MfaFactorEntity, { userId: actor.id });
      await manager.delete(MfaRecoveryCodeEntity, { userId: actor.id });
      await this.users.setMfaEnabled(manager, actor.id, false);
      return { check, ended: await this.tokens.revokeOtherFamilies(manager, actor.id, actor.sessionId) };
    });
    if (disabled.check.outcome === 'blocked') throw this.blocked(disabled.check.retryAfterSeconds);
    if (disabled.check.outcome === 'refused') throw new BadUserInputError('code is incorrect or was already used', ['code']);
    this.logger.warn({ userId: actor.id, sessionsEnded: disabled.ended.length }, 'MFA disabled; the other sessions of the account were ended');
    await this.announceEnded(actor.id, disabled.ended);
    return true;
  }

  /**
   * The second step of `logIn` for an account with MFA, after its password was found right:
   * UNAUTHENTICATED with reason MFA_REQUIRED without a code, MFA_CODE_INVALID for a wrong, reused
   * or outdated one; TOO_MANY_REQUESTS (MFA_LOCKED) while wrong codes block the factor.
   */
  async verifyLogIn(userId: string, code: string | null | undefined): Promise<void> {
    if (!code) throw new UnauthenticatedError('This account uses two-factor authentication: send mfaCode, a code from the authenticator app or a recovery code', { reason: 'MFA_REQUIRED' });
    const check = await this.transactions.run(async (manager): Promise<MfaCheck> => {
      const factor = await this.lockFactor(manager, userId);
      return factor?.enabled ? this.check(manager, factor, code) : { outcome: 'refused' };
    });
    if (check.outcome === 'blocked') throw this.blocked(check.retryAfterSeconds);
    if (check.outcome === 'refused') throw new UnauthenticatedError('The authentication code is incorrect or was already used', { reason: 'MFA_CODE_INVALID' });
  }

  /** Checks `code` (a TOTP or a recovery code) against a locked, enabled factor; spends it when right, counts it when wrong. */
  private async check(manager: EntityManager, factor: LockedFactor, code: string): Promise<MfaCheck> {
    if (factor.blocked_seconds > 0) return { outcome: 'blocked', retryAfterSeconds: factor.blocked_seconds };
    const accepted = isTotpFormat(code) ? await this.spendTotp(manager, factor, code) : await this.spendRecoveryCode(manager, factor.user_id, code);
    if (accepted) {
      await manager.update(MfaFactorEntity, { userId: factor.user_id }, { failedAttempts: 0, blockedUntil: null });
      return { outcome: 'accepted' };
    }
    await queryRows(
      manager,
      `UPDATE mfa_factors SET failed_attempts = failed_attempts + 1,
         blocked_until = CASE WHEN failed_attempts + 1 >= $2
           THEN now() + make_interval(secs => LEAST($4, $3 * power(2, LEAST(failed_attempts + 1 - $2, 12)))) END
       WHERE user_id = $1`,
      [factor.user_id, MFA_FREE_ATTEMPTS, FIRST_BLOCK_SECONDS, LONGEST_BLOCK_SECONDS],
    );
    return { outcome: 'refused' };
  }

  /** A TOTP newer than the last step used; the step is recorded by a conditional UPDATE (replay refused even without the row lock). */
  private async spendTotp(manager: EntityManager, factor: LockedFactor, code: string): Promise<boolean> {
    const step = await totpStep(this.secretOf(factor), code, factor.last_used_step);
    if (step === null) return false;
    const rows = await queryRows(manager, `UPDATE mfa_factors SET last_used_step = $2 WHERE user_id = $1 AND (last_used_step IS NULL OR last_used_step < $2) RETURNING user_id`, [
      factor.user_id,
      step,
    ]);
    return rows.length === 1;
  }

  /** An unused recovery code, marked used by one conditional UPDATE. */
  private async spendRecoveryCode(manager: EntityManager, userId: string, code: string): Promise<boolean> {
    const normalized = normalizeRecoveryCode(code);
    if (!normalized) return false;
    const rows = await queryRows(manager, `UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`, [
      userId,
      hashRecoveryCode(userId, normalized),
    ]);
    return rows.length === 1;
  }

  private async lockFactor(manager: EntityManager, userId: string): Promise<LockedFactor | null> {
    const [factor] = await queryRows<LockedFactor>(
      manager,
      `SELECT user_id, sealed_secret, enabled_at IS NOT NULL AS enabled, last_used_step,
              GREATEST(0, ceil(extract(epoch FROM blocked_until - now())))::int AS blocked_seconds
         FROM mfa_factors WHERE user_id = $1 FOR UPDATE`,
      [userId],
    );
    return factor ?? null;
  }

  private secretOf(factor: LockedFactor): string {
    return openTotpSecret(this.config.documentKey, factor.user_id, factor.sealed_secret);
  }

  private blocked(retryAfterSeconds: number): TooManyRequestsError {
    return new TooManyRequestsError(`Too many wrong authentication codes: try again in ${retryAfterSeconds} s`, { reason: 'MFA_LOCKED', retryAfterSeconds });
  }

  private async announceEnded(userId: string, sessionIds: string[]): Promise<void> {
    await Promise.all(sessionIds.map((sessionId) => this.sessionEvents.ended({ userId, sessionId })));
  }
}
