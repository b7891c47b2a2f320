import { describe, expect, it } from '@jest/globals';
import { nestsDeeperThan, pathsOfStringsMatching, UNSAFE_TEXT, UNSTORABLE_IN_JSONB } from './unsafe-text.js';

describe('UNSAFE_TEXT', () => {
  it('refuses NUL, other C0 controls, DEL and unpaired surrogates', () => {
    for (const text of ['a\u0000b', '\u0001', 'bell\u0007', 'esc\u001b[2J', 'del\u007f', 'high \uD800 alone', 'low \uDC00 alone', 'reversed \uDC00\uD800'])
      expect([text, UNSAFE_TEXT.test(text)]).toEqual([text, true]);
  });

  it('accepts text with tabs, line breaks, accents and astral characters', () => {
    for (const text of ['', 'line one\r\n\tline two', 'Crème brûlée', '診療記録', 'emoji 🩺 (a surrogate pair)', '\u0085 and \u00a0 are not C0'])
      expect([text, UNSAFE_TEXT.test(text)]).toEqual([text, false]);
  });

  it('takes linear time on a long hostile string', () => {
    const started = performance.now();
    UNSAFE_TEXT.test('\uD800\uDC00'.repeat(500_000) + '\uD800');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('UNSTORABLE_IN_JSONB', () => {
  it('refuses only what jsonb cannot hold', () => {
    expect(['a\u0000', '\uDFFF', 'tab\t', 'esc\u001b'].map((text) => UNSTORABLE_IN_JSONB.test(text))).toEqual([true, true, false, false]);
  });
});

describe(pathsOfStringsMatching.name, () => {
  it('names each offending string by its path under the root, keys included, up to the limit', () => {
    const input = { name: 'ok', specialties: [{ specialty: 'CARDIOLOGY' }, { specialty: 'bad\u0000' }], notes: ['x', 'y\u0000'], ['k\u0000']: 1 };
    expect(pathsOfStringsMatching(input, UNSAFE_TEXT, 'input')).toEqual(['input', 'input.specialties.1.specialty', 'input.notes.1']);
    expect(pathsOfStringsMatching(input, UNSAFE_TEXT, 'input', 1)).toHaveLength(1);
    expect(pathsOfStringsMatching('a\u0000', UNSAFE_TEXT, 'body')).toEqual(['body']);
    expect(pathsOfStringsMatching({ text: '\u0000' }, UNSAFE_TEXT)).toEqual(['text']);
  });

  it('skips numbers and class instances, and walks deep nesting without recursion', () => {
    expect(pathsOfStringsMatching({ n: 1, at: new Date(), buffer: Buffer.from('\u0000') }, UNSAFE_TEXT)).toEqual([]);
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(pathsOfStringsMatching(deep, UNSAFE_TEXT, 'x')).toHaveLength(1);
  });
});

describe(nestsDeeperThan.name, () => {
  it('counts levels of objects and arrays', () => {
    expect(nestsDeeperThan({ a: { b: [1] } }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: { b: [1] } }, 2)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { deep };
    expect(nestsDeeperThan(deep, 32)).toBe(true);
  });
});
