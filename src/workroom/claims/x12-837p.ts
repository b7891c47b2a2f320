import type { CodedEncounter, CodedLine } from '../coded-batch.entity.js';

/**
 * The ASC X12 837P (005010X222A1) writer: pure, no I/O. One interchange (ISA/IEA), one functional
 * group (GS/GE), one transaction set (ST/SE) holding one claim (2300) per encounter. Delimiters:
 * segment `~`, element `*`, component `:`, repetition `^`; no newlines. The loop-by-loop mapping is
 * in docs/claims.md ("The 837P file, loop by loop").
 */

export const SEGMENT = '~';
export const ELEMENT = '*';
export const COMPONENT = ':';
export const REPETITION = '^';

/** The most diagnoses a professional claim carries (HI01..HI12). */
export const MAX_CLAIM_DIAGNOSES = 12;

export interface X12Address {
  line1: string;
  line2: string | null;
  city: string;
  /** Two-letter US state or territory code. */
  state: string;
  /** Five or nine digits. */
  zip: string;
}

export type X12Gender = 'F' | 'M' | 'U';

export interface X12Person {
  lastName: string;
  firstName: string;
  middleName: string | null;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  gender: X12Gender;
  address: X12Address;
}

/** The patient's relationship to the subscriber (SBR02 / PAT01). */
export type SubscriberRelationship = 'SELF' | 'SPOUSE' | 'CHILD' | 'OTHER';

export const RELATIONSHIP_CODE: Record<SubscriberRelationship, string> = { SELF: '18', SPOUSE: '01', CHILD: '19', OTHER: 'G8' };

/** Claim filing indicator codes (SBR09) of 005010X222A1. */
export const CLAIM_FILING_INDICATORS = ['11', '12', '13', '14', '15', '16', '17', 'AM', 'BL', 'CH', 'CI', 'DS', 'FI', 'HM', 'LM', 'MA', 'MB', 'MC', 'OF', 'TV', 'VA', 'WC', 'ZZ'] as const;

/** What the practice supplies per encounter (stored encrypted): patient, subscriber, payer, account number, charges. */
export interface EncounterClaimPayload {
  patient: X12Person;
  relationship: SubscriberRelationship;
  /** The subscriber when it is not the patient (null when `relationship` is SELF). */
  subscriber: X12Person | null;
  memberId: string;
  groupNumber: string | null;
  payerName: string;
  payerId: string;
  claimFilingIndicator: string;
  /** CLM01. */
  patientAccountNumber: string;
  /** The rendering provider's name, needed for loop 2310B when the encounter's renderingNpi is not the billing NPI. */
  renderingProvider: { lastName: string; firstName: string } | null;
  /** Charge per CPT line, in cents, in the encounter's order (0 when not given). */
  cptChargeCents: number[];
  /** Charge per HCPCS line, in cents, in the encounter's order (0 when not given). */
  hcpcsChargeCents: number[];
}

/** The practice's billing profile plus the NPI and name it bills under (1000A, 1000B, 2000A, 2010AA). */
export interface X12BillingProvider {
  name: string;
  npi: string;
  ein: string;
  taxonomy: string | null;
  address: X12Address;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  /** The ID the clearinghouse assigned to the practice (ISA06, GS02, 1000A NM109). */
  submitterId: string;
  receiverName: string;
  /** The clearinghouse's ID (ISA08, GS03, 1000B NM109). */
  receiverId: string;
}

export interface X12Claim {
  encounter: CodedEncounter;
  data: EncounterClaimPayload;
}

export interface X12File {
  /** The interchange control number (ISA13/IEA02); GS06/GE02 and ST02/SE02 derive from it. 1..999999999. */
  controlNumber: number;
  createdAt: Date;
  /** BHT03: the originator's reference for this file. */
  reference: string;
  /** ISA15: P (production) or T (test). */
  usage: 'P' | 'T';
  provider: X12BillingProvider;
  claims: X12Claim[];
}

