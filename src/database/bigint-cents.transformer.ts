import type { ValueTransformer } from 'typeorm';

/**
 * Reads a `bigint` column (pg returns it as a string) as a JS number, and refuses, rather than rounds, a
 * value beyond Number.MAX_SAFE_INTEGER, both ways. Also reads `numeric` (e.g. a SUM of bigint).
 */
export function centsFromDatabase(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  if (!/^-?\d+$/.test(text)) throw new RangeError(`Not an integer amount of cents: ${text}`);
  const cents = Number(text);
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amount of cents beyond Number.MAX_SAFE_INTEGER: ${text}`);
  return cents;
}

export const bigintCents: ValueTransformer = {
  to(value: number | null | undefined): number | null | undefined {
    if (value === null || value === undefined) return value;
    if (!Number.isSafeInteger(value)) throw new RangeError(`Amount of cents is not a safe integer: ${String(value)}`);
    return value;
  },
  from: (value: string | number | null) => centsFromDatabase(value),
};

/** A non-null `bigint` (or `numeric` SUM) read from raw SQL, as a safe JS number. */
export function readCents(value: string | number): number {
  const cents = centsFromDatabase(value);
  if (cents === null) throw new RangeError('Amount of cents is null');
  return cents;
}
