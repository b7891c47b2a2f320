import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { orNotFound } from '../common/errors/app-error.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { ConnectionArgs, connectionComplexity } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { CoderProfilesService } from '../coders/coder-profiles.service.js';
import { toCoderProfile } from '../coders/coders.mapper.js';
import { CoderProfile } from '../coders/dto/coder-profile.model.js';
import { JobPosting } from '../jobs/dto/job-posting.model.js';
import { JobPostingsService } from '../jobs/job-postings.service.js';
import { Organization } from '../organizations/dto/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { UserRole } from '../domain/user-role.enum.js';
import { BidsService } from './bids.service.js';
import { InviteCoderArgs, SubmitBidInput } from './dto/bid.inputs.js';
import { Bid, BidConnection, Invitation, InvitationConnection } from './dto/bid.model.js';
import { MyInvitationsArgs } from './dto/my-invitations.args.js';
import { InvitationsService } from './invitations.service.js';

@Resolver(() => Bid)
export class BidsResolver {
  constructor(
    private readonly bids: BidsService,
    private readonly postings: JobPostingsService,
    private readonly profiles: CoderProfilesService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Roles(UserRole.CODER)
  @Mutation(() => Bid, { description: 'Bids on an OPEN posting (CODER). Needs every credential the posting requires, verified and unexpired.' })
  submitBid(@CurrentUser() actor: Actor, @Args('input', { description: 'The posting, your rate and your pitch.' }) input: SubmitBidInput): Promise<Bid> {
    return this.bids.submit(actor, input);
  }

  @Mutation(() => Bid, { description: 'Withdraws your PENDING bid.' })
  withdrawBid(@CurrentUser() actor: Actor, @IdArg('id', 'Your PENDING bid.') id: string): Promise<Bid> {
    return this.bids.withdraw(actor, id);
  }

  @Mutation(() => Bid, { description: "Rejects a PENDING bid (members of the posting's organization)." })
  rejectBid(@CurrentUser() actor: Actor, @IdArg('id', 'The PENDING bid to reject.') id: string): Promise<Bid> {
    return this.bids.reject(actor, id);
  }

  @Query(() => BidConnection, { description: 'Bids you will work on or submitted, newest first.', complexity: connectionComplexity })
  myBids(@CurrentUser() actor: Actor, @Args() args: ConnectionArgs): Promise<BidConnection> {
    return this.bids.listMine(actor, args);
  }

  @ResolveField(() => JobPosting, { description: 'The posting bid on.' })
  async jobPosting(@Parent() bid: Bid, @Loaders() loaders: RequestLoaders): Promise<JobPosting> {
    return orNotFound(await this.postings.loadById(loaders, bid.jobPostingId), 'Job posting');
  }

  @ResolveField(() => CoderProfile, { description: 'The coder who will do the work.' })
  async coder(@Parent() bid: Bid, @Loaders() loaders: RequestLoaders): Promise<CoderProfile> {
    return toCoderProfile(orNotFound(await this.profiles.loadByUserId(loaders, bid.coderId), 'Coder profile'));
  }

  @ResolveField(() => Organization, { nullable: true, description: 'The coding company bidding, if any.' })
  async organization(@Parent() bid: Bid, @Loaders() loaders: RequestLoaders): Promise<Organization | null> {
    return bid.organizationId ? this.organizations.loadById(loaders, bid.organizationId) : null;
  }
}

@Resolver(() => Invitation)
export class InvitationsResolver {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly postings: JobPostingsService,
    private readonly profiles: CoderProfilesService,
  ) {}

  @Roles(UserRole.PROVIDER)
  @Mutation(() => Invitation, { description: 'Invites a coder to bid on an OPEN posting of your organization; the coder is notified.' })
  inviteCoder(@CurrentUser() actor: Actor, @Args() args: InviteCoderArgs): Promise<Invitation> {
    return this.invitations.invite(actor, args);
  }

  @Roles(UserRole.CODER)
  @Mutation(() => Invitation, { description: 'Declines an invitation addressed to you.' })
  declineInvitation(@CurrentUser() actor: Actor, @IdArg('id', 'The job invitation to decline.') id: string): Promise<Invitation> {
    return this.invitations.decline(actor, id);
  }

  @Roles(UserRole.CODER)
  @Query(() => InvitationConnection, { description: 'Invitations addressed to you, newest first.', complexity: connectionComplexity })
  myInvitations(@CurrentUser() actor: Actor, @Args() args: MyInvitationsArgs): Promise<InvitationConnection> {
    return this.invitations.listMine(actor, args);
  }

  @ResolveField(() => JobPosting, { description: 'The posting the coder is invited to bid on.' })
  async jobPosting(@Parent() invitation: Invitation, @Loaders() loaders: RequestLoaders): Promise<JobPosting> {
    return orNotFound(await this.postings.loadById(loaders, invitation.jobPostingId), 'Job posting');
  }

  @ResolveField(() => CoderProfile, { description: "The invited coder's profile." })
  async coder(@Parent() invitation: Invitation, @Loaders() loaders: RequestLoaders): Promise<CoderProfile> {
    return toCoderProfile(orNotFound(await this.profiles.loadById(loaders, invitation.coderProfileId), 'Coder profile'));
  }
}

/** A posting's bids and invitations, visible to its organization's members only. */
@Resolver(() => JobPosting)
export class JobPostingBidsResolver {
  constructor(
    private readonly bidsService: BidsService,
    private readonly invitationsService: InvitationsService,
  ) {}

  @ResolveField(() => BidConnection, {
    nullable: true,
    description: "Bids, newest first: members of the posting's organization only (null with a NOT_FOUND error for others).",
    complexity: connectionComplexity,
  })
  bids(@Parent() posting: JobPosting, @CurrentUser() viewer: Actor | null, @Args() args: ConnectionArgs, @Loaders() loaders: RequestLoaders): Promise<BidConnection> {
    return this.bidsService.loadForPosting(loaders, viewer, posting, args);
  }

  @ResolveField(() => InvitationConnection, { nullable: true, description: "Invitations sent: members of the posting's organization only.", complexity: connectionComplexity })
  invitations(@Parent() posting: JobPosting, @CurrentUser() viewer: Actor | null, @Args() args: ConnectionArgs, @Loaders() loaders: RequestLoaders): Promise<InvitationConnection> {
    return this.invitationsService.loadForPosting(loaders, viewer, posting, args);
  }
}
