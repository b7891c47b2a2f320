/** Longest slug base taken from a name (a de-duplicating suffix may follow). */
const MAX_BASE = 60;

/**
 * The slug a public profile page starts from: the name in lowercase ASCII letters and digits, words
 * joined by "-" ("José O'Brien-Smith" -> "jose-o-brien-smith"); "coder" when nothing is left.
 */
export function slugBase(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_BASE)
    .replace(/^-+|-+$/g, '');
  return base || 'coder';
}

/** How many numbered slugs ("jane-doe-2" ... ) are tried before a random suffix. */
export const NUMBERED_SLUG_TRIES = 20;

/** The `attempt`-th candidate for `base`: the base, then base-2, base-3 ..., then base-<random> (`random` gives the suffix). */
export function slugCandidate(base: string, attempt: number, random: () => string): string {
  if (attempt === 0) return base;
  if (attempt < NUMBERED_SLUG_TRIES) return `${base}-${attempt + 1}`;
  return `${base}-${random()}`;
}
