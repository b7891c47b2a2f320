import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CodeTablesService } from '../src/workroom/codes/code-tables.service.js';
import { failed, ok, Session } from './support/given.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';

// Fixtures in the official CMS layouts (test/fixtures): ICD-10-CM order files for FY2025 and FY2026
// (FY2026 adds E11.A), an ICD-10-PCS order file, a HCPCS January 2025 file with 320-character records
// (G2012 terminated 2024-12-31; Q9999 is a fixture-only record added 2025-04-01; modifiers GY LT RT XU),
// the NCCI practitioner PTP edits of 2026 Q1 and the practitioner MUEs from 2026-01-01. PTP rows:
// 98940/97140 (indicator 1) and 20610/76942 (indicator 0) as CMS publishes them; the deleted 97530/97140
// row and the indicator-9 99214/36415 row are modelled for the tests, as are the MUE values' quarter.
const SUBMIT = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) {
  id status encounters { chartRef serviceDate } warnings { encounter chartRef kind codes path message } } }`;
const BATCH = `query($id: ID!) { codedBatch(id: $id) { id warnings { encounter chartRef kind codes path message } } }`;
const SIGN = `mutation($id: ID!) { signBaa(contractId: $id) { id } }`;
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'latin1');

const encounter = (chartRef: string, serviceDate: string, extra: Record<string, unknown> = {}) => ({ chartRef, serviceDate, icd10cm: ['I10'], ...extra });
const line = (code: string, modifiers: string[] = [], units = 1) => ({ code, modifiers, units, diagnosisPointers: [1] });

describe('code tables by date of service, NCCI and MUE warnings', () => {
  let app: TestApp;
  let tables: CodeTablesService;
  let coder: Session;
  let owner: Session;
  let contractId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    tables = app.app.get(CodeTablesService);
    const parties = await acceptedContract(app, { requiresBaa: true }, { rateCents: 400 });
    ok(await app.gql(SIGN, { id: parties.contractId }, parties.owner.accessToken));
    ok(await app.gql(SIGN, { id: parties.contractId }, parties.coder.accessToken));
    ({ coder, owner, contractId } = parties);
  });
  afterAll(() => app?.close());

  const submit = (encounters: unknown[]) => app.gql(SUBMIT, { id: contractId, input: { encounters } }, coder.accessToken);

  it('checks ICD-10-CM against the fiscal year in force on the date of service, and its April update from April 1', async () => {
    expect(await tables.importFile('icd10cm_order_2025.txt', fixture('icd10cm_order_2025.txt'))).toMatchObject({ kind: 'ICD10CM', effectiveFrom: '2024-10-01', effectiveTo: '2025-09-30' });
    await tables.importFile('icd10cm_order_2026.txt', fixture('icd10cm_order_2026.txt'));

    const refused = failed(await submit([encounter('FY25', '2025-06-15', { icd10cm: ['E11.A'] }), encounter('FY26', '2025-11-03', { icd10cm: ['E11A', 'E11'] })]), 'BAD_USER_INPUT');
    expect(refused.extensions.fields).toEqual(['input.encounters.0.icd10cm.0', 'input.encounters.1.icd10cm.1']);
    expect(refused.message).toMatch(/E11\.A is not in the ICD-10-CM table in force on 2025-06-15 \(from 2024-10-01\)/);
    expect(refused.message).toMatch(/E11 is a header code/);

    const accepted = ok(await submit([encounter('FY26', '2025-11-03', { icd10cm: ['E11A'] }), encounter('FY24', '2024-06-03', { icd10cm: ['E11.A', 'Z99.89'] })])).submitCodedBatch;
    expect(accepted.encounters.map((e: { serviceDate: string }) => e.serviceDate)).toEqual(['2025-11-03', '2024-06-03']); // FY2024: no table loaded, syntax only

    // An April update takes over from April 1 for the rest of its fiscal year (here one without E11.A).
    expect(await tables.importFile('icd10cm_order_2026_April.txt', fixture('icd10cm_order_2025.txt'))).toMatchObject({ effectiveFrom: '2026-04-01', effectiveTo: '2026-09-30' });
    ok(await submit([encounter('MAR', '2026-03-31', { icd10cm: ['E11.A'] })]));
    expect(failed(await submit([encounter('APR', '2026-04-01', { icd10cm: ['E11.A'] })]), 'BAD_USER_INPUT').message).toMatch(/in force on 2026-04-01 \(from 2026-04-01\)/);
  });

  it('checks ICD-10-PCS against its order file for the fiscal year', async () => {
    await tables.importFile('icd10pcs_order_2026.txt', fixture('icd10pcs_order_2026.txt'));
    const refused = failed(await submit([encounter('PCS', '2026-02-02', { icd10pcs: ['0DTJ4ZZ', '0DTJ3ZZ'] })]), 'BAD_USER_INPUT');
    expect(refused.extensions.fields).toEqual(['input.encounters.0.icd10pcs.1']);
    expect(refused.message).toMatch(/0DTJ3ZZ is not in the ICD-10-PCS table in force on 2026-02-02/);
    ok(await submit([encounter('PCS', '2025-09-30', { icd10pcs: ['0DTJ3ZZ'] })])); // before FY2026: no PCS table, syntax only
  });

  it('refuses a HCPCS code terminated before, or added after, the date of service, and unknown Level II modifiers', async () => {
    expect(await tables.importFile('HCPC2025_JAN_ANWEB.txt', fixture('HCPC2025_JAN_ANWEB.txt'))).toMatchObject({ loaded: { HCPCS: 5, HCPCS_MODIFIER: 4 } });
    const refused = failed(
      await submit([
        encounter('TERM', '2025-03-10', { hcpcs: [line('G2012'), line('J1100', ['ZZ', 'LT'], 4)], cpt: [line('99213', ['25', 'GY']), line('99214', ['QQ'])] }),
        encounter('EARLY', '2025-03-31', { hcpcs: [line('Q9999')] }),
      ]),
      'BAD_USER_INPUT',
    );
    expect(refused.extensions.fields).toEqual(['input.encounters.0.cpt.1.modifiers.0', 'input.encounters.0.hcpcs.0.code', 'input.encounters.0.hcpcs.1.modifiers.0', 'input.encounters.1.hcpcs.0.code']);
    expect(refused.message).toMatch(/G2012 was terminated on 2024-12-31 in the HCPCS Level II table in force on 2025-03-10/);
    expect(refused.message).toMatch(/Q9999 is valid from 2025-04-01 .*not yet in effect on the service date 2025-03-31/);
    expect(refused.message).toMatch(/ZZ is not in the HCPCS modifier table/);
    expect(await app.sql('SELECT 1 FROM coded_batches WHERE contract_id = $1 AND encounters @> $2::jsonb', [contractId, JSON.stringify([{ chartRef: 'TERM' }])])).toHaveLength(0);

    ok(await submit([encounter('LATE', '2025-04-01', { hcpcs: [line('Q9999'), line('J1100', ['RT'], 4)] }), encounter('OLD', '2024-12-15', { hcpcs: [line('G2012', ['ZZ'])] })]));
  });

  it('returns NCCI PTP and MUE warnings with the batch without refusing it, for the practice to read', async () => {
    await tables.importFile('ccipra-v320r0-f1.txt', fixture('ccipra-v320r0-f1.txt'));
    await tables.importFile('MCR_MUE_PractitionerServices_Eff_01-01-2026.csv', fixture('MCR_MUE_PractitionerServices_Eff_01-01-2026.csv'));
    const day = '2026-02-10';
    const batch = ok(
      await submit([
        encounter('PAIR', day, { cpt: [line('98940'), line('97140')] }),
        encounter('PAIR-59', day, { cpt: [line('98940'), line('97140', ['59'])] }),
        encounter('PAIR-XU', day, { cpt: [line('97140', ['XU']), line('98940')] }),
        encounter('NEVER', day, { cpt: [line('20610'), line('76942', ['59'])] }),
        encounter('DELETED', day, { cpt: [line('97530'), line('97140')] }),
        encounter('NA', day, { cpt: [line('99214'), line('36415', [], 3)] }),
        encounter('SPLIT', day, { cpt: [line('36415'), line('36415', [], 2)], hcpcs: [line('J1100', [], 100)] }),
        encounter('NO-QUARTER', '2025-06-02', { cpt: [line('98940'), line('97140'), line('36415', [], 9)] }),
      ]),
    ).submitCodedBatch;
    expect(batch.status).toBe('SUBMITTED');
    expect(batch.warnings).toEqual([
      {
        encounter: 0,
        chartRef: 'PAIR',
        kind: 'NCCI_PTP',
        codes: ['98940', '97140'],
        path: 'encounters.0.cpt.1',
        message: expect.stringMatching(/97140 is a column 2 code of 98940 on the same date \(Misuse of column two code with column one code\); without an NCCI-associated modifier/),
      },
      {
        encounter: 3,
        chartRef: 'NEVER',
        kind: 'NCCI_PTP',
        codes: ['20610', '76942'],
        path: 'encounters.3.cpt.1',
        message: expect.stringMatching(/no modifier bypasses this edit/),
      },
      {
        encounter: 5,
        chartRef: 'NA',
        kind: 'MUE',
        codes: ['36415'],
        path: 'encounters.5.cpt.1',
        message: expect.stringMatching(/36415 allows at most 2 unit\(s\) on one date of service \(Clinical: Data\); 3 billed/),
      },
      { encounter: 6, chartRef: 'SPLIT', kind: 'MUE', codes: ['36415'], path: 'encounters.6.cpt.0', message: expect.stringMatching(/3 billed$/) },
    ]);
    // Stored with the batch: the practice reads the same warnings later; another practice reads nothing.
    expect(ok(await app.gql(BATCH, { id: batch.id }, owner.accessToken)).codedBatch.warnings).toEqual(batch.warnings);
    // The warnings name chart references (PHI): sealed at rest like the encounters.
    const [stored] = await app.sql<{ text: string }>('SELECT warnings::text AS text FROM coded_batches WHERE id = $1', [batch.id]);
    expect(stored.text).not.toMatch(/PAIR|NEVER|SPLIT|36415/);
    const stranger = await acceptedContract(app, {}, { rateCents: 400 });
    const refused = await app.gql(BATCH, { id: batch.id }, stranger.owner.accessToken);
    expect(refused.data).toBeNull();
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(refused.errors?.[0].extensions?.code);
  });

  it('replaces a reloaded version in one transaction: concurrent reloads leave one copy, a broken file leaves the old one', async () => {
    const name = 'ccipra-v321r0-f1.txt';
    await Promise.all([1, 2, 3].map(() => tables.importFile(name, fixture('ccipra-v320r0-f1.txt'))));
    expect(await app.sql(`SELECT count(*)::int AS n FROM ncci_ptp_edits WHERE effective_from = '2026-04-01'`)).toEqual([{ n: 4 }]);
    expect(await app.sql(`SELECT effective_to::text AS "to" FROM code_table_versions WHERE code_set = 'NCCI_PTP' AND effective_from = '2026-04-01'`)).toEqual([{ to: '2026-06-30' }]);

    const broken = fixture('icd10pcs_order_2026.txt').replace('0DTJ4ZZ 1', '0DTJ4ZZ 7');
    await expect(tables.importFile('icd10pcs_order_2026.txt', broken)).rejects.toThrow(/line 3 is not an ICD-10-PCS order file record/);
    expect(await app.sql(`SELECT count(*)::int AS n FROM code_table_entries WHERE code_set = 'ICD10PCS' AND effective_from = '2025-10-01'`)).toEqual([{ n: 5 }]);
  });

  it('npm run codes:import loads a file into the database it is given', async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', 'scripts/import-codes.ts', 'test/fixtures/MCR_MUE_PractitionerServices_Eff_01-01-2026.csv', '--effective', '2026-07-01'],
      { cwd: root, env: { ...process.env, DATABASE_URL: app.config.databaseUrl, NODE_ENV: 'test' } },
    );
    expect(stdout).toMatch(/Loaded 4 MUE in force 2026-07-01\.\.2026-09-30\./);
    expect(await app.sql(`SELECT code, max_units AS "maxUnits" FROM mue_values WHERE effective_from = '2026-07-01' AND code = '36415'`)).toEqual([{ code: '36415', maxUnits: 2 }]);
    await expect(
      promisify(execFile)(process.execPath, ['--import', '@swc-node/register/esm-register', 'scripts/import-codes.ts', 'test/fixtures/HCPC2026_ANWEB.txt', '--set', 'CPT'], { cwd: root }),
    ).rejects.toThrow(/cannot tell which table the file holds/);
  }, 180_000); // two node processes compiling the script
});
