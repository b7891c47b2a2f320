import { describe, expect, it } from '@jest/globals';
import { isValidNpi } from './npi.js';

describe(isValidNpi.name, () => {
  it('accepts the CMS example NPI 1234567893', () => {
    expect(isValidNpi('1234567893')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidNpi('1234567890')).toBe(false);
  });

  it('rejects anything but exactly ten digits', () => {
    for (const npi of ['123456789', '12345678934', '12345678a3', ' 1234567893', '']) expect(isValidNpi(npi)).toBe(false);
  });

  it('accepts other real-form NPIs with a matching check digit', () => {
    expect(isValidNpi('1245319599')).toBe(true);
    expect(isValidNpi('1003000126')).toBe(true);
  });
});
