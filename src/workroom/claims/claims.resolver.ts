import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import type { AppRequest } from '../../common/auth/request-from-context.js';
import { CurrentUser, RequiresVerifiedEmail } from '../../common/auth/decorators.js';
import { IdArg } from '../../common/validation/id-arg.decorator.js';
import { auditContextOf } from '../audit-log.service.js';
import { EncounterClaimDataInput } from './dto/encounter-claim-data.input.js';
import { CodedBatchExportArgs, EncounterClaimDataArgs } from './dto/claims.args.js';
import { EncounterClaimData, EncounterClaimDataStatus, EncounterClaimDataStatusArgs, EncounterClaimDataStatusConnection } from './dto/encounter-claim-data.model.js';
import { connectionComplexity } from '../../common/pagination/connection.js';
import { toEncounterClaimData } from './claims.mapper.js';
import { CodedBatchExportService } from './coded-batch-export.service.js';
import { EncounterClaimDataService } from './encounter-claim-data.service.js';

@Resolver()
export class ClaimsResolver {
  constructor(
    private readonly claimData: EncounterClaimDataService,
    private readonly exports: CodedBatchExportService,
  ) {}

  @RequiresVerifiedEmail()
  @Mutation(() => EncounterClaimDataStatus, {
    description: "Sets an encounter's claim data (patient, subscriber, payer, account number, charges): PHI, stored encrypted, audited; the practice's OWNER or ADMIN only.",
  })
  setEncounterClaimData(
    @CurrentUser() actor: Actor,
    @IdArg('batchId', 'The coded batch holding the encounter.') batchId: string,
    @Args('input', { description: "The encounter's claim fields." }) input: EncounterClaimDataInput,
    @Context('req') req: AppRequest,
  ): Promise<EncounterClaimDataStatus> {
    return this.claimData.set(actor, batchId, input, auditContextOf(req));
  }

  @Query(() => EncounterClaimDataStatusConnection, {
    description: "Which encounters of a batch have their claim data, in the batch's order (the practice's OWNER or ADMIN; audited).",
    complexity: connectionComplexity,
  })
  encounterClaimDataStatus(@CurrentUser() actor: Actor, @Args() args: EncounterClaimDataStatusArgs, @Context('req') req: AppRequest): Promise<EncounterClaimDataStatusConnection> {
    return this.claimData.statuses(actor, args.batchId.toLowerCase(), args, auditContextOf(req));
  }

  @RequiresVerifiedEmail()
  @Query(() => EncounterClaimData, { description: "An encounter's claim data, decrypted (the practice's OWNER or ADMIN; audited as a PHI read). NOT_FOUND until set." })
  async encounterClaimData(@CurrentUser() actor: Actor, @Args() args: EncounterClaimDataArgs, @Context('req') req: AppRequest): Promise<EncounterClaimData> {
    return toEncounterClaimData(args.chartRef, await this.claimData.read(actor, args.batchId, args.chartRef, auditContextOf(req)));
  }

  @Query(() => String, {
    description:
      "A coded batch as text. CSV: as codedBatchCsv, either party. X12_837P: an ASC X12 005010X222A1 claim file of an ACCEPTED batch for the practice's own clearinghouse (the practice's OWNER or ADMIN; audited as a PHI read; CONFLICT naming the encounters that lack claim data).",
  })
  codedBatchExport(@CurrentUser() actor: Actor, @Args() args: CodedBatchExportArgs, @Context('req') req: AppRequest): Promise<string> {
    return this.exports.export(actor, args.id, args.format, auditContextOf(req));
  }
}
