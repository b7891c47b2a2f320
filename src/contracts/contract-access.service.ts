import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { decide, holds, PermissionTable } from '../common/auth/access-gate.js';
import { NotFoundError } from '../common/errors/app-error.js';
import { RequestLoaders } from '../common/loaders/request-loaders.js';
import { ORGANIZATION_PERMISSIONS, OrganizationAccess, OrganizationStanding } from '../organizations/organization-access.service.js';
import { UserRole } from '../domain/user-role.enum.js';
import { ContractEntity } from './contract.entity.js';

/** The two parties of a contract. */
export type ContractSide = 'provider' | 'coder';

/**
 * An actor's standing toward a contract: `provider` (an OWNER or ADMIN of the paying practice, who
 * acts for it in money and PHI), `practice-member` (a MEMBER of the paying practice: reads and
 * messages), `coder` (the contract's coder, or an OWNER or ADMIN of the coding company the coder
 * works through), or `platform-admin` for ADMIN users (who read contracts, never act on them).
 */
export type ContractStanding = ContractSide | 'practice-member' | 'platform-admin';

export type ContractPermission =
  'contract.read' | 'contract.message' | 'contract.participate' | 'contract.phi' | 'contract.work' | 'contract.pay' | 'contract.accept-work' | 'contract.pause' | 'contract.request-work';

/** Who may do what to a contract (docs/security.md, "Access"). */
export const CONTRACT_PERMISSIONS = {
  /** Read the contract, its invoices, work logs, milestones, reviews and audit log. */
  'contract.read': { holders: ['provider', 'practice-member', 'coder', 'platform-admin'], refusal: "Only the contract's parties and admins may read it" },
  /** Write and read its messages, live too. */
  'contract.message': { holders: ['provider', 'practice-member', 'coder'], refusal: 'Admins read contracts; only its parties message on it' },
  /** Decide for a party: end, dispute (it holds the money), review. */
  'contract.participate': { holders: ['provider', 'coder'], refusal: "Only the coder or the practice's OWNER or ADMIN may do this" },
  /** Handle its PHI: sign the BAA, upload, list and read documents and coded batches. */
  'contract.phi': { holders: ['provider', 'coder'], refusal: "Only the coder or the practice's OWNER or ADMIN handle this contract's PHI" },
  /** The coder's moves: log work, submit milestones and coded batches. */
  'contract.work': { holders: ['coder'], refusal: 'Only the coder on this contract may do this' },
  /** The practice's money moves: create, fund, approve and refund milestones, report collections. */
  'contract.pay': { holders: ['provider'], refusal: "Only the practice's OWNER or ADMIN may do this" },
  /** The practice's judgement of the work: review and audit coded batches. */
  'contract.accept-work': { holders: ['provider'], refusal: "Only the practice's OWNER or ADMIN review and audit coded batches" },
  /** The practice stops and restarts the work (and its billing of new work): pause and resume. */
  'contract.pause': { holders: ['provider'], refusal: "Only the practice's OWNER or ADMIN pause and resume a contract" },
  /** The practice asks for billable work: create and cancel work requests. */
  'contract.request-work': { holders: ['provider'], refusal: "Only the practice's OWNER or ADMIN ask for work on a contract" },
} as const satisfies PermissionTable<ContractPermission, ContractStanding>;

/**
 * The PHI and money acts: when the organization a side acts through requires MFA (the practice for the
 * provider side, the coding company, if any, for the coder side), the caller's account needs it.
 * `contract.work` is among them: a coded batch carries the charts' codes (PHI), a work log and a
 * submitted milestone ask to be paid.
 */
const MFA_GUARDED: readonly ContractPermission[] = ['contract.phi', 'contract.pay', 'contract.accept-work', 'contract.work'];

/** The standings holding permission `P`: what `require` returns, so a party-only permission yields a `ContractSide`. */
export type HolderOf<P extends ContractPermission> = (typeof CONTRACT_PERMISSIONS)[P]['holders'][number];

/** The side a standing belongs to (a practice MEMBER is on the practice's side); null for admins. */
export function sideOf(standing: ContractStanding): ContractSide | null {
  if (standing === 'platform-admin') return null;
  return standing === 'practice-member' ? 'provider' : standing;
}

/** The columns that decide who is party to a contract. */
export type ContractParties = Pick<ContractEntity, 'coderId' | 'organizationId' | 'codingCompanyId'>;

/**
 * Who is party to a contract, the one rule, built on the organization permissions: the coder (still
 * a member of the coding company, when the contract came through one), or a caller who manages the
 * coder's coding company (`organization.manage`), is the coder side; on the paying practice,
 * `organization.manage` makes the `provider`, `organization.hire` (a MEMBER) a `practice-member`.
 * Admins read, never act.
 */
