import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { cmsDate, identifyCodeFile, parseHcpcsFile, parseIcd10CmOrderFile, parseIcd10PcsOrderFile, parseMueFile, parsePtpFile } from './code-table-files.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'latin1');

describe(parseIcd10CmOrderFile.name, () => {
  it('reads the CMS fixed-width order file: dotted codes, header flag as billable', () => {
    const codes = parseIcd10CmOrderFile(fixture('icd10cm_order_2026.txt'));
    expect(codes).toHaveLength(11);
    expect(codes.find((c) => c.code === 'E11')).toEqual({ code: 'E11', billable: false, description: 'Type 2 diabetes mellitus' });
    expect(codes.find((c) => c.code === 'E11.A')).toMatchObject({ billable: true, description: 'Type 2 diabetes mellitus without complications in remission' });
    expect(codes.find((c) => c.code === 'S72.001A')).toMatchObject({ billable: true, description: expect.stringMatching(/^Fracture of unspecified part of neck of right femur/) });
    expect(parseIcd10CmOrderFile(fixture('icd10cm_order_2025.txt')).map((c) => c.code)).not.toContain('E11.A');
  });

  it('refuses a file in another format, naming the line', () => {
    expect(() => parseIcd10CmOrderFile('hello world\n')).toThrow(/line 1/);
  });
});

describe(parseIcd10PcsOrderFile.name, () => {
  it('reads the order file layout with seven-character codes and table headers', () => {
    const codes = parseIcd10PcsOrderFile(fixture('icd10pcs_order_2026.txt'));
    expect(codes.map((c) => [c.code, c.billable])).toEqual([
      ['0DT', false],
      ['0DTJ0ZZ', true],
      ['0DTJ4ZZ', true],
      ['0QS', false],
      ['0QS604Z', true],
    ]);
    expect(() => parseIcd10PcsOrderFile(fixture('icd10cm_order_2026.txt'))).toThrow(/line 2 is not an ICD-10-PCS order file record/);
  });
});

describe(parseHcpcsFile.name, () => {
  it('reads procedure codes, joins continuation lines and keeps modifiers apart', () => {
    const { procedures, modifiers } = parseHcpcsFile(fixture('HCPC2026_ANWEB.txt'));
    expect(procedures.map((c) => c.code)).toEqual(['J1100', 'G0439', 'A0425']);
    expect(procedures[1].description).toMatch(/prevention plan of service \(pps\), subsequent visit$/);
    expect(modifiers.map((c) => c.code)).toEqual(['LT']);
  });

  it('reads the add, action effective and termination dates of the 320-character record', () => {
    const { procedures, modifiers } = parseHcpcsFile(fixture('HCPC2025_JAN_ANWEB.txt'));
    const byCode = new Map(procedures.map((c) => [c.code, c]));
    expect(byCode.get('G2012')).toMatchObject({ validFrom: '2019-01-01', validTo: '2024-12-31', description: expect.stringMatching(/report evaluation and management services$/) });
    expect(byCode.get('Q9999')).toMatchObject({ validFrom: '2025-04-01', validTo: null });
    expect(byCode.get('J1100')).toMatchObject({ validFrom: '1984-01-01', validTo: null });
    expect(modifiers.map((m) => m.code)).toEqual(['GY', 'LT', 'RT', 'XU']);
    expect(modifiers[0].description).toMatch(/is not a contract benefit$/);
  });

  it('refuses a line that is no HCPCS record', () => {
    expect(() => parseHcpcsFile('J1100001003Injection\nhello\n')).toThrow(/line 2 is not an HCPCS record/);
    expect(() => parseHcpcsFile('W1100001003Injection\n')).toThrow(/line 1 is not an HCPCS procedure record/);
  });
});

describe(parsePtpFile.name, () => {
  it('reads the tab-delimited practitioner PTP file after its header lines', () => {
    const edits = parsePtpFile(fixture('ccipra-v320r0-f1.txt'));
    expect(edits).toHaveLength(4);
    expect(edits[0]).toEqual({ column1: '20610', column2: '76942', editFrom: '2015-01-01', editTo: null, modifierIndicator: 0, rationale: 'Standards of medical / surgical practice' });
    expect(edits[1]).toMatchObject({ column1: '97530', column2: '97140', editTo: '2020-01-01', modifierIndicator: 1 });
  });

  it('refuses a malformed edit row and a file without edits', () => {
    expect(() => parsePtpFile('98940\t97140\t \t20040101\t*\t2\tx\n')).toThrow(/line 1 is not an NCCI PTP edit record/);
    expect(() => parsePtpFile('98940\t97140\t \t20041301\t*\t1\tx\n')).toThrow(/line 1: effective date "20041301"/);
    expect(() => parsePtpFile('Column 1\tColumn 2\n')).toThrow(/no NCCI PTP edit record/);
  });
});