/** Why an encounter cannot go on an 837P, or [] when it can (claim data is checked by the caller being present). */
export function claimProblems(encounter: CodedEncounter, data: EncounterClaimPayload, billingNpi: string): string[] {
  const problems: string[] = [];
  if (!encounter.serviceDate) problems.push('has no date of service');
  if (!encounter.placeOfService) problems.push('has no place of service');
  if (!encounter.icd10cm.length) problems.push('has no diagnosis');
  if (encounter.icd10cm.length > MAX_CLAIM_DIAGNOSES) problems.push(`has ${encounter.icd10cm.length} diagnoses (at most ${MAX_CLAIM_DIAGNOSES} on a professional claim)`);
  const lines = [...encounter.cpt, ...encounter.hcpcs];
  if (!lines.length) problems.push('has no CPT or HCPCS line');
  if (lines.some((line) => !line.diagnosisPointers?.length)) problems.push('has a line without diagnosis pointers');
  if (lines.some((line) => (line.diagnosisPointers ?? []).some((p) => p < 1 || p > Math.min(encounter.icd10cm.length, MAX_CLAIM_DIAGNOSES))))
    problems.push('has a diagnosis pointer past its diagnoses');
  if (encounter.renderingNpi && encounter.renderingNpi !== billingNpi && !data.renderingProvider) problems.push("needs the rendering provider's name (renderingProvider in its claim data)");
  if (data.relationship !== 'SELF' && !data.subscriber) problems.push("needs the subscriber's details (not the patient)");
  return problems;
}

/** Writes the interchange. Throws on a value that would break the file (a delimiter inside a value): inputs are validated before. */
export function write837P(file: X12File): string {
  if (!Number.isInteger(file.controlNumber) || file.controlNumber < 1 || file.controlNumber > 999_999_999) throw new Error('control number out of range');
  const { provider } = file;
  const date8 = yyyymmdd(file.createdAt);
  const time4 = hhmm(file.createdAt);
  const isa13 = String(file.controlNumber).padStart(9, '0');
  const gs06 = String(file.controlNumber);
  const st02 = String(file.controlNumber).padStart(4, '0');

  const body: Element[][] = [];
  const add = (...elements: Element[]) => body.push(elements);

  add('ST', '837', st02, '005010X222A1');
  add('BHT', '0019', '00', file.reference, date8, time4, 'CH');
  // 1000A submitter, 1000B receiver
  add('NM1', '41', '2', provider.name, '', '', '', '', '46', provider.submitterId);
  add('PER', 'IC', provider.contactName, 'TE', digits(provider.contactPhone), ...(provider.contactEmail ? ['EM', provider.contactEmail] : []));
  add('NM1', '40', '2', provider.receiverName, '', '', '', '', '46', provider.receiverId);

  let hl = 0;
  // One 2000A billing provider per billing NPI (an encounter may bill under its own billingNpi).
  const byBillingNpi = new Map<string, X12Claim[]>();
  for (const claim of file.claims) {
    const npi = claim.encounter.billingNpi ?? provider.npi;
    const group = byBillingNpi.get(npi);
    if (group) group.push(claim);
    else byBillingNpi.set(npi, [claim]);
  }
  for (const [billingNpi, claims] of byBillingNpi) {
    const billingHl = ++hl;
    add('HL', String(billingHl), '', '20', '1');
    if (provider.taxonomy) add('PRV', 'BI', 'PXC', provider.taxonomy);
    add('NM1', '85', '2', provider.name, '', '', '', '', 'XX', billingNpi);
    addAddress(add, provider.address);
    add('REF', 'EI', provider.ein);

    for (const { encounter, data } of claims) {
      const problems = claimProblems(encounter, data, billingNpi);
      if (problems.length) throw new Error(`encounter ${problems.join('; ')}`);
      const self = data.relationship === 'SELF';
      const subscriber = self ? data.patient : data.subscriber!;
      const subscriberHl = ++hl;
      // 2000B subscriber, 2010BA subscriber name, 2010BB payer
      add('HL', String(subscriberHl), String(billingHl), '22', self ? '0' : '1');
      add('SBR', 'P', self ? RELATIONSHIP_CODE.SELF : '', data.groupNumber, '', '', '', '', '', data.claimFilingIndicator);
      add('NM1', 'IL', '1', subscriber.lastName, subscriber.firstName, subscriber.middleName, '', '', 'MI', data.memberId);
      addAddress(add, subscriber.address);
      add('DMG', 'D8', compactDate(subscriber.dateOfBirth), subscriber.gender);
      add('NM1', 'PR', '2', data.payerName, '', '', '', '', 'PI', data.payerId);
      if (!self) {
        // 2000C patient, 2010CA patient name
        add('HL', String(++hl), String(subscriberHl), '23', '0');
        add('PAT', RELATIONSHIP_CODE[data.relationship]);
        add('NM1', 'QC', '1', data.patient.lastName, data.patient.firstName, data.patient.middleName);
        addAddress(add, data.patient.address);
        add('DMG', 'D8', compactDate(data.patient.dateOfBirth), data.patient.gender);
      }

      // 2300 claim
      const lines: { qualifier: 'HC'; line: CodedLine; cents: number }[] = [
        ...encounter.cpt.map((line, i) => ({ qualifier: 'HC' as const, line, cents: data.cptChargeCents[i] ?? 0 })),
        ...encounter.hcpcs.map((line, i) => ({ qualifier: 'HC' as const, line, cents: data.hcpcsChargeCents[i] ?? 0 })),
      ];
      const total = lines.reduce((sum, l) => sum + l.cents, 0);
      add('CLM', data.patientAccountNumber, amount(total), '', '', [encounter.placeOfService!, 'B', '1'], 'Y', 'A', 'Y', 'Y');
      add('HI', ...encounter.icd10cm.map((code, i) => [i === 0 ? 'ABK' : 'ABF', code.replace('.', '')]));
      if (encounter.renderingNpi && encounter.renderingNpi !== billingNpi) {
        add('NM1', '82', '1', data.renderingProvider!.lastName, data.renderingProvider!.firstName, '', '', '', 'XX', encounter.renderingNpi);
      }
      // 2400 service lines
      lines.forEach(({ qualifier, line, cents }, i) => {
        add('LX', String(i + 1));
        // SV105 (place of service) is sent only when it differs from CLM05-1: a line here always has the encounter's.
        add('SV1', [qualifier, line.code, ...line.modifiers], amount(cents), 'UN', String(line.units), '', '', line.diagnosisPointers!.map(String));
        add('DTP', '472', 'D8', compactDate(encounter.serviceDate!));
        if (line.ndc) {
          // 2410 drug identification: the NDC (11 digits) and the quantity given with its unit.
          add('LIN', '', 'N4', line.ndc.code);
          add('CTP', '', '', '', String(line.ndc.quantity), [line.ndc.unit]);
        }
      });
    }
  }
  add('SE', String(body.length + 1), st02);

  const isa: Element[] = [
    'ISA',
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    'ZZ',
    fixed(provider.submitterId, 15),
    'ZZ',
    fixed(provider.receiverId, 15),
    date8.slice(2),
    time4,
    REPETITION,
    '00501',
    isa13,
    '0',
    file.usage,
    COMPONENT,
  ];
  const segments: Element[][] = [isa, ['GS', 'HC', provider.submitterId, provider.receiverId, date8, time4, gs06, 'X', '005010X222A1'], ...body, ['GE', '1', gs06], ['IEA', '1', isa13]];
  return segments.map((segment, i) => serialize(segment, i === 0)).join('');
}

