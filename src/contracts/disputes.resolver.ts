import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { ConnectionArgs, connectionComplexity, ListArgs, mapConnection } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { UserRole } from '../domain/user-role.enum.js';
import { toDispute } from './contracts.mapper.js';
import { DisputesService } from './disputes.service.js';
import { Contract } from './dto/contract.model.js';
import { Dispute, DisputeConnection, OpenDisputeArgs, ResolveDisputeInput } from './dto/dispute.models.js';

@Resolver(() => Dispute)
export class DisputesResolver {
  constructor(private readonly disputes: DisputesService) {}

  @Mutation(() => Dispute, { description: 'Disputes a contract (either party): escrow releases freeze until an admin resolves it.' })
  async openDispute(@CurrentUser() actor: Actor, @Args() args: OpenDisputeArgs): Promise<Dispute> {
    return toDispute(await this.disputes.open(actor, args.contractId, args.reason));
  }

  @Roles(UserRole.ADMIN)
  @Mutation(() => Dispute, { description: 'Settles the escrow held on a disputed contract: release, refund, or a split in cents (ADMIN).' })
  async resolveDispute(
    @CurrentUser() actor: Actor,
    @IdArg('id', 'The OPEN dispute.') id: string,
    @Args('input', { description: 'The outcome and a note.' }) input: ResolveDisputeInput,
  ): Promise<Dispute> {
    return toDispute(await this.disputes.resolve(actor, id, input));
  }

  @Roles(UserRole.ADMIN)
  @Query(() => DisputeConnection, { description: 'Open disputes, oldest first (ADMIN).', complexity: connectionComplexity })
  async openDisputes(@Args() args: ConnectionArgs): Promise<DisputeConnection> {
    return mapConnection(await this.disputes.listOpen(args), toDispute);
  }
}

@Resolver(() => Contract)
export class ContractDisputesResolver {
  constructor(private readonly disputesService: DisputesService) {}

  @ResolveField('disputes', () => [Dispute], {
    description:
      "The contract's first `first` disputes, newest first, open and resolved: the admin's decision and where the held money went (both parties and admins). Kept as a plain list for compatibility; page with `disputesConnection`.",
    complexity: connectionComplexity,
  })
  async disputes(@Parent() contract: Contract, @CurrentUser() actor: Actor, @Args() args: ListArgs, @Loaders() loaders: RequestLoaders): Promise<Dispute[]> {
    return (await this.disputesService.loadForContract(loaders, actor, contract, args.first)).map(toDispute);
  }

  @ResolveField('disputesConnection', () => DisputeConnection, {
    description: "The contract's disputes as a connection, newest first, open and resolved (both parties and admins). `disputes` stays a plain list for compatibility; page with this one.",
    complexity: connectionComplexity,
  })
  async disputesConnection(@Parent() contract: Contract, @CurrentUser() actor: Actor, @Args() args: ConnectionArgs, @Loaders() loaders: RequestLoaders): Promise<DisputeConnection> {
    return mapConnection(await this.disputesService.loadPageForContract(loaders, actor, contract, args), toDispute);
  }
}
