import { normalizeHcpcs, normalizeIcd10Cm } from './code-syntax.js';

export interface ParsedCode {
  code: string;
  billable: boolean;
  description: string;
}

/**
 * The CMS ICD-10-CM order file (icd10cm_order_YYYY.txt), fixed width: order number (1-5), code
 * (7-13), header flag (15: 1 billable, 0 header), short description (17-76), long description (78-).
 */
export function parseIcd10CmOrderFile(text: string): ParsedCode[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const code = normalizeIcd10Cm(line.slice(6, 13).trim());
      const flag = line.charAt(14);
      if (!/^\d{5}$/.test(line.slice(0, 5)) || !code || (flag !== '0' && flag !== '1')) throw new Error(`line ${i + 1} is not an ICD-10-CM order file record`);
      return { code, billable: flag === '1', description: (line.slice(77).trim() || line.slice(16, 76).trim()).slice(0, 400) };
    });
}

/**
 * The CMS HCPCS Level II annual file (HCPC20xx_ANWEB), fixed width: code (1-5), sequence (6-10),
 * record id (11: 3 first line of a procedure, 4 its continuation, 7/8 modifiers), long description
 * (12-91). Procedure codes only; continuation lines extend the description.
 */
export function parseHcpcsFile(text: string): ParsedCode[] {
  const codes = new Map<string, ParsedCode>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const recordId = line.charAt(10);
    if (recordId !== '3' && recordId !== '4') return;
    const code = normalizeHcpcs(line.slice(0, 5));
    if (!code) {
      if (/^[A-Z]/.test(line)) return; // CPT-range or other rows the file carries
      throw new Error(`line ${i + 1} is not an HCPCS record`);
    }
    const text = line.slice(11, 91).trim();
    const existing = codes.get(code);
    if (existing && recordId === '4') existing.description = `${existing.description} ${text}`.slice(0, 400);
    else if (!existing) codes.set(code, { code, billable: true, description: text });
  });
  return [...codes.values()];
}
