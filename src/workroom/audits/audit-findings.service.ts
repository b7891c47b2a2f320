import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../common/errors/app-error.js';
import { groupByKeys, RequestLoaders } from '../../common/loaders/request-loaders.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { AuditContext } from '../audit-log.service.js';
import { CodedBatchEntity, CodedEncounter } from '../coded-batch.entity.js';
import { PhiRetentionService } from '../phi-retention.service.js';
import { WorkroomAccessService } from '../workroom-access.service.js';
import { AuditFindingEntity } from './audit-finding.entity.js';
import { AuditFindingInput } from './dto/audit-finding.models.js';

const MAX_TEXT = 5000;

/** A finding with its encounter's chartRef (null when it names no encounter). */
export type FindingWithChart = AuditFindingEntity & { chartRef: string | null };

export const withChartRef = (finding: AuditFindingEntity, encounters: Pick<CodedEncounter, 'chartRef'>[]): FindingWithChart =>
  Object.assign(finding, { chartRef: finding.encounterIndex === null ? null : (encounters[finding.encounterIndex]?.chartRef ?? null) });

/** A finding as the batch's encounters name it: index and chartRef both filled when either was given. */
export type ResolvedFinding = AuditFindingInput & { encounterIndex: number | null; chartRef: string | null };

/**
 * Checks an audit's findings against the batch: each names an encounter, which exists (by index or chartRef, the
 * same one when both are given), code-level findings fit in `codesSampled`, and `errors` equals the charts
 * the findings name. Returns the findings with both encounter keys filled; throws one BAD_USER_INPUT naming every path.
 */
export function resolveFindings(batch: Pick<CodedBatchEntity, 'encounters'>, input: { errors: number; codesSampled?: number | null; findings: AuditFindingInput[] }): ResolvedFinding[] {
  const problems: { path: string; message: string }[] = [];
  const byRef = new Map(batch.encounters.map((e, i) => [e.chartRef, i]));
  const resolved = input.findings.map((finding, i): ResolvedFinding => {
    const at = `input.findings.${i}`;
    let index = finding.encounterIndex ?? null;
    if (index !== null && index >= batch.encounters.length) {
      problems.push({ path: `${at}.encounterIndex`, message: `encounter ${index} is not in this batch of ${batch.encounters.length}` });
      index = null;
    }
    if (finding.chartRef != null) {
      const byChart = byRef.get(finding.chartRef);
      if (byChart === undefined) problems.push({ path: `${at}.chartRef`, message: `chartRef ${finding.chartRef} is not in this batch` });
      else if (finding.encounterIndex != null && index !== null && index !== byChart)
        problems.push({ path: `${at}.chartRef`, message: `chartRef ${finding.chartRef} is encounter ${byChart}, not ${index}` });
      else index = byChart;
    }
    // A finding names its chart, so the coder knows what to rebut (and accuracy counts charts, not claims).
    if (finding.encounterIndex == null && finding.chartRef == null) problems.push({ path: `${at}.chartRef`, message: 'a finding names the chart it is about (chartRef or encounterIndex)' });
    return { ...finding, encounterIndex: index, chartRef: index === null ? null : batch.encounters[index].chartRef, code: finding.code ? finding.code.toUpperCase() : null };
  });
  if (problems.length)
    throw new BadUserInputError(
      problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      problems.map((p) => p.path),
    );
  const charts = chartErrors(resolved);
  if (input.errors !== charts) throw new BadUserInputError(`input.errors (${input.errors}) must equal the ${charts} chart(s) the findings name`, ['input.errors']);
  const codeFindings = resolved.filter((f) => f.code).length;
  if (input.codesSampled != null && codeFindings > input.codesSampled)
    throw new BadUserInputError(`input.codesSampled (${input.codesSampled}) is less than the ${codeFindings} code-level findings`, ['input.codesSampled']);
  return resolved;
}

/** Charts with at least one error: the distinct encounters the findings name (each finding names one). */
const chartErrors = (findings: Pick<ResolvedFinding, 'encounterIndex'>[]) => new Set(findings.flatMap((f) => (f.encounterIndex === null ? [] : [f.encounterIndex]))).size;

/**
 * An audit's findings after it is recorded: the coder rebuts a finding once, the practice answers once;
 * an overturned finding whose chart has no other standing finding takes one error off the batch and
 * off the coder's totals (so every accuracy figure, per coder, specialty and company, follows).
 */
@Injectable()
export class AuditFindingsService implements OnModuleInit {
  constructor(
    @InjectRepository(AuditFindingEntity) private readonly findings: Repository<AuditFindingEntity>,
    @InjectRepository(CodedBatchEntity) private readonly batches: Repository<CodedBatchEntity>,
    private readonly access: WorkroomAccessService,
    private readonly transactions: TransactionRunner,
    private readonly retention: PhiRetentionService,
  ) {}

  onModuleInit(): void {
    // Notes, rebuttals and answers talk about charts: destroyed with the contract's other PHI; categories, codes and counts stay.
    this.retention.registerStore({
      name: 'audit finding texts',
      destroyForContract: async (manager, contractId) => {
        const result = await manager
          .getRepository(AuditFindingEntity)
          .createQueryBuilder()
          .update()
          .set({ note: null, rebuttal: null, answer: null })
          .where('contract_id = :contractId AND (note IS NOT NULL OR rebuttal IS NOT NULL OR answer IS NOT NULL)', { contractId })
          .execute();
        return result.affected ?? 0;
      },
    });
  }

