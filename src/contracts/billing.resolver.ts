import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, RequiresVerifiedEmail, Roles } from '../common/auth/decorators.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { connectionComplexity, ListArgs } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { BillingService } from '../payments/billing.service.js';
import { UserRole } from '../domain/user-role.enum.js';
import { toWorkLog } from './contracts.mapper.js';
import { Contract } from './dto/contract.model.js';
import { ContractInvoicesArgs, Invoice, InvoiceConnection, InvoiceLine, LogWorkInput, ReportCollectionsArgs, WorkLog } from './dto/billing.models.js';
import { InvoicesService } from './invoices.service.js';

@Resolver(() => Invoice)
export class BillingResolver {
  constructor(
    private readonly invoicesService: InvoicesService,
    private readonly billing: BillingService,
  ) {}

  @Roles(UserRole.CODER)
  @Mutation(() => WorkLog, { description: 'Logs a day of work (minutes on HOURLY, charts on PER_CHART); logging the same day again replaces it until it is invoiced.' })
  async logWork(
    @CurrentUser() actor: Actor,
    @IdArg('contractId', 'The HOURLY or PER_CHART contract.') contractId: string,
    @Args('input', { description: 'The day and the minutes or charts.' }) input: LogWorkInput,
  ): Promise<WorkLog> {
    return toWorkLog(await this.invoicesService.logWork(actor, contractId, input));
  }

  @Query(() => [Invoice], {
    description: "A contract's invoices, newest period first, with their lines (contract parties). Kept as a plain list for compatibility; page with `invoicesConnection`.",
  })
  invoices(@CurrentUser() actor: Actor, @IdArg('contractId', 'A contract you are a party of.') contractId: string): Promise<Invoice[]> {
    return this.invoicesService.listForContract(actor, contractId);
  }

  @Query(() => InvoiceConnection, {
    description: "A contract's invoices as a connection, most recently issued first, with their lines (contract parties). `invoices` stays a plain list for compatibility.",
    complexity: connectionComplexity,
  })
  invoicesConnection(@CurrentUser() actor: Actor, @Args() args: ContractInvoicesArgs): Promise<InvoiceConnection> {
    return this.invoicesService.pageForContract(actor, args.contractId.toLowerCase(), args);
  }

  @ResolveField(() => [InvoiceLine], { description: 'What the invoice bills: days and minutes (HOURLY) or accepted coded batches and their charts (PER_CHART); none for COLLECTIONS.' })
  lines(@Parent() invoice: Invoice, @Loaders() loaders: RequestLoaders): Promise<InvoiceLine[]> {
    return this.invoicesService.loadLines(loaders, invoice.id);
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => Invoice, { description: "Reports collections for a period on a PERCENT_OF_COLLECTIONS contract; invoices the contract's share." })
  reportCollections(@CurrentUser() actor: Actor, @Args() args: ReportCollectionsArgs): Promise<Invoice> {
    return this.invoicesService.reportCollections(actor, args);
  }

  @Roles(UserRole.PROVIDER)
  @RequiresVerifiedEmail()
  @Mutation(() => String, { description: "A Stripe SetupIntent client secret to save the practice's card for weekly invoices (owners and admins)." })
  startPaymentMethodSetup(@CurrentUser() actor: Actor, @IdArg('organizationId', 'The practice saving a card (OWNER or ADMIN).') organizationId: string): Promise<string> {
    return this.billing.startSetup(actor, organizationId);
  }
}

@Resolver(() => Contract)
export class ContractWorkResolver {
  constructor(private readonly invoicesService: InvoicesService) {}

  @ResolveField(() => [WorkLog], { description: 'Days of work logged, newest first.', complexity: connectionComplexity })
  async workLogs(@Parent() contract: Contract, @CurrentUser() actor: Actor, @Args() args: ListArgs, @Loaders() loaders: RequestLoaders): Promise<WorkLog[]> {
    return (await this.invoicesService.loadWork(loaders, actor, contract, args.first)).map(toWorkLog);
  }
}
