import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import type { AppRequest } from '../common/auth/request-from-context.js';
import { CurrentUser, RequiresVerifiedEmail } from '../common/auth/decorators.js';
import { connectionComplexity } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { auditContextOf } from './audit-log.service.js';
import { CodedBatchesService } from './coded-batches.service.js';
import { AuditCodedBatchInput, CodedBatch, CodedBatchConnection, CodedBatchesArgs, ReviewCodedBatchInput, SubmitCodedBatchInput } from './dto/coded-batch.models.js';

@Resolver(() => CodedBatch)
export class CodedBatchesResolver {
  constructor(private readonly batches: CodedBatchesService) {}

  @RequiresVerifiedEmail()
  @Mutation(() => CodedBatch, { description: 'Returns coded charts (the coder). Every code is validated: BAD_USER_INPUT lists each offending path in extensions.fields.' })
  submitCodedBatch(
    @CurrentUser() actor: Actor,
    @IdArg('contractId', 'The contract the charts belong to.') contractId: string,
    @Args('input', { description: 'The coded encounters.' }) input: SubmitCodedBatchInput,
    @Context('req') req: AppRequest,
  ): Promise<CodedBatch> {
    return this.batches.submit(actor, contractId, input, auditContextOf(req));
  }

  @Mutation(() => CodedBatch, { description: 'Accepts a submitted batch or returns it with comments per encounter (the practice).' })
  reviewCodedBatch(
    @CurrentUser() actor: Actor,
    @IdArg('batchId', 'The SUBMITTED batch.') batchId: string,
    @Args('input', { description: 'Accept, or return with comments.' }) input: ReviewCodedBatchInput,
    @Context('req') req: AppRequest,
  ): Promise<CodedBatch> {
    return this.batches.review(actor, batchId, input, auditContextOf(req));
  }

  @Mutation(() => CodedBatch, {
    description:
      "Records an accuracy audit of a batch (the practice), once; it feeds the coder's published accuracyScore once the contract has paid the coder (a milestone released, or an invoice paid): recorded and shown to both parties before that.",
  })
  auditCodedBatch(
    @CurrentUser() actor: Actor,
    @IdArg('batchId', 'The ACCEPTED batch audited.') batchId: string,
    @Args('input', { description: 'How many charts were sampled, how many had errors, and the findings behind each error.' }) input: AuditCodedBatchInput,
    @Context('req') req: AppRequest,
  ): Promise<CodedBatch> {
    return this.batches.audit(actor, batchId, input, auditContextOf(req));
  }

  @Query(() => CodedBatchConnection, { description: "A contract's coded batches, newest first (its parties; listing is audited).", complexity: connectionComplexity })
  codedBatches(@CurrentUser() actor: Actor, @Args() args: CodedBatchesArgs, @Context('req') req: AppRequest): Promise<CodedBatchConnection> {
    return this.batches.list(actor, args.contractId.toLowerCase(), args, auditContextOf(req));
  }

  @Query(() => CodedBatch, { description: 'A coded batch by id, for the parties of its contract (NOT_FOUND for others); reading it is recorded in the audit log.' })
  codedBatch(@CurrentUser() actor: Actor, @IdArg('id', 'The batch.') id: string, @Context('req') req: AppRequest): Promise<CodedBatch> {
    return this.batches.get(actor, id, auditContextOf(req));
  }

  @Query(() => String, { description: 'The batch as CSV text (chart_ref, code_set, code, modifiers, units).' })
  codedBatchCsv(@CurrentUser() actor: Actor, @IdArg('id', 'The batch.') id: string, @Context('req') req: AppRequest): Promise<string> {
    return this.batches.csv(actor, id, auditContextOf(req));
  }
}
