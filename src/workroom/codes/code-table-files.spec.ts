import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseHcpcsFile, parseIcd10CmOrderFile } from './code-table-files.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'latin1');

describe(parseIcd10CmOrderFile.name, () => {
  it('reads the CMS fixed-width order file: dotted codes, header flag as billable', () => {
    const codes = parseIcd10CmOrderFile(fixture('icd10cm_order_2026.txt'));
    expect(codes).toHaveLength(10);
    expect(codes.find((c) => c.code === 'E11')).toEqual({ code: 'E11', billable: false, description: 'Type 2 diabetes mellitus' });
    expect(codes.find((c) => c.code === 'S72.001A')).toMatchObject({ billable: true, description: expect.stringMatching(/^Fracture of unspecified part of neck of right femur/) });
  });

  it('refuses a file in another format, naming the line', () => {
    expect(() => parseIcd10CmOrderFile('hello world\n')).toThrow(/line 1/);
  });
});

describe(parseHcpcsFile.name, () => {
  it('reads procedure codes, joins continuation lines and skips modifiers', () => {
    const codes = parseHcpcsFile(fixture('HCPC2026_ANWEB.txt'));
    expect(codes.map((c) => c.code)).toEqual(['J1100', 'G0439', 'A0425']);
    expect(codes[1].description).toMatch(/prevention plan of service \(pps\), subsequent visit$/);
  });
});
