import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, RequiresVerifiedEmail, Roles } from '../common/auth/decorators.js';
import { UserRole } from '../domain/user-role.enum.js';
import { PayoutAccount, StartPayoutOnboardingArgs } from './dto/payout.models.js';
import { toPayoutAccount } from './payments.mapper.js';
import { PayoutsService } from './payouts.service.js';

@Resolver()
export class PayoutsResolver {
  constructor(private readonly payouts: PayoutsService) {}

  @Roles(UserRole.CODER)
  @RequiresVerifiedEmail()
  @Mutation(() => String, { description: 'A Stripe Connect onboarding link for the calling coder (the Express account is created once).' })
  startPayoutOnboarding(@CurrentUser() actor: Actor, @Args() args: StartPayoutOnboardingArgs): Promise<string> {
    return this.payouts.startOnboarding(actor, args.returnUrl, args.refreshUrl);
  }

  @Roles(UserRole.CODER)
  @Query(() => PayoutAccount)
  async payoutAccount(@CurrentUser() actor: Actor): Promise<PayoutAccount> {
    return toPayoutAccount(await this.payouts.findAccount(actor.id));
  }
}
