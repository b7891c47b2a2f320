// The bench's 837P workload (`export_837p`): practice 0 (provider-00000) with a billing profile, an
// ACTIVE contract with coder 0 whose BAA both parties signed, and one ACCEPTED coded batch of 500
// encounters with claim data for every encounter. The sealed columns (the batch's encounters, each
// encounter's claim payload) are written by the app's own sealing code under the key the bench starts
// the app with, so the export really opens them. Seeded only when the workload is wanted.
import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../src/bootstrap/typeorm-options.js';
import { queryRows } from '../src/database/query-rows.js';
import { NdcUnit } from '../src/domain/ndc.js';
import { Specialty } from '../src/domain/specialty.enum.js';
import { CURRENT_BAA } from '../src/workroom/baa/agreements.js';
import { CodedBatchEntity, CodedBatchStatus, type CodedEncounter, type CodedLine } from '../src/workroom/coded-batch.entity.js';
import { batchContentHash, batchContentKey, chartKey } from '../src/workroom/batch-content-hash.js';
import { sealClaimPayload } from '../src/workroom/claims/encounter-claim-data.service.js';
import { EncounterClaimDataEntity } from '../src/workroom/claims/encounter-claim-data.entity.js';
import type { EncounterClaimPayload, X12Person } from '../src/workroom/claims/x12-837p.js';
import { useSealedColumnKey } from '../src/workroom/sealed-column.js';
import { prng, type Rng, seedId, seedNpi } from './seed-data.js';

export const CLAIM_ENCOUNTERS = 500;
/** The batch the workload exports, and the practice owner who may export it. */
export const CLAIMS_BATCH_ID = seedId('claims-batch', 0);
export const CLAIMS_PRACTICE_EMAIL = 'provider-00000@seed.chartbridge.test';

// Common outpatient diagnoses (ICD-10-CM, billable codes of FY2026) and procedures, as a family practice bills them.
const DIAGNOSES = [
  'I10',
  'E11.9',
  'E78.5',
  'E66.9',
  'J06.9',
  'J45.909',
  'M54.50',
  'M17.11',
  'K21.9',
  'F41.1',
  'F32.A',
  'N39.0',
  'R05.9',
  'G47.33',
  'E03.9',
  'I25.10',
  'Z00.00',
  'Z23',
  'L03.115',
  'H10.9',
];
const VISITS = ['99212', '99213', '99213', '99214', '99214', '99215', '99203', '99204'];
/** Procedures billed with a visit (the visit then takes modifier 25), with their usual modifiers. */
const PROCEDURES: { code: string; modifiers: string[] }[] = [
  { code: '36415', modifiers: [] },
  { code: '81002', modifiers: [] },
  { code: '93000', modifiers: [] },
  { code: '85025', modifiers: [] },
  { code: '80053', modifiers: [] },
  { code: '20610', modifiers: ['RT'] },
  { code: '20610', modifiers: ['LT', '59'] },
  { code: '96372', modifiers: [] },
  { code: '90471', modifiers: [] },
];
/** Drug lines (HCPCS with the drug's NDC, 837P LIN/CTP) and a vaccine product. */
const DRUGS: { code: string; units: number; ndc: NonNullable<CodedLine['ndc']> }[] = [
  { code: 'J1100', units: 4, ndc: { code: '00009004701', quantity: 4, unit: NdcUnit.ML } },
  { code: 'J3301', units: 4, ndc: { code: '00003029305', quantity: 1, unit: NdcUnit.ML } },
  { code: 'J0696', units: 4, ndc: { code: '00409733201', quantity: 1, unit: NdcUnit.UN } },
];
const PAYERS = [
  { name: 'Medicare Part B', id: '04412', filing: 'MB' },
  { name: 'Blue Cross Blue Shield of Texas', id: '84980', filing: 'BL' },
  { name: 'Aetna', id: '60054', filing: 'CI' },
  { name: 'UnitedHealthcare', id: '87726', filing: 'CI' },
  { name: 'Texas Medicaid', id: '617591011', filing: 'MC' },
];
const LAST = ['Garcia', 'Nguyen', 'Smith', 'Johnson', "O'Brien", 'Patel', 'Kim', 'Hernandez', 'Brown', 'Davis', 'Lopez', 'Wilson'];
const FIRST = ['Maria', 'James', 'Linh', 'Robert', 'Aisha', 'David', 'Sofia', 'Michael', 'Emma', 'Daniel', 'Grace', 'Luis'];
const STREETS = ['Elm St', 'Oak Ave', 'Congress Ave', 'Lamar Blvd', 'Guadalupe St', 'Burnet Rd'];

