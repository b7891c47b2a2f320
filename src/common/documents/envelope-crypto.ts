import { randomBytes } from 'node:crypto';
import { open, seal } from '../crypto/aead.js';

/** Envelope encryption: a fresh data key per document, wrapped by the master key. */
export function encryptDocument(masterKey: Buffer, documentId: string, plaintext: Buffer): { ciphertext: Buffer; wrappedKey: Buffer } {
  const dataKey = randomBytes(32);
  return { ciphertext: seal(dataKey, plaintext, documentId), wrappedKey: seal(masterKey, dataKey, documentId) };
}

export function decryptDocument(masterKey: Buffer, documentId: string, wrappedKey: Buffer, ciphertext: Buffer): Buffer {
  return open(open(masterKey, wrappedKey, documentId), ciphertext, documentId);
}
