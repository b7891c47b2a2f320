import { expect } from '@jest/globals';
import x12 from 'node-x12';
import type { X12Interchange } from 'node-x12';

/** The segments of one parsed 837P, as tag + element values (index 1 = the segment's 01 element). */
export interface Parsed837 {
  interchange: X12Interchange;
  segments: string[][];
  /** The segments of the transaction set, ST to SE. */
  transaction: string[][];
}

/**
 * Parses an 837P with node-x12 in strict mode (ISA length, IEA01 and IEA02 checked by the parser)
 * and checks the envelopes: delimiters and terminators, one group and one transaction, the control
 * numbers of each header equal to its trailer's, the counts in SE01, GE01 and IEA01, and the HL
 * hierarchy (ids in order, each parent an earlier HL of the level above).
 */
export function parse837(text: string): Parsed837 {
  expect(text).not.toMatch(/[\r\n]/);
  expect(text.endsWith('~')).toBe(true);
  expect(text.slice(0, 3)).toBe('ISA');
  // ISA is fixed width: element separator at 3, repetition separator ISA11 at 82, component separator ISA16 at 104, terminator at 105.
  expect([text[3], text[82], text[104], text[105]]).toEqual(['*', '^', ':', '~']);

  const interchange = new x12.X12Parser(true).parse(text) as X12Interchange;
  expect(interchange.functionalGroups).toHaveLength(1);
  const [group] = interchange.functionalGroups;
  expect(group.transactions).toHaveLength(1);
  const [transaction] = group.transactions;
  expect(interchange.trailer.valueOf(2)).toBe(interchange.header.valueOf(13));
  expect(interchange.trailer.valueOf(1)).toBe('1');
  expect(group.trailer.valueOf(2)).toBe(group.header.valueOf(6));
  expect(group.trailer.valueOf(1)).toBe('1');
  expect(group.header.valueOf(8)).toBe('005010X222A1');
  expect(transaction.trailer.valueOf(2)).toBe(transaction.header.valueOf(2));
  expect(transaction.header.valueOf(1)).toBe('837');
  expect(transaction.header.valueOf(3)).toBe('005010X222A1');
  // SE01 counts ST and SE and every segment between them.
  expect(Number(transaction.trailer.valueOf(1))).toBe(transaction.segments.length + 2);

  const segments = text
    .slice(0, -1)
    .split('~')
    .map((segment) => segment.split('*'));
  // node-x12 reads ISA13 as a number: the raw text keeps its nine digits, the same in IEA02.
  expect(segments[0][13]).toMatch(/^\d{9}$/);
  expect(segments[segments.length - 1]).toEqual(['IEA', '1', segments[0][13]]);
  const st = segments.findIndex((s) => s[0] === 'ST');
  const se = segments.findIndex((s) => s[0] === 'SE');
  const transactionSegments = segments.slice(st, se + 1);
  expect(transactionSegments.map((s) => s[0])).toEqual(['ST', ...transaction.segments.map((s) => s.tag), 'SE']);

  const levels = new Map<string, string>();
  transactionSegments
    .filter((s) => s[0] === 'HL')
    .forEach(([, id, parent, level], i) => {
      expect(id).toBe(String(i + 1));
      const expectedParentLevel = { '20': undefined, '22': '20', '23': '22' }[level];
      if (expectedParentLevel === undefined) expect(parent ?? '').toBe('');
      else expect(levels.get(parent)).toBe(expectedParentLevel);
      levels.set(id, level);
    });
  return { interchange, segments, transaction: transactionSegments };
}

/** The segments of each claim: from its CLM up to the next 2000B HL (or SE). */
export function claimsOf(parsed: Parsed837): string[][][] {
  const claims: string[][][] = [];
  let current: string[][] | null = null;
  for (const segment of parsed.transaction) {
    if (segment[0] === 'CLM') claims.push((current = []));
    else if (segment[0] === 'HL' || segment[0] === 'SE') current = null;
    current?.push(segment);
  }
  return claims;
}
