import { createHmac, hkdfSync } from 'node:crypto';
import type { CodedEncounter } from './coded-batch.entity.js';

/** The key of `batchContentHash`, derived (HKDF) from the document master key for this purpose alone. */
export const batchContentKey = (masterKey: Buffer) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'chartbridge/coded-batch-content/v1', 32));

/**
 * What makes two submissions to a contract the same batch: HMAC-SHA-256 (hex) of the contract id and the
 * normalized encounters (canonical JSON). Keyed, so the stored hash cannot be matched against guessed chart references
 * (medical record numbers are few enough to enumerate under a bare SHA-256). Computed from the normalized
 * input in the service, never from the stored column (which may be encrypted at rest).
 */
export function batchContentHash(key: Buffer, contractId: string, encounters: CodedEncounter[]): string {
  return createHmac('sha256', key)
    .update(canonicalJson([contractId, encounters]))
    .digest('hex');
}

/**
 * The identity of one chart's encounter in a contract: HMAC of the contract, the chart reference (case
 * and surrounding spaces ignored) and the date of service. Keyed for the same reason as the content hash.
 */
export function chartKey(key: Buffer, contractId: string, encounter: Pick<CodedEncounter, 'chartRef' | 'serviceDate'>): string {
  return createHmac('sha256', key)
    .update(canonicalJson(['chart', contractId, encounter.chartRef.trim().toLowerCase(), encounter.serviceDate ?? null]))
    .digest('hex');
}

/** JSON with every object's keys sorted: the same content gives the same text however it was built (or read back from jsonb). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
