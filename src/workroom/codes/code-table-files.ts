import { normalizeCpt, normalizeHcpcs, normalizeIcd10Cm, normalizeIcd10Pcs, normalizeModifier } from './code-syntax.js';

export interface ParsedCode {
  code: string;
  billable: boolean;
  description: string;
  /** First date of service (YYYY-MM-DD) the code may be billed for; absent: the version's. */
  validFrom?: string | null;
  /** Last date of service (YYYY-MM-DD); absent: open. */
  validTo?: string | null;
}

/** A HCPCS Level II file: procedure records (3/4) and modifier records (7/8), each list with its dates. */
export interface ParsedHcpcsFile {
  procedures: ParsedCode[];
  modifiers: ParsedCode[];
}

/** One NCCI procedure-to-procedure edit. */
export interface PtpEdit {
  column1: string;
  column2: string;
  /** YYYY-MM-DD */
  editFrom: string;
  /** Deletion date YYYY-MM-DD, null while in force ("*" in the file). */
  editTo: string | null;
  modifierIndicator: 0 | 1 | 9;
  rationale: string;
}

/** One medically unlikely edit. */
export interface MueValue {
  code: string;
  maxUnits: number;
  adjudicationIndicator: 1 | 2 | 3;
  rationale: string;
}

/** YYYYMMDD (as CMS files write dates) to YYYY-MM-DD, or null when blank; throws on anything else. */
export function cmsDate(raw: string, what: string): string | null {
  const text = raw.trim();
  if (!text || text === '*' || /^0+$/.test(text)) return null;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.getUTCMonth() !== Number(match[2]) - 1 || date.getUTCDate() !== Number(match[3])) throw new Error(`${what} "${text}" is not a YYYYMMDD date`);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

function parseOrderFile(text: string, normalize: (raw: string) => string | null, kind: string): ParsedCode[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const code = normalize(line.slice(6, 13).trim());
      const flag = line.charAt(14);
      if (!/^\d{5}$/.test(line.slice(0, 5)) || !code || (flag !== '0' && flag !== '1')) throw new Error(`line ${i + 1} is not an ${kind} order file record`);
      return { code, billable: flag === '1', description: (line.slice(77).trim() || line.slice(16, 76).trim()).slice(0, 400) };
    });
}

/**
 * The CMS ICD-10-CM order file (icd10cm_order_YYYY.txt), fixed width: order number (1-5), code
 * (7-13), header flag (15: 1 billable, 0 header), short description (17-76), long description (78-).
 */
export function parseIcd10CmOrderFile(text: string): ParsedCode[] {
  return parseOrderFile(text, normalizeIcd10Cm, 'ICD-10-CM');
}

/**
 * The CMS ICD-10-PCS order file (icd10pcs_order_YYYY.txt): the ICD-10-CM order file's layout, with
 * seven-character codes (flag 1) and their three-character table headers (flag 0).
 */
export function parseIcd10PcsOrderFile(text: string): ParsedCode[] {
  return parseOrderFile(text, (raw) => normalizeIcd10Pcs(raw) ?? (/^[0-9A-HJ-NP-Z]{3}$/.test(raw.toUpperCase()) ? raw.toUpperCase() : null), 'ICD-10-PCS');
}

/**
 * The CMS HCPCS Level II file (HCPC20xx_ANWEB, annual and quarterly), fixed width (320 characters;
 * HCPCyyyy_recordlayout.txt): code (1-5; a modifier right-aligned in 4-5), sequence (6-10), record id
 * (11: 3 first line of a procedure, 4 its continuation, 7 first line of a modifier, 8 its continuation),
 * long description (12-91), ..., code added date (269-276), action effective date (277-284),
 * termination date (285-292), action code (293: A add, D discontinue, R reactivate, ...).
 * Continuation lines extend the description; rows of CPT (Level I) codes are skipped.
 */
