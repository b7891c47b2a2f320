import { createHmac, hkdfSync } from 'node:crypto';
import type { CodedEncounter } from './coded-batch.entity.js';

/** The key of `batchContentHash`, derived (HKDF) from the document master key for this purpose alone. */
export const batchContentKey = (masterKey: Buffer) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'chartbridge/coded-batch-content/v1', 32));

/**
 * What makes two submissions to a contract the same batch: HMAC-SHA-256 (hex) of the contract id and the
 * normalized encounters. Keyed, so the stored hash cannot be matched against guessed chart references
 * (medical record numbers are few enough to enumerate under a bare SHA-256). Computed from the normalized
 * input in the service, never from the stored column (which may be encrypted at rest).
 */
export function batchContentHash(key: Buffer, contractId: string, encounters: CodedEncounter[]): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([contractId, encounters]))
    .digest('hex');
}
