import { Float, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { SafeIntScalar } from '../common/scalars/safe-int.scalar.js';
import { Organization } from '../organizations/dto/organization.model.js';
import { ClientReputationService } from './client-reputation.service.js';

/**
 * A practice's record as a client, on `Organization` wherever it is seen (a posting's organization
 * included), so coders can judge a practice too. One DataLoader batch serves every field of a page.
 */
@Resolver(() => Organization)
export class ClientReputationResolver {
  constructor(private readonly reputation: ClientReputationService) {}

  @ResolveField(() => Boolean, { description: 'Client reputation: the practice saved a payment method, or a payment of it reached escrow.' })
  async paymentVerified(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    return (await this.reputation.load(loaders, organization.id)).paymentVerified;
  }

  @ResolveField(() => SafeIntScalar, { description: 'Client reputation: money released from escrow to its coders for accepted work, in cents (gross: the platform fee included).' })
  async totalPaidCents(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await this.reputation.load(loaders, organization.id)).totalPaidCents;
  }

  @ResolveField(() => Int, { description: 'Client reputation: contracts it started as the paying practice (accepted bids), ended ones included.' })
  async contractsCount(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await this.reputation.load(loaders, organization.id)).contractsCount;
  }

  @ResolveField(() => Int, { description: 'Client reputation: contracts on which its coder was paid (a milestone released, an invoice paid): the ones hireRate counts.' })
  async paidContractsCount(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await this.reputation.load(loaders, organization.id)).paidContractsCount;
  }

  @ResolveField(() => Int, { description: 'Client reputation: job postings it published, of any status.' })
  async postingsCount(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await this.reputation.load(loaders, organization.id)).postingsCount;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description:
      'Client reputation: share of its postings (0..1, two decimals) that led to at least one contract on which the coder was paid (a milestone released, an invoice paid): a hire nobody paid on does not count; null before the first posting.',
  })
  async hireRate(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return (await this.reputation.load(loaders, organization.id)).hireRate;
  }

  @ResolveField(() => Float, { nullable: true, description: 'Client reputation: average stars (1..5, two decimals) of the published reviews its coders wrote; null before the first.' })
  async rating(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return (await this.reputation.load(loaders, organization.id)).rating;
  }

  @ResolveField(() => Int, { description: 'Client reputation: published reviews its coders wrote about it.' })
  async reviewCount(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await this.reputation.load(loaders, organization.id)).reviewCount;
  }
}
