import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PhiRetentionService } from '../src/workroom/phi-retention.service.js';
import { coders, failed, given, ok, postJob, Session } from './support/given.js';
import { backdateContract, signBaa } from './support/money.js';
import { TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const BAA_TEXT = `{ businessAssociateAgreement { version text sha256 effectiveOn } }`;
const BAA_OF = `query($id: ID!) { contract(id: $id) { id baa { required complete agreementVersion agreementSha256 providerSignedAt coderSignedAt subcontractorBaa } } }`;
const SUBMIT = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { id encounters { chartRef } } }`;
const BATCH = `query($id: ID!) { codedBatch(id: $id) { id encounters { chartRef } reviewComments { chartRef comment } } }`;
const REVIEW = `mutation($id: ID!, $input: ReviewCodedBatchInput!) { reviewCodedBatch(batchId: $id, input: $input) { id status reviewComments { chartRef comment } } }`;
const AUDIT = `mutation($id: ID!, $input: AuditCodedBatchInput!) { auditCodedBatch(batchId: $id, input: $input) { id auditSampled auditErrors } }`;
const END = `mutation($id: ID!) { endContract(id: $id) { id status } }`;
const DESTRUCTION = `query($id: ID!) { contract(id: $id) { id phiDestruction { destroyedAt contractEndedAt retentionDays documents batches encounters otherStores { store count } remains } } }`;
const SIGN_SUB = `mutation($o: ID!) { signSubcontractorBaa(organizationId: $o) { id organizationId coderId agreementVersion agreementSha256 coderSignedAt countersignedAt } }`;
const COUNTERSIGN = `mutation($o: ID!, $c: ID!) { countersignSubcontractorBaa(organizationId: $o, coderId: $c) { id countersignedAt } }`;
const SUB_BAAS = `query($o: ID!) { subcontractorBaas(organizationId: $o) { edges { node { coderId countersignedAt } } } }`;
const SET_CLAIM_DATA = `mutation($id: ID!, $input: EncounterClaimDataInput!) { setEncounterClaimData(batchId: $id, input: $input) { chartRef supplied } }`;
const CLAIM_DATA = (chartRef: string) => ({
  chartRef,
  patient: { lastName: 'Retained', firstName: 'Patient', dateOfBirth: '1960-04-15', gender: 'F', address: { line1: '5 Elm St', city: 'Austin', state: 'TX', zip: '78702' } },
  relationship: 'SELF',
  memberId: 'XYZ123456',
  payerName: 'Big Payer',
  payerId: 'BP001',
  claimFilingIndicator: 'CI',
});
const PDF = (marker: string) => Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${marker}\n%%EOF\n`);

const encounter = (chartRef: string) => ({ chartRef, serviceDate: '2026-11-02', icd10cm: ['I10'], cpt: [{ code: '99214', modifiers: [], units: 1, diagnosisPointers: [1] }] });