function addAddress(add: (...elements: Element[]) => void, address: X12Address): void {
  add('N3', address.line1, address.line2);
  add('N4', address.city, address.state, address.zip);
}

/** An element: a simple value, or the components of a composite (CLM05, HI, SV101, SV107); null or undefined for an empty one. */
type Element = string | string[] | null | undefined;

const DELIMITERS = /[~*:^\r\n]/;

/** One segment: every value checked for delimiters, composites joined by `:`, trailing empty elements dropped (X12 forbids them). */
function serialize(elements: Element[], isa: boolean): string {
  // A plain loop, no array per element: a 500-claim file has about 8,000 segments and 50,000 elements.
  const values: string[] = [];
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    // ISA11 and ISA16 are the repetition and component separators themselves.
    if (isa && (i === 11 || i === 16)) {
      values.push(element as string);
      continue;
    }
    const value = Array.isArray(element) ? element.join('') : (element ?? '');
    if (DELIMITERS.test(value)) throw new Error(`${String(elements[0])}${String(i).padStart(2, '0')} holds a delimiter or a line break`);
    values.push(Array.isArray(element) ? element.join(COMPONENT) : value);
  }
  if (!isa) while (values.length > 1 && values[values.length - 1] === '') values.pop();
  return `${values.join(ELEMENT)}${SEGMENT}`;
}

const fixed = (value: string, width: number) => {
  if (value.length > width) throw new Error(`${value.length} characters do not fit an ISA field of ${width}`);
  return value.padEnd(width, ' ');
};
const pad2 = (n: number) => String(n).padStart(2, '0');
const yyyymmdd = (at: Date) => `${at.getUTCFullYear()}${pad2(at.getUTCMonth() + 1)}${pad2(at.getUTCDate())}`;
const hhmm = (at: Date) => `${pad2(at.getUTCHours())}${pad2(at.getUTCMinutes())}`;
const compactDate = (isoDate: string) => isoDate.replace(/-/g, '');
const digits = (value: string) => value.replace(/\D/g, '');
/** Cents as an X12 decimal: 12500 -> "125", 12550 -> "125.5", 0 -> "0". */
const amount = (cents: number) => {
  const whole = Math.floor(cents / 100);
  const fraction = cents % 100;
  return fraction === 0 ? String(whole) : `${whole}.${pad2(fraction).replace(/0$/, '')}`;
};
