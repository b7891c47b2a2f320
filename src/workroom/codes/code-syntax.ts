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

/**
 * CPT: Category I five digits (kept as text: 00100), Category II ####F, Category III ####T, PLA ####U,
 * administrative MAAA ####M and vaccine (emergency use, e.g. COVID-19 administration) ####A.
 */
export function normalizeCpt(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^(\d{5}|\d{4}[FTUMA])$/.test(code) ? code : null;
}

/**
 * The letters that head a CMS HCPCS Level II section: A transport and supplies, B enteral/parenteral,
 * C outpatient PPS, D dental, E DME, G procedures, H behavioral health, J drugs, K DME MAC temporary,
 * L orthotics/prosthetics, M quality/MIPS, P pathology/lab, Q temporary, R radiology, S private payer,
 * T Medicaid, U coronavirus lab, V vision/hearing. F, I, N, O, W, X, Y and Z head no section.
 */
export const HCPCS_SECTION_LETTERS = 'ABCDEGHJKLMPQRSTUV';

/** HCPCS Level II: a section letter (HCPCS_SECTION_LETTERS) and four digits. */
export function normalizeHcpcs(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^[A-Z]\d{4}$/.test(code) && HCPCS_SECTION_LETTERS.includes(code.charAt(0)) ? code : null;
}

/** Modifiers: exactly two characters, digits or letters (25, 59, LT, XU, E1, 1P). */
export function normalizeModifier(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^[0-9A-Z]{2}$/.test(code) ? code : null;
}