describe(parseMueFile.name, () => {
  it('reads the quoted CSV practitioner MUE file: value, adjudication indicator, rationale', () => {
    const values = parseMueFile(fixture('MCR_MUE_PractitionerServices_Eff_01-01-2026.csv'));
    expect(values.find((v) => v.code === '36415')).toEqual({ code: '36415', maxUnits: 2, adjudicationIndicator: 3, rationale: 'Clinical: Data' });
    expect(values.find((v) => v.code === 'J1100')).toMatchObject({ maxUnits: 100, adjudicationIndicator: 1 });
    expect(values).toHaveLength(4);
  });

  it('refuses a row without a number of units', () => {
    expect(() => parseMueFile('"36415","two","3 Date of Service Edit: Clinical","Clinical: Data"\n')).toThrow(/line 1 is not an MUE record/);
  });
});

describe(identifyCodeFile.name, () => {
  it('tells each official file and its dates from the CMS name', () => {
    expect(identifyCodeFile('icd10cm_order_2026.txt', '')).toEqual({ kind: 'ICD10CM', effectiveFrom: '2025-10-01', effectiveTo: '2026-09-30' });
    expect(identifyCodeFile('icd10cm_order_2026_April.txt', '')).toEqual({ kind: 'ICD10CM', effectiveFrom: '2026-04-01', effectiveTo: '2026-09-30' });
    expect(identifyCodeFile('icd10pcs_order_2026.txt', '')).toEqual({ kind: 'ICD10PCS', effectiveFrom: '2025-10-01', effectiveTo: '2026-09-30' });
    expect(identifyCodeFile('HCPC2026_ANWEB.txt', '')).toEqual({ kind: 'HCPCS', effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31' });
    expect(identifyCodeFile('HCPC2026_JUL_ANWEB_v2.txt', '')).toEqual({ kind: 'HCPCS', effectiveFrom: '2026-07-01', effectiveTo: '2026-12-31' });
    expect(identifyCodeFile('ccipra-v320r0-f1.txt', '')).toEqual({ kind: 'NCCI_PTP', effectiveFrom: '2026-01-01', effectiveTo: '2026-03-31' });
    expect(identifyCodeFile('ccipra-v313r0-f2.txt', '')).toEqual({ kind: 'NCCI_PTP', effectiveFrom: '2025-10-01', effectiveTo: '2025-12-31' });
    expect(identifyCodeFile('MCR_MUE_PractitionerServices_Eff_04-01-2026.csv', '')).toEqual({ kind: 'MUE', effectiveFrom: '2026-04-01', effectiveTo: '2026-06-30' });
  });

  it('tells a renamed file by its content and takes --set / --effective', () => {
    expect(identifyCodeFile('codes.txt', fixture('icd10pcs_order_2026.txt'), { effective: '2025-10-01' })).toMatchObject({ kind: 'ICD10PCS', effectiveTo: '2026-09-30' });
    expect(identifyCodeFile('codes.txt', fixture('icd10cm_order_2025.txt'), { effective: '2024-10-01' })).toMatchObject({ kind: 'ICD10CM', effectiveTo: '2025-09-30' });
    expect(identifyCodeFile('codes.txt', fixture('HCPC2025_JAN_ANWEB.txt'), { effective: '2025-04-01' })).toMatchObject({ kind: 'HCPCS', effectiveTo: '2025-12-31' });
    expect(identifyCodeFile('edits.txt', fixture('ccipra-v320r0-f1.txt'), { effective: '2026-02-01' })).toMatchObject({ kind: 'NCCI_PTP', effectiveTo: '2026-03-31' });
    expect(identifyCodeFile('x.csv', fixture('MCR_MUE_PractitionerServices_Eff_01-01-2026.csv'), { effective: '2026-10-01' })).toMatchObject({ kind: 'MUE', effectiveTo: '2026-12-31' });
    expect(identifyCodeFile('icd10cm_order_2026.txt', '', { set: 'icd10pcs' }).kind).toBe('ICD10PCS');
  });

  it('refuses a file it cannot place, and the non-practitioner NCCI files', () => {
    expect(() => identifyCodeFile('codes.txt', 'hello\n')).toThrow(/pass --set/);
    expect(() => identifyCodeFile('codes.txt', fixture('icd10cm_order_2026.txt'))).toThrow(/pass --effective/);
    expect(() => identifyCodeFile('icd10cm_order_2026.txt', '', { effective: '2026-13-01' })).toThrow(/--effective must be a date/);
    expect(() => identifyCodeFile('x.txt', '', { set: 'CPT' })).toThrow(/pass --set/);
    expect(() => identifyCodeFile('ccioph-v320r0-f1.txt', '')).toThrow(/only the practitioner/);
    expect(() => identifyCodeFile('MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv', '')).toThrow(/only the practitioner/);
  });
});

describe(cmsDate.name, () => {
  it('reads YYYYMMDD, blank and "*" as none, and refuses impossible dates', () => {
    expect(cmsDate('20260401', 'd')).toBe('2026-04-01');
    expect(cmsDate('  ', 'd')).toBeNull();
    expect(cmsDate('*', 'd')).toBeNull();
    expect(() => cmsDate('20260230', 'd')).toThrow(/d "20260230"/);
  });
});
