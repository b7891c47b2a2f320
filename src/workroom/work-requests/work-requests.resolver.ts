import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentUser, Roles } from '../../common/auth/decorators.js';
import { Loaders, RequestLoaders } from '../../common/loaders/request-loaders.js';
import { connectionComplexity, mapConnection } from '../../common/pagination/connection.js';
import { IdArg } from '../../common/validation/id-arg.decorator.js';
import { Contract } from '../../contracts/dto/contract.model.js';
import { ContractEntity } from '../../contracts/contract.entity.js';
import { UserRole } from '../../domain/user-role.enum.js';
import { ContractPerformance, ContractWorkRequestsArgs, CreateWorkRequestInput, WorkQueueArgs, WorkRequest, WorkRequestConnection } from './dto/work-request.models.js';
import { toWorkRequest } from './work-requests.mapper.js';
import { WorkRequestsService } from './work-requests.service.js';

@Resolver(() => WorkRequest)
export class WorkRequestsResolver {
  constructor(private readonly requests: WorkRequestsService) {}

  @Mutation(() => WorkRequest, {
    description:
      "Asks the coder for charts by a due time (the practice's OWNER or ADMIN) on an ACTIVE PER_CHART or HOURLY contract; the coder is notified. BAD_USER_INPUT names the offending input field.",
  })
  async createWorkRequest(
    @CurrentUser() actor: Actor,
    @IdArg('contractId', 'The contract the work is for.') contractId: string,
    @Args('input', { description: 'How many charts, by when, and how urgent.' }) input: CreateWorkRequestInput,
  ): Promise<WorkRequest> {
    return toWorkRequest(await this.requests.create(actor, contractId, input));
  }

  @Mutation(() => WorkRequest, { description: "Cancels an OPEN work request (the practice's OWNER or ADMIN); the coder is notified. CONFLICT once it is COMPLETED or CANCELLED." })
  async cancelWorkRequest(@CurrentUser() actor: Actor, @IdArg('id', 'The OPEN work request to cancel.') id: string): Promise<WorkRequest> {
    return toWorkRequest(await this.requests.cancel(actor, id));
  }

  @Query(() => WorkRequestConnection, { description: "A contract's work requests, soonest due first (its parties).", complexity: connectionComplexity })
  async workRequests(@CurrentUser() actor: Actor, @Args() args: ContractWorkRequestsArgs): Promise<WorkRequestConnection> {
    const now = new Date();
    return mapConnection(await this.requests.listForContract(actor, args.contractId.toLowerCase(), args), (row) => toWorkRequest(row, now));
  }

  @Roles(UserRole.CODER)
  @Query(() => WorkRequestConnection, {
    description:
      "The caller's OPEN work requests across every client (ACTIVE contracts they work as the coder), soonest due first; with organizationId, a coding company's OWNER or ADMIN sees those of every contract the company works.",
    complexity: connectionComplexity,
  })
  async myWorkQueue(@CurrentUser() actor: Actor, @Args() args: WorkQueueArgs): Promise<WorkRequestConnection> {
    const now = new Date();
    return mapConnection(await this.requests.queue(actor, args), (row) => toWorkRequest(row, now));
  }

  @ResolveField(() => Contract, { description: 'The contract the request belongs to.' })
  contract(@Parent() request: WorkRequest, @Loaders() loaders: RequestLoaders): Promise<ContractEntity> {
    return this.requests.loadContract(loaders, request.contractId);
  }

  @ResolveField(() => Int, { description: 'Charts handed in: encounters of its SUBMITTED and ACCEPTED batches (a RETURNED batch no longer counts).' })
  async chartsDone(@Parent() request: WorkRequest, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await this.requests.loadCharts(loaders, request.id)).done;
  }

  @ResolveField(() => Int, { description: 'Charts the practice accepted: encounters of its ACCEPTED batches. The request completes when they reach chartCount.' })
  async chartsAccepted(@Parent() request: WorkRequest, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await this.requests.loadCharts(loaders, request.id)).accepted;
  }

  @ResolveField(() => Boolean, { description: 'True when more charts were handed in than asked for (allowed, shown to both sides).' })
  async overDelivered(@Parent() request: WorkRequest, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    return (await this.requests.loadCharts(loaders, request.id)).done > request.chartCount;
  }
}

@Resolver(() => Contract)
export class ContractPerformanceResolver {
  constructor(private readonly requests: WorkRequestsService) {}

  @ResolveField(() => ContractPerformance, { description: "How the contract's work goes: on-time rate, turnaround, charts per week, audited accuracy (its parties)." })
  performance(@Parent() contract: ContractEntity, @CurrentUser() actor: Actor, @Loaders() loaders: RequestLoaders): Promise<ContractPerformance> {
    return this.requests.loadPerformance(loaders, actor, contract);
  }
}
