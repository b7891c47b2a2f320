import { describe, expect, it } from '@jest/globals';
import {
  FirstNameComparison,
  LastNameComparison,
  LEIE_COLUMNS,
  LeieEntry,
  LeieMatchKind,
  lastNameParts,
  matchLeie,
  normalizeName,
  parseLeieCsv,
  ScreeningNameSource,
  ScreeningSubject,
  splitDisplayName,
} from './leie.js';

const HEADER = LEIE_COLUMNS.join(',');
const row = (fields: Partial<Record<(typeof LEIE_COLUMNS)[number], string>>) => LEIE_COLUMNS.map((column) => fields[column] ?? '').join(',');
const entryOf = (fields: Partial<Record<(typeof LEIE_COLUMNS)[number], string>>): LeieEntry => parseLeieCsv(`${HEADER}\n${row(fields)}\n`)[0];
const legal = (firstName: string, lastName: string) => ({ firstName, lastName, source: ScreeningNameSource.LEGAL_NAME });
const subject = (overrides: Partial<ScreeningSubject> = {}): ScreeningSubject => ({ names: [legal('Jane', 'Holden')], npi: null, dateOfBirth: null, state: null, ...overrides });
const TODAY = '2026-11-30';

describe('parseLeieCsv', () => {
  it('reads quoted fields, zero dates and zero NPIs as none', () => {
    const [entry] = parseLeieCsv(
      `${HEADER}\r\n${row({ LASTNAME: 'HOLDEN', FIRSTNAME: 'JANE', ADDRESS: '"12 ELM ST, APT 4"', NPI: '0000000000', DOB: '19700304', REINDATE: '00000000', STATE: 'tx' })}\r\n`,
    );
    expect(entry).toMatchObject({ nameKey: 'HOLDEN|JANE', npi: null, dateOfBirth: '1970-03-04', reinstatedOn: null, state: 'TX' });
  });

  it('refuses a foreign header, a short row and a malformed date, naming the line', () => {
    expect(() => parseLeieCsv('NAME,NPI\nX,1\n')).toThrow(/not an LEIE file/);
    expect(() => parseLeieCsv(`${HEADER}\nHOLDEN,JANE\n`)).toThrow(/line 2: 2 fields/);
    expect(() => parseLeieCsv(`${HEADER}\n${row({ LASTNAME: 'A', DOB: '19701340' })}\n`)).toThrow(/line 2: DOB/);
  });

  it('gives the same row the same key', () => {
    expect(entryOf({ LASTNAME: 'A', FIRSTNAME: 'B' }).entryKey).toBe(entryOf({ LASTNAME: 'A', FIRSTNAME: 'B' }).entryKey);
    expect(entryOf({ LASTNAME: 'A', FIRSTNAME: 'B' }).entryKey).not.toBe(entryOf({ LASTNAME: 'A', FIRSTNAME: 'C' }).entryKey);
  });
});

