import { createHash } from 'node:crypto';
import unhomoglyph from 'unhomoglyph';

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
  /** A stable id of the row (its identifying fields hashed): the holds of a coder are kept per entry. */
  entryKey: string;
  lastName: string;
  firstName: string;
  middleName: string;
  businessName: string;
  general: string;
  specialty: string;
  /** Normalized `LAST|FIRST` (see `nameKey`); null for an entity (no individual's name). */
  nameKey: string | null;
  /** The normalized last name and each of its parts (`lastNameParts`): what a screen looks candidates up by. */
  lastNameParts: string[];
  /** Ten digits, or null where the file has none (`0000000000`). */
  npi: string | null;
  dateOfBirth: string | null;
  state: string | null;
  exclusionType: string;
  excludedOn: string | null;
  reinstatedOn: string | null;
  waiverOn: string | null;
}

/** Where a name the screen compares comes from. */
export enum ScreeningNameSource {
  /** The account's name (`signUp`): its first word, the rest as the last name. */
  ACCOUNT_NAME = 'ACCOUNT_NAME',
  /** The legal name on the coder profile now. */
  LEGAL_NAME = 'LEGAL_NAME',
  /** A legal name the profile had before a rename. */
  PREVIOUS_LEGAL_NAME = 'PREVIOUS_LEGAL_NAME',
}

/** One name of the person, as given (the screen normalizes it). */
export interface ScreeningName {
  /** The first-name field: its first word is the first name, the other words middle names or initials. */
  firstName: string;
  lastName: string;
  source: ScreeningNameSource;
}

/** What the screen knows of a coder: every name the platform knows, and the optional details. */
export interface ScreeningSubject {
  names: ScreeningName[];
  npi: string | null;
  dateOfBirth: string | null;
  state: string | null;
}

/**
 * How a coder matched an entry, strongest first: NPI (same NPI, whatever the name), NAME_AND_DOB
 * (a name matches and so does the date of birth), NAME_AND_STATE (a name and the state), NAME_ONLY
 * (a name matches, no other detail agrees: either side lacks it or it differs). Every kind holds the
 * profile until an admin reviews it: details the coder typed never clear a name match.
 */
export enum LeieMatchKind {
  NPI = 'NPI',
  NAME_AND_DOB = 'NAME_AND_DOB',
  NAME_AND_STATE = 'NAME_AND_STATE',
  NAME_ONLY = 'NAME_ONLY',
}

/** The kinds weakest first: a later match of an entry raises a new hold only when stronger than every cleared one. */
export const MATCH_KINDS_WEAKEST_FIRST = [LeieMatchKind.NAME_ONLY, LeieMatchKind.NAME_AND_STATE, LeieMatchKind.NAME_AND_DOB, LeieMatchKind.NPI] as const;

/** A detail compared besides the names, when both sides have it. */
export enum ScreeningDetail {
  NPI = 'NPI',
  DATE_OF_BIRTH = 'DATE_OF_BIRTH',
  STATE = 'STATE',
  MIDDLE_NAME = 'MIDDLE_NAME',
}

/**
 * How the first names matched: the whole field, or its first word (middle names and initials aside);
 * or, weaker and only when the last name matches and the birth date or the state agrees, the coder's
 * first word is the initial of the entry's first name (INITIAL), the entry's middle name (MIDDLE_NAME),
 * or the entry's first name run together with more (RUN_TOGETHER: `JohnRobert` for JOHN).
 */
export enum FirstNameComparison {
  EXACT = 'EXACT',
  FIRST_WORD = 'FIRST_WORD',
  INITIAL = 'INITIAL',
  MIDDLE_NAME = 'MIDDLE_NAME',
  RUN_TOGETHER = 'RUN_TOGETHER',
}

/** The weak first-name comparisons: they count only with the last name and the birth date or the state. */
const WEAK_FIRST_NAME = new Set([FirstNameComparison.INITIAL, FirstNameComparison.MIDDLE_NAME, FirstNameComparison.RUN_TOGETHER]);

/** How the last names matched: the whole name, or one part of a compound (hyphenated or spaced) name. */
export enum LastNameComparison {
  EXACT = 'EXACT',
  PART = 'PART',
}

/** The coder's name that matched, split as compared, and how. */
export interface MatchedName {
  firstName: string;
  middleName: string | null;
  lastName: string;
  source: ScreeningNameSource;
  firstNameMatch: FirstNameComparison;
  lastNameMatch: LastNameComparison;
  /** The coder's last name matched the entry's first name and the first name its last name. */
  swapped: boolean;
}

