import { hkdfSync } from 'node:crypto';
import { FindOperator, type ValueTransformer } from 'typeorm';
import { open, seal } from '../common/crypto/aead.js';

/** How a sealed jsonb value is stored: AES-256-GCM of the JSON text (iv + tag + ciphertext), base64. */
export interface SealedJson {
  sealed: string;
}

let columnKey: Buffer | null = null;

/** Sets the key of the sealed PHI columns, derived (HKDF) from the master key; called once at start (`SealedColumns`). */
export function useSealedColumnKey(masterKey: Buffer): void {
  columnKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'chartbridge/phi-columns/v1', 32));
}

function keyOf(): Buffer {
  if (!columnKey) throw new Error('The key of the sealed PHI columns is not set (SealedColumns did not start)');
  return columnKey;
}

export const isSealedJson = (value: unknown): value is SealedJson => typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as SealedJson).sealed === 'string';

/**
 * A jsonb column whose value is PHI (chart references, free text about charts): the entity reads and
 * writes plain values, the database holds `{"sealed": "<base64>"}` only, bound to the column's name
 * (`aad`). A value that is not sealed (rows written before sealing, the column's `'[]'` default) is
 * read as it is; `SealedColumns` seals the old rows at start.
 */
export function sealedJson(aad: string): ValueTransformer {
  return {
    to: (value: unknown) => {
      if (value === undefined || value === null || value instanceof FindOperator) return value;
      return { sealed: seal(keyOf(), Buffer.from(JSON.stringify(value), 'utf8'), aad).toString('base64') } satisfies SealedJson;
    },
    from: (value: unknown) => (isSealedJson(value) ? JSON.parse(open(keyOf(), Buffer.from(value.sealed, 'base64'), aad).toString('utf8')) : value),
  };
}
