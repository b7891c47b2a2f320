import { createHash } from 'node:crypto';

/**
 * The OIG List of Excluded Individuals/Entities (LEIE) as its public CSV (`UPDATED.csv`) lays it out,
 * and the rules matching a coder against it. Pure: no I/O.
 */
export const LEIE_COLUMNS = [
  'LASTNAME',
  'FIRSTNAME',
  'MIDNAME',
  'BUSNAME',
  'GENERAL',
  'SPECIALTY',
  'UPIN',
  'NPI',
  'DOB',
  'ADDRESS',
  'CITY',
  'STATE',
  'ZIP',
  'EXCLTYPE',
  'EXCLDATE',
  'REINDATE',
  'WAIVERDATE',
  'WVRSTATE',
] as const;

/** One exclusion as the screen uses it; dates ISO (`YYYY-MM-DD`) or null where the file has `00000000` / blank. */
export interface LeieEntry {
  /** A stable id of the row (its identifying fields hashed): a hold cleared for one entry is not raised again for it. */
  entryKey: string;
  lastName: string;
  firstName: string;
  middleName: string;
  businessName: string;
  general: string;
  specialty: string;
  /** Normalized `LAST|FIRST` (see `nameKey`); null for an entity (no individual's name). */
  nameKey: string | null;
  /** Ten digits, or null where the file has none (`0000000000`). */
  npi: string | null;
  dateOfBirth: string | null;
  state: string | null;
  exclusionType: string;
  excludedOn: string | null;
  reinstatedOn: string | null;
  waiverOn: string | null;
}

/** What the screen knows of a coder; every field but the name is optional. */
export interface ScreeningSubject {
  firstName: string;
  lastName: string;
  npi: string | null;
  dateOfBirth: string | null;
  state: string | null;
}

/**
 * How a coder matched an entry: NPI (same NPI), NAME_AND_DOB (same name and date of birth),
 * NAME_AND_STATE (same name and state, no birth date to compare), NAME_ONLY (same name, nothing
 * else to compare: a possible match). Every kind holds the profile until an admin reviews it.
 */
export enum LeieMatchKind {
  NPI = 'NPI',
  NAME_AND_DOB = 'NAME_AND_DOB',
  NAME_AND_STATE = 'NAME_AND_STATE',
  NAME_ONLY = 'NAME_ONLY',
}

/**
 * A name as the LEIE compares it: accents dropped, upper case, letters only (`O'Brien-Smith` ->
 * `OBRIENSMITH`), so punctuation and spacing never decide a match.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

/** `LAST|FIRST`, normalized; null when either part is empty. */
export function nameKey(lastName: string, firstName: string): string | null {
  const last = normalizeName(lastName);
  const first = normalizeName(firstName);
  return last && first ? `${last}|${first}` : null;
}

/** First and last name from a display name (`Mary Ann Smith` -> Mary / Smith), for coders who gave no legal name. */
export function splitDisplayName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return { firstName: parts[0] ?? '', lastName: parts.length > 1 ? parts[parts.length - 1] : '' };
}

/** Whether the exclusion is in force on `today`: no reinstatement date, or one still to come. */
export const isInForce = (entry: Pick<LeieEntry, 'reinstatedOn'>, today: string): boolean => entry.reinstatedOn === null || entry.reinstatedOn > today;

/**
 * How `subject` matches `entry` on `today`, or null. When both have an NPI, the NPI alone decides
 * (a different NPI is a different person, whatever the name). Otherwise the normalized last and
 * first names must be equal; then a known date of birth on both sides decides, else a known state
 * on both sides decides; with neither, the same name is a possible match (NAME_ONLY).
 */
export function matchLeie(subject: ScreeningSubject, entry: LeieEntry, today: string): LeieMatchKind | null {
  if (!isInForce(entry, today)) return null;
  if (subject.npi && entry.npi) return subject.npi === entry.npi ? LeieMatchKind.NPI : null;
  const key = nameKey(subject.lastName, subject.firstName);
  if (key === null || key !== entry.nameKey) return null;
  if (subject.dateOfBirth && entry.dateOfBirth) return subject.dateOfBirth === entry.dateOfBirth ? LeieMatchKind.NAME_AND_DOB : null;
  if (subject.state && entry.state) return subject.state.toUpperCase() === entry.state ? LeieMatchKind.NAME_AND_STATE : null;
  return LeieMatchKind.NAME_ONLY;
}

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new Error('the CSV ends inside a quoted field');
  row.push(field);
  if (row.length > 1 || row[0] !== '') rows.push(row);
  return rows;
}

/** `YYYYMMDD` -> `YYYY-MM-DD`; null for blanks and `00000000`; throws on anything else. */
function leieDate(value: string, column: string, line: number): string | null {
  const v = value.trim();
  if (v === '' || /^0+$/.test(v)) return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  if (!m || Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) || new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso) {
    throw new Error(`line ${line}: ${column} "${v}" is not a YYYYMMDD date`);
  }
  return iso;
}

/**
 * Reads the LEIE CSV: the header must name the official columns in their order. Throws, naming the
 * line, on a row of another width or a malformed date, so a truncated or foreign file loads nothing.
 */
export function parseLeieCsv(text: string): LeieEntry[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = rows.shift()?.map((h) => h.trim().toUpperCase());
  if (!header || header.join(',') !== LEIE_COLUMNS.join(',')) throw new Error(`not an LEIE file: the header must be ${LEIE_COLUMNS.join(',')}`);
  return rows.map((fields, index) => {
    const line = index + 2;
    if (fields.length !== LEIE_COLUMNS.length) throw new Error(`line ${line}: ${fields.length} fields, expected ${LEIE_COLUMNS.length}`);
    const get = (column: (typeof LEIE_COLUMNS)[number]) => fields[LEIE_COLUMNS.indexOf(column)].trim();
    const npi = /^\d{10}$/.test(get('NPI')) && !/^0+$/.test(get('NPI')) ? get('NPI') : null;
    const entry = {
      lastName: get('LASTNAME'),
      firstName: get('FIRSTNAME'),
      middleName: get('MIDNAME'),
      businessName: get('BUSNAME'),
      general: get('GENERAL'),
      specialty: get('SPECIALTY'),
      nameKey: nameKey(get('LASTNAME'), get('FIRSTNAME')),
      npi,
      dateOfBirth: leieDate(get('DOB'), 'DOB', line),
      state: get('STATE').toUpperCase() || null,
      exclusionType: get('EXCLTYPE'),
      excludedOn: leieDate(get('EXCLDATE'), 'EXCLDATE', line),
      reinstatedOn: leieDate(get('REINDATE'), 'REINDATE', line),
      waiverOn: leieDate(get('WAIVERDATE'), 'WAIVERDATE', line),
    };
    const identity = [entry.lastName, entry.firstName, entry.middleName, entry.businessName, npi ?? '', entry.dateOfBirth ?? '', entry.exclusionType, entry.excludedOn ?? ''].join('\u001f');
    return { entryKey: createHash('sha256').update(identity).digest('hex').slice(0, 32), ...entry };
  });
}