export function parseHcpcsFile(text: string): ParsedHcpcsFile {
  const procedures = new Map<string, ParsedCode>();
  const modifiers = new Map<string, ParsedCode>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const recordId = line.charAt(10);
    if (!/^\d{5}$/.test(line.slice(5, 10)) || !'3478'.includes(recordId)) throw new Error(`line ${i + 1} is not an HCPCS record`);
    const isModifier = recordId === '7' || recordId === '8';
    const code = isModifier ? normalizeModifier(line.slice(0, 5).trim()) : normalizeHcpcs(line.slice(0, 5));
    if (!code) {
      if (!isModifier && normalizeCpt(line.slice(0, 5))) return; // CPT rows the file may carry
      throw new Error(`line ${i + 1} is not an HCPCS ${isModifier ? 'modifier' : 'procedure'} record`);
    }
    const list = isModifier ? modifiers : procedures;
    const description = line.slice(11, 91).trim();
    const existing = list.get(code);
    if (recordId === '4' || recordId === '8') {
      if (existing) existing.description = `${existing.description} ${description}`.slice(0, 400);
      return;
    }
    const added = cmsDate(line.slice(268, 276), `line ${i + 1}: code added date`);
    const actionEffective = cmsDate(line.slice(276, 284), `line ${i + 1}: action effective date`);
    const terminated = cmsDate(line.slice(284, 292), `line ${i + 1}: termination date`);
    const action = line.charAt(292).trim();
    // A reactivated (R) or added (A) code is billable from its action's effective date.
    const validFrom = (action === 'R' || action === 'A' ? actionEffective : null) ?? added;
    if (!existing) list.set(code, { code, billable: true, description, validFrom, validTo: terminated });
  });
  return { procedures: [...procedures.values()], modifiers: [...modifiers.values()] };
}

const lineCode = (raw: string): string | null => normalizeCpt(raw) ?? normalizeHcpcs(raw);

/**
 * The CMS NCCI practitioner PTP edit file (ccipra-vNNNrN-fN.txt, tab-delimited; the edits are split
 * over several files): a few header lines (copyright, column titles), then per edit: column 1,
 * column 2, "*" when in existence prior to 1996, effective date, deletion date ("*" = none),
 * modifier indicator (0 not allowed, 1 allowed, 9 not applicable), PTP edit rationale.
 */
export function parsePtpFile(text: string): PtpEdit[] {
  const edits: PtpEdit[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const cells = line.split('\t').map((cell) => cell.trim().replace(/^"|"$/g, ''));
    const column1 = lineCode(cells[0] ?? '');
    if (!column1) return; // header, title or blank line
    const column2 = lineCode(cells[1] ?? '');
    const indicator = Number(cells[5]);
    const editFrom = cmsDate(cells[3] ?? '', `line ${i + 1}: effective date`);
    if (cells.length < 7 || !column2 || !editFrom || ![0, 1, 9].includes(indicator)) throw new Error(`line ${i + 1} is not an NCCI PTP edit record`);
    edits.push({ column1, column2, editFrom, editTo: cmsDate(cells[4], `line ${i + 1}: deletion date`), modifierIndicator: indicator as 0 | 1 | 9, rationale: cells[6].slice(0, 400) });
  });
  if (!edits.length) throw new Error('no NCCI PTP edit record in the file');
  return edits;
}

/** Splits one CSV line (RFC 4180 quoting); tab-delimited lines are split on tabs. */
function cells(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((cell) => cell.trim());
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      out.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  out.push(cell.trim());
  return out;
}

/**
 * The CMS practitioner services MUE file (MCR_MUE_PractitionerServices_Eff_MM-DD-YYYY.csv, or its
 * tab-delimited text): header lines (copyright, column titles), then per code: HCPCS/CPT code,
 * practitioner services MUE value, MUE adjudication indicator ("1 Line Edit", "2 Date of Service
 * Edit: Policy", "3 Date of Service Edit: Clinical"), MUE rationale.
 */
export function parseMueFile(text: string): MueValue[] {
  const values: MueValue[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const row = cells(line);
    const code = lineCode(row[0] ?? '');
    if (!code) return;
    const maxUnits = Number(row[1]);
    const indicator = Number(/^\s*([123])/.exec(row[2] ?? '')?.[1]);
    if (row.length < 4 || !/^\d+$/.test(row[1]) || !Number.isSafeInteger(maxUnits) || !indicator) throw new Error(`line ${i + 1} is not an MUE record`);
    values.push({ code, maxUnits, adjudicationIndicator: indicator as 1 | 2 | 3, rationale: row[3].slice(0, 400) });
  });
  if (!values.length) throw new Error('no MUE record in the file');
  return values;
}

/** The tables `npm run codes:import` loads. HCPCS_MODIFIER is loaded with HCPCS, from the same file. */
export type CodeFileKind = 'ICD10CM' | 'ICD10PCS' | 'HCPCS' | 'NCCI_PTP' | 'MUE';
export const CODE_FILE_KINDS: CodeFileKind[] = ['ICD10CM', 'ICD10PCS', 'HCPCS', 'NCCI_PTP', 'MUE'];

/** Which table a file holds and the dates of service it is in force for (YYYY-MM-DD, inclusive). */
export interface CodeFileIdentity {
  kind: CodeFileKind;
  effectiveFrom: string;
  effectiveTo: string;
}

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const quarterEnd = (year: number, month: number) => {
  const last = Math.floor((month - 1) / 3) * 3 + 3;
  return iso(year, last, new Date(Date.UTC(year, last, 0)).getUTCDate());
};
/** Last day of the fiscal year (October 1 .. September 30) a date falls in. */
const fiscalYearEnd = (year: number, month: number) => iso(month >= 10 ? year + 1 : year, 9, 30);
const MONTHS: Record<string, number> = { JAN: 1, APR: 4, JUL: 7, OCT: 10 };

