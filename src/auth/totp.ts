import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { open, seal } from '../common/crypto/aead.js';

/** RFC 6238 as every authenticator app reads it: HMAC-SHA-1, 6 digits, 30-second steps. */
const TOTP = { algorithm: 'sha1', digits: 6, period: 30 } as const;
export const MFA_ISSUER = 'ChartBridge';
export const RECOVERY_CODE_COUNT = 10;

/** A new shared secret, base32: 20 random bytes (160 bits, the length RFC 4226 recommends for SHA-1). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The `otpauth://totp/...` URL an authenticator app scans (issuer ChartBridge, the account's email as label). */
export function otpauthUrl(secret: string, accountEmail: string): string {
  return generateURI({ issuer: MFA_ISSUER, label: accountEmail, secret, ...TOTP });
}

/** Whether `code` looks like a TOTP (six digits) rather than a recovery code. */
export const isTotpFormat = (code: string) => /^\d{6}$/.test(code);

/**
 * The time step `code` belongs to when it is valid for `secret` now (one step of clock drift either
 * way) and newer than `afterStep` (the last step used: replay refused); null otherwise.
 */
export async function totpStep(secret: string, code: string, afterStep: number | null, now = Date.now()): Promise<number | null> {
  if (!isTotpFormat(code)) return null;
  const result = await verify({ secret, token: code, ...TOTP, epoch: Math.floor(now / 1000), epochTolerance: TOTP.period, afterTimeStep: afterStep ?? undefined });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

// The TOTP secret is sealed under a key derived from the document master key (HKDF with its own
// label), so the two uses never share a key; the user id as associated data keeps a sealed secret
// from being copied onto another account.
const totpKey = (masterKey: Buffer) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'chartbridge/mfa-totp-secret/v1', 32));
const aadOf = (userId: string) => `mfa-totp:${userId}`;

export function sealTotpSecret(masterKey: Buffer, userId: string, secret: string): Buffer {
  return seal(totpKey(masterKey), Buffer.from(secret, 'utf8'), aadOf(userId));
}

export function openTotpSecret(masterKey: Buffer, userId: string, sealed: Buffer): string {
  return open(totpKey(masterKey), sealed, aadOf(userId)).toString('utf8');
}

// Crockford's base32 alphabet (no i, l, o, u: nothing to misread); 32 symbols, so a random byte & 31 is uniform.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RECOVERY_CODE_LENGTH = 16; // 80 bits: out of reach of offline guessing against its SHA-256

/** Ten fresh recovery codes, shown once, as `xxxx-xxxx-xxxx-xxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const symbols = [...randomBytes(RECOVERY_CODE_LENGTH)].map((byte) => ALPHABET[byte & 31]).join('');
    return symbols.match(/.{4}/g)!.join('-');
  });
}

/** A recovery code as typed (any case, with or without dashes and spaces) in its stored form, or null when it cannot be one. */
export function normalizeRecoveryCode(code: string): string | null {
  const symbols = code.toLowerCase().replace(/[\s-]/g, '');
  return symbols.length === RECOVERY_CODE_LENGTH && [...symbols].every((symbol) => ALPHABET.includes(symbol)) ? symbols : null;
}

/** What is stored of a recovery code: SHA-256 of the normalized code, salted with its user's id. */
export function hashRecoveryCode(userId: string, normalized: string): string {
  return createHash('sha256').update(`chartbridge-mfa-recovery:${userId}:${normalized}`).digest('hex');
}
