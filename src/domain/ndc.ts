/** The unit of a drug quantity on a claim (837P CTP05-1 / NCPDP): the only five the X12 guide allows. */
export enum NdcUnit {
  /** International unit. */
  F2 = 'F2',
  /** Gram. */
  GR = 'GR',
  /** Milligram. */
  ME = 'ME',
  /** Milliliter. */
  ML = 'ML',
  /** Unit (each). */
  UN = 'UN',
}

// The labeler-product-package segment lengths of a hyphenated NDC and where its padding zero goes.
const TEN_DIGIT_FORMS: Record<string, [number, number, number]> = {
  '4-4-2': [1, 0, 0],
  '5-3-2': [0, 1, 0],
  '5-4-1': [0, 0, 1],
  '5-4-2': [0, 0, 0],
};

/**
 * A National Drug Code as the 11 digits (5-4-2, no hyphens) claims carry, or null. Accepts the 11 digits
 * bare or hyphenated 5-4-2, and the 10-digit package forms only hyphenated (4-4-2, 5-3-2, 5-4-1): the
 * hyphens say where the padding zero goes, so 10 bare digits are ambiguous and refused.
 */
export function normalizeNdc(raw: string): string | null {
  const value = raw.trim();
  if (/^\d{11}$/.test(value)) return value;
  const parts = value.split('-');
  if (parts.length !== 3 || !parts.every((part) => /^\d+$/.test(part))) return null;
  const padding = TEN_DIGIT_FORMS[parts.map((part) => part.length).join('-')];
  if (!padding) return null;
  return parts.map((part, i) => '0'.repeat(padding[i]) + part).join('');
}

/** An 11-digit NDC written 5-4-2 with hyphens, for people. */
export const formatNdc = (ndc: string) => `${ndc.slice(0, 5)}-${ndc.slice(5, 9)}-${ndc.slice(9)}`;
