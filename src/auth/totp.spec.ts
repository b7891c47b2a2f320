import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { TamperedCiphertextError } from '../common/crypto/aead.js';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, openTotpSecret, otpauthUrl, sealTotpSecret, totpStep } from './totp.js';

describe('totp', () => {
  const secret = newTotpSecret();
  // 2026-11-30T12:00:10Z: ten seconds into its 30-second step.
  const now = Date.UTC(2026, 10, 30, 12, 0, 10);
  const step = Math.floor(now / 30_000);
  const codeAt = (at: number) => generate({ secret, epoch: Math.floor(at / 1000) });

  describe(newTotpSecret.name, () => {
    it('makes a 160-bit base32 secret, a new one each time', () => {
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(newTotpSecret()).not.toEqual(secret);
    });
  });

  describe(otpauthUrl.name, () => {
    it('names the issuer ChartBridge and the account; SHA-1, 6 digits and 30 s are the format defaults, left out', () => {
      const url = new URL(otpauthUrl(secret, 'jane+mfa@example.test'));
      expect(url.protocol).toBe('otpauth:');
      expect(url.host).toBe('totp');
      expect(decodeURIComponent(url.pathname)).toBe('/ChartBridge:jane+mfa@example.test');
      expect(Object.fromEntries(url.searchParams)).toEqual({ secret, issuer: 'ChartBridge' });
    });
  });

  describe(totpStep.name, () => {
    it("accepts this step's code and one step of drift either way, answering the code's step", async () => {
      expect(await totpStep(secret, await codeAt(now), null, now)).toBe(step);
      expect(await totpStep(secret, await codeAt(now - 30_000), null, now)).toBe(step - 1);
      expect(await totpStep(secret, await codeAt(now + 30_000), null, now)).toBe(step + 1);
    });

    it('refuses codes two steps away, a wrong code and malformed input', async () => {
      expect(await totpStep(secret, await codeAt(now - 60_000), null, now)).toBeNull();
      expect(await totpStep(secret, await codeAt(now + 60_000), null, now)).toBeNull();
      const right = await codeAt(now);
      expect(await totpStep(secret, right === '000000' ? '000001' : '000000', null, now)).toBeNull();
      for (const malformed of ['', '12345', '1234567', 'abcdef', ` ${right}`]) expect(await totpStep(secret, malformed, null, now)).toBeNull();
    });

    it('refuses the step already used and any older one (replay)', async () => {
      expect(await totpStep(secret, await codeAt(now), step, now)).toBeNull();
      expect(await totpStep(secret, await codeAt(now - 30_000), step, now)).toBeNull();
      expect(await totpStep(secret, await codeAt(now + 30_000), step, now)).toBe(step + 1);
    });
  });

  describe('sealed secret', () => {
    const master = randomBytes(32);

    it('round-trips and never holds the secret in the clear', () => {
      const sealed = sealTotpSecret(master, 'user-1', secret);
      expect(sealed.includes(Buffer.from(secret))).toBe(false);
      expect(openTotpSecret(master, 'user-1', sealed)).toBe(secret);
    });

    it('cannot be opened for another user or with another master key', () => {
      const sealed = sealTotpSecret(master, 'user-1', secret);
      expect(() => openTotpSecret(master, 'user-2', sealed)).toThrow(TamperedCiphertextError);
      expect(() => openTotpSecret(randomBytes(32), 'user-1', sealed)).toThrow(TamperedCiphertextError);
    });
  });

  describe('recovery codes', () => {
    it('makes ten distinct 80-bit codes that normalize to themselves', () => {
      const codes = newRecoveryCodes();
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      for (const code of codes) {
        expect(code).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
        expect(normalizeRecoveryCode(code)).toBe(code.replace(/-/g, ''));
      }
    });

    it('reads a code typed in capitals, with spaces or without dashes, and nothing else', () => {
      const [code] = newRecoveryCodes();
      const symbols = code.replace(/-/g, '');
      expect(normalizeRecoveryCode(code.toUpperCase())).toBe(symbols);
      expect(normalizeRecoveryCode(code.replace(/-/g, ' '))).toBe(symbols);
      for (const wrong of ['', '123456', symbols.slice(1), `${symbols}0`, `${symbols.slice(1)}u`]) expect(normalizeRecoveryCode(wrong)).toBeNull();
    });

    it('hashes per user, never to the code itself', () => {
      const symbols = normalizeRecoveryCode(newRecoveryCodes()[0])!;
      expect(hashRecoveryCode('user-1', symbols)).toMatch(/^[0-9a-f]{64}$/);
      expect(hashRecoveryCode('user-1', symbols)).not.toEqual(hashRecoveryCode('user-2', symbols));
    });
  });
});
