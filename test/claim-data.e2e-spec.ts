import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CodeTablesService } from '../src/workroom/codes/code-tables.service.js';
import { batchContentHash, batchContentKey } from '../src/workroom/batch-content-hash.js';
import { DataSource } from 'typeorm';
import { CodedBatchEntity } from '../src/workroom/coded-batch.entity.js';
import { failed, ok, Session, VALID_NPI } from './support/given.js';
import { GraphqlSocket } from './support/graphql-socket.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const LINE_FIELDS = 'code modifiers units diagnosisPointers ndc { code quantity unit }';
const BATCH_FIELDS = `id status encounters { chartRef serviceDate placeOfService renderingNpi billingNpi icd10cm cpt { ${LINE_FIELDS} } hcpcs { ${LINE_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { ${BATCH_FIELDS} } }`;
const REVIEW = `mutation($id: ID!, $input: ReviewCodedBatchInput!) { reviewCodedBatch(batchId: $id, input: $input) { id status } }`;
const BATCH = `query($id: ID!) { codedBatch(id: $id) { ${BATCH_FIELDS} } }`;
const SIGN = `mutation($id: ID!) { signBaa(contractId: $id) { id } }`;

/** A second valid NPI (Luhn with the 80840 prefix). */
const OTHER_NPI = '1245319599';
/** Inside ICD-10-CM fiscal year 2026, the year of the fixture table. */
const SERVICE_DATE = '2026-09-15';
const THIRTEEN_DIAGNOSES = ['I10', 'E119', 'E785', 'J45909', 'K219', 'N179', 'R51', 'Z7901', 'F329', 'G4733', 'M179', 'E039', 'D649'];

const encounter = (chartRef: string, extra: Record<string, unknown> = {}) => ({
  chartRef,
  serviceDate: SERVICE_DATE,
  placeOfService: '11',
  renderingNpi: VALID_NPI,
  icd10cm: ['I10', 'E11.9'],
  cpt: [{ code: '99214', modifiers: ['25'], units: 1, diagnosisPointers: [1, 2] }],
  hcpcs: [{ code: 'J1100', units: 4, diagnosisPointers: [2], ndc: { code: '63323-165-01', quantity: 4, unit: 'ML' } }],
  ...extra,
});

const dateUtc = (daysFromToday: number) => new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

// Every kind of problem in one request: structural (class-validator: units 0, NPI, POS, pointers, NDC quantity)
// and the service's (malformed code, pointers past the diagnoses, 13 diagnoses, dates, NDC form).
const EVERYTHING_WRONG = {
  encounters: [
    encounter('CH-1', { icd10cm: THIRTEEN_DIAGNOSES, hcpcs: [] }),
    encounter('CH-2', {
      cpt: [
        { code: '99213', units: 1, diagnosisPointers: [3] },
        { code: '99214', units: 1, diagnosisPointers: [1, 1] },
        { code: '99215', units: 1, diagnosisPointers: [1, 2, 1, 2, 1] },
        { code: '99212', units: 1 },
      ],
      hcpcs: [],
    }),
    encounter('CH-3', { serviceDate: '2099-01-01', placeOfService: '30', renderingNpi: '1234567890', billingNpi: '123' }),
    encounter('CH-4', {
      serviceDate: '2015-09-30',
      cpt: [{ code: '9921', units: 0, diagnosisPointers: [1] }],
      hcpcs: [{ code: 'J1100', units: 1, diagnosisPointers: [1], ndc: { code: '6332316501', quantity: 0, unit: 'ML' } }],
    }),
  ],
};
const EVERYTHING_WRONG_PATHS = [
  'input.encounters.0.icd10cm',
  'input.encounters.1.cpt.0.diagnosisPointers.0',
  'input.encounters.1.cpt.1.diagnosisPointers',
  'input.encounters.1.cpt.2.diagnosisPointers',
  'input.encounters.1.cpt.3.diagnosisPointers',
  'input.encounters.2.serviceDate',
  'input.encounters.2.placeOfService',
  'input.encounters.2.renderingNpi',
  'input.encounters.2.billingNpi',
  'input.encounters.3.serviceDate',
  'input.encounters.3.cpt.0.code',
  'input.encounters.3.cpt.0.units',
  'input.encounters.3.hcpcs.0.ndc.code',
  'input.encounters.3.hcpcs.0.ndc.quantity',
];

