import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class TamperedCiphertextError extends Error {}

/** AES-256-GCM with a random 96-bit IV; output is iv + tag + ciphertext. `aad` binds it to its owner (a document id, a user id). */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ciphertext = cipher.update(plaintext);
  const last = cipher.final(); // empty for GCM; the tag exists only after it
  // One copy into the output: a document can be MAX_DOCUMENT_BYTES, and every copy of it counts.
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext, last]);
}

/** Reverses `seal`; throws `TamperedCiphertextError` when any byte (or the aad) changed. */
export function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new TamperedCiphertextError('ciphertext too short');
  const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new TamperedCiphertextError('authentication failed');
  }
}
