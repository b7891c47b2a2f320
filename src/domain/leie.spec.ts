import { describe, expect, it } from '@jest/globals';
import { LEIE_COLUMNS, LeieEntry, LeieMatchKind, matchLeie, normalizeName, parseLeieCsv, splitDisplayName } from './leie.js';

const HEADER = LEIE_COLUMNS.join(',');
const row = (fields: Partial<Record<(typeof LEIE_COLUMNS)[number], string>>) => LEIE_COLUMNS.map((column) => fields[column] ?? '').join(',');
const entryOf = (fields: Partial<Record<(typeof LEIE_COLUMNS)[number], string>>): LeieEntry => parseLeieCsv(`${HEADER}\n${row(fields)}\n`)[0];
const subject = (overrides: Partial<Parameters<typeof matchLeie>[0]> = {}) => ({ firstName: 'Jane', lastName: 'Holden', npi: null, dateOfBirth: null, state: null, ...overrides });
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
  const holden = entryOf({ LASTNAME: 'HOLDEN', FIRSTNAME: 'JANE', DOB: '19700304', STATE: 'TX' });
  const crook = entryOf({ LASTNAME: 'CROOK', FIRSTNAME: 'NATHAN', NPI: '1987654328' });

  it('decides by NPI when both have one', () => {
    expect(matchLeie(subject({ firstName: 'Nate', lastName: 'Brooks', npi: '1987654328' }), crook, TODAY)).toBe(LeieMatchKind.NPI);
    expect(matchLeie(subject({ firstName: 'Nathan', lastName: 'Crook', npi: '1765432103' }), crook, TODAY)).toBeNull();
  });

  it('decides a name match by birth date, else by state, else holds it as possible', () => {
    expect(matchLeie(subject({ dateOfBirth: '1970-03-04' }), holden, TODAY)).toBe(LeieMatchKind.NAME_AND_DOB);
    expect(matchLeie(subject({ dateOfBirth: '1988-06-01', state: 'TX' }), holden, TODAY)).toBeNull();
    expect(matchLeie(subject({ state: 'tx' }), holden, TODAY)).toBe(LeieMatchKind.NAME_AND_STATE);
    expect(matchLeie(subject({ state: 'OR' }), holden, TODAY)).toBeNull();
    expect(matchLeie(subject(), holden, TODAY)).toBe(LeieMatchKind.NAME_ONLY);
    expect(matchLeie(subject({ firstName: 'Janet' }), holden, TODAY)).toBeNull();
  });

  it('ignores entries reinstated by today', () => {
    expect(matchLeie(subject(), entryOf({ LASTNAME: 'HOLDEN', FIRSTNAME: 'JANE', REINDATE: '20200101' }), TODAY)).toBeNull();
    expect(matchLeie(subject(), entryOf({ LASTNAME: 'HOLDEN', FIRSTNAME: 'JANE', REINDATE: '20991231' }), TODAY)).toBe(LeieMatchKind.NAME_ONLY);
  });
});

describe('names', () => {
  it('compares letters only, without accents or case', () => {
    expect(normalizeName(" O'Néil-Parks ")).toBe('ONEILPARKS');
    expect(splitDisplayName('Mary Ann  Smith')).toEqual({ firstName: 'Mary', lastName: 'Smith' });
    expect(splitDisplayName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
  });
});
