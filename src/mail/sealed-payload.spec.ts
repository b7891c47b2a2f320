import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { PayloadSealer } from './sealed-payload.js';

describe(PayloadSealer.name, () => {
  const sut = new PayloadSealer(randomBytes(32));

  it('opens what it sealed, and the sealed text does not show the plaintext', () => {
    const sealed = sut.seal('{"token":"secret-token-value"}', 'mail:reset:1');
    expect(sealed).not.toContain('secret');
    expect(sut.open(sealed, 'mail:reset:1')).toBe('{"token":"secret-token-value"}');
  });

  it('refuses a payload moved to another job, altered, or sealed under another key', () => {
    const sealed = sut.seal('{"token":"t"}', 'mail:reset:1');
    expect(() => sut.open(sealed, 'mail:reset:2')).toThrow();
    const altered = Buffer.from(sealed, 'base64url');
    altered[altered.length - 1] ^= 1;
    expect(() => sut.open(altered.toString('base64url'), 'mail:reset:1')).toThrow();
    expect(() => new PayloadSealer(randomBytes(32)).open(sealed, 'mail:reset:1')).toThrow();
  });
});
