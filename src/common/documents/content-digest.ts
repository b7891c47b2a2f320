import { createHmac, hkdfSync } from 'node:crypto';

const derivedKeys = new WeakMap<Buffer, Buffer>();

/**
 * A keyed SHA-256 (HMAC) of a document's plaintext, to tell two uploads of the same file apart from
 * two files without keeping, or exposing offline, a plain hash of PHI-bearing content: the key is
 * derived (HKDF-SHA256) from the document master key, so a leaked digest column cannot be matched
 * against guessed certificates without that key.
 */
export function contentDigest(masterKey: Buffer, plaintext: Buffer): Buffer {
  let key = derivedKeys.get(masterKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'chartbridge/document-content-digest/v1', 32));
    derivedKeys.set(masterKey, key);
  }
  return createHmac('sha256', key).update(plaintext).digest();
}