/** A match: its kind, the name that matched (null when only the NPI did), and the details that agree or differ. */
export interface LeieMatch {
  kind: LeieMatchKind;
  name: MatchedName | null;
  agreeing: ScreeningDetail[];
  differing: ScreeningDetail[];
}

// Letters NFKD and the confusables table leave outside A-Z, spelled as the LEIE spells them.
const LATIN_EXTRA: Record<string, string> = { ß: 'SS', ẞ: 'SS', þ: 'TH', Þ: 'TH', ð: 'D', Ð: 'D' };
const MARKS = /\p{M}/gu;
const LATIN_LETTERS = /^[A-Za-z]+$/;
const foldedChars = new Map<string, string>();
// Digits and signs that stand in for letters (`J0hn Sm1th`); a 1 reads I or L (`OneAs`).
const LOOKALIKE_SIGNS: Record<string, string> = { '0': 'O', '3': 'E', '4': 'A', '5': 'S', '7': 'T', '8': 'B', '@': 'A', $: 'S' };

/** What a `1` is read as: `Sm1th` is SMITH, `A1ex` is ALEX; the screen compares both readings. */
export type OneAs = 'I' | 'L';
/** Both readings of a `1`. */
export const ONE_READINGS: readonly OneAs[] = ['I', 'L'];

/**
 * One non-ASCII character as the Latin letters it looks like (Cyrillic `О` -> `O`, Greek `Α` -> `A`,
 * `ł` -> `l`, `æ` -> `ae`), from Unicode's confusables table (TR39, through `unhomoglyph`); '' when it
 * looks like none. The table maps some lower-case letters only through their capitals (Cyrillic `н`)
 * and every I-like capital to `l`: a capital that reads `l` is an `I`.
 */
function foldChar(char: string): string {
  const known = foldedChars.get(char);
  if (known !== undefined) return known;
  let folded = LATIN_EXTRA[char] ?? '';
  for (const variant of folded ? [] : [char, char.toUpperCase(), char.toLowerCase()]) {
    const latin = unhomoglyph(variant).normalize('NFD').replace(MARKS, '');
    if (LATIN_LETTERS.test(latin)) {
      folded = latin === 'l' && variant !== variant.toLowerCase() ? 'I' : latin;
      break;
    }
  }
  // Bounded, so a client sending many distinct code points cannot grow it without end.
  if (foldedChars.size < 20_000) foldedChars.set(char, folded);
  return folded;
}

/**
 * A name as the LEIE compares it: compatibility forms and accents dropped, lookalike letters of other
 * scripts read as the Latin letters they look like (`JОHN` with a Cyrillic О is `JOHN`), upper case,
 * letters only (`O'Brien-Smith` -> `OBRIENSMITH`), so neither punctuation, spacing nor a lookalike
 * letter decides a match.
 */
export function normalizeName(name: string, oneAs: OneAs = 'I'): string {
  return name
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(/\P{ASCII}/gu, foldChar)
    .replace(/[034578@$]/g, (sign) => LOOKALIKE_SIGNS[sign])
    .replace(/1/g, oneAs)
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

/** `LAST|FIRST`, normalized; null when either part is empty. */
export function nameKey(lastName: string, firstName: string): string | null {
  const last = normalizeName(lastName);
  const first = normalizeName(firstName);
  return last && first ? `${last}|${first}` : null;
}

// Particles of compound surnames that are no surname on their own (`DE LA CRUZ` is not a `LA`).
const PARTICLES = new Set(['DA', 'DAS', 'DE', 'DEL', 'DELA', 'DEN', 'DER', 'DES', 'DI', 'DO', 'DOS', 'DU', 'E', 'LA', 'LAS', 'LE', 'LO', 'LOS', 'ST', 'TE', 'TER', 'VAN', 'VON', 'Y']);
const NAME_SEPARATORS = /[\s\-\u2010-\u2015]+/u;

/** The words of a name field (split on spaces and hyphens), normalized, empty ones left out. */
const wordsOf = (name: string, oneAs: OneAs = 'I'): string[] =>
  name
    .split(NAME_SEPARATORS)
    .map((word) => normalizeName(word, oneAs))
    .filter(Boolean);

/**
 * The normalized last name and each of its parts (split on spaces and hyphens), particles and single
 * letters left out as parts: `Garcia-Lopez` -> GARCIALOPEZ, GARCIA, LOPEZ. Two last names match when
 * they share one (the OIG asks that each part of a hyphenated name be searched).
 */
export function lastNameParts(lastName: string, oneAs: OneAs = 'I'): string[] {
  const whole = normalizeName(lastName, oneAs);
  const parts = wordsOf(lastName, oneAs).filter((part) => part.length > 1 && !PARTICLES.has(part));
  return [...new Set(whole ? [whole, ...parts] : parts)];
}

/** First name and the rest as the last name, from a display name (`Mary Ann Smith` -> Mary / Ann Smith): each word after the first may be a surname. */
export function splitDisplayName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return { firstName: parts[0] ?? '', lastName: parts.slice(1).join(' ') };
}

