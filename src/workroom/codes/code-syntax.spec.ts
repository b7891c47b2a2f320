import { describe, expect, it } from '@jest/globals';
import { normalizeCpt, normalizeHcpcs, normalizeIcd10Cm, normalizeIcd10Pcs, normalizeModifier } from './code-syntax.js';

describe('code syntax', () => {
  it('normalizes ICD-10-CM to the dotted form and refuses malformed codes', () => {
    expect(normalizeIcd10Cm('I10')).toBe('I10');
    expect(normalizeIcd10Cm('e119')).toBe('E11.9');
    expect(normalizeIcd10Cm('S72.001A')).toBe('S72.001A');
    expect(normalizeIcd10Cm('T1491XA')).toBe('T14.91XA');
    expect(normalizeIcd10Cm('U07.1')).toBe('U07.1');
    for (const bad of ['110', 'I1', 'E11.91234', 'E1.19', 'I10-', 'ZZ1', '']) expect(normalizeIcd10Cm(bad)).toBeNull();
  });

  it('checks ICD-10-PCS: seven characters without I or O', () => {
    expect(normalizeIcd10Pcs('0DTJ4ZZ')).toBe('0DTJ4ZZ');
    for (const bad of ['0DTJ4Z', '0DTJ4ZZZ', '0DTI4ZZ', '0DTO4ZZ', '0DT.4ZZ']) expect(normalizeIcd10Pcs(bad)).toBeNull();
  });

  it('accepts every CPT category and keeps leading zeros', () => {
    for (const good of ['99213', '00100', '3074F', '0042T', '0001U', '0002M', '0001A']) expect(normalizeCpt(good)).toBe(good);
    for (const bad of ['9921', '992134', '3074X', 'A0042', '00100.1', '0002B', '0001Z']) expect(normalizeCpt(bad)).toBeNull();
  });

  it('checks HCPCS Level II and modifiers', () => {
    expect(normalizeHcpcs('j1100')).toBe('J1100');
    for (const good of ['A0425', 'B4034', 'C1713', 'D0120', 'E0601', 'G0439', 'H0001', 'K0001', 'L3000', 'M1106', 'P9603', 'Q4100', 'R0070', 'S9083', 'T1015', 'U0003', 'V2020'])
      expect(normalizeHcpcs(good)).toBe(good);
    for (const bad of ['W1100', 'F1100', 'I1100', 'N1100', 'O1100', 'X1100', 'Y1100', 'Z1100', 'J110', 'J11000', '11000']) expect(normalizeHcpcs(bad)).toBeNull();
    for (const good of ['25', '59', 'LT', 'xu', 'E1', '1P']) expect(normalizeModifier(good)).toBe(good.toUpperCase());
    for (const bad of ['5', '259', 'L-', '']) expect(normalizeModifier(bad)).toBeNull();
  });
});
