import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import type { AppRequest } from '../../common/auth/request-from-context.js';
import { Loaders, RequestLoaders } from '../../common/loaders/request-loaders.js';
import { boundedListComplexity } from '../../common/pagination/connection.js';
import { IdArg } from '../../common/validation/id-arg.decorator.js';
import { auditContextOf } from '../audit-log.service.js';
import { CodedBatch } from '../dto/coded-batch.models.js';
import { AuditFindingsService, FindingWithChart, withChartRef } from './audit-findings.service.js';
import { AuditFinding } from './dto/audit-finding.models.js';

const toAuditFinding = (entity: FindingWithChart): AuditFinding => ({
  id: entity.id,
  batchId: entity.batchId,
  category: entity.category,
  encounterIndex: entity.encounterIndex,
  chartRef: entity.chartRef,
  code: entity.code,
  financialImpactCents: entity.financialImpactCents,
  note: entity.note,
  rebuttal: entity.rebuttal,
  rebuttedAt: entity.rebuttedAt,
  answer: entity.answer,
  upheld: entity.upheld,
  answeredAt: entity.answeredAt,
  counts: entity.upheld !== false,
  createdAt: entity.createdAt,
});

@Resolver(() => CodedBatch)
export class AuditFindingsResolver {
  constructor(private readonly findings: AuditFindingsService) {}

  // A batch is read only by its contract's parties (codedBatch, codedBatches): its findings are theirs too.
  @ResolveField(() => [AuditFinding], { description: "The audit's findings with their rebuttals and answers (the contract's parties); empty before the audit.", complexity: boundedListComplexity(10) })
  async auditFindings(@Parent() batch: CodedBatch, @Loaders() loaders: RequestLoaders): Promise<AuditFinding[]> {
    return (await this.findings.loadForBatch(loaders, batch.id)).map((finding) => toAuditFinding(withChartRef(finding, batch.encounters)));
  }

  @Mutation(() => AuditFinding, {
    description:
      "Rebuts an audit finding, once (CONFLICT after): only the coder who coded the batch; the rest of the coder's side (a coding company's OWNER or ADMIN) and the practice FORBIDDEN; others NOT_FOUND.",
  })
  async rebutAuditFinding(
    @CurrentUser() actor: Actor,
    @IdArg('findingId', 'The finding you dispute.') findingId: string,
    @Args('text', { description: 'Why the finding is wrong, 1..5000 characters.' }) text: string,
    @Context('req') req: AppRequest,
  ): Promise<AuditFinding> {
    return toAuditFinding(await this.findings.rebut(actor, findingId, text, auditContextOf(req)));
  }

  @Mutation(() => AuditFinding, { description: "Answers the coder's rebuttal of a finding (the practice), once: upheld false overturns it, and it no longer counts as an error." })
  async answerAuditRebuttal(
    @CurrentUser() actor: Actor,
    @IdArg('findingId', 'The rebutted finding.') findingId: string,
    @Args('text', { description: 'The answer, 1..5000 characters.' }) text: string,
    @Args('upheld', { description: 'true keeps the finding; false overturns it.' }) upheld: boolean,
    @Context('req') req: AppRequest,
  ): Promise<AuditFinding> {
    return toAuditFinding(await this.findings.answer(actor, findingId, text, upheld, auditContextOf(req)));
  }
}
