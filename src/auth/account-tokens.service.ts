import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows.js';
import { AccountTokenEntity, AccountTokenPurpose } from './account-token.entity.js';

/** How long a mailed link works, by purpose. */
export const ACCOUNT_TOKEN_TTL_HOURS: Record<AccountTokenPurpose, number> = {
  [AccountTokenPurpose.VERIFY_EMAIL]: 24,
  [AccountTokenPurpose.CHANGE_EMAIL]: 24,
  [AccountTokenPurpose.RESET_PASSWORD]: 1,
};

/** A token just made: the value to mail (never stored) and its row. */
export interface IssuedAccountToken {
  id: string;
  token: string;
  validHours: number;
}

/** A token that was just used: whose, for what, and the address it was mailed to. */
export interface UsedAccountToken {
  id: string;
  userId: string;
  purpose: AccountTokenPurpose;
  email: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * One-time tokens mailed to an address (verification, email change, password reset): 32 random bytes,
 * stored as their SHA-256 only, used at most once (one conditional UPDATE settles a race), before they
 * expire, for their own purpose only. Every method runs in the caller's transaction.
 */
@Injectable()
export class AccountTokensService {
  async issue(manager: EntityManager, userId: string, purpose: AccountTokenPurpose, email: string): Promise<IssuedAccountToken> {
    const token = randomBytes(32).toString('base64url');
    const validHours = ACCOUNT_TOKEN_TTL_HOURS[purpose];
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO account_tokens (user_id, purpose, token_hash, email, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5)) RETURNING id`,
      [userId, purpose, hashOf(token), email, validHours],
    );
    return { id: row.id, token, validHours };
  }

  /** Retires the user's unused tokens of these purposes (a newer one supersedes them, or what they were for is gone). */
  async retire(manager: EntityManager, userId: string, purposes: AccountTokenPurpose[]): Promise<void> {
    await manager.createQueryBuilder().delete().from(AccountTokenEntity).where('user_id = :userId AND purpose IN (:...purposes) AND used_at IS NULL', { userId, purposes }).execute();
  }

  /**
   * Uses `token` if it is one of `purposes`, unused and unexpired: null otherwise (unknown, forged, of
   * another purpose, expired, already used, retired). Of two requests with the same token only one gets it.
   */
  async use(manager: EntityManager, token: string, purposes: AccountTokenPurpose[]): Promise<UsedAccountToken | null> {
    const rows = await queryRows<{ id: string; user_id: string; purpose: AccountTokenPurpose; email: string }>(
      manager,
      `UPDATE account_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = ANY($2::account_token_purpose[]) AND used_at IS NULL AND expires_at > now()
        RETURNING id, user_id, purpose, email`,
      [hashOf(token), purposes],
    );
    return rows[0] ? { id: rows[0].id, userId: rows[0].user_id, purpose: rows[0].purpose, email: rows[0].email } : null;
  }
}
