import { describe, expect, it } from '@jest/globals';
import { bigintCents, centsFromDatabase, readCents } from './bigint-cents.transformer.js';

describe('bigint cents', () => {
  it('reads what pg returns for bigint and numeric (strings) as numbers, beyond 2^31 too', () => {
    expect(bigintCents.from('3360000000')).toBe(3_360_000_000);
    expect(bigintCents.from('-9007199254740991')).toBe(-Number.MAX_SAFE_INTEGER);
    expect(bigintCents.from(null)).toBeNull();
    expect(readCents('0')).toBe(0);
  });

  it('refuses, rather than rounds, a value beyond Number.MAX_SAFE_INTEGER or not an integer', () => {
    expect(() => bigintCents.from('9007199254740992')).toThrow(RangeError);
    expect(() => centsFromDatabase('12.5')).toThrow(RangeError);
    expect(() => readCents('-9007199254740993')).toThrow(RangeError);
  });

  it('refuses to write an amount that is not a safe integer', () => {
    expect(bigintCents.to(2_500_000_000)).toBe(2_500_000_000);
    expect(bigintCents.to(null)).toBeNull();
    expect(() => bigintCents.to(2 ** 53)).toThrow(RangeError);
    expect(() => bigintCents.to(0.5)).toThrow(RangeError);
  });
});