describe('matchLeie', () => {
  const holden = entryOf({ LASTNAME: 'HOLDEN', FIRSTNAME: 'JANE', MIDNAME: 'M', DOB: '19700304', STATE: 'TX' });
  const crook = entryOf({ LASTNAME: 'CROOK', FIRSTNAME: 'NATHAN', NPI: '1987654328' });
  const garcia = entryOf({ LASTNAME: 'GARCIA-LOPEZ', FIRSTNAME: 'MARIA' });
  const kindOf = (s: ScreeningSubject, entry: LeieEntry) => matchLeie(s, entry, TODAY)?.kind ?? null;

  it('holds the same NPI whatever the name, and a matching name whatever the NPI', () => {
    expect(matchLeie(subject({ names: [legal('Nate', 'Brooks')], npi: '1987654328' }), crook, TODAY)).toEqual({ kind: LeieMatchKind.NPI, name: null, agreeing: ['NPI'], differing: [] });
    expect(matchLeie(subject({ names: [legal('Nathan', 'Crook')], npi: '1765432103' }), crook, TODAY)).toMatchObject({ kind: LeieMatchKind.NAME_ONLY, differing: ['NPI'] });
    expect(matchLeie(subject({ names: [legal('Nate', 'Brooks')], npi: '1765432103' }), crook, TODAY)).toBeNull();
  });

  it('strengthens a name match by birth date, else state, and never lets a differing detail clear it', () => {
    expect(kindOf(subject({ dateOfBirth: '1970-03-04' }), holden)).toBe(LeieMatchKind.NAME_AND_DOB);
    expect(matchLeie(subject({ dateOfBirth: '1988-06-01', state: 'TX' }), holden, TODAY)).toMatchObject({ kind: LeieMatchKind.NAME_AND_STATE, agreeing: ['STATE'], differing: ['DATE_OF_BIRTH'] });
    expect(kindOf(subject({ state: 'tx' }), holden)).toBe(LeieMatchKind.NAME_AND_STATE);
    expect(matchLeie(subject({ dateOfBirth: '1988-06-01', state: 'OR' }), holden, TODAY)).toMatchObject({ kind: LeieMatchKind.NAME_ONLY, differing: ['DATE_OF_BIRTH', 'STATE'] });
    expect(kindOf(subject(), holden)).toBe(LeieMatchKind.NAME_ONLY);
    expect(kindOf(subject({ names: [legal('Janet', 'Holden')] }), holden)).toBeNull();
  });

  it('matches the first word of the first name, with a middle name or initial as evidence', () => {
    expect(matchLeie(subject({ names: [legal('Jane M.', 'Holden')] }), holden, TODAY)).toMatchObject({
      agreeing: ['MIDDLE_NAME'],
      name: { firstName: 'Jane', middleName: 'M.', firstNameMatch: FirstNameComparison.FIRST_WORD, lastNameMatch: LastNameComparison.EXACT },
    });
    expect(matchLeie(subject({ names: [legal('Jane Marie', 'Holden')] }), holden, TODAY)?.agreeing).toEqual(['MIDDLE_NAME']);
    expect(matchLeie(subject({ names: [legal('Jane Quinn', 'Holden')] }), holden, TODAY)).toMatchObject({ kind: LeieMatchKind.NAME_ONLY, differing: ['MIDDLE_NAME'] });
    expect(kindOf(subject({ names: [legal('Mary-Ann', 'Smith')] }), entryOf({ LASTNAME: 'SMITH', FIRSTNAME: 'MARY ANN' }))).toBe(LeieMatchKind.NAME_ONLY);
  });

  it('matches compound last names by any part, but not by a particle', () => {
    expect(matchLeie(subject({ names: [legal('Maria', 'Garcia')] }), garcia, TODAY)?.name?.lastNameMatch).toBe(LastNameComparison.PART);
    expect(kindOf(subject({ names: [legal('Maria', 'Lopez Ruiz')] }), garcia)).toBe(LeieMatchKind.NAME_ONLY);
    expect(matchLeie(subject({ names: [legal('Maria', 'Garcia Lopez')] }), garcia, TODAY)?.name?.lastNameMatch).toBe(LastNameComparison.EXACT);
    expect(kindOf(subject({ names: [legal('Rosa', 'De La Cruz')] }), entryOf({ LASTNAME: 'DE LA TORRE', FIRSTNAME: 'ROSA' }))).toBeNull();
  });

  it('compares every name and keeps the closest', () => {
    const names = [
      legal('Janet', 'Smith'),
      { firstName: 'Jane', lastName: 'Holden-Ray', source: ScreeningNameSource.ACCOUNT_NAME },
      { firstName: 'Jane', lastName: 'Holden', source: ScreeningNameSource.PREVIOUS_LEGAL_NAME },
    ];
    expect(matchLeie(subject({ names }), holden, TODAY)?.name).toMatchObject({ lastName: 'Holden', source: ScreeningNameSource.PREVIOUS_LEGAL_NAME });
  });

  describe('evasions of the name comparison (issue 17 red team)', () => {
    const smith = entryOf({ LASTNAME: 'SMITH', FIRSTNAME: 'JOHN', MIDNAME: 'ROBERT', DOB: '19650212', STATE: 'TX' });
    const alex = entryOf({ LASTNAME: 'COLE', FIRSTNAME: 'ALEX', STATE: 'TX' });

    it('reads digits and signs standing in for letters, a 1 as I or as L', () => {
      expect(matchLeie(subject({ names: [legal('J0hn', 'Sm1th')], state: 'TX' }), smith, TODAY)).toMatchObject({ kind: LeieMatchKind.NAME_AND_STATE, name: { firstName: 'J0hn', lastName: 'Sm1th' } });
      expect(kindOf(subject({ names: [legal('A1ex', 'C0le')], state: 'TX' }), alex)).toBe(LeieMatchKind.NAME_AND_STATE);
      expect(kindOf(subject({ names: [legal('J@ne', 'H0lden')] }), holden)).toBe(LeieMatchKind.NAME_ONLY);
      expect(kindOf(subject({ names: [legal('J0hn', 'Sm$th')] }), smith)).toBeNull(); // $ is S: SMSTH
    });

    it('compares the first and last names swapped, saying so', () => {
      expect(matchLeie(subject({ names: [legal('Smith', 'John')], state: 'TX' }), smith, TODAY)).toMatchObject({
        kind: LeieMatchKind.NAME_AND_STATE,
        name: { firstName: 'John', lastName: 'Smith', firstNameMatch: FirstNameComparison.EXACT, swapped: true },
      });
      expect(matchLeie(subject({ names: [legal('John', 'Smith')] }), smith, TODAY)?.name?.swapped).toBe(false);
    });

    it('takes a first initial, the middle name or a run-together first name when the birth date or the state agrees', () => {
      const dob = { dateOfBirth: '1965-02-12' };
      expect(matchLeie(subject({ names: [legal('J.', 'Smith')], ...dob }), smith, TODAY)).toMatchObject({ kind: LeieMatchKind.NAME_AND_DOB, name: { firstNameMatch: FirstNameComparison.INITIAL } });
      expect(matchLeie(subject({ names: [legal('J Robert', 'Smith')], state: 'TX' }), smith, TODAY)).toMatchObject({
        kind: LeieMatchKind.NAME_AND_STATE,
        agreeing: ['STATE', 'MIDDLE_NAME'],
        name: { firstNameMatch: FirstNameComparison.INITIAL, middleName: 'Robert' },
      });
      expect(matchLeie(subject({ names: [legal('Robert', 'Smith')], ...dob }), smith, TODAY)).toMatchObject({
        kind: LeieMatchKind.NAME_AND_DOB,
        name: { firstNameMatch: FirstNameComparison.MIDDLE_NAME },
      });
      expect(matchLeie(subject({ names: [legal('JohnRobert', 'Smith')], state: 'TX' }), smith, TODAY)).toMatchObject({ name: { firstNameMatch: FirstNameComparison.RUN_TOGETHER } });
      expect(matchLeie(subject({ names: [legal('Smith', 'J.')], state: 'TX' }), smith, TODAY)).toMatchObject({ name: { firstNameMatch: FirstNameComparison.INITIAL, swapped: true } });
      // Without an agreeing birth date or state these weak comparisons hold nobody ...
      for (const first of ['J.', 'Robert', 'JohnRobert']) expect(matchLeie(subject({ names: [legal(first, 'Smith')], state: 'OR' }), smith, TODAY)).toBeNull();
      // ... nor does another initial or another last name.
      expect(kindOf(subject({ names: [legal('K.', 'Smith')], ...dob }), smith)).toBeNull();
      expect(kindOf(subject({ names: [legal('Robert', 'Smyth')], ...dob }), smith)).toBeNull();
    });
  });

  it('ignores entries reinstated by today', () => {
    expect(matchLeie(subject(), entryOf({ LASTNAME: 'HOLDEN', FIRSTNAME: 'JANE', REINDATE: '20200101' }), TODAY)).toBeNull();
    expect(kindOf(subject(), entryOf({ LASTNAME: 'HOLDEN', FIRSTNAME: 'JANE', REINDATE: '20991231' }))).toBe(LeieMatchKind.NAME_ONLY);
  });
});