describe('PHI posture', () => {
  let app: TestApp;
  let logDir: string;
  let logFile: string;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;

  beforeAll(async () => {
    logDir = mkdtempSync(join(tmpdir(), 'chartbridge-phi-log-'));
    logFile = join(logDir, 'app.log');
    app = await TestApp.start({ LOG_LEVEL: 'trace', LOG_FILE: logFile, PHI_RETENTION_DAYS: '30' });
    a = given(app);
    c = coders(app);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  const upload = (session: Session, contractId: string, bytes: Buffer) =>
    app.http().post(`/contracts/${contractId}/documents`).set('authorization', `Bearer ${session.accessToken}`).attach('file', bytes, { filename: 'chart.pdf', contentType: 'application/pdf' });
  const download = (session: Session, documentId: string) => app.http().get(`/documents/${documentId}`).set('authorization', `Bearer ${session.accessToken}`);
  const retention = () => app.app.get(PhiRetentionService);

  /** A practice hires a coder directly on a posting of `job`'s kind; nobody signs anything. */
  async function directContract(job: Record<string, unknown> = {}): Promise<{ owner: Session; coder: Session; contractId: string }> {
    const { owner, organization } = await a.practice();
    const posting = await postJob(app, owner, organization.id, job);
    const { coder } = await c.verifiedCoder();
    const bid = ok(
      await app.gql(`mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`, { input: { jobPostingId: posting.id, coverLetter: 'Ready.', rateCents: 400 } }, coder.accessToken),
    );
    const contractId = ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: bid.submitBid.id }, owner.accessToken)).acceptBid.id as string;
    return { owner, coder, contractId };
  }

  it('requires the BAA on a coding contract whose posting said requiresBaa: false, until both parties sign', async () => {
    const { owner, coder, contractId } = await directContract({ workType: 'CODING', requiresBaa: false });
    const [posting] = await app.sql<{ requires_baa: boolean }>(`SELECT p.requires_baa FROM job_postings p JOIN contracts k ON k.job_posting_id = p.id WHERE k.id = $1`, [contractId]);
    expect(posting.requires_baa).toBe(true);
    expect(ok(await app.gql(BAA_OF, { id: contractId }, owner.accessToken)).contract.baa).toMatchObject({ required: true, complete: false, subcontractorBaa: null });

    const refused = failed(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('MRN-1')] } }, coder.accessToken), 'CONFLICT');
    expect(refused.extensions.reason).toBe('BAA_NOT_SIGNED');
    expect((await upload(owner, contractId, PDF('before-baa'))).status).toBe(409);
    await signBaa(app, contractId, owner);
    failed(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('MRN-1')] } }, coder.accessToken), 'CONFLICT');
    await signBaa(app, contractId, coder);
    ok(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('MRN-1')] } }, coder.accessToken));
    expect((await upload(owner, contractId, PDF('after-baa'))).status).toBe(201);
  });

  it('serves the BAA text with its SHA-256 and records the version and hash each party signed', async () => {
    const { businessAssociateAgreement: baa } = ok(await app.gql(BAA_TEXT));
    expect(baa.sha256).toBe(createHash('sha256').update(baa.text, 'utf8').digest('hex'));
    expect(baa).toMatchObject({ version: expect.stringContaining('Business Associate Agreement'), effectiveOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(baa.text).toMatch(/Subcontractors/);

    const { owner, coder, contractId } = await directContract({ workType: 'BILLING' });
    await signBaa(app, contractId, owner, coder);
    const rows = await app.sql<{ party: string; agreement_version: string; agreement_sha256: string; ip: string | null }>(
      `SELECT party, agreement_version, agreement_sha256, ip FROM baa_signatures WHERE contract_id = $1 ORDER BY party`,
      [contractId],
    );
    expect(rows).toEqual([
      { party: 'coder', agreement_version: baa.version, agreement_sha256: baa.sha256, ip: expect.any(String) },
      { party: 'provider', agreement_version: baa.version, agreement_sha256: baa.sha256, ip: expect.any(String) },
    ]);
    expect(ok(await app.gql(BAA_OF, { id: contractId }, coder.accessToken)).contract.baa).toMatchObject({ required: true, complete: true, agreementVersion: baa.version, agreementSha256: baa.sha256 });
    // Signing again changes nothing; ten concurrent signatures still leave one row per party.
    await Promise.all(Array.from({ length: 10 }, () => signBaa(app, contractId, coder)));
    expect(await app.sql(`SELECT 1 FROM baa_signatures WHERE contract_id = $1`, [contractId])).toHaveLength(2);
  });

  it("refuses a coding company's coder PHI until the coder's subcontractor BAA is signed and countersigned; the practice sees only that the chain exists", async () => {
    const boss = await a.coder();
    const company = ok(await app.gql(`mutation { createOrganization(input: { name: "Precision Coding LLC", kind: CODING_COMPANY }) { id } }`, {}, boss.accessToken)).createOrganization.id as string;
    const worker = await a.member(boss, company, 'MEMBER', (await c.verifiedCoder()).coder);
    const other = await a.member(boss, company, 'MEMBER', (await c.verifiedCoder()).coder);
    const { owner, organization } = await a.practice();
    const job = await postJob(app, owner, organization.id, { workType: 'AUDITING' });
    const bid = ok(
      await app.gql(
        `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`,
        { input: { coverLetter: 'Ready.', jobPostingId: job.id, rateCents: 400, organizationId: company, assignedCoderId: worker.user.id } },
        boss.accessToken,
      ),
    ).submitBid.id;
    const contractId = ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: bid }, owner.accessToken)).acceptBid.id as string;
    await signBaa(app, contractId, owner, boss);
    expect(ok(await app.gql(BAA_OF, { id: contractId }, owner.accessToken)).contract.baa).toMatchObject({ complete: true, subcontractorBaa: false });

    const submit = (session: Session, ref: string) => app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter(ref)] } }, session.accessToken);
    expect(failed(await submit(worker, 'MRN-W1'), 'CONFLICT').extensions.reason).toBe('SUBCONTRACTOR_BAA_NOT_SIGNED');
    // The coder signs: not yet enough. A MEMBER cannot countersign; another company's owner does not see it.
    const signed = ok(await app.gql(SIGN_SUB, { o: company }, worker.accessToken)).signSubcontractorBaa;
    const { businessAssociateAgreement: baa } = ok(await app.gql(BAA_TEXT));
    expect(signed).toMatchObject({ organizationId: company, coderId: worker.user.id, agreementVersion: baa.version, agreementSha256: baa.sha256, countersignedAt: null });
    expect(failed(await submit(worker, 'MRN-W1'), 'CONFLICT').extensions.reason).toBe('SUBCONTRACTOR_BAA_NOT_SIGNED');
    failed(await app.gql(COUNTERSIGN, { o: company, c: worker.user.id }, other.accessToken), 'FORBIDDEN');
    failed(await app.gql(COUNTERSIGN, { o: company, c: worker.user.id }, owner.accessToken), 'NOT_FOUND');
    failed(await app.gql(SUB_BAAS, { o: company }, owner.accessToken), 'NOT_FOUND');
    failed(await app.gql(COUNTERSIGN, { o: company, c: other.user.id }, boss.accessToken), 'NOT_FOUND');
    // A practice is no coding company.
    failed(await app.gql(SIGN_SUB, { o: organization.id }, owner.accessToken), 'CONFLICT');

    // Two managers' concurrent countersignatures: one row, countersigned once.
    const [first, second] = await Promise.all([app.gql(COUNTERSIGN, { o: company, c: worker.user.id }, boss.accessToken), app.gql(COUNTERSIGN, { o: company, c: worker.user.id }, boss.accessToken)]);
    expect(ok(first).countersignSubcontractorBaa.countersignedAt).toBe(ok(second).countersignSubcontractorBaa.countersignedAt);
    ok(await submit(worker, 'MRN-W1'));
    expect(ok(await app.gql(BAA_OF, { id: contractId }, owner.accessToken)).contract.baa).toMatchObject({ complete: true, subcontractorBaa: true });

    // The company's managers see every coder's; a coder their own.
    ok(await app.gql(SIGN_SUB, { o: company }, other.accessToken));
    expect(
      ok(await app.gql(SUB_BAAS, { o: company }, boss.accessToken))
        .subcontractorBaas.edges.map((edge: { node: { coderId: string } }) => edge.node.coderId)
        .sort(),
    ).toEqual([worker.user.id, other.user.id].sort());
    expect(ok(await app.gql(SUB_BAAS, { o: company }, worker.accessToken)).subcontractorBaas.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { coderId: worker.user.id, countersignedAt: expect.any(String) },
    ]);
  });

  it('keeps chart references out of the database text and the logs', async () => {
    const { owner, coder, contractId } = await directContract();
    await signBaa(app, contractId, owner, coder);
    const ref = `MRN-SECRET-${Date.now()}`;
    const batch = ok(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter(ref), encounter(`${ref}-2`)] } }, coder.accessToken)).submitCodedBatch;
    expect(batch.encounters).toEqual([{ chartRef: ref }, { chartRef: `${ref}-2` }]);
    const reviewed = ok(await app.gql(REVIEW, { id: batch.id, input: { accept: false, comments: [{ chartRef: ref, comment: `fix ${ref} modifier` }] } }, owner.accessToken)).reviewCodedBatch;
    expect(reviewed.reviewComments).toEqual([{ chartRef: ref, comment: `fix ${ref} modifier` }]);
    // A refused batch echoes the chart ref to the caller only.
    const refused = failed(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter(`${ref}-3`), encounter(`${ref}-3`)] } }, coder.accessToken), 'BAD_USER_INPUT');
    expect(refused.message).toContain(`${ref}-3`);
    expect(ok(await app.gql(BATCH, { id: batch.id }, owner.accessToken)).codedBatch.encounters).toEqual([{ chartRef: ref }, { chartRef: `${ref}-2` }]);
    ok(await app.gql(`query($id: ID!) { codedBatchCsv(id: $id) }`, { id: batch.id }, coder.accessToken));

    const dump = await app.sql<{ text: string }>(
      `SELECT concat_ws(' ', (SELECT string_agg(b::text, ' ') FROM coded_batches b), (SELECT string_agg(e::text, ' ') FROM audit_events e), (SELECT string_agg(n::text, ' ') FROM notifications n), (SELECT string_agg(o::text, ' ') FROM outbox_jobs o)) AS text`,
    );
    expect(dump[0].text).toContain(batch.id);
    expect(dump[0].text).not.toContain('MRN-SECRET');
    const [row] = await app.sql<{ encounters: string }>(`SELECT encounters::text FROM coded_batches WHERE id = $1`, [batch.id]);
    expect(JSON.parse(row.encounters)).toEqual({ sealed: expect.any(String) });

    // The request lines of this test are in the log (so the log is being written), and no chart ref is.
    await eventually(
      async () =>
        existsSync(logFile) &&
        readFileSync(logFile, 'utf8')
          .split('\n')
          .filter((line) => line.includes('/graphql')).length >= 5,
      'request lines logged',
    );
    expect(readFileSync(logFile, 'utf8')).not.toContain('MRN-SECRET');
  });

  describe('retention', () => {
    /** An ended contract with a document and an accepted, audited batch; `endedDaysAgo` back. */
    async function endedContractWithPhi(endedDaysAgo: number) {
      const { owner, coder, contractId } = await directContract();
      await signBaa(app, contractId, owner, coder);
      const marker = `retention-marker-${contractId}`;
      const document = (await upload(owner, contractId, PDF(marker))).body as { id: string };
      const batch = ok(await app.gql(SUBMIT, { id: contractId, input: { encounters: [encounter('MRN-R1'), encounter('MRN-R2'), encounter('MRN-R3')] } }, coder.accessToken)).submitCodedBatch;
      ok(await app.gql(REVIEW, { id: batch.id, input: { accept: true, comments: [] } }, owner.accessToken));
      const finding = { category: 'WRONG_CODE', chartRef: 'MRN-R1', note: 'MRN-R1: the note names the chart' };
      ok(await app.gql(AUDIT, { id: batch.id, input: { sampled: 3, errors: 1, findings: [finding] } }, owner.accessToken));
      ok(await app.gql(SET_CLAIM_DATA, { id: batch.id, input: CLAIM_DATA('MRN-R2') }, owner.accessToken));
      ok(await app.gql(END, { id: contractId }, owner.accessToken));
      await backdateContract(app, contractId, endedDaysAgo + 10, endedDaysAgo);
      return { owner, coder, contractId, documentId: document.id, batchId: batch.id as string };
    }
    const storedFiles = () => readdirSync(join(app.config.env.DATA_DIR, 'documents')).filter((name) => name.endsWith('.enc'));

    it('keeps PHI during the retention period, destroys it after, once, with a record both parties read and nobody else', async () => {
      const recent = await endedContractWithPhi(29);
      const old = await endedContractWithPhi(31);
      const [oldDocument] = await app.sql<{ storage_key: string }>(`SELECT storage_key FROM documents WHERE id = $1`, [old.documentId]);
      expect(storedFiles()).toContain(`${oldDocument.storage_key}.enc`);

      // Two instances' runs at once: the old contract is destroyed exactly once.
      const runs = await Promise.all([retention().destroyExpired(), retention().destroyExpired()]);
      expect(runs.reduce((sum, n) => sum + n, 0)).toBe(1);
      expect(await retention().destroyExpired()).toBe(0);

      // Within the period: untouched.
      expect(ok(await app.gql(DESTRUCTION, { id: recent.contractId }, recent.owner.accessToken)).contract.phiDestruction).toBeNull();
      const [kept] = await app.sql<{ wrapped_key: Buffer | null; encounters: unknown }>(`SELECT d.wrapped_key, b.encounters FROM documents d, coded_batches b WHERE d.id = $1 AND b.id = $2`, [
        recent.documentId,
        recent.batchId,
      ]);
      expect(kept.wrapped_key).not.toBeNull();
      expect(kept.encounters).toEqual({ sealed: expect.any(String) });
      const claimRows = (contractId: string) => app.sql(`SELECT 1 FROM encounter_claim_data d JOIN coded_batches b ON b.id = d.batch_id WHERE b.contract_id = $1`, [contractId]);
      expect(await claimRows(recent.contractId)).toHaveLength(1);
      // The patient demographics the practice supplied for the 837P are destroyed with the rest.
      expect(await claimRows(old.contractId)).toHaveLength(0);

      // After it: the file and its key gone, the encounters emptied; counts, audits and billing facts kept.
      expect(storedFiles()).not.toContain(`${oldDocument.storage_key}.enc`);
      const [gone] = await app.sql<{ wrapped_key: Buffer | null; storage_key: string | null; destroyed_at: Date | null; size_bytes: number }>(
        `SELECT wrapped_key, storage_key, destroyed_at, size_bytes FROM documents WHERE id = $1`,
        [old.documentId],
      );
      expect(gone).toMatchObject({ wrapped_key: null, storage_key: null, destroyed_at: expect.any(Date) });
      const [batch] = await app.sql<{ encounters: unknown; review_comments: unknown; encounter_count: number; audit_sampled: number; audit_errors: number; status: string }>(
        `SELECT encounters, review_comments, encounter_count, audit_sampled, audit_errors, status FROM coded_batches WHERE id = $1`,
        [old.batchId],
      );
      expect(batch).toMatchObject({ encounter_count: 3, audit_sampled: 3, audit_errors: 1, status: 'ACCEPTED' });
      const [opened] = await app.sql<{ text: string }>(`SELECT encounters::text AS text FROM coded_batches WHERE id = $1`, [old.batchId]);
      expect(opened.text).not.toContain('MRN-R1');
      // The audit's findings keep their category and count; their free text is gone.
      expect(await app.sql(`SELECT category, note FROM audit_findings WHERE batch_id = $1`, [old.batchId])).toEqual([{ category: 'WRONG_CODE', note: null }]);
      const [sealedNote] = await app.sql<{ text: string }>(`SELECT note::text AS text FROM audit_findings WHERE batch_id = $1`, [recent.batchId]);
      expect(sealedNote.text).not.toContain('MRN-R1'); // within the period: kept, sealed at rest

      const record = {
        destroyedAt: expect.any(String),
        contractEndedAt: expect.any(String),
        retentionDays: 30,
        documents: 1,
        batches: 1,
        encounters: 3,
        otherStores: expect.arrayContaining([
          { store: 'encounter claim data', count: 1 },
          { store: 'audit finding texts', count: 1 },
        ]),
        remains: expect.arrayContaining([expect.stringContaining('accuracy audits')]),
      };
      for (const party of [old.owner, old.coder]) expect(ok(await app.gql(DESTRUCTION, { id: old.contractId }, party.accessToken)).contract.phiDestruction).toEqual(record);
      const admin = await a.admin();
      failed(await app.gql(DESTRUCTION, { id: old.contractId }, admin.accessToken), 'FORBIDDEN');
      failed(await app.gql(DESTRUCTION, { id: old.contractId }, recent.owner.accessToken), 'NOT_FOUND');
      const [event] = await app.sql<{ actor_id: string | null; outcome: string; detail: string }>(
        `SELECT actor_id, outcome, detail FROM audit_events WHERE contract_id = $1 AND action = 'DESTROY_PHI'`,
        [old.contractId],
      );
      expect(event).toMatchObject({ actor_id: null, outcome: 'ALLOWED', detail: expect.stringContaining('1 document(s)') });
      expect(await app.sql(`SELECT 1 FROM audit_events WHERE action = 'DESTROY_PHI'`)).toHaveLength(1);

      // Reading the PHI now answers why; the accuracy it fed is still there.
      const read = failed(await app.gql(BATCH, { id: old.batchId }, old.owner.accessToken), 'CONFLICT');
      expect(read.extensions.reason).toBe('PHI_DESTROYED');
      const fetched = await download(old.coder, old.documentId);
      expect([fetched.status, fetched.body.reason]).toEqual([409, 'PHI_DESTROYED']);
    });

    it('keeps the PHI of a contract in dispute, whatever its dates', async () => {
      const { owner, coder, contractId } = await directContract({ payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 });
      await signBaa(app, contractId, owner, coder);
      const document = (await upload(owner, contractId, PDF(`dispute-${contractId}`))).body as { id: string };
      const { createMilestone } = ok(
        await app.gql(`mutation($c: ID!) { createMilestone(contractId: $c, input: { title: "Backlog", amountCents: 20000 }) { id } }`, { c: contractId }, owner.accessToken),
      );
      ok(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: createMilestone.id }, owner.accessToken));
      await eventually(async () => (await app.sql<{ status: string }>('SELECT status FROM milestones WHERE id = $1', [createMilestone.id]))[0].status === 'FUNDED', 'milestone funded');
      ok(await app.gql(`mutation($id: ID!) { openDispute(contractId: $id, reason: "Charts missing") { id } }`, { id: contractId }, owner.accessToken));
      await backdateContract(app, contractId, 400, 365);

      expect(await retention().destroyExpired()).toBe(0);
      expect(ok(await app.gql(DESTRUCTION, { id: contractId }, owner.accessToken)).contract.phiDestruction).toBeNull();
      const [kept] = await app.sql<{ wrapped_key: Buffer | null }>(`SELECT wrapped_key FROM documents WHERE id = $1`, [document.id]);
      expect(kept.wrapped_key).not.toBeNull();
      expect((await download(coder, document.id)).status).toBe(200);
    });
  });
});