/** Whether the exclusion is in force on `today`: no reinstatement date, or one still to come. */
export const isInForce = (entry: Pick<LeieEntry, 'reinstatedOn'>, today: string): boolean => entry.reinstatedOn === null || entry.reinstatedOn > today;

/** Middle names agree when one is the other's initial or both are the same; null when either side has none. */
function middleAgrees(subject: string[], entry: string[]): boolean | null {
  if (!subject.length || !entry.length) return null;
  const [a, b] = [subject[0], entry[0]];
  return a[0] === b[0] && (a.length === 1 || b.length === 1 || a === b);
}

/** The first-name comparison of the subject's words with the entry's first and middle names, or null. */
function compareFirst(subjectWhole: string, subject: string[], entryWhole: string, entryFirst: string[], entryMiddle: string[]): FirstNameComparison | null {
  if (subjectWhole === entryWhole) return FirstNameComparison.EXACT;
  const [mine, theirs] = [subject[0], entryFirst[0]];
  if (mine === theirs) return FirstNameComparison.FIRST_WORD;
  if (mine.length === 1 && mine === theirs[0]) return FirstNameComparison.INITIAL;
  const middle = entryMiddle[0] ?? entryFirst[1];
  if (middle && middle.length > 1 && mine === middle) return FirstNameComparison.MIDDLE_NAME;
  if (theirs.length > 1 && mine.length > theirs.length && mine.startsWith(theirs)) return FirstNameComparison.RUN_TOGETHER;
  return null;
}

/** How `name` matches the entry's name, or null: see `matchLeie`. */
function compareName(name: ScreeningName, entry: Pick<LeieEntry, 'firstName' | 'middleName' | 'lastName'>, oneAs: OneAs, swapped: boolean): { name: MatchedName; middle: boolean | null } | null {
  const [givenFirst, givenLast] = swapped ? [name.lastName, name.firstName] : [name.firstName, name.lastName];
  const subjectFirst = wordsOf(givenFirst, oneAs);
  const entryFirst = wordsOf(entry.firstName);
  if (!subjectFirst.length || !entryFirst.length) return null;
  const entryMiddle = wordsOf(entry.middleName);
  const firstNameMatch = compareFirst(normalizeName(givenFirst, oneAs), subjectFirst, normalizeName(entry.firstName), entryFirst, entryMiddle);
  if (!firstNameMatch) return null;
  const [subjectLast, entryLast] = [normalizeName(givenLast, oneAs), normalizeName(entry.lastName)];
  if (!subjectLast || !entryLast) return null;
  const entryParts = new Set(lastNameParts(entry.lastName));
  const lastNameMatch = subjectLast === entryLast ? LastNameComparison.EXACT : lastNameParts(givenLast, oneAs).some((part) => entryParts.has(part)) ? LastNameComparison.PART : null;
  if (!lastNameMatch) return null;
  const words = givenFirst.trim().split(/\s+/);
  const exact = firstNameMatch === FirstNameComparison.EXACT;
  // Going by the middle name: the entry's first name is the one to compare the rest with.
  const middle = exact ? [] : subjectFirst.slice(1);
  const entryRest = firstNameMatch === FirstNameComparison.MIDDLE_NAME ? [] : [...entryFirst.slice(1), ...entryMiddle];
  return {
    name: {
      firstName: words[0],
      middleName: exact ? null : words.slice(1).join(' ') || null,
      lastName: givenLast.trim(),
      source: name.source,
      firstNameMatch,
      lastNameMatch,
      swapped,
    },
    middle: middleAgrees(middle, entryRest),
  };
}

