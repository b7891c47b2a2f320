import { describe, expect, it } from '@jest/globals';
import { NUMBERED_SLUG_TRIES, slugBase, slugCandidate } from './public-slug.js';

describe('slugBase', () => {
  it('keeps letters and digits of the name, lowercase, words joined by dashes', () => {
    expect(slugBase('Jane Doe')).toBe('jane-doe');
    expect(slugBase("  José O'Brien-Smith, CPC ")).toBe('jose-o-brien-smith-cpc');
    expect(slugBase('<script>alert(1)</script>')).toBe('script-alert-1-script');
  });

  it('falls back to "coder" when nothing usable is left, and caps the length', () => {
    expect(slugBase('李小龍')).toBe('coder');
    expect(slugBase('---')).toBe('coder');
    expect(slugBase('a'.repeat(200)).length).toBe(60);
    expect(slugBase(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });
});

describe('slugCandidate', () => {
  it('tries the base, then numbered slugs, then a random suffix', () => {
    expect(slugCandidate('jane-doe', 0, () => 'x')).toBe('jane-doe');
    expect(slugCandidate('jane-doe', 1, () => 'x')).toBe('jane-doe-2');
    expect(slugCandidate('jane-doe', NUMBERED_SLUG_TRIES, () => 'k3f9a1')).toBe('jane-doe-k3f9a1');
  });
});
