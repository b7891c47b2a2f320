import { describe, expect, it } from '@jest/globals';
import { formatNdc, normalizeNdc } from './ndc.js';

describe(normalizeNdc.name, () => {
  it('keeps 11 digits, bare or hyphenated 5-4-2', () => {
    expect(normalizeNdc('00002143380')).toBe('00002143380');
    expect(normalizeNdc('00002-1433-80')).toBe('00002143380');
  });

  it('pads each 10-digit form where its short segment is', () => {
    expect(normalizeNdc('0002-1433-80')).toBe('00002143380');
    expect(normalizeNdc('50242-040-62')).toBe('50242004062');
    expect(normalizeNdc('60575-4112-1')).toBe('60575411201');
  });

  it('refuses 10 bare digits (ambiguous), other segment lengths and anything but digits', () => {
    for (const raw of ['0002143380', '000021433801', '002-1433-80', '00002-1433-801', '0002-143-80', '00002-1433', 'ABCDE-1433-80', '00002--1433-80', '']) expect(normalizeNdc(raw)).toBeNull();
  });
});

describe(formatNdc.name, () => {
  it('writes 11 digits as 5-4-2', () => {
    expect(formatNdc('00002143380')).toBe('00002-1433-80');
  });
});