const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

function person(rng: Rng, born: { from: number; to: number }): X12Person {
  return {
    lastName: rng.pick(LAST),
    firstName: rng.pick(FIRST),
    middleName: rng.chance(0.3) ? rng.pick(['A', 'J', 'M', 'R']) : null,
    dateOfBirth: `${rng.int(born.from, born.to)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    gender: rng.pick(['F', 'M'] as const),
    address: { line1: `${rng.int(10, 9999)} ${rng.pick(STREETS)}`, line2: rng.chance(0.2) ? `Apt ${rng.int(1, 40)}` : null, city: 'Austin', state: 'TX', zip: `787${rng.int(10, 59)}` },
  };
}

/** One office encounter: 1 to 6 diagnoses, a visit, sometimes a procedure and a drug line, each line pointing at 1 to 4 of the diagnoses. */
function encounter(rng: Rng, index: number, renderingNpis: string[]): CodedEncounter {
  const icd10cm = [...new Set(Array.from({ length: rng.int(1, 6) }, () => rng.pick(DIAGNOSES)))];
  const pointers = () => [...new Set([1, ...Array.from({ length: rng.int(0, 3) }, () => rng.int(1, icd10cm.length))])].slice(0, 4);
  const procedure = rng.chance(0.4) ? rng.pick(PROCEDURES) : null;
  const drug = rng.chance(0.15) ? rng.pick(DRUGS) : null;
  const cpt: CodedLine[] = [{ code: rng.pick(VISITS), modifiers: procedure || drug ? ['25'] : [], units: 1, diagnosisPointers: pointers() }];
  if (procedure) cpt.push({ code: procedure.code, modifiers: procedure.modifiers, units: 1, diagnosisPointers: pointers() });
  return {
    chartRef: `MRN-${String(100000 + index)}`,
    serviceDate: isoDay(Date.now() - rng.int(3, 60) * 86_400_000),
    placeOfService: rng.chance(0.9) ? '11' : '10',
    renderingNpi: rng.pick(renderingNpis),
    billingNpi: null,
    icd10cm,
    icd10pcs: [],
    cpt,
    hcpcs: drug ? [{ code: drug.code, modifiers: [], units: drug.units, diagnosisPointers: [1], ndc: drug.ndc }] : [],
  };
}

function claimPayload(rng: Rng, index: number, e: CodedEncounter): EncounterClaimPayload {
  const payer = rng.pick(PAYERS);
  const relationship = payer.filing === 'MB' ? 'SELF' : rng.pick(['SELF', 'SELF', 'SELF', 'SPOUSE', 'CHILD'] as const);
  return {
    patient: person(rng, relationship === 'CHILD' ? { from: 2010, to: 2022 } : payer.filing === 'MB' ? { from: 1935, to: 1960 } : { from: 1960, to: 2000 }),
    relationship,
    subscriber: relationship === 'SELF' ? null : person(rng, { from: 1960, to: 1995 }),
    memberId: `M${String(rng.int(10_000_000, 99_999_999))}`,
    groupNumber: payer.filing === 'CI' || payer.filing === 'BL' ? `GRP${rng.int(1000, 9999)}` : null,
    payerName: payer.name,
    payerId: payer.id,
    claimFilingIndicator: payer.filing,
    patientAccountNumber: `ACC${String(500000 + index)}`,
    renderingProvider: { lastName: rng.pick(LAST), firstName: rng.pick(FIRST) },
    cptChargeCents: e.cpt.map((line) => (line.code.startsWith('992') ? rng.int(110, 260) * 100 : rng.int(15, 180) * 100 + 50)),
    hcpcsChargeCents: e.hcpcs.map(() => rng.int(20, 90) * 100),
  };
}

/** Seeds the workload's rows (skipped when the batch is already there); `documentKey` is the master key the app runs with. */
export async function seedClaims(databaseUrl: string, documentKey: Buffer): Promise<number> {
  const rng = prng(837);
  const dataSource = new DataSource(typeOrmOptions(databaseUrl, { migrationsRun: false, poolSize: 1 }));
  await dataSource.initialize();
  try {
    if ((await queryRows(dataSource, `SELECT 1 FROM coded_batches WHERE id = $1`, [CLAIMS_BATCH_ID])).length) return 0;
    // The app's column key, so the repository below seals `encounters` as the app would.
    useSealedColumnKey(documentKey);
    const [practice] = await queryRows<{ organizationId: string; ownerId: string }>(
      dataSource,
      `SELECT o.id AS "organizationId", m.user_id AS "ownerId" FROM memberships m JOIN organizations o ON o.id = m.organization_id WHERE m.email = $1`,
      [CLAIMS_PRACTICE_EMAIL],
    );
    const coderId = seedId('coder-user', 0);
    const [postingId, bidId, contractId] = [seedId('claims-job', 0), seedId('claims-bid', 0), seedId('claims-contract', 0)];
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO practice_billing_profiles (organization_id, line1, line2, city, state, zip, ein, taxonomy, contact_name, contact_phone, contact_email, submitter_id, clearinghouse_name, clearinghouse_id)
         VALUES ($1, '100 Congress Ave', 'Suite 400', 'Austin', 'TX', '787011234', '741234567', '207Q00000X', 'Pat Billing', '5125550100', 'billing@seed.chartbridge.test', 'SEEDPRACT0001', 'Acme Clearinghouse', 'ACMECH')
         ON CONFLICT DO NOTHING`,
        [practice.organizationId],
      );
      await manager.query(
        `INSERT INTO job_postings (id, organization_id, posted_by_id, title, description, specialty, code_sets, work_type, setting, timezone, required_credential_types, charts_per_week, turnaround_hours, accuracy_target_bps, pay_model, rate_cents, requires_baa, positions, status)
         VALUES ($1, $2, $3, 'Family medicine coder needed', '500 outpatient charts a week of family medicine, claim-ready.', 'FAMILY_PRACTICE', '{ICD10CM,CPT}', 'CODING', 'OUTPATIENT', 'America/Chicago', '{}', 500, 48, 9500, 'PER_CHART', 400, true, 1, 'FILLED')`,
        [postingId, practice.organizationId, practice.ownerId],
      );
      await manager.query(
        `INSERT INTO bids (id, job_posting_id, coder_id, submitted_by_id, pay_model, rate_cents, cover_letter, estimated_turnaround_hours, status) VALUES ($1, $2, $3, $3, 'PER_CHART', 400, 'Family medicine E/M and procedures daily.', 48, 'ACCEPTED')`,
        [bidId, postingId, coderId],
      );
      await manager.query(
        `INSERT INTO contracts (id, job_posting_id, bid_id, organization_id, coder_id, pay_model, rate_cents, platform_fee_bps, baa_required) VALUES ($1, $2, $3, $4, $5, 'PER_CHART', 400, 1000, true)`,
        [contractId, postingId, bidId, practice.organizationId, coderId],
      );
      for (const [party, signerId] of [
        ['provider', practice.ownerId],
        ['coder', coderId],
      ])
        await manager.query(`INSERT INTO baa_signatures (contract_id, party, signer_id, agreement_version, agreement_sha256, ip) VALUES ($1, $2, $3, $4, $5, '127.0.0.1')`, [
          contractId,
          party,
          signerId,
          CURRENT_BAA.version,
          CURRENT_BAA.sha256,
        ]);

      const renderingNpis = Array.from({ length: 4 }, (_, k) => seedNpi(900_000 + k));
      const encounters = Array.from({ length: CLAIM_ENCOUNTERS }, (_, i) => encounter(rng, i, renderingNpis));
      const contentKey = batchContentKey(documentKey);
      await manager.getRepository(CodedBatchEntity).insert({
        id: CLAIMS_BATCH_ID,
        contractId,
        specialty: Specialty.FAMILY_PRACTICE,
        submittedById: coderId,
        codingCompanyId: null,
        encounters,
        encounterCount: encounters.length,
        status: CodedBatchStatus.ACCEPTED,
        reviewedAt: new Date(),
        contentHash: batchContentHash(contentKey, contractId, encounters),
        chartKeys: encounters.map((e) => chartKey(contentKey, contractId, e)),
      });
      const rows = encounters.map((e, i) => ({
        batchId: CLAIMS_BATCH_ID,
        encounterIndex: i,
        contractId,
        updatedById: practice.ownerId,
        ...sealClaimPayload(documentKey, CLAIMS_BATCH_ID, i, claimPayload(rng, i, e)),
      }));
      await manager.getRepository(EncounterClaimDataEntity).insert(rows);
    });
    return CLAIM_ENCOUNTERS;
  } finally {
    await dataSource.destroy();
  }
}
