import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { TamperedCiphertextError } from '../crypto/aead.js';
import { decryptDocument, encryptDocument } from './envelope-crypto.js';

describe('envelope encryption', () => {
  const master = randomBytes(32);
  const text = Buffer.from('PATIENT: DOE, JANE  DOB 1970-01-01  DX I10');

  it('round-trips and never contains the plaintext', () => {
    const { ciphertext, wrappedKey } = encryptDocument(master, 'doc-1', text);
    expect(ciphertext.includes(text)).toBe(false);
    expect(decryptDocument(master, 'doc-1', wrappedKey, ciphertext)).toEqual(text);
  });

  it('uses a fresh data key and IV per document', () => {
    const one = encryptDocument(master, 'doc-1', text);
    const two = encryptDocument(master, 'doc-1', text);
    expect(one.ciphertext.equals(two.ciphertext)).toBe(false);
    expect(one.wrappedKey.equals(two.wrappedKey)).toBe(false);
  });

  it('detects a flipped byte, another document id, or another master key', () => {
    const { ciphertext, wrappedKey } = encryptDocument(master, 'doc-1', text);
    const flipped = Buffer.from(ciphertext);
    flipped[flipped.length - 1] ^= 1;
    expect(() => decryptDocument(master, 'doc-1', wrappedKey, flipped)).toThrow(TamperedCiphertextError);
    expect(() => decryptDocument(master, 'doc-2', wrappedKey, ciphertext)).toThrow(TamperedCiphertextError);
    expect(() => decryptDocument(randomBytes(32), 'doc-1', wrappedKey, ciphertext)).toThrow(TamperedCiphertextError);
  });
});