describe('claim data on coded encounters', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app?.close());

  async function signedContract(): Promise<{ owner: Session; coder: Session; contractId: string }> {
    const parties = await acceptedContract(app, { requiresBaa: true }, { rateCents: 400 });
    ok(await app.gql(SIGN, { id: parties.contractId }, parties.owner.accessToken));
    ok(await app.gql(SIGN, { id: parties.contractId }, parties.coder.accessToken));
    return parties;
  }

  const batchCount = async (contractId: string) => (await app.sql('SELECT id FROM coded_batches WHERE contract_id = $1', [contractId])).length;

  it('stores and returns the claim data of every encounter, the NDC as 11 digits, for both parties', async () => {
    const { owner, coder, contractId } = await signedContract();
    const input = { encounters: [encounter('CH-1', { billingNpi: OTHER_NPI }), encounter('CH-2', { serviceDate: dateUtc(0), placeOfService: null, renderingNpi: null, hcpcs: [] })] };
    const batch = ok(await app.gql(SUBMIT, { id: contractId, input }, coder.accessToken)).submitCodedBatch;
    expect(batch.encounters).toEqual([
      {
        chartRef: 'CH-1',
        serviceDate: SERVICE_DATE,
        placeOfService: '11',
        renderingNpi: VALID_NPI,
        billingNpi: OTHER_NPI,
        icd10cm: ['I10', 'E11.9'],
        cpt: [{ code: '99214', modifiers: ['25'], units: 1, diagnosisPointers: [1, 2], ndc: null }],
        hcpcs: [{ code: 'J1100', modifiers: [], units: 4, diagnosisPointers: [2], ndc: { code: '63323016501', quantity: 4, unit: 'ML' } }],
      },
      {
        chartRef: 'CH-2',
        serviceDate: dateUtc(0),
        placeOfService: null,
        renderingNpi: null,
        billingNpi: null,
        icd10cm: ['I10', 'E11.9'],
        cpt: [{ code: '99214', modifiers: ['25'], units: 1, diagnosisPointers: [1, 2], ndc: null }],
        hcpcs: [],
      },
    ]);
    expect(ok(await app.gql(BATCH, { id: batch.id }, owner.accessToken)).codedBatch).toEqual(batch);
  });

  it('accepts every NDC form that says where its padding zero goes, and 12 diagnoses on a claim', async () => {
    const { coder, contractId } = await signedContract();
    const drug = (code: string) => ({ code: 'J3490', units: 1, diagnosisPointers: [12, 1], ndc: { code, quantity: 0.5, unit: 'ME' } });
    const input = { encounters: [encounter('CH-1', { icd10cm: THIRTEEN_DIAGNOSES.slice(0, 12), hcpcs: ['0002-1433-80', '50242-040-62', '60575-4112-1', '00002-1433-80', '00002143380'].map(drug) })] };
    const [stored] = ok(await app.gql(SUBMIT, { id: contractId, input }, coder.accessToken)).submitCodedBatch.encounters;
    expect(stored.hcpcs.map((line: Untyped) => line.ndc.code)).toEqual(['00002143380', '50242004062', '60575411201', '00002143380', '00002143380']);
    expect(stored.hcpcs[0]).toMatchObject({ diagnosisPointers: [12, 1], ndc: { quantity: 0.5, unit: 'ME' } });
  });

  it('answers one BAD_USER_INPUT naming every offending path, structural and code problems together, and writes nothing', async () => {
    const { coder, contractId } = await signedContract();
    const error = failed(await app.gql(SUBMIT, { id: contractId, input: EVERYTHING_WRONG }, coder.accessToken), 'BAD_USER_INPUT');
    const fields = error.extensions.fields ?? [];
    expect([...fields].sort()).toEqual([...EVERYTHING_WRONG_PATHS].sort());
    // In the batch's order: encounter by encounter.
    const encounterOf = fields.map((path) => Number(path.split('.')[2]));
    expect(encounterOf).toEqual([...encounterOf].sort());
    expect(error.message).toMatch(/^input\.encounters\.0\.icd10cm: icd10cm has 13 diagnoses: a professional claim carries at most 12; /);
    expect(await batchCount(contractId)).toBe(0);
  });

  it('says what is wrong with each path', async () => {
    const { coder, contractId } = await signedContract();
    const [, second, , fourth] = EVERYTHING_WRONG.encounters;
    const error = failed(await app.gql(SUBMIT, { id: contractId, input: { encounters: [second, fourth] } }, coder.accessToken), 'BAD_USER_INPUT');
    expect(error.message).toMatch(/input\.encounters\.0\.cpt\.0\.diagnosisPointers\.0: diagnosis pointer 3 points past the 2 icd10cm of the encounter/);
    expect(error.message).toMatch(/input\.encounters\.0\.cpt\.1\.diagnosisPointers must not repeat a pointer/);
    expect(error.message).toMatch(/input\.encounters\.0\.cpt\.3\.diagnosisPointers: a CPT line needs 1\.\.4 diagnosis pointers/);
    expect(error.message).toMatch(/input\.encounters\.1\.serviceDate: serviceDate 2015-09-30 is before 2015-10-01/);
    expect(error.message).toMatch(/input\.encounters\.1\.cpt\.0\.code: "9921" is not a valid CPT code/);
    expect(error.message).toMatch(/input\.encounters\.1\.hcpcs\.0\.ndc\.code: "6332316501" is not an NDC/);
    const dated = failed(await app.gql(SUBMIT, { id: contractId, input: { encounters: [EVERYTHING_WRONG.encounters[2]] } }, coder.accessToken), 'BAD_USER_INPUT');
    expect(dated.message).toMatch(/serviceDate 2099-01-01 is in the future/);
    expect(dated.message).toMatch(/placeOfService must be an assigned two-digit CMS place of service code/);
    expect(dated.message).toMatch(/renderingNpi must be a 10-digit NPI with a valid check digit/);
  });

  it('refuses a date of service after today in every timezone', async () => {
    const { coder, contractId } = await signedContract();
    const error = failed(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('CH-1', { serviceDate: dateUtc(2) })] } }, coder.accessToken), 'BAD_USER_INPUT');
    expect(error.extensions.fields).toEqual(['input.encounters.0.serviceDate']);
  });

  // The socket serves subscriptions only (websocket-options.ts): submitCodedBatch over graphql-ws is refused before any
  // resolver runs, so a client gets its one BAD_USER_INPUT from HTTP alone and the socket never writes a batch.
  it('refuses submitCodedBatch over the graphql-ws socket before any resolver runs, writing nothing', async () => {
    const { coder, contractId } = await signedContract();
    const socket = await GraphqlSocket.connect(await app.listen(), coder.accessToken);
    try {
      socket.subscribe('bad', SUBMIT, { id: contractId, input: EVERYTHING_WRONG });
      socket.subscribe('good', SUBMIT, { id: contractId, input: { encounters: [encounter('CH-1')] } });
      for (const id of ['bad', 'good']) {
        const answer = await socket.answer(id);
        expect(answer?.type).toBe('error');
        expect(answer?.payload.map((e: Untyped) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
        expect(answer?.payload[0].message).toMatch(/^Only subscriptions are served over the WebSocket/);
      }
      expect(await socket.alive()).toBe(true);
    } finally {
      socket.terminate();
    }
    expect(await batchCount(contractId)).toBe(0);
  });

  it('still refuses an oversized list at once, before any code is looked at', async () => {
    const { coder, contractId } = await signedContract();
    const icd10cm = Array.from({ length: 26 }, () => 'NOT-A-CODE');
    const error = failed(
      await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('CH-1', { icd10cm, cpt: [{ code: '9921', units: 0, diagnosisPointers: [1] }] })] } }, coder.accessToken),
      'BAD_USER_INPUT',
    );
    expect(error.extensions.fields).toContain('input.encounters.0.icd10cm');
    expect(error.extensions.fields).not.toContain('input.encounters.0.cpt.0.code');
  });

  describe('idempotent submission', () => {
    it('answers a retry with the same idempotency key with the same batch, and refuses the key with other content', async () => {
      const { coder, contractId } = await signedContract();
      const input = { encounters: [encounter('CH-1')], idempotencyKey: 'retry-1' };
      const first = ok(await app.gql(SUBMIT, { id: contractId, input }, coder.accessToken)).submitCodedBatch;
      const retry = ok(await app.gql(SUBMIT, { id: contractId, input }, coder.accessToken)).submitCodedBatch;
      expect(retry).toEqual(first);
      const conflict = failed(await app.gql(SUBMIT, { id: contractId, input: { ...input, encounters: [encounter('CH-2')] } }, coder.accessToken), 'CONFLICT');
      expect(conflict.extensions.fields).toEqual(['input.idempotencyKey']);
      expect(await batchCount(contractId)).toBe(1);
      expect(failed(await app.gql(SUBMIT, { id: contractId, input: { ...input, idempotencyKey: 'bad key' } }, coder.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual([
        'input.idempotencyKey',
      ]);
    });

    it('answers an identical submission with the batch still SUBMITTED or ACCEPTED, and takes it again once RETURNED', async () => {
      const { owner, coder, contractId } = await signedContract();
      const input = { encounters: [encounter('CH-1'), encounter('CH-2')] };
      const first = ok(await app.gql(SUBMIT, { id: contractId, input }, coder.accessToken)).submitCodedBatch;
      // The same content written differently normalizes to the same batch.
      const respelled = { encounters: [encounter('CH-1', { icd10cm: ['i10', 'E119'] }), encounter('CH-2')] };
      expect(ok(await app.gql(SUBMIT, { id: contractId, input: respelled }, coder.accessToken)).submitCodedBatch.id).toBe(first.id);
      ok(await app.gql(REVIEW, { id: first.id, input: { accept: false, comments: [{ chartRef: 'CH-1', comment: 'Check the E/M level' }] } }, owner.accessToken));
      const second = ok(await app.gql(SUBMIT, { id: contractId, input }, coder.accessToken)).submitCodedBatch;
      expect(second.id).not.toBe(first.id);
      ok(await app.gql(REVIEW, { id: second.id, input: { accept: true } }, owner.accessToken));
      const third = ok(await app.gql(SUBMIT, { id: contractId, input }, coder.accessToken)).submitCodedBatch;
      expect(third).toMatchObject({ id: second.id, status: 'ACCEPTED' });
      expect(await batchCount(contractId)).toBe(2);
    });

    it('takes an encounter of a chart once per contract: reordered, respelled or mixed into another batch, it is refused while its batch stands', async () => {
      const { owner, coder, contractId } = await signedContract();
      const accepted = ok(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('BILL-1'), encounter('BILL-2')] } }, coder.accessToken)).submitCodedBatch;
      ok(await app.gql(REVIEW, { id: accepted.id, input: { accept: true } }, owner.accessToken));

      // The same charts in another order, one in lower case, or next to a new chart: a second bill for the same work.
      const reordered = failed(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('BILL-2'), encounter('BILL-1')] } }, coder.accessToken), 'CONFLICT');
      expect(reordered.extensions.fields).toEqual(['input.encounters.0.chartRef', 'input.encounters.1.chartRef']);
      expect(reordered.message).toContain(accepted.id);
      const mixed = failed(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('NEW-1'), encounter('bill-1')] } }, coder.accessToken), 'CONFLICT');
      expect(mixed.extensions.fields).toEqual(['input.encounters.1.chartRef']);
      expect(await batchCount(contractId)).toBe(1);

      // Another date of service of the same chart is another encounter; a RETURNED batch frees its charts.
      const later = ok(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('BILL-1', { serviceDate: '2026-09-16' })] } }, coder.accessToken)).submitCodedBatch;
      ok(await app.gql(REVIEW, { id: later.id, input: { accept: false, comments: [{ chartRef: 'BILL-1', comment: 'Wrong date' }] } }, owner.accessToken));
      ok(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('bill-1', { serviceDate: '2026-09-16' })] } }, coder.accessToken));
      expect(await batchCount(contractId)).toBe(3);
    });

    it('creates exactly one batch from 10 identical concurrent submissions, with or without a key', async () => {
      const { coder, contractId } = await signedContract();
      const fire = (input: Record<string, unknown>) => Promise.all(Array.from({ length: 10 }, () => app.gql(SUBMIT, { id: contractId, input }, coder.accessToken)));
      const unkeyed = await fire({ encounters: [encounter('CH-1')] });
      expect(new Set(unkeyed.map((r) => ok(r).submitCodedBatch.id)).size).toBe(1);
      const keyed = await fire({ encounters: [encounter('CH-2')], idempotencyKey: 'burst' });
      expect(new Set(keyed.map((r) => ok(r).submitCodedBatch.id)).size).toBe(1);
      expect(await batchCount(contractId)).toBe(2);
    });

    it('keeps contracts apart: the same content and key on another contract is its own batch, which the first contract’s parties cannot read', async () => {
      const a = await signedContract();
      const b = await signedContract();
      const input = { encounters: [encounter('CH-1')], idempotencyKey: 'shared-key' };
      const batchA = ok(await app.gql(SUBMIT, { id: a.contractId, input }, a.coder.accessToken)).submitCodedBatch;
      const batchB = ok(await app.gql(SUBMIT, { id: b.contractId, input }, b.coder.accessToken)).submitCodedBatch;
      expect(batchB.id).not.toBe(batchA.id);
      failed(await app.gql(BATCH, { id: batchB.id }, a.coder.accessToken), 'NOT_FOUND');
      failed(await app.gql(BATCH, { id: batchB.id }, a.owner.accessToken), 'NOT_FOUND');
      // Another contract's coder cannot submit here, key or not.
      failed(await app.gql(SUBMIT, { id: a.contractId, input }, b.coder.accessToken), 'NOT_FOUND');
      // The practice cannot submit coded work.
      failed(await app.gql(SUBMIT, { id: a.contractId, input }, a.owner.accessToken), 'FORBIDDEN');
    });

    it('stores a keyed hash of the content, not a bare digest that guessed chart references would match', async () => {
      const { coder, contractId } = await signedContract();
      const { id } = ok(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('MRN-0042')] } }, coder.accessToken)).submitCodedBatch;
      const [row] = await app.sql<{ content_hash: string }>('SELECT content_hash FROM coded_batches WHERE id = $1', [id]);
      // The encounters as stored, opened through the entity (the column is sealed at rest).
      const { encounters } = await app.app.get(DataSource).getRepository(CodedBatchEntity).findOneByOrFail({ id });
      const canonical = JSON.stringify([contractId, encounters]);
      expect(row.content_hash).toBe(batchContentHash(batchContentKey(app.config.documentKey), contractId, encounters));
      expect(row.content_hash).not.toBe(createHash('sha256').update(canonical).digest('hex'));
      expect(row.content_hash).not.toContain('MRN-0042');
    });
  });

  // Last: the loaded table stays loaded for the rest of this file's database.
  it('checks the tables on every encounter whose codes are well-formed, so a bad unit and an unknown code are named together', async () => {
    await app.app.get(CodeTablesService).importFile('icd10cm_order_2026.txt', readFileSync(new URL('./fixtures/icd10cm_order_2026.txt', import.meta.url), 'latin1'));
    const { coder, contractId } = await signedContract();
    const input = {
      encounters: [
        encounter('CH-1', { serviceDate: '2026-06-15', icd10cm: ['I10', 'Z99.89'], cpt: [{ code: '99214', units: 0, diagnosisPointers: [1, 2] }] }),
        // A malformed code: the tables are not asked about this encounter's other codes.
        encounter('CH-2', { serviceDate: '2026-06-15', icd10cm: ['Z99.89', '1X'], cpt: [{ code: '99214', units: 1, diagnosisPointers: [1] }] }),
      ],
    };
    const error = failed(await app.gql(SUBMIT, { id: contractId, input }, coder.accessToken), 'BAD_USER_INPUT');
    expect(error.extensions.fields).toEqual(['input.encounters.0.cpt.0.units', 'input.encounters.0.icd10cm.1', 'input.encounters.1.icd10cm.1']);
    expect(error.message).toMatch(/Z99\.89 is not in .*ICD-10-CM.*: unknown code/);
  });
});