async function standingOf(actor: Actor, contract: ContractParties, standingIn: (organizationId: string) => Promise<OrganizationStanding | null>): Promise<ContractStanding | null> {
  if (actor.role === UserRole.ADMIN) return 'platform-admin';
  const company = contract.codingCompanyId ? await standingIn(contract.codingCompanyId) : null;
  if (actor.id === contract.coderId) return !contract.codingCompanyId || holds(ORGANIZATION_PERMISSIONS, company, 'organization.work') ? 'coder' : null;
  if (holds(ORGANIZATION_PERMISSIONS, company, 'organization.manage')) return 'coder';
  const practice = await standingIn(contract.organizationId);
  if (holds(ORGANIZATION_PERMISSIONS, practice, 'organization.manage')) return 'provider';
  if (holds(ORGANIZATION_PERMISSIONS, practice, 'organization.hire')) return 'practice-member';
  return null;
}

/**
 * The access gate for contracts and what hangs off them (milestones, invoices, work logs, disputes,
 * messages, reviews, the workroom). Services ask it first, before any other work; it answers
 * NOT_FOUND to non-parties, FORBIDDEN to a standing without the permission, and leaves state rules
 * (CONFLICT) to the service.
 */
@Injectable()
export class ContractAccess {
  constructor(
    @InjectRepository(ContractEntity) private readonly contracts: Repository<ContractEntity>,
    private readonly organizations: OrganizationAccess,
  ) {}

  /**
   * The contract and the caller's standing when it holds `permission`. NOT_FOUND naming `subject`
   * (the thing the caller asked for: a contract, a milestone, a document) for a missing contract
   * and for a non-party alike; FORBIDDEN for a standing without the permission.
   */
  async require<P extends ContractPermission>(actor: Actor, contractId: string, permission: P, subject = 'Contract'): Promise<{ contract: ContractEntity; standing: HolderOf<P> }> {
    const contract = await this.contracts.findOneBy({ id: contractId });
    if (!contract) throw new NotFoundError(subject);
    const standing = await standingOf(actor, contract, (organizationId) => this.organizations.standing(actor, organizationId));
    return { contract, standing: await this.decide(actor, contract, standing, permission, subject) };
  }

  /** `require` for a contract already loaded, through the request's DataLoaders: a page of contracts shares one query for the caller's memberships. */
  async loadRequire<P extends ContractPermission>(loaders: RequestLoaders, actor: Actor, contract: ContractParties, permission: P, subject = 'Contract'): Promise<HolderOf<P>> {
    const standing = await standingOf(actor, contract, (organizationId) => this.organizations.loadStanding(loaders, actor, organizationId));
    return this.decide(actor, contract, standing, permission, subject);
  }

  /** The table's decision, then, for a PHI or money act, the `requireMfa` setting of the organization the side acts through. */
  private async decide<P extends ContractPermission>(actor: Actor, contract: ContractParties, standing: ContractStanding | null, permission: P, subject: string): Promise<HolderOf<P>> {
    const decided = decide<ContractPermission, ContractStanding>(CONTRACT_PERMISSIONS, standing, permission, subject) as HolderOf<P>;
    const organizationId = decided === 'provider' ? contract.organizationId : decided === 'coder' ? contract.codingCompanyId : null;
    if (organizationId && MFA_GUARDED.includes(permission)) await this.organizations.requireMfaPolicy(actor, organizationId);
    return decided;
  }

  /**
   * Ids of the contracts in `statuses` the caller works as the coder (still a member of the coding company the
   * contract came through), or, with `organizationId`, every such contract of that coding company (its OWNERs
   * and ADMINs: `organization.manage`, FORBIDDEN for its MEMBERs, NOT_FOUND for others), as a subquery for
   * another module's list (a coder's work queue).
   */
  async workedBy(actor: Actor, organizationId: string | null, statuses: string[]): Promise<{ sql: string; parameters: Record<string, unknown> }> {
    const query = this.contracts.createQueryBuilder('wk').select('wk.id').where('wk.status IN (:...workedStatuses)', { workedStatuses: statuses });
    if (organizationId) {
      await this.organizations.require(actor, organizationId, 'organization.manage');
      query.andWhere('wk.coding_company_id = :workedCompany', { workedCompany: organizationId });
    } else {
      const employers = this.organizations.organizationsHolding('organization.work', actor.id);
      query.andWhere(`wk.coder_id = :workedCoder AND (wk.coding_company_id IS NULL OR wk.coding_company_id IN (${employers.sql}))`, { workedCoder: actor.id, ...employers.parameters });
    }
    return { sql: query.getQuery(), parameters: query.getParameters() };
  }

  /** The same rule for lists: narrows `query` (contracts as `alias`) to the contracts the caller may read as a party (`contract.read`). */
  whereParty(query: SelectQueryBuilder<ContractEntity>, alias: string, actor: Actor): SelectQueryBuilder<ContractEntity> {
    const employers = this.organizations.organizationsHolding('organization.work', actor.id);
    const practices = this.organizations.organizationsHolding('organization.hire', actor.id);
    const companies = this.organizations.organizationsHolding('organization.manage', actor.id);
    return query.andWhere(
      `((${alias}.coder_id = :party AND (${alias}.coding_company_id IS NULL OR ${alias}.coding_company_id IN (${employers.sql}))) OR ${alias}.organization_id IN (${practices.sql}) OR ${alias}.coding_company_id IN (${companies.sql}))`,
      { party: actor.id, ...employers.parameters, ...practices.parameters, ...companies.parameters },
    );
  }
}
