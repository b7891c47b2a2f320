import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { PracticeBillingProfileInput } from './dto/practice-billing-profile.input.js';
import { PracticeBillingProfile } from './dto/practice-billing-profile.model.js';
import { PracticeBillingProfilesService, toPracticeBillingProfile } from './practice-billing-profiles.service.js';

@Resolver(() => PracticeBillingProfile)
export class PracticeBillingProfilesResolver {
  constructor(private readonly profiles: PracticeBillingProfilesService) {}

  @Mutation(() => PracticeBillingProfile, { description: "Sets the practice's billing details for 837P files (OWNER or ADMIN of a PROVIDER_PRACTICE)." })
  async setPracticeBillingProfile(
    @CurrentUser() actor: Actor,
    @IdArg('organizationId', 'The practice.') organizationId: string,
    @Args('input', { description: "The practice's billing name, address and tax id." }) input: PracticeBillingProfileInput,
  ): Promise<PracticeBillingProfile> {
    return toPracticeBillingProfile(await this.profiles.set(actor, organizationId, input));
  }

  @Query(() => PracticeBillingProfile, { nullable: true, description: "The practice's billing details for 837P files (its members); null until set." })
  async practiceBillingProfile(@CurrentUser() actor: Actor, @IdArg('organizationId', 'The practice.') organizationId: string): Promise<PracticeBillingProfile | null> {
    const row = await this.profiles.getForMember(actor, organizationId);
    return row ? toPracticeBillingProfile(row) : null;
  }
}
