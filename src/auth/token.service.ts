import type { Actor } from '../common/auth/actor.js';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { UnauthenticatedError } from '../common/errors/app-error.js';
import { AccessTokenVerifier, VerifiedSession } from '../common/auth/sessions.js';
import { UserEntity } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { SessionEvents } from './session-events.js';

export const JWT_ALGORITHM = 'HS256';
export const JWT_ISSUER = 'chartbridge';
export const JWT_AUDIENCE = 'chartbridge-api';

/** Claims of an access token. `ver` must equal the user's session version; `sid` is the refresh-token family (session). */
export interface AccessTokenClaims {
  sub: string;
  role: string;
  ver: number;
  /** Absent from tokens issued before sessions were named. */
  sid?: string;
  exp?: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class TokenService implements AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly users: UsersService,
    private readonly sessionEvents: SessionEvents,
    @InjectRepository(RefreshTokenEntity) private readonly refreshTokens: Repository<RefreshTokenEntity>,
  ) {}

  /**
   * Opens a new session (a new refresh family) for `checked`, the user as its credentials were
   * checked; null when the account changed since (a password reset or change, an MFA change, a
   * log-out everywhere): then the check no longer holds. Decided under the user's row lock
   * (`UsersService.lockForNewSession`), so an act ending the account's sessions either comes first
   * and refuses this one, or waits and revokes it.
   */
  async open(checked: UserEntity): Promise<{ user: UserEntity; tokens: IssuedTokens } | null> {
    return this.transactions.run(async (manager) => {
      const user = await this.users.lockForNewSession(manager, checked.id);
      const unchanged = user && user.passwordHash === checked.passwordHash && user.mfaEnabled === checked.mfaEnabled && user.sessionVersion === checked.sessionVersion;
      return unchanged ? { user, tokens: await this.issue(manager, user, randomUUID()) } : null;
    });
  }

  /** A fresh access token and a refresh token in family `familyId`, in the transaction holding the user's row lock. */
  private async issue(manager: EntityManager, user: UserEntity, familyId: string): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.getRepository(RefreshTokenEntity).insert({
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.env.JWT_REFRESH_TTL_SECONDS * 1000),
    });
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, ver: user.sessionVersion, sid: familyId };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, refreshToken, expiresIn: this.config.env.JWT_ACCESS_TTL_SECONDS };
  }

  /**
   * Exchanges a refresh token for a new pair in the same family. The token is marked used by one
   * conditional UPDATE, so of two racing rotations only one wins; it is taken under the user's row
   * lock (`UsersService.lockForNewSession`), so an act ending the account's sessions that runs at the
   * same time either revokes the token first or waits and revokes the new one too. Presenting a
   * token that was already used (or whose family was revoked) revokes the whole family: someone
   * holds a copy.
   */
  async rotate(refreshToken: string): Promise<{ user: UserEntity; tokens: IssuedTokens }> {
    const tokenHash = hashToken(refreshToken);
    const presented = await this.refreshTokens.findOneBy({ tokenHash });
    const rotated = presented
      ? await this.transactions.run(async (manager) => {
          const user = await this.users.lockForNewSession(manager, presented.userId);
          if (!user) return null;
          const rows = await queryRows<{ family_id: string }>(
            manager,
            `UPDATE refresh_tokens SET used_at = now()
              WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
              RETURNING family_id`,
            [tokenHash],
          );
          if (!rows[0]) return null;
          return { user, tokens: await this.issue(manager, user, rows[0].family_id) };
        })
      : null;
    if (rotated) return rotated;

    const now = presented && (await this.refreshTokens.findOneBy({ id: presented.id }));
    if (now && (now.usedAt || now.revokedAt)) {
      await this.revokeFamily(now.userId, now.familyId);
      await this.sessionEvents.ended({ userId: now.userId, sessionId: now.familyId });
    }
    throw new UnauthenticatedError('The refresh token is invalid, expired or already used');
  }

  /**
   * Verifies an access token for the WebSocket path: signature, issuer, audience and expiry, the user's
   * session version (log-out), and that its session (refresh family) has not been revoked.
   */
  async verify(accessToken: string): Promise<VerifiedSession> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims & object>(accessToken);
    } catch {
      throw new UnauthenticatedError('A valid access token is required');
    }
    const actor = await this.actorOf(claims);
    if (!actor || !claims.exp) throw new UnauthenticatedError('A valid access token is required');
    return { userId: actor.id, actor, sessionId: claims.sid ?? null, expiresAt: new Date(claims.exp * 1000) };
  }

  /**
   * The caller behind verified claims, or null when the token no longer speaks for a live session: the
   * user is gone, logged out everywhere (session version), or its refresh family was revoked (log-out,
   * reuse detection). One rule for HTTP (JwtStrategy) and the WebSocket path (verify).
   */
  async actorOf(claims: AccessTokenClaims): Promise<Actor | null> {
    const [user, live] = await Promise.all([this.users.findById(claims.sub), claims.sid ? this.isSessionLive(claims.sid) : true]);
    if (!user || user.sessionVersion !== claims.ver || !live) return null;
    return { id: user.id, role: user.role, email: user.email, name: user.name, emailVerified: user.emailVerifiedAt !== null, mfaEnabled: user.mfaEnabled, sessionId: claims.sid ?? null };
  }

  subjectOf(accessToken: string): string | null {
    try {
      return this.jwt.verify<AccessTokenClaims & object>(accessToken).sub ?? null;
    } catch {
      return null;
    }
  }

  /**
   * Whether the session `familyId` was opened (by a log-in or sign-up with the password: its first
   * refresh token) within the last `seconds`: "the caller proved the password a moment ago".
   */
  async sessionOpenedWithin(familyId: string, seconds: number): Promise<boolean> {
    const rows = await queryRows<{ fresh: boolean }>(
      this.refreshTokens,
      `SELECT min(created_at) > now() - make_interval(secs => $2) AS fresh FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId, seconds],
    );
    return rows[0]?.fresh === true;
  }

  /** Whether the refresh family `familyId` still has an unrevoked token (log-out and reuse detection revoke all of them). */
  isSessionLive(familyId: string): Promise<boolean> {
    return this.refreshTokens.existsBy({ familyId, revokedAt: IsNull() });
  }

  /** Revokes one session of the user (a refresh family), under the user's row lock: a rotation in flight in it is revoked too. */
  async revokeFamily(userId: string, familyId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.users.lockForEndingSessions(manager, userId);
      await manager.getRepository(RefreshTokenEntity).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    });
  }

  /**
   * Revokes every session of the user, in the caller's transaction, which must already hold the
   * user's row lock (it changed the row: password, session version) so that no session being opened is missed.
   */
  async revokeAllForUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(RefreshTokenEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /**
   * Revokes every live session of the user but `keep` (a refresh-token family; every session when it
   * is null, for a caller whose token predates named sessions), in the caller's transaction, which
   * must already hold the user's row lock (it changed the row: password, MFA); answers
   * the families revoked. Their access tokens stop working at once (`actorOf` checks the family),
   * their sockets close once `SessionEvents.ended` is announced for each.
   */
  async revokeOtherFamilies(manager: EntityManager, userId: string, keep: string | null): Promise<string[]> {
    const rows = await queryRows<{ family_id: string }>(
      manager,
      `UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR family_id <> $2::uuid) RETURNING family_id`,
      [userId, keep],
    );
    return [...new Set(rows.map((row) => row.family_id))];
  }
}