  /** Stores the audit's findings, in the audit's transaction. */
  async record(manager: EntityManager, batch: Pick<CodedBatchEntity, 'id' | 'contractId'>, findings: ResolvedFinding[]): Promise<void> {
    if (!findings.length) return;
    await manager.getRepository(AuditFindingEntity).insert(
      findings.map((f, position) => ({
        batchId: batch.id,
        position,
        contractId: batch.contractId,
        category: f.category,
        encounterIndex: f.encounterIndex,
        code: f.code ?? null,
        financialImpactCents: f.financialImpactCents ?? null,
        note: f.note ?? null,
      })),
    );
  }

  /** A batch's findings in input order, through the request's DataLoader (the batch was already read by a party). */
  loadForBatch(loaders: RequestLoaders, batchId: string): Promise<AuditFindingEntity[]> {
    return loaders
      .get<string, AuditFindingEntity[]>('auditFindingsByBatch', async (batchIds) =>
        groupByKeys(batchIds, await this.findings.find({ where: { batchId: In([...batchIds]) }, order: { position: 'ASC' } }), (f) => f.batchId),
      )
      .load(batchId);
  }

  /** The coder who coded the batch rebuts a finding, once (CONFLICT after); the rest of the coder's side FORBIDDEN; others NOT_FOUND. */
  async rebut(actor: Actor, findingId: string, text: string, context: AuditContext): Promise<FindingWithChart> {
    const body = checkedText(text);
    const finding = await this.findOrFail(findingId);
    await this.access.require(actor, finding.contractId, { mode: 'review', permission: 'contract.work', subject: 'Audit finding' }, context, {
      subjectType: 'batch',
      subjectId: finding.batchId,
      action: 'REBUT_FINDING',
    });
    // The coder who coded the batch rebuts, once: a company's OWNER or ADMIN (contract.work too) cannot use up their rebuttal.
    const batch = await this.batches.findOne({ where: { id: finding.batchId }, select: { id: true, submittedById: true } });
    if (batch?.submittedById !== actor.id) throw new ForbiddenError('Only the coder who coded the batch rebuts its findings');
    const moved = await this.findings
      .createQueryBuilder()
      .update()
      .set({ rebuttal: body, rebuttedById: actor.id, rebuttedAt: () => 'now()' })
      .where('id = :id AND rebutted_at IS NULL', { id: findingId })
      .execute();
    if (!moved.affected) throw new ConflictError('This finding was already rebutted');
    return this.withChartRef(await this.findings.findOneByOrFail({ id: findingId }));
  }

  /** The practice answers a rebuttal, once: `upheld` false overturns the finding. */
  async answer(actor: Actor, findingId: string, text: string, upheld: boolean, context: AuditContext): Promise<FindingWithChart> {
    const body = checkedText(text);
    const finding = await this.findOrFail(findingId);
    await this.access.require(actor, finding.contractId, { mode: 'review', permission: 'contract.accept-work', subject: 'Audit finding' }, context, {
      subjectType: 'batch',
      subjectId: finding.batchId,
      action: 'ANSWER_REBUTTAL',
    });
    const answered = await this.transactions.run(async (manager) => {
      // The batch's row lock orders the answers of one batch: two findings of one chart overturned at once take off one error.
      const batch = await manager.getRepository(CodedBatchEntity).createQueryBuilder('b').setLock('pessimistic_write').where('b.id = :id', { id: finding.batchId }).getOneOrFail();
      const repo = manager.getRepository(AuditFindingEntity);
      const moved = await repo
        .createQueryBuilder()
        .update()
        .set({ answer: body, upheld, answeredById: actor.id, answeredAt: () => 'now()' })
        .where('id = :id AND rebutted_at IS NOT NULL AND answered_at IS NULL', { id: findingId })
        .execute();
      if (!moved.affected) throw new ConflictError((await repo.findOneByOrFail({ id: findingId })).rebuttedAt ? 'This rebuttal was already answered' : 'This finding has not been rebutted');
      if (!upheld) {
        const standing =
          finding.encounterIndex === null
            ? 0
            : await repo
                .createQueryBuilder('f')
                .where('f.batch_id = :batchId AND f.encounter_index = :index AND f.id <> :id AND f.upheld IS DISTINCT FROM false', {
                  batchId: finding.batchId,
                  index: finding.encounterIndex,
                  id: findingId,
                })
                .getCount();
        if (standing === 0 && (batch.auditErrors ?? 0) > 0) {
          await manager.getRepository(CodedBatchEntity).decrement({ id: batch.id }, 'auditErrors', 1);
        }
      }
      return repo.findOneByOrFail({ id: findingId });
    });
    return this.withChartRef(answered);
  }

  /** The finding with its encounter's chartRef, read from the batch (where chart references are kept). */
  private async withChartRef(finding: AuditFindingEntity): Promise<FindingWithChart> {
    const batch = finding.encounterIndex === null ? null : await this.batches.findOne({ where: { id: finding.batchId }, select: { id: true, encounters: true } });
    return withChartRef(finding, batch?.encounters ?? []);
  }

  private async findOrFail(id: string): Promise<AuditFindingEntity> {
    const finding = await this.findings.findOneBy({ id });
    if (!finding) throw new NotFoundError('Audit finding');
    return finding;
  }
}

function checkedText(text: string): string {
  const body = text.trim();
  if (!body || body.length > MAX_TEXT) throw new BadUserInputError(`text must be 1..${MAX_TEXT} characters`, ['text']);
  return body;
}
