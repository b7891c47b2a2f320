import { describe, expect, it } from '@jest/globals';
import x12 from 'node-x12';
import type { X12Interchange } from 'node-x12';
import { NdcUnit } from '../../domain/ndc.js';
import type { CodedEncounter } from '../coded-batch.entity.js';
import { claimProblems, EncounterClaimPayload, write837P, X12BillingProvider, X12File } from './x12-837p.js';

const provider: X12BillingProvider = {
  name: 'Lakeside Family Practice',
  npi: '1234567893',
  ein: '123456789',
  taxonomy: '207Q00000X',
  address: { line1: '100 Main St', line2: 'Suite 2', city: 'Austin', state: 'TX', zip: '787011234' },
  contactName: 'Pat Billing',
  contactPhone: '5125550100',
  contactEmail: 'billing@lakeside.test',
  submitterId: 'LAKESIDE01',
  receiverName: 'Acme Clearinghouse',
  receiverId: 'ACMECH',
};

const encounter = (chartRef: string, extra: Partial<CodedEncounter> = {}): CodedEncounter => ({
  chartRef,
  serviceDate: '2026-11-02',
  placeOfService: '11',
  renderingNpi: null,
  billingNpi: null,
  icd10cm: ['I10', 'E11.9'],
  icd10pcs: [],
  cpt: [{ code: '99214', modifiers: ['25'], units: 1, diagnosisPointers: [1, 2] }],
  hcpcs: [{ code: 'J1100', modifiers: [], units: 4, diagnosisPointers: [2], ndc: { code: '00009004701', quantity: 0.5, unit: NdcUnit.ML } }],
  ...extra,
});

const patient = {
  lastName: 'Doe',
  firstName: 'Jane',
  middleName: 'Q',
  dateOfBirth: '1960-04-15',
  gender: 'F' as const,
  address: { line1: '5 Elm St', line2: null, city: 'Austin', state: 'TX', zip: '78702' },
};

const data = (extra: Partial<EncounterClaimPayload> = {}): EncounterClaimPayload => ({
  patient,
  relationship: 'SELF',
  subscriber: null,
  memberId: 'XYZ123456',
  groupNumber: 'GRP-9',
  payerName: 'Big Payer',
  payerId: 'BP001',
  claimFilingIndicator: 'CI',
  patientAccountNumber: 'CBACCT0001',
  renderingProvider: null,
  cptChargeCents: [12550],
  hcpcsChargeCents: [2000],
  ...extra,
});

const file = (claims: X12File['claims'], controlNumber = 42): X12File => ({ controlNumber, createdAt: new Date('2026-11-30T09:05:00Z'), reference: 'batch1', usage: 'P', provider, claims });

/** Parses with node-x12 (strict: ISA length, IEA01, IEA02 checked) and answers the segments as element arrays. */
function parse(text: string): { interchange: X12Interchange; segments: string[][] } {
  const interchange = new x12.X12Parser(true).parse(text) as X12Interchange;
  return {
    interchange,
    segments: text
      .slice(0, -1)
      .split('~')
      .map((s) => s.split('*')),
  };
}

const find = (segments: string[][], tag: string, first?: string) => segments.filter((s) => s[0] === tag && (first === undefined || s[1] === first));

