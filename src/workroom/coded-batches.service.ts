import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Repository } from 'typeorm';
import type { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { byCreatedAt, paginate } from '../common/pagination/paginate.js';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { byKeys, groupByKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { CredentialsService } from '../coders/credentials.service.js';
import { BillableBatch, BillableBatches } from '../contracts/billable-batches.js';
import { InvoicesService } from '../contracts/invoices.service.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { ContractStatus } from '../contracts/contract-status.enum.js';
import { todayUtc } from '../common/scalars/local-date.scalar.js';
import { deferredInputProblems, InputProblem } from '../common/validation/deferred-input-problems.js';
import { AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { normalizeNdc } from '../domain/ndc.js';
import { Specialty } from '../domain/specialty.enum.js';
import { UserRole } from '../domain/user-role.enum.js';
import { PayModel } from '../domain/work.enums.js';
import { JobPostingsService } from '../jobs/job-postings.service.js';
import { NotificationKind } from '../notifications/notification-kind.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { AuditContext } from './audit-log.service.js';
import { AuditFindingsService, resolveFindings } from './audits/audit-findings.service.js';
import { batchContentHash, batchContentKey, chartKey } from './batch-content-hash.js';
import { CodedBatchEntity, CodedBatchStatus, CodedEncounter, CodedLine } from './coded-batch.entity.js';
import { normalizeCpt, normalizeHcpcs, normalizeIcd10Cm, normalizeIcd10Pcs, normalizeModifier } from './codes/code-syntax.js';
import { CodeTablesService } from './codes/code-tables.service.js';
import type { CodingWarning } from './codes/coding-warning.js';
import { AuditCodedBatchInput, CodedLineInput, ReviewCodedBatchInput, SubmitCodedBatchInput } from './dto/coded-batch.models.js';
import { WorkroomAccessService } from './workroom-access.service.js';
import { WorkRequestsService } from './work-requests/work-requests.service.js';

/** A coder's audited charts and errors in one specialty. */
export interface SpecialtyAudits {
  specialty: Specialty;
  sampled: number;
  errors: number;
}

/** The first date of service coded in ICD-10 (before it, claims carry ICD-9). */
const ICD10_START = '2015-10-01';
/** A professional claim (837P HI, CMS-1500 box 21) carries at most 12 diagnoses. */
const MAX_CLAIM_DIAGNOSES = 12;
// The latest calendar date anywhere (UTC+14): "today" for a practice in any timezone, at most tomorrow in UTC.
const AHEAD_OF_UTC_MS = 14 * 3600 * 1000;

/**
 * Coded work returned by the coder, reviewed and audited by the practice. Its accepted batches are
 * what per-chart invoices bill (`BillableBatches`, registered with InvoicesService): each batch
 * once, its encounters as the charts.
 */
@Injectable()
export class CodedBatchesService implements OnModuleInit, BillableBatches {
  constructor(
    @InjectRepository(CodedBatchEntity) private readonly batches: Repository<CodedBatchEntity>,
    private readonly access: WorkroomAccessService,
    private readonly tables: CodeTablesService,
    private readonly postings: JobPostingsService,
    private readonly notifications: NotificationsService,
    private readonly transactions: TransactionRunner,
    private readonly invoices: InvoicesService,
    private readonly contracts: ContractsService,
    config: AppConfig,
    private readonly workRequests: WorkRequestsService,
    private readonly credentials: CredentialsService,
    private readonly findings: AuditFindingsService,
  ) {
    this.contentKey = batchContentKey(config.documentKey);
  }

  private readonly contentKey: Buffer;

  onModuleInit(): void {
    this.invoices.billBatchesFrom(this);
    // Ending a per-chart contract would strand its submitted batches: an ENDED contract's batches are never reviewed, so never billed.
    this.contracts.refuseEndWhile(async (manager, contract) => {
      if (contract.payModel !== PayModel.PER_CHART) return null;
      const waiting = await manager.getRepository(CodedBatchEntity).countBy({ contractId: contract.id, status: CodedBatchStatus.SUBMITTED });
      return waiting ? `${waiting} coded batch(es) on this contract await the practice's review: accept or return them (reviewCodedBatch) before the contract ends` : null;
    });
  }

  async contractsWithUnbilled(acceptedBefore: Date, within: { sql: string; parameters: Record<string, unknown> }): Promise<string[]> {
    const rows = await this.batches
      .createQueryBuilder('b')
      .select('DISTINCT b.contract_id', 'contractId')
      .where(`b.status = 'ACCEPTED' AND b.invoiced_at IS NULL AND b.reviewed_at < :acceptedBefore AND b.contract_id IN (${within.sql})`, { acceptedBefore, ...within.parameters })
      .getRawMany<{ contractId: string }>();
    return rows.map((row) => row.contractId);
  }

  async lockUnbilled(manager: EntityManager, contractId: string, acceptedBefore: Date): Promise<BillableBatch[]> {
    const batches = await manager
      .getRepository(CodedBatchEntity)
      .createQueryBuilder('b')
      .select(['b.id', 'b.encounterCount'])
      .setLock('pessimistic_write')
      .where(`b.contract_id = :contractId AND b.status = 'ACCEPTED' AND b.invoiced_at IS NULL AND b.reviewed_at < :acceptedBefore`, { contractId, acceptedBefore })
      .orderBy('b.reviewed_at')
      .addOrderBy('b.id')
      .getMany();
    return batches.map((batch) => ({ id: batch.id, charts: batch.encounterCount }));
  }

  async markBilled(manager: EntityManager, batchIds: string[], invoiceId: string): Promise<void> {
    if (!batchIds.length) return;
    // Only batches not billed yet: the caller locked them, so every one of them moves.
    const moved = await manager
      .getRepository(CodedBatchEntity)
      .createQueryBuilder()
      .update()
      .set({ invoiceId, invoicedAt: () => 'now()' })
      .where('id IN (:...batchIds) AND invoiced_at IS NULL', { batchIds })
      .execute();
    if (moved.affected !== batchIds.length) throw new Error(`billing ${batchIds.length} coded batches moved ${moved.affected}`);
  }

  /**
   * The coder returns coded work: every code checked (syntax, then the official tables when loaded) and
   * stored normalized. Submitted once: a retry with the same `idempotencyKey`, or the same content while
   * an identical batch of the contract is SUBMITTED or ACCEPTED, answers that batch instead of a second one.
   */
  async submit(actor: Actor, contractId: string, input: SubmitCodedBatchInput, context: AuditContext): Promise<CodedBatchEntity> {
    const id = randomUUID();
    const contract = await this.access.require(actor, contractId, { mode: 'write', permission: 'contract.work' }, context, { subjectType: 'batch', subjectId: id, action: 'SUBMIT_BATCH' });
    const { encounters, warnings } = await this.validate(input);
    const contentHash = batchContentHash(this.contentKey, contractId, encounters);
    const idempotencyKey = input.idempotencyKey ?? null;
    try {
      return await this.transactions.run(async (manager) => {
        // Under the contract's row lock, which endContract takes too: a batch is never submitted to a contract ending meanwhile,
        // and concurrent submissions of one contract take turns, so a retry finds the batch its first try made.
        const locked = await this.contracts.lockForUpdate(manager, contractId);
        const earlier = await this.findEarlierSubmission(manager, actor.id, contractId, idempotencyKey, contentHash);
        if (earlier) return earlier;
        if (locked.status !== ContractStatus.ACTIVE) throw new ConflictError(`This contract is ${locked.status}: coded batches are submitted only while it is ACTIVE`);
        const chartKeys = encounters.map((encounter) => chartKey(this.contentKey, contractId, encounter));
        await this.refuseChartsAlreadyTaken(manager, contractId, encounters, chartKeys);
        // The request it answers, locked: OPEN and of this contract (a cancellation waits for this batch, or this batch sees it).
        const workRequestId = input.workRequestId ? (await this.workRequests.lockOpenFor(manager, input.workRequestId, contractId)).id : null;
        const posting = (await this.postings.findById(contract.jobPostingId, manager))!;
        const batch = await manager.getRepository(CodedBatchEntity).save({
          id,
          workRequestId,
          contractId,
          specialty: posting.specialty,
          submittedById: actor.id,
          codingCompanyId: contract.codingCompanyId,
          encounters,
          encounterCount: encounters.length,
          warnings,
          status: CodedBatchStatus.SUBMITTED,
          idempotencyKey,
          contentHash,
          chartKeys,
        });
        await this.notifications.notifyMember(
          manager,
          posting.postedById,
          posting.organizationId,
          NotificationKind.BATCH_SUBMITTED,
          `A coded batch of ${encounters.length} charts is ready for review`,
          {
            contractId,
            batchId: id,
          },
        );
        return batch;
      });
    } catch (error) {
      // The unique indexes hold even where the lock above would not (a writer without it): the other submission won.
      if (isUniqueViolation(error, 'coded_batches_idempotency_key_key') || isUniqueViolation(error, 'coded_batches_open_content_key'))
        throw new ConflictError('The same batch was submitted at the same moment: submit it again to get that batch', { retryable: true });
      throw error;
    }
  }

  /**
   * The batch a submission repeats, read under the contract's lock: the submitter's batch with the same
   * idempotency key (CONFLICT when its content differs), else an identical batch still SUBMITTED or ACCEPTED.
   */
  /**
   * A chart's encounter (chart reference and date of service) is coded, and billed, once per contract:
   * CONFLICT naming each encounter already in a SUBMITTED or ACCEPTED batch (a RETURNED batch frees its charts).
   * Read under the contract's lock, so two batches sharing a chart cannot both get in.
   */
  private async refuseChartsAlreadyTaken(manager: EntityManager, contractId: string, encounters: CodedEncounter[], keys: string[]): Promise<void> {
    const rows = await queryRows<{ id: string; status: string; keys: string[] }>(
      manager,
      `SELECT id, status, chart_keys AS keys FROM coded_batches WHERE contract_id = $1 AND status IN ('SUBMITTED', 'ACCEPTED') AND chart_keys && $2::text[]`,
      [contractId, keys],
    );
    if (!rows.length) return;
    const takenBy = new Map(rows.flatMap((row) => row.keys.map((key) => [key, row] as const)));
    const clashes = keys.flatMap((key, i) => (takenBy.has(key) ? [i] : []));
    throw new ConflictError(
      `${clashes
        .map((i) => {
          const batch = takenBy.get(keys[i])!;
          return `input.encounters.${i}.chartRef: ${encounters[i].chartRef} on ${encounters[i].serviceDate} is already in coded batch ${batch.id} (${batch.status})`;
        })
        .join('; ')}: an encounter is coded and billed once per contract (a RETURNED batch frees its charts)`,
      { fields: clashes.map((i) => `input.encounters.${i}.chartRef`) },
    );
  }

  private async findEarlierSubmission(manager: EntityManager, submittedById: string, contractId: string, idempotencyKey: string | null, contentHash: string): Promise<CodedBatchEntity | null> {
    const batches = manager.getRepository(CodedBatchEntity);
    if (idempotencyKey) {
      const keyed = await batches.findOneBy({ contractId, submittedById, idempotencyKey });
      if (keyed && keyed.contentHash !== contentHash)
        throw new ConflictError('input.idempotencyKey was already used for a batch with other content: use a new key for new content', { fields: ['input.idempotencyKey'] });
      if (keyed) return keyed;
    }
    return batches.findOneBy({ contractId, contentHash, status: In([CodedBatchStatus.SUBMITTED, CodedBatchStatus.ACCEPTED]) });
  }

  /** The practice accepts the batch or returns it with comments per encounter. */
  async review(actor: Actor, batchId: string, input: ReviewCodedBatchInput, context: AuditContext): Promise<CodedBatchEntity> {
    const batch = await this.findForPractice(actor, batchId, context, 'REVIEW_BATCH');
    const refs = new Set(batch.encounters.map((e) => e.chartRef));
    const unknown = input.comments.findIndex((c) => !refs.has(c.chartRef));
    if (unknown >= 0) throw new BadUserInputError(`input.comments.${unknown}.chartRef is not in this batch`, [`input.comments.${unknown}.chartRef`]);
    if (!input.accept && input.comments.length === 0) throw new BadUserInputError('input.comments must say what to fix when returning a batch', ['input.comments']);
    return this.transactions.run(async (manager) => {
      const moved = await manager
        .getRepository(CodedBatchEntity)
        .update(
          { id: batchId, status: CodedBatchStatus.SUBMITTED },
          { status: input.accept ? CodedBatchStatus.ACCEPTED : CodedBatchStatus.RETURNED, reviewComments: input.comments, reviewedAt: new Date() },
        );
      if (!moved.affected) throw new ConflictError(`This batch was already ${batch.status}`);
      if (input.accept && batch.workRequestId) await this.workRequests.completeIfDone(manager, batch.workRequestId);
      await this.notifications.notifyMember(
        manager,
        batch.submittedById,
        batch.codingCompanyId,
        input.accept ? NotificationKind.BATCH_ACCEPTED : NotificationKind.BATCH_RETURNED,
        input.accept ? 'Your coded batch was accepted' : 'Your coded batch was returned with comments',
        { contractId: batch.contractId, batchId },
      );
      return manager.getRepository(CodedBatchEntity).findOneByOrFail({ id: batchId });
    });
  }

  /**
   * Records the practice's accuracy audit once per batch, adding it to the coder's audited totals: at most
   * the batch's encounters, never by the coder who did the work, its findings consistent with `errors`, and
   * the auditor's credential checked against their own credentials when they hold a coder account.
   */
  async audit(actor: Actor, batchId: string, input: AuditCodedBatchInput, context: AuditContext): Promise<CodedBatchEntity> {
    const batch = await this.findForPractice(actor, batchId, context, 'AUDIT_BATCH');
    if (actor.id === batch.submittedById) throw new ForbiddenError('The coder who did the work cannot audit it');
    if (input.sampled > batch.encounterCount) throw new BadUserInputError(`input.sampled cannot exceed the ${batch.encounterCount} encounters of the batch`, ['input.sampled']);
    if (input.errors > input.sampled) throw new BadUserInputError('input.errors cannot exceed input.sampled', ['input.errors']);
    // Every error counted is backed by a finding the coder can rebut (issue 17 red team): no findings, no errors.
    if (input.findings == null && input.errors > 0)
      throw new BadUserInputError(`input.findings: the ${input.errors} chart error(s) need the findings that back them (category, chart, code)`, ['input.findings']);
    const findings = resolveFindings(batch, { errors: input.errors, codesSampled: input.codesSampled, findings: input.findings ?? [] });
    let credentialVerified: boolean | null = null;
    if (input.auditorCredential) {
      credentialVerified = actor.role === UserRole.CODER;
      if (credentialVerified && !(await this.credentials.countingTypes(actor.id)).includes(input.auditorCredential))
        throw new BadUserInputError(`input.auditorCredential: you hold no verified, unexpired ${input.auditorCredential}`, ['input.auditorCredential']);
    }
    return this.transactions.run(async (manager) => {
      const result = await manager
        .getRepository(CodedBatchEntity)
        .createQueryBuilder()
        .update()
        .set({
          auditSampled: input.sampled,
          auditErrors: input.errors,
          auditNotes: input.notes ?? null,
          auditCodesSampled: input.codesSampled ?? null,
          auditedById: actor.id,
          auditorCredential: input.auditorCredential ?? null,
          auditorCredentialVerified: credentialVerified,
          auditedAt: () => 'now()',
        })
        .where('id = :id AND audited_at IS NULL', { id: batchId })
        .execute();
      if (!result.affected) throw new ConflictError('This batch was already audited');
      await this.findings.record(manager, batch, findings);
      return manager.getRepository(CodedBatchEntity).findOneByOrFail({ id: batchId });
    });
  }

  /** A page of a contract's batches, newest first, for its parties (read access, audited). */
  async list(actor: Actor, contractId: string, args: ConnectionArgs, context: AuditContext): Promise<ConnectionShape<CodedBatchEntity>> {
    await this.access.require(actor, contractId, { mode: 'read' }, context, { subjectType: 'batch', subjectId: null, action: 'LIST_BATCHES' });
    return paginate(this.batches.createQueryBuilder('b').where('b.contractId = :contractId', { contractId }), args, byCreatedAt('b', 'DESC'));
  }

  /** One batch for a party (read access, audited). */
  async get(actor: Actor, batchId: string, context: AuditContext, action = 'READ_BATCH'): Promise<CodedBatchEntity> {
    const batch = await this.batches.findOneBy({ id: batchId });
    if (!batch) throw new NotFoundError('Coded batch');
    await this.access.require(actor, batch.contractId, { mode: 'read', subject: 'Coded batch' }, context, { subjectType: 'batch', subjectId: batchId, action });
    return batch;
  }

  /** The batch as CSV: one row per code line (chart_ref, code_set, code, modifiers, units). */
  async csv(actor: Actor, batchId: string, context: AuditContext): Promise<string> {
    const batch = await this.get(actor, batchId, context, 'EXPORT_BATCH');
    const rows = [['chart_ref', 'code_set', 'code', 'modifiers', 'units']];
    for (const e of batch.encounters) {
      for (const code of e.icd10cm) rows.push([e.chartRef, 'ICD10CM', code, '', '']);
      for (const code of e.icd10pcs) rows.push([e.chartRef, 'ICD10PCS', code, '', '']);
      for (const line of e.cpt) rows.push([e.chartRef, 'CPT', line.code, line.modifiers.join(' '), String(line.units)]);
      for (const line of e.hcpcs) rows.push([e.chartRef, 'HCPCS', line.code, line.modifiers.join(' '), String(line.units)]);
    }
    return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
  }

  /**
   * Published audits of a coder grouped by the posting's specialty, best covered first, through the
   * request's DataLoader: a directory page groups the audits of all its coders in one statement.
   * Only audits of contracts that paid the coder count (`paidTheCoder`, judged in the same statement):
   * an audit on a contract nobody paid on is recorded and shown to its parties, but publishes nothing
   * until the contract pays.
   */
  loadAuditsBySpecialty(loaders: RequestLoaders, coderId: string): Promise<SpecialtyAudits[]> {
    return loaders.get<string, SpecialtyAudits[]>('auditsBySpecialtyByCoder', (coderIds) => this.publishedAuditsBySpecialty(coderIds)).load(coderId);
  }

  /** Published audited charts and errors of each of the coders (matching's candidates), in one statement. */
  async publishedAuditsOf(coderIds: readonly string[]): Promise<Map<string, { sampled: number; errors: number }>> {
    const grouped = await this.publishedAuditsBySpecialty(coderIds);
    return new Map(coderIds.map((id, k) => [id, totalOf(grouped[k])]));
  }

  private async publishedAuditsBySpecialty(coderIds: readonly string[]): Promise<SpecialtyAudits[][]> {
    if (!coderIds.length) return [];
    const rows = await queryRows<SpecialtyAudits & { coderId: string }>(
      this.batches,
      `SELECT b.submitted_by_id AS "coderId", b.specialty, sum(b.audit_sampled)::int AS sampled, sum(b.audit_errors)::int AS errors
         FROM coded_batches b
        WHERE b.submitted_by_id = ANY($1::uuid[]) AND b.audited_at IS NOT NULL AND ${this.contracts.paidTheCoderSql('b.contract_id')}
        GROUP BY b.submitted_by_id, b.specialty ORDER BY sampled DESC, b.specialty`,
      [coderIds],
    );
    return groupByKeys(coderIds, rows, (row) => row.coderId);
  }

  /**
   * Published audited charts and errors of the batches worked through a coding company, whoever of its
   * members submitted them, through the request's DataLoader (a page of organizations in one statement):
   * only audits of contracts that paid (`paidTheCoder`, in the same statement).
   */
  loadCompanyAudits(loaders: RequestLoaders, organizationId: string): Promise<{ sampled: number; errors: number }> {
    return loaders
      .get<string, { sampled: number; errors: number }>('auditsByCodingCompany', async (organizationIds) => {
        const rows = await queryRows<{ organizationId: string; sampled: number; errors: number }>(
          this.batches,
          `SELECT b.coding_company_id AS "organizationId", sum(b.audit_sampled)::int AS sampled, sum(b.audit_errors)::int AS errors
             FROM coded_batches b
            WHERE b.coding_company_id = ANY($1::uuid[]) AND b.audited_at IS NOT NULL AND ${this.contracts.paidTheCoderSql('b.contract_id')}
            GROUP BY b.coding_company_id`,
          [organizationIds],
        );
        return byKeys(organizationIds, rows, (row) => row.organizationId).map((row) => ({ sampled: row?.sampled ?? 0, errors: row?.errors ?? 0 }));
      })
      .load(organizationId);
  }

  /** A batch for the practice to judge (`contract.accept-work`, while the contract is ACTIVE or PAUSED, audited). */
  private async findForPractice(actor: Actor, batchId: string, context: AuditContext, action: string): Promise<CodedBatchEntity> {
    const batch = await this.batches.findOneBy({ id: batchId });
    if (!batch) throw new NotFoundError('Coded batch');
    await this.access.require(actor, batch.contractId, { mode: 'review', permission: 'contract.accept-work', subject: 'Coded batch' }, context, { subjectType: 'batch', subjectId: batchId, action });
    return batch;
  }

  /**
   * Normalizes every code and checks the claim data, collecting every problem with its input path
   * together with the structural ones the global pipe left to us (`units: 0`), then checks the
   * official tables on the encounters whose codes passed their syntax: one BAD_USER_INPUT names them all.
   */
  private async validate(input: SubmitCodedBatchInput): Promise<{ encounters: CodedEncounter[]; warnings: CodingWarning[] }> {
    const problems: InputProblem[] = [...deferredInputProblems(input)];
    const latestServiceDate = todayUtc(new Date(Date.now() + AHEAD_OF_UTC_MS));
    const seen = new Map<string, number>();
    // Encounters the code tables cannot judge: a code that is no code, or a date of service that picks no table.
    const unjudgeable = new Set<number>();
    const encounters = input.encounters.map((encounter, i): CodedEncounter => {
      const at = `input.encounters.${i}`;
      const problem = (path: string, message: string) => problems.push({ path: `${at}.${path}`, message });
      const unjudgeableProblem = (path: string, message: string) => {
        problem(path, message);
        unjudgeable.add(i);
      };
      if (seen.has(encounter.chartRef)) problem('chartRef', `chartRef ${encounter.chartRef} repeats encounter ${seen.get(encounter.chartRef)}`);
      seen.set(encounter.chartRef, i);
      if (encounter.serviceDate < ICD10_START) unjudgeableProblem('serviceDate', `serviceDate ${encounter.serviceDate} is before ${ICD10_START}, when ICD-10 coding began`);
      if (encounter.serviceDate > latestServiceDate) unjudgeableProblem('serviceDate', `serviceDate ${encounter.serviceDate} is in the future`);
      const diagnoses = encounter.icd10cm.length;
      if (diagnoses > MAX_CLAIM_DIAGNOSES && encounter.cpt.length + encounter.hcpcs.length > 0)
        problem('icd10cm', `icd10cm has ${diagnoses} diagnoses: a professional claim carries at most ${MAX_CLAIM_DIAGNOSES}`);
      const codes = (list: string[], field: string, normalize: (raw: string) => string | null, kind: string) =>
        list.map((raw, k) => {
          const code = normalize(raw);
          if (!code) unjudgeableProblem(`${field}.${k}`, `"${raw}" is not a valid ${kind} code`);
          return code ?? raw;
        });
      const lines = (list: CodedLineInput[], field: string, normalize: (raw: string) => string | null, kind: string): CodedLine[] =>
        list.map((line, k) => {
          const code = normalize(line.code);
          if (!code) unjudgeableProblem(`${field}.${k}.code`, `"${line.code}" is not a valid ${kind} code`);
          const modifiers = line.modifiers.map((raw, m) => {
            const modifier = normalizeModifier(raw);
            if (!modifier) problem(`${field}.${k}.modifiers.${m}`, `"${raw}" is not a valid modifier`);
            return modifier ?? raw;
          });
          const diagnosisPointers = line.diagnosisPointers ?? [];
          if (!line.diagnosisPointers) problem(`${field}.${k}.diagnosisPointers`, `a ${kind} line needs 1..4 diagnosis pointers into the encounter's icd10cm`);
          diagnosisPointers.forEach((pointer, m) => {
            if (pointer > diagnoses) problem(`${field}.${k}.diagnosisPointers.${m}`, `diagnosis pointer ${pointer} points past the ${diagnoses} icd10cm of the encounter`);
          });
          const ndc = line.ndc ? normalizeNdc(line.ndc.code) : null;
          if (line.ndc && !ndc) problem(`${field}.${k}.ndc.code`, `"${line.ndc.code}" is not an NDC: 11 digits (5-4-2), or 10 written with hyphens (4-4-2, 5-3-2, 5-4-1)`);
          return {
            code: code ?? line.code,
            modifiers,
            units: line.units,
            diagnosisPointers,
            ndc: line.ndc ? { code: ndc ?? line.ndc.code, quantity: line.ndc.quantity, unit: line.ndc.unit } : null,
          };
        });
      return {
        chartRef: encounter.chartRef,
        serviceDate: encounter.serviceDate,
        placeOfService: encounter.placeOfService ?? null,
        renderingNpi: encounter.renderingNpi ?? null,
        billingNpi: encounter.billingNpi ?? null,
        icd10cm: codes(encounter.icd10cm, 'icd10cm', normalizeIcd10Cm, 'ICD-10-CM'),
        icd10pcs: codes(encounter.icd10pcs, 'icd10pcs', normalizeIcd10Pcs, 'ICD-10-PCS'),
        cpt: lines(encounter.cpt, 'cpt', normalizeCpt, 'CPT'),
        hcpcs: lines(encounter.hcpcs, 'hcpcs', normalizeHcpcs, 'HCPCS Level II'),
      };
    });
    // The tables judge the encounters whose codes passed their syntax, whatever else is wrong with them (units: 0 and an unknown code are both named).
    const sound = encounters.flatMap((_, i) => (unjudgeable.has(i) ? [] : [i]));
    let warnings: CodingWarning[] = [];
    if (sound.length) {
      const checked = await this.tables.checkEncounters(sound.map((i) => encounters[i]));
      warnings = checked.warnings; // kept only when nothing is refused, so every encounter was checked and the indexes are the batch's
      for (const p of checked.problems) problems.push({ ...p, path: `input.${p.path.replace(/^encounters\.(\d+)/, (_, j: string) => `encounters.${sound[Number(j)]}`)}` });
    }
    if (problems.length) {
      // Input order: the batch's own fields, then encounter by encounter (structural problems before code problems within one).
      const ordered = problems.map((p, k) => ({ ...p, k })).sort((a, b) => encounterIndex(a.path) - encounterIndex(b.path) || a.k - b.k);
      throw new BadUserInputError(ordered.map((p) => (p.message.startsWith(p.path) ? p.message : `${p.path}: ${p.message}`)).join('; '), [...new Set(ordered.map((p) => p.path))]);
    }
    return { encounters, warnings };
  }
}

/** The encounter an input path is under (`input.encounters.3.cpt.0.units` -> 3), -1 for the batch's own fields. */
function encounterIndex(path: string): number {
  const match = /^input\.encounters\.(\d+)(?:\.|$)/.exec(path);
  return match ? Number(match[1]) : -1;
}

/** Charts sampled and errors over every specialty. */
export const totalOf = (audits: SpecialtyAudits[]) => audits.reduce((total, a) => ({ sampled: total.sampled + a.sampled, errors: total.errors + a.errors }), { sampled: 0, errors: 0 });

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
