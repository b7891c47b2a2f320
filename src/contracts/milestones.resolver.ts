import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, RequiresVerifiedEmail, Roles } from '../common/auth/decorators.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { connectionComplexity, ListArgs } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { UserRole } from '../domain/user-role.enum.js';
import { Contract } from './dto/contract.model.js';
import { CreateMilestoneInput, FundingIntent, Milestone, RequestMilestoneChangesArgs, SubmitMilestoneArgs } from './dto/milestone.models.js';
import { MilestonesService } from './milestones.service.js';

@Resolver(() => Milestone)
export class MilestonesResolver {
  constructor(private readonly milestones: MilestonesService) {}

  @Roles(UserRole.PROVIDER)
  @Mutation(() => Milestone, { description: 'Adds a milestone to a FIXED_PRICE contract (the paying practice).' })
  createMilestone(
    @CurrentUser() actor: Actor,
    @IdArg('contractId', 'The FIXED_PRICE contract.') contractId: string,
    @Args('input', { description: 'What the milestone delivers and its amount.' }) input: CreateMilestoneInput,
  ): Promise<Milestone> {
    return this.milestones.create(actor, contractId, input);
  }

  @Roles(UserRole.PROVIDER)
  @RequiresVerifiedEmail()
  @Mutation(() => FundingIntent, { description: 'Starts paying a milestone into escrow; it becomes FUNDED when Stripe confirms the payment.' })
  fundMilestone(@CurrentUser() actor: Actor, @IdArg('id', 'The CREATED milestone to pay into escrow.') id: string): Promise<FundingIntent> {
    return this.milestones.fund(actor, id);
  }

  @Roles(UserRole.CODER)
  @Mutation(() => Milestone, { description: 'Delivers a FUNDED milestone (the coder); it is released automatically after the review window unless approved or disputed.' })
  submitMilestone(@CurrentUser() actor: Actor, @Args() args: SubmitMilestoneArgs): Promise<Milestone> {
    return this.milestones.submit(actor, args.id, args.note ?? null);
  }

  @Roles(UserRole.PROVIDER)
  @RequiresVerifiedEmail()
  @Mutation(() => Milestone, { description: 'Releases escrow to the coder minus the platform fee (the paying practice).' })
  approveMilestone(@CurrentUser() actor: Actor, @IdArg('id', 'The SUBMITTED milestone to approve.') id: string): Promise<Milestone> {
    return this.milestones.approve(actor, id);
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => Milestone, {
    description: 'Sends a SUBMITTED milestone back to the coder with what to change (the paying practice): FUNDED again, the money still held; the review window starts over at the next submission.',
  })
  requestMilestoneChanges(@CurrentUser() actor: Actor, @Args() args: RequestMilestoneChangesArgs): Promise<Milestone> {
    return this.milestones.requestChanges(actor, args.id, args.note);
  }

  @Roles(UserRole.PROVIDER)
  @RequiresVerifiedEmail()
  @Mutation(() => Milestone, {
    description:
      'Refunds a FUNDED milestone the coder has not delivered yet to the practice. A delivered one (SUBMITTED, or sent back for changes) answers CONFLICT: approve it, request changes, or open a dispute.',
  })
  refundMilestone(@CurrentUser() actor: Actor, @IdArg('id', 'The FUNDED milestone to refund.') id: string): Promise<Milestone> {
    return this.milestones.refund(actor, id);
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => Milestone, {
    description:
      'Cancels a milestone no money arrived for (CREATED, or FUNDING with the payment abandoned) so the contract can end; its PaymentIntent is cancelled at Stripe. CONFLICT when the payment already went through (the milestone then becomes FUNDED).',
  })
  cancelMilestone(@CurrentUser() actor: Actor, @IdArg('id', 'The CREATED or FUNDING milestone to give up.') id: string): Promise<Milestone> {
    return this.milestones.cancel(actor, id);
  }
}

@Resolver(() => Contract)
export class ContractMilestonesResolver {
  constructor(private readonly milestonesService: MilestonesService) {}

  @ResolveField('milestones', () => [Milestone], { description: 'Fixed-price milestones, oldest first.', complexity: connectionComplexity })
  milestones(@Parent() contract: Contract, @Args() args: ListArgs, @Loaders() loaders: RequestLoaders): Promise<Milestone[]> {
    return this.milestonesService.loadForContract(loaders, contract.id, args.first);
  }
}
