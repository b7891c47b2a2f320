import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, Public, Roles } from '../common/auth/decorators.js';
import { orNotFound } from '../common/errors/app-error.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { connectionComplexity } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { Organization } from '../organizations/dto/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { UserRole } from '../domain/user-role.enum.js';
import { groupLabel, requirementsOf } from '../domain/credential-requirements.js';
import { CreateJobPostingInput } from './dto/create-job-posting.input.js';
import { CredentialRequirement } from './dto/credential-requirement.model.js';
import { JobPosting, JobPostingConnection } from './dto/job-posting.model.js';
import { JobPostingsArgs, MyJobPostingsArgs } from './dto/job-postings.args.js';
import { JobPostingsService } from './job-postings.service.js';

@Resolver(() => JobPosting)
export class JobsResolver {
  constructor(
    private readonly postings: JobPostingsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Roles(UserRole.PROVIDER)
  @Mutation(() => JobPosting, { description: 'Posts coding work for a PROVIDER_PRACTICE the caller belongs to (status OPEN).' })
  createJobPosting(@CurrentUser() actor: Actor, @Args('input', { description: 'The work, its requirements and pay.' }) input: CreateJobPostingInput): Promise<JobPosting> {
    return this.postings.create(actor, input);
  }

  @Mutation(() => JobPosting, { description: "Closes an OPEN posting (members of the posting's organization)." })
  closeJobPosting(@CurrentUser() actor: Actor, @IdArg('id', 'The OPEN posting to close.') id: string): Promise<JobPosting> {
    return this.postings.close(actor, id);
  }

  @Public()
  @Query(() => JobPosting, { nullable: true, description: 'A posting by id (public); null when there is none.' })
  jobPosting(@IdArg('id', 'The posting.') id: string): Promise<JobPosting | null> {
    return this.postings.findById(id);
  }

  @Public()
  @Query(() => JobPostingConnection, { description: 'Public job search (OPEN postings unless filter.status says otherwise).', complexity: connectionComplexity })
  jobPostings(@Args() args: JobPostingsArgs): Promise<JobPostingConnection> {
    return this.postings.search(args);
  }

  @Query(() => JobPostingConnection, {
    description:
      "The postings of the organizations the caller is a member of (drafting side: OPEN, FILLED and CLOSED alike), newest first; filter by status or by one organization. Empty for a caller in no organization; another tenant's postings never appear.",
    complexity: connectionComplexity,
  })
  myJobPostings(@CurrentUser() actor: Actor, @Args() args: MyJobPostingsArgs): Promise<JobPostingConnection> {
    return this.postings.listForMember(actor, args);
  }

  @ResolveField(() => [CredentialRequirement], {
    description: 'Every credential requirement group a bidder must meet (the groups of one type first, then the "any of" groups); empty when the posting requires none.',
  })
  credentialRequirements(@Parent() posting: JobPosting): CredentialRequirement[] {
    return requirementsOf(posting).groups.map((group) => ({ anyOf: group, label: groupLabel(group) }));
  }

  @ResolveField(() => Organization, { description: 'The practice that posted the work.' })
  async organization(@Parent() posting: JobPosting, @Loaders() loaders: RequestLoaders): Promise<Organization> {
    return orNotFound(await this.organizations.loadById(loaders, posting.organizationId), 'Organization');
  }
}