function kindFromContent(text: string): CodeFileKind | null {
  const lines = text.split(/\r?\n/).filter((line) => line.trim());
  const first = lines[0] ?? '';
  // ICD-10-CM codes start with a letter; most ICD-10-PCS sections are digits.
  if (/^\d{5} [0-9A-Z]{3,7}\s+[01] /.test(first)) return lines.some((line) => /\d/.test(line.charAt(6))) ? 'ICD10PCS' : 'ICD10CM';
  if (/^[0-9A-Z ]{5}\d{5}[3478]/.test(first)) return 'HCPCS';
  const row = lines.map((line) => line.split('\t')).find((cells) => lineCode(cells[0]) && lineCode(cells[1] ?? ''));
  if (row) return 'NCCI_PTP';
  if (lines.some((line) => lineCode(cells(line)[0]) && /^\d+$/.test(cells(line)[1] ?? ''))) return 'MUE';
  return null;
}

/**
 * Tells an official file by its CMS name (content when the name does not say) and the dates it is
 * in force: icd10cm_order_2026.txt / icd10pcs_order_2026.txt: fiscal year 2026 (2025-10-01..2026-09-30;
 * an April update, "april" in the name, from 2026-04-01); HCPC2026_JAN_ANWEB.txt (or _APR/_JUL/_OCT, or
 * no month: January): from the quarter to the end of 2026; ccipra-v320r0-f1.txt: NCCI version 32.0 =
 * the first quarter of 2026 (version 31 was 2025; .0-.3 are the quarters); MCR_MUE_PractitionerServices_
 * Eff_01-01-2026.csv: the quarter from that date. `set` and `effective` (YYYY-MM-DD) override.
 */
export function identifyCodeFile(name: string, text: string, overrides: { set?: string; effective?: string } = {}): CodeFileIdentity {
  if (/ccioph|outpatienthospital|_dme/i.test(name)) throw new Error('only the practitioner NCCI PTP and MUE files apply to professional claims');
  const byName: CodeFileKind | null = /icd10cm/i.test(name)
    ? 'ICD10CM'
    : /icd10pcs/i.test(name)
      ? 'ICD10PCS'
      : /hcpc/i.test(name)
        ? 'HCPCS'
        : /ccipra|ptp/i.test(name)
          ? 'NCCI_PTP'
          : /mue/i.test(name)
            ? 'MUE'
            : null;
  const kind = (overrides.set?.toUpperCase() ?? byName ?? kindFromContent(text)) as CodeFileKind | null;
  if (!kind || !CODE_FILE_KINDS.includes(kind)) throw new Error(`cannot tell which table the file holds: pass --set ${CODE_FILE_KINDS.join('|')}`);
  let from: string | null = null;
  if (overrides.effective) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(overrides.effective) || Number.isNaN(Date.parse(overrides.effective))) throw new Error('--effective must be a date YYYY-MM-DD');
    from = overrides.effective;
  } else if (kind === 'ICD10CM' || kind === 'ICD10PCS') {
    const fy = Number(/(20\d\d)/.exec(name)?.[1]);
    if (fy) from = /apr/i.test(name) ? iso(fy, 4, 1) : iso(fy - 1, 10, 1);
  } else if (kind === 'HCPCS') {
    const year = Number(/(20\d\d)/.exec(name)?.[1]);
    if (year) from = iso(year, MONTHS[/_(JAN|APR|JUL|OCT)/i.exec(name)?.[1].toUpperCase() ?? 'JAN'], 1);
  } else if (kind === 'NCCI_PTP') {
    const version = /v(\d\d)(\d)r\d/i.exec(name);
    if (version && Number(version[2]) <= 3) from = iso(1994 + Number(version[1]), Number(version[2]) * 3 + 1, 1);
  } else {
    const eff = /eff_(\d\d)-(\d\d)-(20\d\d)/i.exec(name);
    if (eff) from = iso(Number(eff[3]), Number(eff[1]), Number(eff[2]));
  }
  if (!from) throw new Error(`cannot tell from the file name when the ${kind} table takes effect: pass --effective YYYY-MM-DD`);
  const [year, month] = from.split('-').map(Number);
  const effectiveTo = kind === 'ICD10CM' || kind === 'ICD10PCS' ? fiscalYearEnd(year, month) : kind === 'HCPCS' ? iso(year, 12, 31) : quarterEnd(year, month);
  return { kind, effectiveFrom: from, effectiveTo };
}