describe('write837P', () => {
  it('writes envelopes whose control numbers and counts match, parsed by node-x12', () => {
    const text = write837P(file([{ encounter: encounter('CH-1'), data: data() }], 42));
    expect(text).not.toMatch(/\n/);
    const { interchange, segments } = parse(text);
    const [group] = interchange.functionalGroups;
    const [transaction] = group.transactions;
    // node-x12 reads ISA13 as a number and checks IEA02 against it; the raw text keeps the nine digits.
    expect(interchange.trailer.valueOf(2)).toBe(interchange.header.valueOf(13));
    expect([find(segments, 'ISA')[0][13], find(segments, 'IEA')[0]]).toEqual(['000000042', ['IEA', '1', '000000042']]);
    expect(interchange.header.valueOf(6)).toBe('LAKESIDE01     ');
    expect(interchange.header.valueOf(8)).toBe('ACMECH         ');
    expect([interchange.header.valueOf(11), interchange.header.valueOf(16)]).toEqual(['^', ':']);
    expect([group.header.valueOf(6), group.trailer.valueOf(2), group.trailer.valueOf(1)]).toEqual(['42', '42', '1']);
    expect([transaction.header.valueOf(2), transaction.trailer.valueOf(2)]).toEqual(['0042', '0042']);
    expect(Number(transaction.trailer.valueOf(1))).toBe(transaction.segments.length + 2);
    expect(find(segments, 'BHT')[0]).toEqual(['BHT', '0019', '00', 'batch1', '20261130', '0905', 'CH']);
    expect(find(segments, 'NM1', '41')[0]).toEqual(['NM1', '41', '2', 'Lakeside Family Practice', '', '', '', '', '46', 'LAKESIDE01']);
    expect(find(segments, 'PER')[0]).toEqual(['PER', 'IC', 'Pat Billing', 'TE', '5125550100', 'EM', 'billing@lakeside.test']);
    expect(find(segments, 'NM1', '40')[0]).toEqual(['NM1', '40', '2', 'Acme Clearinghouse', '', '', '', '', '46', 'ACMECH']);
  });

  it('maps the billing provider, subscriber, payer, claim and service lines', () => {
    const { segments } = parse(write837P(file([{ encounter: encounter('CH-1'), data: data() }])));
    const tags = segments.map((s) => s[0]);
    // One row per loop: 2000A/2010AA, 2000B/2010BA/2010BB, 2300, two 2400s (the second with its 2410), trailers.
    // prettier-ignore
    expect(tags.slice(tags.indexOf('HL'))).toEqual([
      'HL', 'PRV', 'NM1', 'N3', 'N4', 'REF',
      'HL', 'SBR', 'NM1', 'N3', 'N4', 'DMG', 'NM1',
      'CLM', 'HI',
      'LX', 'SV1', 'DTP',
      'LX', 'SV1', 'DTP', 'LIN', 'CTP',
      'SE', 'GE', 'IEA',
    ]);
    expect(find(segments, 'HL')).toEqual([
      ['HL', '1', '', '20', '1'],
      ['HL', '2', '1', '22', '0'],
    ]);
    expect(find(segments, 'PRV')[0]).toEqual(['PRV', 'BI', 'PXC', '207Q00000X']);
    expect(find(segments, 'NM1', '85')[0]).toEqual(['NM1', '85', '2', 'Lakeside Family Practice', '', '', '', '', 'XX', '1234567893']);
    expect(find(segments, 'N3')[0]).toEqual(['N3', '100 Main St', 'Suite 2']);
    expect(find(segments, 'N4')[0]).toEqual(['N4', 'Austin', 'TX', '787011234']);
    expect(find(segments, 'REF')[0]).toEqual(['REF', 'EI', '123456789']);
    expect(find(segments, 'SBR')[0]).toEqual(['SBR', 'P', '18', 'GRP-9', '', '', '', '', '', 'CI']);
    expect(find(segments, 'NM1', 'IL')[0]).toEqual(['NM1', 'IL', '1', 'Doe', 'Jane', 'Q', '', '', 'MI', 'XYZ123456']);
    expect(find(segments, 'DMG')[0]).toEqual(['DMG', 'D8', '19600415', 'F']);
    expect(find(segments, 'NM1', 'PR')[0]).toEqual(['NM1', 'PR', '2', 'Big Payer', '', '', '', '', 'PI', 'BP001']);
    expect(find(segments, 'CLM')[0]).toEqual(['CLM', 'CBACCT0001', '145.5', '', '', '11:B:1', 'Y', 'A', 'Y', 'Y']);
    expect(find(segments, 'HI')[0]).toEqual(['HI', 'ABK:I10', 'ABF:E119']);
    expect(find(segments, 'SV1')).toEqual([
      ['SV1', 'HC:99214:25', '125.5', 'UN', '1', '', '', '1:2'],
      ['SV1', 'HC:J1100', '20', 'UN', '4', '', '', '2'],
    ]);
    expect(find(segments, 'DTP')).toEqual([
      ['DTP', '472', 'D8', '20261102'],
      ['DTP', '472', 'D8', '20261102'],
    ]);
    expect(find(segments, 'LIN')[0]).toEqual(['LIN', '', 'N4', '00009004701']);
    expect(find(segments, 'CTP')[0]).toEqual(['CTP', '', '', '', '0.5', 'ML']);
  });

  it('adds a patient loop under the subscriber when the patient is not the subscriber, and a rendering provider when it differs', () => {
    const subscriber = { ...patient, firstName: 'John', dateOfBirth: '1958-01-02', gender: 'M' as const };
    const claims = [
      { encounter: encounter('CH-1'), data: data() },
      {
        encounter: encounter('CH-2', { renderingNpi: '1245319599' }),
        data: data({ relationship: 'CHILD', subscriber, renderingProvider: { lastName: 'Smith', firstName: 'Ann' }, cptChargeCents: [], hcpcsChargeCents: [] }),
      },
    ];
    const { segments } = parse(write837P(file(claims)));
    expect(find(segments, 'HL')).toEqual([
      ['HL', '1', '', '20', '1'],
      ['HL', '2', '1', '22', '0'],
      ['HL', '3', '1', '22', '1'],
      ['HL', '4', '3', '23', '0'],
    ]);
    expect(find(segments, 'SBR')[1]).toEqual(['SBR', 'P', '', 'GRP-9', '', '', '', '', '', 'CI']);
    expect(find(segments, 'NM1', 'IL')[1]).toEqual(['NM1', 'IL', '1', 'Doe', 'John', 'Q', '', '', 'MI', 'XYZ123456']);
    expect(find(segments, 'PAT')[0]).toEqual(['PAT', '19']);
    expect(find(segments, 'NM1', 'QC')[0]).toEqual(['NM1', 'QC', '1', 'Doe', 'Jane', 'Q']);
    expect(find(segments, 'NM1', '82')).toEqual([['NM1', '82', '1', 'Smith', 'Ann', '', '', '', 'XX', '1245319599']]);
    expect(find(segments, 'CLM').map((s) => s[2])).toEqual(['145.5', '0']);
  });

  it('opens one billing provider loop per billing NPI', () => {
    const claims = [
      { encounter: encounter('CH-1'), data: data() },
      { encounter: encounter('CH-2', { billingNpi: '1245319599' }), data: data() },
      { encounter: encounter('CH-3'), data: data() },
    ];
    const { segments } = parse(write837P(file(claims)));
    expect(find(segments, 'HL').map((s) => s.slice(1, 4))).toEqual([
      ['1', '', '20'],
      ['2', '1', '22'],
      ['3', '1', '22'],
      ['4', '', '20'],
      ['5', '4', '22'],
    ]);
    expect(find(segments, 'NM1', '85').map((s) => s[9])).toEqual(['1234567893', '1245319599']);
    expect(find(segments, 'CLM')).toHaveLength(3);
  });

  it('refuses a value holding a delimiter and a control number out of range', () => {
    expect(() => write837P(file([{ encounter: encounter('CH-1'), data: data({ memberId: 'AB*12' }) }]))).toThrow(/delimiter/);
    expect(() => write837P(file([{ encounter: encounter('CH-1'), data: data({ payerName: 'A:B' }) }]))).toThrow(/delimiter/);
    expect(() => write837P(file([{ encounter: encounter('CH-1'), data: data() }], 1_000_000_000))).toThrow(/control number/);
  });
});

describe('claimProblems', () => {
  it('names what keeps an encounter off a claim', () => {
    expect(claimProblems(encounter('CH-1'), data(), '1234567893')).toEqual([]);
    const bare = encounter('CH-1', { serviceDate: undefined, placeOfService: null, cpt: [{ code: '99214', modifiers: [], units: 1 }], renderingNpi: '1245319599' });
    expect(claimProblems(bare, data(), '1234567893')).toEqual([
      'has no date of service',
      'has no place of service',
      'has a line without diagnosis pointers',
      "needs the rendering provider's name (renderingProvider in its claim data)",
    ]);
    const thirteen = encounter('CH-1', { icd10cm: Array.from({ length: 13 }, (_, i) => `A0${i % 10}.${i}`) });
    expect(claimProblems(thirteen, data(), '1234567893')).toEqual(['has 13 diagnoses (at most 12 on a professional claim)']);
    expect(claimProblems(encounter('CH-1', { cpt: [{ code: '99214', modifiers: [], units: 1, diagnosisPointers: [3] }] }), data(), '1234567893')).toEqual([
      'has a diagnosis pointer past its diagnoses',
    ]);
  });
});
