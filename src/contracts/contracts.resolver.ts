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
import { Earnings, PayeeArgs, PayoutAccount } from '../payments/dto/payout.models.js';
import { payeeOf, PayeeKind } from '../payments/payee.js';
import { toPayoutAccount } from '../payments/payments.mapper.js';
import { PayoutsService } from '../payments/payouts.service.js';
import { JobPosting } from '../jobs/dto/job-posting.model.js';
import { JobPostingsService } from '../jobs/job-postings.service.js';
import { Organization } from '../organizations/dto/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { UserRole } from '../domain/user-role.enum.js';
import { ContractPausesService } from './contract-pauses.service.js';
import { ContractsService } from './contracts.service.js';
import { Contract, ContractConnection, ContractPayee } from './dto/contract.model.js';

@Resolver(() => Contract)
export class ContractsResolver {
  constructor(
    private readonly contracts: ContractsService,
    private readonly pauses: ContractPausesService,
    private readonly postings: JobPostingsService,
    private readonly profiles: CoderProfilesService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Roles(UserRole.PROVIDER)
  @Mutation(() => Contract, { description: "Accepts a PENDING bid (members of the posting's organization): creates the contract; the posting turns FILLED with its last position." })
  acceptBid(@CurrentUser() actor: Actor, @IdArg('id', 'The PENDING bid to accept.') id: string): Promise<Contract> {
    return this.contracts.acceptBid(actor, id);
  }

  @Roles(UserRole.CODER)
  @Mutation(() => Contract, {
    description:
      "A coding company's OWNER or ADMIN gives the company's contract to another ACTIVE member holding the posting's required credentials. The contract keeps paying the company; the previous coder loses it at once.",
  })
  reassignContractCoder(
    @CurrentUser() actor: Actor,
    @IdArg('contractId', "The coding company's contract.") contractId: string,
    @IdArg('coderId', "The new coder's user id.") coderId: string,
  ): Promise<Contract> {
    return this.contracts.reassignCoder(actor, contractId, coderId);
  }

  @Mutation(() => Contract, { description: 'Ends an ACTIVE or PAUSED contract (either party).' })
  endContract(@CurrentUser() actor: Actor, @IdArg('id', 'The contract to end.') id: string): Promise<Contract> {
    return this.contracts.end(actor, id);
  }

  @Mutation(() => Contract, {
    description: "Pauses an ACTIVE contract (the practice's OWNER or ADMIN): the coder logs no work and submits no coded batches until it is resumed; work done before the pause is still invoiced.",
  })
  pauseContract(@CurrentUser() actor: Actor, @IdArg('id', 'The ACTIVE contract to pause.') id: string): Promise<Contract> {
    return this.pauses.pause(actor, id);
  }

  @Mutation(() => Contract, {
    description: "Resumes a PAUSED contract (the practice's OWNER or ADMIN); one paused for a failed payment resumes only once its failed invoices are paid (CONFLICT until then).",
  })
  resumeContract(@CurrentUser() actor: Actor, @IdArg('id', 'The PAUSED contract to resume.') id: string): Promise<Contract> {
    return this.pauses.resume(actor, id);
  }

  @Query(() => Contract, { description: 'A contract you are party to (NOT_FOUND otherwise).' })
  contract(@CurrentUser() actor: Actor, @IdArg('id', 'A contract you are a party of.') id: string): Promise<Contract> {
    return this.contracts.findForParty(actor, id);
  }

  @Query(() => ContractConnection, { description: 'Contracts you are party to, newest first.', complexity: connectionComplexity })
  myContracts(@CurrentUser() actor: Actor, @Args() args: ConnectionArgs): Promise<ContractConnection> {
    return this.contracts.listMine(actor, args);
  }

  @Roles(UserRole.CODER)
  @Query(() => Earnings, { description: "The calling coder's own money (contracts paying them personally), or with `organizationId` a coding company's (its OWNERs and ADMINs)." })
  myEarnings(@CurrentUser() actor: Actor, @Args() args: PayeeArgs): Promise<Earnings> {
    return this.contracts.earnings(actor, args.organizationId);
  }

  @ResolveField(() => JobPosting, { description: 'The posting the contract came from.' })
  async jobPosting(@Parent() contract: Contract, @Loaders() loaders: RequestLoaders): Promise<JobPosting> {
    return orNotFound(await this.postings.loadById(loaders, contract.jobPostingId), 'Job posting');
  }

  @ResolveField(() => CoderProfile, { description: 'The coder doing the work.' })
  async coder(@Parent() contract: Contract, @Loaders() loaders: RequestLoaders): Promise<CoderProfile> {
    return toCoderProfile(orNotFound(await this.profiles.loadByUserId(loaders, contract.coderId), 'Coder profile'));
  }

  @ResolveField(() => Organization, { description: 'The practice paying.' })
  async organization(@Parent() contract: Contract, @Loaders() loaders: RequestLoaders): Promise<Organization> {
    return orNotFound(await this.organizations.loadById(loaders, contract.organizationId), 'Organization');
  }

  @ResolveField(() => Organization, { nullable: true, description: 'The coding company the contract was made through (it bid for its member, and it is paid); null for a coder hired directly.' })
  async codingCompany(@Parent() contract: Contract, @Loaders() loaders: RequestLoaders): Promise<Organization | null> {
    return contract.codingCompanyId ? orNotFound(await this.organizations.loadById(loaders, contract.codingCompanyId), 'Organization') : null;
  }

  @ResolveField(() => ContractPayee, { description: 'Who is paid: the coding company for a contract made through one, otherwise the coder.' })
  payee(@Parent() contract: Contract): ContractPayee {
    return payeeOf(contract);
  }
}

@Resolver(() => ContractPayee)
export class PayeeResolver {
  constructor(
    private readonly payouts: PayoutsService,
    private readonly profiles: CoderProfilesService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => Organization, { nullable: true, description: 'The coding company paid (kind ORGANIZATION).' })
  async organization(@Parent() payee: ContractPayee, @Loaders() loaders: RequestLoaders): Promise<Organization | null> {
    return payee.kind === PayeeKind.ORGANIZATION ? orNotFound(await this.organizations.loadById(loaders, payee.id), 'Organization') : null;
  }

  @ResolveField(() => CoderProfile, { nullable: true, description: 'The coder paid personally (kind USER).' })
  async coder(@Parent() payee: ContractPayee, @Loaders() loaders: RequestLoaders): Promise<CoderProfile | null> {
    return payee.kind === PayeeKind.USER ? toCoderProfile(orNotFound(await this.profiles.loadByUserId(loaders, payee.id), 'Coder profile')) : null;
  }

  @ResolveField(() => PayoutAccount, { description: "The payee's Stripe account: transfers wait until it is ENABLED." })
  async payoutAccount(@Parent() payee: ContractPayee, @Loaders() loaders: RequestLoaders): Promise<PayoutAccount> {
    return toPayoutAccount(await this.payouts.loadAccount(loaders, payee));
  }
}