describe('names', () => {
  it('compares letters only, without accents or case', () => {
    expect(normalizeName(" O'Néil-Parks ")).toBe('ONEILPARKS');
    expect(splitDisplayName('Mary Ann  Smith')).toEqual({ firstName: 'Mary', lastName: 'Ann Smith' });
    expect(splitDisplayName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
  });

  it('reads lookalike letters of other scripts as the Latin letters they look like', () => {
    expect(normalizeName('J\u041eHN')).toBe('JOHN'); // Cyrillic capital O
    expect(normalizeName('\u0421\u043e\u0445')).toBe('COX'); // all Cyrillic
    expect(normalizeName('\u0397\u039f\u039c\u0395\u03a1')).toBe('HOMEP'); // Greek capitals
    expect(normalizeName('\u0399VAN')).toBe('IVAN'); // Greek capital iota, not an l
    expect(normalizeName('\u043d\u0430\u043d')).toBe('HAH'); // Cyrillic small en, through its capital
    expect(normalizeName('Micha\u0142 \u00d8sterg\u00e5rd Stra\u00dfe')).toBe('MICHALOSTERGARDSTRASSE');
    expect(normalizeName('\uff2a\uff41\uff4e\uff45')).toBe('JANE'); // fullwidth
  });

  it('reads digits and signs that stand in for letters as those letters', () => {
    expect(normalizeName('J0hn Sm1th')).toBe('JOHNSMITH');
    expect(normalizeName('A1ex', 'L')).toBe('ALEX');
    expect(normalizeName('3v4 5c0tt 8r@d$7')).toBe('EVASCOTTBRADST');
    expect(lastNameParts('Sm1th-J0nes', 'I')).toEqual(['SMITHJONES', 'SMITH', 'JONES']);
  });

  it('splits last names into parts without particles or initials', () => {
    expect(lastNameParts('Garcia-Lopez')).toEqual(['GARCIALOPEZ', 'GARCIA', 'LOPEZ']);
    expect(lastNameParts('de la Cruz')).toEqual(['DELACRUZ', 'CRUZ']);
    expect(lastNameParts('Q. Adams')).toEqual(['QADAMS', 'ADAMS']);
  });
});
