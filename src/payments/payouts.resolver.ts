import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, RequiresVerifiedEmail, Roles } from '../common/auth/decorators.js';
import { UserRole } from '../domain/user-role.enum.js';
import { PayeeArgs, PayoutAccount, StartPayoutOnboardingArgs } from './dto/payout.models.js';
import { toPayoutAccount } from './payments.mapper.js';
import { PayoutsService } from './payouts.service.js';

@Resolver()
export class PayoutsResolver {
  constructor(private readonly payouts: PayoutsService) {}

  @Roles(UserRole.CODER)
  @RequiresVerifiedEmail()
  @Mutation(() => String, {
    description:
      "A Stripe Connect onboarding link for the calling coder's Express account, or with `organizationId` for a coding company's own (a company account, onboarded by its OWNER or ADMIN). The account is created once.",
  })
  startPayoutOnboarding(@CurrentUser() actor: Actor, @Args() args: StartPayoutOnboardingArgs): Promise<string> {
    return this.payouts.startOnboarding(actor, args);
  }

  @Roles(UserRole.CODER)
  @Query(() => PayoutAccount, { description: "The calling coder's payout account, or with `organizationId` a coding company's (its OWNERs and ADMINs)." })
  async payoutAccount(@CurrentUser() actor: Actor, @Args() args: PayeeArgs): Promise<PayoutAccount> {
    return toPayoutAccount(await this.payouts.accountFor(actor, args.organizationId));
  }
}
