import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import type { AppRequest } from '../common/auth/request-from-context.js';
import { CurrentUser, RequiresVerifiedEmail, Roles } from '../common/auth/decorators.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { connectionComplexity } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { Contract } from '../contracts/dto/contract.model.js';
import { UserRole } from '../domain/user-role.enum.js';
import { auditContextOf, AuditLogService } from './audit-log.service.js';
import { DocumentsService } from './documents.service.js';
import { AuditEventConnection, AuditEventsArgs, AuditLogArgs, BaaStatus, Document } from './dto/workroom.models.js';
import { WorkroomAccessService } from './workroom-access.service.js';

@Resolver(() => Contract)
export class WorkroomResolver {
  constructor(
    private readonly access: WorkroomAccessService,
    private readonly documentsService: DocumentsService,
    private readonly audit: AuditLogService,
  ) {}

  @RequiresVerifiedEmail()
  @Mutation(() => Contract, { description: 'Signs the Business Associate Agreement for your side of the contract (recorded with version, time and IP).' })
  signBaa(@CurrentUser() actor: Actor, @IdArg('contractId') contractId: string, @Context('req') req: AppRequest): Promise<Contract> {
    return this.access.sign(actor, contractId, auditContextOf(req));
  }

  @Query(() => [Document], { description: "A contract's documents (its parties, while the contract is ACTIVE or DISPUTED); listing is audited." })
  documents(@CurrentUser() actor: Actor, @IdArg('contractId') contractId: string, @Context('req') req: AppRequest): Promise<Document[]> {
    return this.documentsService.list(actor, contractId, auditContextOf(req));
  }

  @Query(() => AuditEventConnection, { description: "The PHI audit log of a contract, newest first (the contract's parties).", complexity: connectionComplexity })
  auditLog(@CurrentUser() actor: Actor, @Args() args: AuditLogArgs): Promise<AuditEventConnection> {
    return this.audit.listForContract(actor, args.contractId, args);
  }

  @Roles(UserRole.ADMIN)
  @Query(() => AuditEventConnection, { description: 'The PHI audit log across contracts, newest first (ADMIN).', complexity: connectionComplexity })
  auditEvents(@Args() args: AuditEventsArgs): Promise<AuditEventConnection> {
    return this.audit.list(args, args.contractId);
  }

  @Roles(UserRole.ADMIN)
  @Query(() => Boolean, { description: 'Recomputes the audit hash chain: false when any event was altered or removed (ADMIN).' })
  async auditChainIntact(): Promise<boolean> {
    return (await this.audit.firstBrokenLink()) === null;
  }

  @ResolveField(() => BaaStatus)
  baa(@Parent() contract: Contract, @Loaders() loaders: RequestLoaders): Promise<BaaStatus> {
    return this.access.loadBaaState(loaders, contract);
  }
}
