import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { UserRole } from '../domain/user-role.enum.js';
import { DisputesService } from './disputes.service.js';
import { Dispute, OpenDisputeArgs, ResolveDisputeInput } from './dto/dispute.models.js';

@Resolver(() => Dispute)
export class DisputesResolver {
  constructor(private readonly disputes: DisputesService) {}

  @Mutation(() => Dispute, { description: 'Disputes a contract (either party): escrow releases freeze until an admin resolves it.' })
  openDispute(@CurrentUser() actor: Actor, @Args() args: OpenDisputeArgs): Promise<Dispute> {
    return this.disputes.open(actor, args.contractId, args.reason);
  }

  @Roles(UserRole.ADMIN)
  @Mutation(() => Dispute, { description: 'Settles the escrow held on a disputed contract: release, refund, or a split in cents (ADMIN).' })
  resolveDispute(@CurrentUser() actor: Actor, @IdArg('id') id: string, @Args('input') input: ResolveDisputeInput): Promise<Dispute> {
    return this.disputes.resolve(actor, id, input);
  }

  @Roles(UserRole.ADMIN)
  @Query(() => [Dispute], { description: 'Open disputes, oldest first (ADMIN).' })
  openDisputes(): Promise<Dispute[]> {
    return this.disputes.listOpen();
  }
}
