/**
 * Syntax of the code sets a batch carries (../shared/domain.md). Pure functions: each returns the
 * normalized code, or null when the code cannot be one of its kind.
 */

/** ICD-10-CM: letter, digit, digit-or-letter, then up to four digits or letters; dotted after the 3rd when more follow. */
export function normalizeIcd10Cm(raw: string): string | null {
  const code = raw.trim().toUpperCase().replace('.', '');
  if (!/^[A-Z][0-9][0-9A-Z]([0-9A-Z]{1,4})?$/.test(code)) return null;
  if (raw.includes('.') && raw.trim().indexOf('.') !== 3) return null;
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

/** ICD-10-PCS: exactly seven characters, digits or letters other than I and O. */
export function normalizeIcd10Pcs(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^[0-9A-HJ-NP-Z]{7}$/.test(code) ? code : null;
}

/** CPT: Category I five digits (kept as text: 00100), Category II ####F, Category III ####T, PLA ####U. */
export function normalizeCpt(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^(\d{5}|\d{4}[FTU])$/.test(code) ? code : null;
}

/** HCPCS Level II: a letter A-V and four digits. */
export function normalizeHcpcs(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^[A-V]\d{4}$/.test(code) ? code : null;
}

/** Modifiers: exactly two characters, digits or letters (25, 59, LT, XU, E1, 1P). */
export function normalizeModifier(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^[0-9A-Z]{2}$/.test(code) ? code : null;
}