// Closest first: the whole first name, its first word, then the weak comparisons.
const FIRST_NAME_SCORE: Record<FirstNameComparison, number> = {
  [FirstNameComparison.EXACT]: 8,
  [FirstNameComparison.FIRST_WORD]: 6,
  [FirstNameComparison.RUN_TOGETHER]: 4,
  [FirstNameComparison.MIDDLE_NAME]: 2,
  [FirstNameComparison.INITIAL]: 0,
};

/**
 * How `subject` matches `entry` on `today`, or null (also for an entry reinstated by then).
 *
 * A name matches when, after `normalizeName`, the first word of its first-name field equals the first
 * word of the entry's first name (the whole field equal counts too: `Mary-Ann` = `MARY ANN`), and the
 * last names share the whole or one part (`lastNameParts`). Each name is also compared with its first
 * and last names swapped (`swapped`), and with a `1` read as I and as L. Weaker first-name comparisons
 * (a first initial, the entry's middle name as the first name, the entry's first name run together
 * with more: INITIAL, MIDDLE_NAME, RUN_TOGETHER) count only when the birth date or the state agrees.
 * Every name of the subject is compared; the closest match is kept (the first-name comparison, exact
 * last name over partial, unswapped over swapped, then the order of `subject.names`).
 *
 * NPI, date of birth and state are compared when both sides have them; a middle name when both have
 * one (the rest of the subject's first-name field). Details that agree strengthen the match kind;
 * details that differ are reported (`differing`) but never clear a name match: they are what the
 * coder typed. The same NPI is a match whatever the names; a different NPI with a matching name
 * is a NAME_* match with NPI among the differences.
 */
export function matchLeie(subject: ScreeningSubject, entry: LeieEntry, today: string): LeieMatch | null {
  if (!isInForce(entry, today)) return null;
  const sameDetail = (mine: string | null | undefined, theirs: string | null | undefined) => !!mine && !!theirs && mine.toUpperCase() === theirs.toUpperCase();
  // A weak first-name comparison counts only when the birth date or the state agrees.
  const corroborated = sameDetail(subject.dateOfBirth, entry.dateOfBirth) || sameDetail(subject.state, entry.state);
  const named = subject.names
    .flatMap((name) => [false, true].flatMap((swapped) => ONE_READINGS.map((oneAs) => compareName(name, entry, oneAs, swapped))))
    .filter((found) => found !== null && (corroborated || !WEAK_FIRST_NAME.has(found.name.firstNameMatch)))
    .map((found, order) => ({
      found: found!,
      score: FIRST_NAME_SCORE[found!.name.firstNameMatch] + (found!.name.lastNameMatch === LastNameComparison.EXACT ? 1 : 0) + (found!.name.swapped ? 0 : 0.5),
      order,
    }))
    .sort((x, y) => y.score - x.score || x.order - y.order)[0]?.found;
  const agreeing: ScreeningDetail[] = [];
  const differing: ScreeningDetail[] = [];
  const compare = (detail: ScreeningDetail, mine: string | null | undefined, theirs: string | null | undefined) => {
    if (mine && theirs) (mine.toUpperCase() === theirs.toUpperCase() ? agreeing : differing).push(detail);
  };
  compare(ScreeningDetail.NPI, subject.npi, entry.npi);
  compare(ScreeningDetail.DATE_OF_BIRTH, subject.dateOfBirth, entry.dateOfBirth);
  compare(ScreeningDetail.STATE, subject.state, entry.state);
  if (named && named.middle !== null) (named.middle ? agreeing : differing).push(ScreeningDetail.MIDDLE_NAME);
  const agrees = (detail: ScreeningDetail) => agreeing.includes(detail);
  let kind: LeieMatchKind | null = null;
  if (agrees(ScreeningDetail.NPI)) kind = LeieMatchKind.NPI;
  else if (named) kind = agrees(ScreeningDetail.DATE_OF_BIRTH) ? LeieMatchKind.NAME_AND_DOB : agrees(ScreeningDetail.STATE) ? LeieMatchKind.NAME_AND_STATE : LeieMatchKind.NAME_ONLY;
  return kind ? { kind, name: named?.name ?? null, agreeing, differing } : null;
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
      lastNameParts: get('FIRSTNAME') ? lastNameParts(get('LASTNAME')) : [],
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
