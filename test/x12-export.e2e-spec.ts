import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failed, given, ok, Session, VALID_NPI } from './support/given.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';
import { claimsOf, parse837 } from './support/x12.js';

const SIGN = `mutation($id: ID!) { signBaa(contractId: $id) { id } }`;
const SUBMIT = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { id } }`;
const REVIEW = `mutation($id: ID!, $input: ReviewCodedBatchInput!) { reviewCodedBatch(batchId: $id, input: $input) { id status } }`;
const PROFILE = `mutation($org: ID!, $input: PracticeBillingProfileInput!) { setPracticeBillingProfile(organizationId: $org, input: $input) {
  organizationId ein taxonomy contactPhone submitterId clearinghouseName clearinghouseId address { line1 line2 city state zip } } }`;
const SET_CLAIM_DATA = `mutation($id: ID!, $input: EncounterClaimDataInput!) { setEncounterClaimData(batchId: $id, input: $input) { chartRef supplied } }`;
const STATUS = `query($id: ID!) { encounterClaimDataStatus(batchId: $id) { edges { node { chartRef supplied } } } }`;
const READ = `query($id: ID!, $ref: String!) { encounterClaimData(batchId: $id, chartRef: $ref) {
  chartRef relationship memberId patientAccountNumber cptChargeCents patient { lastName firstName dateOfBirth gender address { state zip } } subscriber { firstName } } }`;
const EXPORT = `query($id: ID!, $format: CodedBatchExportFormat!) { codedBatchExport(id: $id, format: $format) }`;

// Names no other test uses, so the log search finds only what this file sent.
const PATIENT_LAST = 'Quillfeather';
const SUBSCRIBER_FIRST = 'Barnabyx';

const profileInput = (extra: Record<string, unknown> = {}) => ({
  address: { line1: '100 Main St', line2: 'Suite 2', city: 'Austin', state: 'TX', zip: '78701-1234' },
  ein: '12-3456789',
  taxonomy: '207Q00000X',
  contactName: 'Pat Billing',
  contactPhone: '(512) 555-0100',
  contactEmail: 'billing@lakeside.test',
  submitterId: 'LAKESIDE01',
  clearinghouseName: 'Acme Clearinghouse',
  clearinghouseId: 'ACMECH',
  ...extra,
});

const person = (extra: Record<string, unknown> = {}) => ({
  lastName: PATIENT_LAST,
  firstName: 'Jane',
  dateOfBirth: '1960-04-15',
  gender: 'F',
  address: { line1: '5 Elm St', city: 'Austin', state: 'TX', zip: '78702' },
  ...extra,
});

const claimData = (chartRef: string, extra: Record<string, unknown> = {}) => ({
  chartRef,
  patient: person(),
  relationship: 'SELF',
  memberId: 'XYZ123456',
  groupNumber: 'GRP-9',
  payerName: 'Big Payer',
  payerId: 'BP001',
  claimFilingIndicator: 'CI',
  cptChargeCents: [12550],
  hcpcsChargeCents: [2000],
  ...extra,
});

const encounter = (chartRef: string, extra: Record<string, unknown> = {}) => ({
  chartRef,
  serviceDate: '2026-11-02',
  placeOfService: '11',
  billingNpi: VALID_NPI,
  icd10cm: ['I10', 'E11.9'],
  cpt: [{ code: '99214', modifiers: ['25'], units: 1, diagnosisPointers: [1, 2] }],
  hcpcs: [{ code: 'J1100', modifiers: [], units: 4, diagnosisPointers: [2], ndc: { code: '00009-0047-01', quantity: 4, unit: 'ML' } }],
  ...extra,
});

describe('837P export', () => {
  let app: TestApp;
  let logDir: string;
  let logFile: string;

  beforeAll(async () => {
    logDir = mkdtempSync(join(tmpdir(), 'chartbridge-logs-'));
    logFile = join(logDir, 'app.log');
    // The most verbose level, so whatever the app logs about these requests is in the file the last test reads.
    app = await TestApp.start({ LOG_LEVEL: 'trace', LOG_FILE: logFile });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  /** A signed contract with a batch of `encounters` submitted by the coder (and accepted unless `accept: false`). */
  async function batchOf(encounters: Record<string, unknown>[], accept = true): Promise<{ owner: Session; coder: Session; organizationId: string; contractId: string; batchId: string }> {
    const parties = await acceptedContract(app, { requiresBaa: true }, { rateCents: 400 });
    ok(await app.gql(SIGN, { id: parties.contractId }, parties.owner.accessToken));
    ok(await app.gql(SIGN, { id: parties.contractId }, parties.coder.accessToken));
    const batchId = ok(await app.gql(SUBMIT, { id: parties.contractId, input: { encounters } }, parties.coder.accessToken)).submitCodedBatch.id as string;
    if (accept) ok(await app.gql(REVIEW, { id: batchId, input: { accept: true } }, parties.owner.accessToken));
    return { ...parties, batchId };
  }

  it('keeps a billing profile per practice, set by its OWNER or ADMIN and validated', async () => {
    const { owner, organization } = await given(app).practice();
    const member = await given(app).member(owner, organization.id, 'MEMBER');
    const admin = await given(app).member(owner, organization.id, 'ADMIN');
    const stranger = await given(app).provider();

    const bad = failed(
      await app.gql(
        PROFILE,
        { org: organization.id, input: profileInput({ ein: '12-345', taxonomy: '207Q0000', address: { line1: 'x~y', city: 'Austin', state: 'XX', zip: '7870' }, submitterId: 'A*B' }) },
        owner.accessToken,
      ),
      'BAD_USER_INPUT',
    );
    expect([...bad.extensions.fields!].sort()).toEqual(['input.address.line1', 'input.address.state', 'input.address.zip', 'input.ein', 'input.submitterId', 'input.taxonomy']);
    failed(await app.gql(PROFILE, { org: organization.id, input: profileInput() }, member.accessToken), 'FORBIDDEN');
    failed(await app.gql(PROFILE, { org: organization.id, input: profileInput() }, stranger.accessToken), 'NOT_FOUND');
    expect(await app.sql('SELECT 1 FROM practice_billing_profiles WHERE organization_id = $1', [organization.id])).toHaveLength(0);

    expect(ok(await app.gql(PROFILE, { org: organization.id, input: profileInput() }, admin.accessToken)).setPracticeBillingProfile).toEqual({
      organizationId: organization.id,
      ein: '123456789',
      taxonomy: '207Q00000X',
      contactPhone: '5125550100',
      submitterId: 'LAKESIDE01',
      clearinghouseName: 'Acme Clearinghouse',
      clearinghouseId: 'ACMECH',
      address: { line1: '100 Main St', line2: 'Suite 2', city: 'Austin', state: 'TX', zip: '787011234' },
    });
    expect(ok(await app.gql(`query($org: ID!) { practiceBillingProfile(organizationId: $org) { ein } }`, { org: organization.id }, member.accessToken)).practiceBillingProfile).toEqual({
      ein: '123456789',
    });
    failed(await app.gql(`query($org: ID!) { practiceBillingProfile(organizationId: $org) { ein } }`, { org: organization.id }, stranger.accessToken), 'NOT_FOUND');
  });

  it('takes claim data from the practice only, validated, encrypted at rest, read back audited; concurrent sets leave one row', async () => {
    const { owner, coder, contractId, batchId } = await batchOf([encounter('CH-1'), encounter('CH-2')]);
    const other = await batchOf([encounter('CH-9')]);

    failed(await app.gql(SET_CLAIM_DATA, { id: batchId, input: claimData('CH-1') }, coder.accessToken), 'FORBIDDEN');
    failed(await app.gql(SET_CLAIM_DATA, { id: batchId, input: claimData('CH-1') }, other.owner.accessToken), 'NOT_FOUND');
    const structural = failed(
      await app.gql(
        SET_CLAIM_DATA,
        { id: batchId, input: claimData('CH-1', { patient: person({ address: { line1: '5 Elm St', city: 'Austin', state: 'ZZ', zip: '787' } }), claimFilingIndicator: 'QQ', memberId: 'A' }) },
        owner.accessToken,
      ),
      'BAD_USER_INPUT',
    );
    expect([...structural.extensions.fields!].sort()).toEqual(['input.claimFilingIndicator', 'input.memberId', 'input.patient.address.state', 'input.patient.address.zip']);
    const rules = failed(
      await app.gql(SET_CLAIM_DATA, { id: batchId, input: claimData('CH-1', { relationship: 'CHILD', patient: person({ dateOfBirth: '2999-01-01' }), cptChargeCents: [1, 2] }) }, owner.accessToken),
      'BAD_USER_INPUT',
    );
    expect(rules.extensions.fields).toEqual(['input.patient.dateOfBirth', 'input.subscriber', 'input.cptChargeCents']);
    failed(await app.gql(SET_CLAIM_DATA, { id: batchId, input: claimData('CH-404') }, owner.accessToken), 'BAD_USER_INPUT');
    expect(await app.sql('SELECT 1 FROM encounter_claim_data WHERE contract_id = $1', [contractId])).toHaveLength(0);

    const input = claimData('CH-2', { relationship: 'SPOUSE', subscriber: person({ firstName: SUBSCRIBER_FIRST, gender: 'M', dateOfBirth: '1958-01-02' }) });
    const sets = await Promise.all([1, 2, 3, 4].map(() => app.gql(SET_CLAIM_DATA, { id: batchId, input }, owner.accessToken)));
    for (const set of sets) expect(ok(set).setEncounterClaimData).toEqual({ chartRef: 'CH-2', supplied: true });
    const rows = await app.sql<{ ciphertext: Buffer; wrapped_key: Buffer }>('SELECT ciphertext, wrapped_key FROM encounter_claim_data WHERE contract_id = $1', [contractId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].ciphertext.includes(PATIENT_LAST)).toBe(false);
    expect(rows[0].ciphertext.includes(SUBSCRIBER_FIRST)).toBe(false);

    expect(ok(await app.gql(STATUS, { id: batchId }, owner.accessToken)).encounterClaimDataStatus.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { chartRef: 'CH-1', supplied: false },
      { chartRef: 'CH-2', supplied: true },
    ]);
    failed(await app.gql(STATUS, { id: batchId }, coder.accessToken), 'FORBIDDEN');
    const read = ok(await app.gql(READ, { id: batchId, ref: 'CH-2' }, owner.accessToken)).encounterClaimData;
    expect(read).toMatchObject({
      chartRef: 'CH-2',
      relationship: 'SPOUSE',
      memberId: 'XYZ123456',
      cptChargeCents: [12550],
      patient: { lastName: PATIENT_LAST, dateOfBirth: '1960-04-15', gender: 'F', address: { state: 'TX', zip: '78702' } },
      subscriber: { firstName: SUBSCRIBER_FIRST },
    });
    // The default account number is opaque: not the chart reference.
    expect(read.patientAccountNumber).toMatch(/^CB[0-9A-F]{16}$/);
    failed(await app.gql(READ, { id: batchId, ref: 'CH-2' }, coder.accessToken), 'FORBIDDEN');
    failed(await app.gql(READ, { id: batchId, ref: 'CH-1' }, owner.accessToken), 'NOT_FOUND');
    const audit = await app.sql<{ action: string; outcome: string }>(`SELECT action, outcome FROM audit_events WHERE contract_id = $1 AND action LIKE '%CLAIM_DATA' ORDER BY seq`, [contractId]);
    expect(audit.filter((a) => a.outcome === 'ALLOWED').map((a) => a.action)).toEqual(expect.arrayContaining(['SET_CLAIM_DATA', 'LIST_CLAIM_DATA', 'READ_CLAIM_DATA']));
    expect(audit.filter((a) => a.outcome === 'DENIED').map((a) => a.action)).toEqual(expect.arrayContaining(['SET_CLAIM_DATA', 'READ_CLAIM_DATA']));
  });

  it('answers a practice name no claim file can carry with a CONFLICT naming billingName, and exports once the profile names the practice; refuses an email with delimiters', async () => {
    const { owner, organizationId, batchId } = await batchOf([encounter('CH-1')]);
    // A name createOrganization takes (any text up to 200 characters) but X12 cannot carry: delimiters, and more than NM103's 60 characters.
    await app.sql(`UPDATE organizations SET name = $2 WHERE id = $1`, [organizationId, 'Smith*Jones~Clinic:^ of the Greater Metropolitan Area Family Practice']);
    const badEmail = failed(await app.gql(PROFILE, { org: organizationId, input: profileInput({ contactEmail: 'a*b~c@x.test' }) }, owner.accessToken), 'BAD_USER_INPUT');
    expect(badEmail.extensions.fields).toEqual(['input.contactEmail']);
    ok(await app.gql(PROFILE, { org: organizationId, input: profileInput() }, owner.accessToken));
    ok(await app.gql(SET_CLAIM_DATA, { id: batchId, input: claimData('CH-1') }, owner.accessToken));

    const refused = failed(await app.gql(EXPORT, { id: batchId, format: 'X12_837P' }, owner.accessToken), 'CONFLICT');
    expect(refused.extensions.fields).toEqual(['billingName']);
    expect(failed(await app.gql(PROFILE, { org: organizationId, input: profileInput({ billingName: 'Smith~Jones' }) }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual([
      'input.billingName',
    ]);
    ok(await app.gql(PROFILE, { org: organizationId, input: profileInput({ billingName: 'Smith Jones Clinic' }) }, owner.accessToken));
    const text = ok(await app.gql(EXPORT, { id: batchId, format: 'X12_837P' }, owner.accessToken)).codedBatchExport as string;
    const parsed = parse837(text);
    expect(parsed.segments.filter((s) => s[0] === 'NM1' && (s[1] === '41' || s[1] === '85')).map((s) => s[3])).toEqual(['Smith Jones Clinic', 'Smith Jones Clinic']);
  });

  it('exports an accepted batch as an 837P an X12 parser reads: envelopes, counts, loops, one claim per encounter', async () => {
    const { owner, coder, organizationId, contractId, batchId } = await batchOf([
      encounter('CH-1'),
      encounter('CH-2', { icd10cm: ['S72.001A', 'I10', 'E11.9'], hcpcs: [], cpt: [{ code: '27236', modifiers: ['RT'], units: 1, diagnosisPointers: [1, 3] }] }),
    ]);
    ok(await app.gql(PROFILE, { org: organizationId, input: profileInput() }, owner.accessToken));
    ok(await app.gql(SET_CLAIM_DATA, { id: batchId, input: claimData('CH-1') }, owner.accessToken));
    ok(
      await app.gql(
        SET_CLAIM_DATA,
        {
          id: batchId,
          input: claimData('CH-2', {
            relationship: 'CHILD',
            subscriber: person({ firstName: SUBSCRIBER_FIRST, gender: 'M' }),
            cptChargeCents: [250000],
            hcpcsChargeCents: [],
            patientAccountNumber: 'ACCT-77',
          }),
        },
        owner.accessToken,
      ),
    );

    const text = ok(await app.gql(EXPORT, { id: batchId, format: 'X12_837P' }, owner.accessToken)).codedBatchExport as string;
    const parsed = parse837(text);
    const tags = parsed.transaction.map((s) => s[0]);
    expect(tags.filter((t) => t === 'CLM')).toHaveLength(2);
    expect(parsed.transaction.filter((s) => s[0] === 'HL').map((s) => s.slice(1))).toEqual([
      ['1', '', '20', '1'],
      ['2', '1', '22', '0'],
      ['3', '1', '22', '1'],
      ['4', '3', '23', '0'],
    ]);
    expect(parsed.transaction.find((s) => s[0] === 'NM1' && s[1] === '85')).toEqual(['NM1', '85', '2', 'Lakeside Family Practice', '', '', '', '', 'XX', VALID_NPI]);
    expect(parsed.transaction.find((s) => s[0] === 'REF')).toEqual(['REF', 'EI', '123456789']);
    expect(parsed.transaction.filter((s) => s[0] === 'NM1' && s[1] === 'PR')).toHaveLength(2);
    expect(parsed.transaction.find((s) => s[0] === 'PAT')).toEqual(['PAT', '19']);

    const [first, second] = claimsOf(parsed);
    const segment = (claim: string[][], tag: string) => claim.filter((s) => s[0] === tag);
    expect(segment(first, 'CLM')[0]).toEqual(['CLM', expect.stringMatching(/^CB[0-9A-F]{16}$/), '145.5', '', '', '11:B:1', 'Y', 'A', 'Y', 'Y']);
    expect(segment(first, 'HI')).toEqual([['HI', 'ABK:I10', 'ABF:E119']]);
    expect(segment(first, 'SV1')).toEqual([
      ['SV1', 'HC:99214:25', '125.5', 'UN', '1', '', '', '1:2'],
      ['SV1', 'HC:J1100', '20', 'UN', '4', '', '', '2'],
    ]);
    expect(segment(first, 'DTP')).toEqual([
      ['DTP', '472', 'D8', '20261102'],
      ['DTP', '472', 'D8', '20261102'],
    ]);
    expect(segment(first, 'LIN')).toEqual([['LIN', '', 'N4', '00009004701']]);
    expect(segment(first, 'CTP')).toEqual([['CTP', '', '', '', '4', 'ML']]);
    expect(segment(second, 'CLM')[0].slice(0, 3)).toEqual(['CLM', 'ACCT-77', '2500']);
    expect(segment(second, 'HI')).toEqual([['HI', 'ABK:S72001A', 'ABF:I10', 'ABF:E119']]);
    expect(segment(second, 'SV1')).toEqual([['SV1', 'HC:27236:RT', '2500', 'UN', '1', '', '', '1:3']]);
    expect(text).not.toContain('CH-1');

    // CSV through the same query, as codedBatchCsv, for both parties.
    const csv = ok(await app.gql(`query($id: ID!) { codedBatchCsv(id: $id) }`, { id: batchId }, coder.accessToken)).codedBatchCsv;
    expect(ok(await app.gql(EXPORT, { id: batchId, format: 'CSV' }, coder.accessToken)).codedBatchExport).toBe(csv);
    expect(ok(await app.gql(EXPORT, { id: batchId, format: 'CSV' }, owner.accessToken)).codedBatchExport).toBe(csv);
    const exports = await app.sql<{ outcome: string }>(`SELECT outcome FROM audit_events WHERE contract_id = $1 AND action = 'EXPORT_837P'`, [contractId]);
    expect(exports).toEqual([{ outcome: 'ALLOWED' }]);
  });

  it('refuses the 837P to the coder and to other practices, for a batch not accepted, without a billing profile, and names the encounters lacking claim data', async () => {
    const { owner, coder, organizationId, batchId } = await batchOf([encounter('CH-1'), encounter('CH-2'), encounter('CH-3')]);
    const other = await batchOf([encounter('CH-1')]);
    failed(await app.gql(EXPORT, { id: batchId, format: 'X12_837P' }, coder.accessToken), 'FORBIDDEN');
    failed(await app.gql(EXPORT, { id: batchId, format: 'X12_837P' }, other.owner.accessToken), 'NOT_FOUND');
    failed(await app.gql(EXPORT, { id: batchId, format: 'X12_837P' }, owner.accessToken), 'CONFLICT'); // no billing profile yet
    ok(await app.gql(PROFILE, { org: organizationId, input: profileInput() }, owner.accessToken));
    ok(await app.gql(SET_CLAIM_DATA, { id: batchId, input: claimData('CH-2') }, owner.accessToken));
    const missing = failed(await app.gql(EXPORT, { id: batchId, format: 'X12_837P' }, owner.accessToken), 'CONFLICT');
    expect(missing.extensions.chartRefs).toEqual(['CH-1', 'CH-3']);
    expect(missing.message).toMatch(/CH-1 has no claim data/);

    const submitted = await batchOf([encounter('CH-1')], false);
    ok(await app.gql(PROFILE, { org: submitted.organizationId, input: profileInput() }, submitted.owner.accessToken));
    ok(await app.gql(SET_CLAIM_DATA, { id: submitted.batchId, input: claimData('CH-1') }, submitted.owner.accessToken));
    expect(failed(await app.gql(EXPORT, { id: submitted.batchId, format: 'X12_837P' }, submitted.owner.accessToken), 'CONFLICT').message).toMatch(/SUBMITTED/);
    failed(await app.gql(EXPORT, { id: submitted.batchId, format: 'PDF' }, submitted.owner.accessToken), 'BAD_USER_INPUT');
  });

  it('numbers every file: two exports differ, concurrent exports each get their own control number', async () => {
    const { owner, organizationId, batchId } = await batchOf([encounter('CH-1')]);
    ok(await app.gql(PROFILE, { org: organizationId, input: profileInput() }, owner.accessToken));
    ok(await app.gql(SET_CLAIM_DATA, { id: batchId, input: claimData('CH-1') }, owner.accessToken));
    const controlOf = (text: string) => {
      const { segments } = parse837(text);
      return Number(segments[0][13]);
    };
    const one = controlOf(ok(await app.gql(EXPORT, { id: batchId, format: 'X12_837P' }, owner.accessToken)).codedBatchExport);
    const two = controlOf(ok(await app.gql(EXPORT, { id: batchId, format: 'X12_837P' }, owner.accessToken)).codedBatchExport);
    expect(two).toBeGreaterThan(one);
    const concurrent = await Promise.all([1, 2, 3, 4, 5, 6].map(() => app.gql(EXPORT, { id: batchId, format: 'X12_837P' }, owner.accessToken)));
    const numbers = concurrent.map((response) => controlOf(ok(response).codedBatchExport));
    expect(new Set(numbers).size).toBe(6);
    expect(numbers.every((n) => n > two)).toBe(true);
  });

  it('never writes claim data to the logs', async () => {
    const marker = `marker-${randomUUID()}`;
    new Logger('X12ExportTest').log(marker);
    let log = '';
    for (let i = 0; i < 100 && !log.includes(marker); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      log = readFileSync(logFile, 'utf8');
    }
    expect(log).toContain(marker);
    // The requests above were logged (the log is not empty of them), but none of the PHI they carried.
    expect(log).toContain('request completed');
    expect(log).not.toContain(PATIENT_LAST);
    expect(log).not.toContain(SUBSCRIBER_FIRST);
    expect(log).not.toContain('XYZ123456');
  });
});
