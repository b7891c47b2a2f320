import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import type { AppRequest } from '../common/auth/request-from-context.js';
import { CurrentUser, Public, RequiresVerifiedEmail, Roles } from '../common/auth/decorators.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { connectionComplexity } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { Contract } from '../contracts/dto/contract.model.js';
import { UserRole } from '../domain/user-role.enum.js';
import { auditContextOf, AuditLogService } from './audit-log.service.js';
import { DocumentsService } from './documents.service.js';
import { CURRENT_BAA } from './baa/agreements.js';
import {
  AuditEventConnection,
  AuditEventsArgs,
  AuditLogArgs,
  BaaStatus,
  BusinessAssociateAgreement,
  ContractDocumentsArgs,
  Document,
  DocumentConnection,
  PhiDestruction,
  SubcontractorBaa,
  SubcontractorBaaConnection,
  SubcontractorBaasArgs,
} from './dto/workroom.models.js';
import { PhiRetentionService, REMAINS_AFTER_DESTRUCTION } from './phi-retention.service.js';
import { WorkroomAccessService } from './workroom-access.service.js';

@Resolver(() => Contract)
export class WorkroomResolver {
  constructor(
    private readonly access: WorkroomAccessService,
    private readonly documentsService: DocumentsService,
    private readonly audit: AuditLogService,
    private readonly retention: PhiRetentionService,
  ) {}

  @Public()
  @Query(() => BusinessAssociateAgreement, {
    description: 'The current Business Associate Agreement: its version, full text, SHA-256 and effective date (what signBaa and signSubcontractorBaa sign).',
  })
  businessAssociateAgreement(): BusinessAssociateAgreement {
    return CURRENT_BAA;
  }

  @RequiresVerifiedEmail()
  @Mutation(() => SubcontractorBaa, {
    description:
      "Signs the coding company's subcontractor BAA (the current version; recorded with its hash, time and IP): the coder, a member of the company. An OWNER or ADMIN of the company then countersigns; until then the coder does no PHI act on the company's contracts.",
  })
  signSubcontractorBaa(@CurrentUser() actor: Actor, @IdArg('organizationId', 'The coding company.') organizationId: string, @Context('req') req: AppRequest): Promise<SubcontractorBaa> {
    return this.access.signSubcontractor(actor, organizationId, auditContextOf(req));
  }

  @RequiresVerifiedEmail()
  @Mutation(() => SubcontractorBaa, { description: "Countersigns a coder's signed subcontractor BAA for the coding company (its OWNER or ADMIN)." })
  countersignSubcontractorBaa(
    @CurrentUser() actor: Actor,
    @IdArg('organizationId', 'The coding company.') organizationId: string,
    @IdArg('coderId', 'The coder who signed.') coderId: string,
    @Context('req') req: AppRequest,
  ): Promise<SubcontractorBaa> {
    return this.access.countersignSubcontractor(actor, organizationId, coderId, auditContextOf(req));
  }

  @Query(() => SubcontractorBaaConnection, {
    description: "A coding company's subcontractor BAAs, most recently signed first: all of them for its OWNERs and ADMINs, their own for a coder.",
    complexity: connectionComplexity,
  })
  subcontractorBaas(@CurrentUser() actor: Actor, @Args() args: SubcontractorBaasArgs): Promise<SubcontractorBaaConnection> {
    return this.access.listSubcontractor(actor, args.organizationId.toLowerCase(), args);
  }

  @RequiresVerifiedEmail()
  @Mutation(() => Contract, { description: 'Signs the Business Associate Agreement for your side of the contract (recorded with version, time and IP).' })
  signBaa(@CurrentUser() actor: Actor, @IdArg('contractId', 'The contract whose BAA you sign.') contractId: string, @Context('req') req: AppRequest): Promise<Contract> {
    return this.access.sign(actor, contractId, auditContextOf(req));
  }

  @Query(() => [Document], {
    description:
      "A contract's documents, newest first (its parties, while the contract is ACTIVE or DISPUTED); listing is audited. Kept as a plain list for compatibility; page with `documentsConnection`.",
  })
  documents(@CurrentUser() actor: Actor, @IdArg('contractId', 'A contract you are a party of.') contractId: string, @Context('req') req: AppRequest): Promise<Document[]> {
    return this.documentsService.list(actor, contractId, auditContextOf(req));
  }

  @Query(() => DocumentConnection, {
    description: "A contract's documents as a connection, newest first (its parties, while the contract is ACTIVE or DISPUTED); listing is audited. `documents` stays a plain list for compatibility.",
    complexity: connectionComplexity,
  })
  documentsConnection(@CurrentUser() actor: Actor, @Args() args: ContractDocumentsArgs, @Context('req') req: AppRequest): Promise<DocumentConnection> {
    return this.documentsService.page(actor, args.contractId.toLowerCase(), args, auditContextOf(req));
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

  @ResolveField(() => BaaStatus, { description: 'The Business Associate Agreement on the contract: required or not, who signed which version.' })
  baa(@Parent() contract: Contract, @Loaders() loaders: RequestLoaders): Promise<BaaStatus> {
    return this.access.loadBaaState(loaders, contract);
  }

  @ResolveField(() => PhiDestruction, {
    nullable: true,
    description: "The record of the destruction of the contract's PHI after its retention period (its two parties; FORBIDDEN or NOT_FOUND to others); null while the PHI is kept.",
  })
  async phiDestruction(@CurrentUser() actor: Actor, @Parent() contract: Contract, @Loaders() loaders: RequestLoaders): Promise<PhiDestruction | null> {
    const record = await this.retention.loadRecordFor(loaders, actor, contract);
    if (!record) return null;
    return { ...record, otherStores: Object.entries(record.otherStores).map(([store, count]) => ({ store, count })), remains: REMAINS_AFTER_DESTRUCTION };
  }
}
