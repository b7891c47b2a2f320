import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { decide, holds, PermissionTable } from '../common/auth/access-gate.js';
import { ForbiddenError } from '../common/errors/app-error.js';
import { groupByKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { UserRole } from '../domain/user-role.enum.js';
import { MembershipEntity } from './membership.entity.js';
import { OrganizationEntity } from './organization.entity.js';
import { MembershipRole, MembershipStatus } from './organization.enums.js';

/** An actor's standing toward an organization: the role of their ACTIVE membership, or `platform-admin` for ADMIN users (never members). */
export type OrganizationStanding = MembershipRole | 'platform-admin';

export type OrganizationPermission = 'organization.read' | 'organization.hire' | 'organization.work' | 'organization.manage' | 'organization.contacts' | 'organization.own';

const { OWNER, ADMIN, MEMBER } = MembershipRole;

/**
 * Who may do what to an organization (docs/security.md, "Access"). Roles are defined here once:
 * OWNER and ADMIN act for the organization in money and PHI (`organization.manage`, which makes
 * them the paying side of a practice's contracts); a MEMBER reads, messages, recruits and does
 * coding-side work.
 */
export const ORGANIZATION_PERMISSIONS: PermissionTable<OrganizationPermission, OrganizationStanding> = {
  /** See the organization and its members (names and roles). */
  'organization.read': { holders: [OWNER, ADMIN, MEMBER, 'platform-admin'], refusal: "Only the organization's members may see it" },
  /** Post and close jobs, see and reject bids, invite and match coders; read and message on the practice's contracts. */
  'organization.hire': { holders: [OWNER, ADMIN, MEMBER], refusal: "Only the organization's members may do this" },
  /** Work the coding company's contracts assigned to you. */
  'organization.work': { holders: [OWNER, ADMIN, MEMBER], refusal: "Only the organization's members may do this" },
  /**
   * Act for the organization in money, PHI and membership: accept bids, save the payment method, bid
   * as the coding company, invite, revoke and remove MEMBERs; be the paying side of the practice's
   * contracts and the coder side of the company's.
   */
  'organization.manage': { holders: [OWNER, ADMIN], refusal: 'Only an organization OWNER or ADMIN may do this' },
  /** See the email addresses of members and invitees. */
  'organization.contacts': { holders: [OWNER, ADMIN, 'platform-admin'], refusal: 'Only an organization OWNER or ADMIN may see members’ emails' },
  /** Manage admins and owners: invite, revoke, remove, change roles. */
  'organization.own': { holders: [OWNER], refusal: 'Only an organization OWNER may do this' },
};

/**
 * The permission it takes to invite, revoke, remove or re-role someone of each role (changing a role
 * takes the permission for the old role and for the new one): nobody manages someone above them, and
 * ADMINs manage MEMBERs only.
 */
export const MANAGING_PERMISSION: Record<MembershipRole, OrganizationPermission> = {
  [MEMBER]: 'organization.manage',
  [ADMIN]: 'organization.own',
  [OWNER]: 'organization.own',
};

const standingOf = (actor: Actor, membership: MembershipEntity | null | undefined): OrganizationStanding | null => membership?.role ?? (actor.role === UserRole.ADMIN ? 'platform-admin' : null);

/**
 * The access gate for organizations and what belongs to them (postings, bids received, payment
 * methods): "is this caller a member of this organization, with this role". Services ask it first.
 * A failed lookup is a failure (INTERNAL_SERVER_ERROR), never a "no".
 */
@Injectable()
export class OrganizationAccess {
  constructor(
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
  ) {}

  /**
   * The caller's standing when it holds `permission`; NOT_FOUND naming `subject` for a caller
   * without standing (not a member, or no caller), FORBIDDEN for a member without the permission.
   */
  async require(actor: Actor | null, organizationId: string, permission: OrganizationPermission, subject = 'Organization'): Promise<OrganizationStanding> {
    return decide(ORGANIZATION_PERMISSIONS, await this.standing(actor, organizationId), permission, subject);
  }

  /**
   * `require` for the organization's money acts (saving its payment method, accepting a bid, bidding
   * as the company): then also `requireMfaPolicy`.
   */
  async requireMoneyAct(actor: Actor, organizationId: string, permission: OrganizationPermission, subject = 'Organization'): Promise<OrganizationStanding> {
    const standing = await this.require(actor, organizationId, permission, subject);
    await this.requireMfaPolicy(actor, organizationId);
    return standing;
  }

  /**
   * The organization's `requireMfa` setting, for a PHI or money act whose standing comes through it
   * (asked after the standing is settled): FORBIDDEN with `reason: MFA_REQUIRED` when it is on and the
   * caller's account has no second factor.
   */
  async requireMfaPolicy(actor: Actor, organizationId: string): Promise<void> {
    if (actor.mfaEnabled) return;
    if (await this.organizations.existsBy({ id: organizationId, requireMfa: true })) {
      throw new ForbiddenError('This organization requires MFA for PHI and money: turn it on for your account first (startMfaEnrollment)', { reason: 'MFA_REQUIRED' });
    }
  }

  /** `require` through the request's DataLoader: the organizations of a page share one query for the caller's memberships. */
  async loadRequire(loaders: RequestLoaders, actor: Actor | null, organizationId: string, permission: OrganizationPermission, subject = 'Organization'): Promise<OrganizationStanding> {
    return decide(ORGANIZATION_PERMISSIONS, await this.loadStanding(loaders, actor, organizationId), permission, subject);
  }

  /**
   * `require` inside a transaction, reading the caller's membership through `manager`: for acts that
   * must see the membership as it is under the organization's lock (removals and role changes).
   */
  async requireIn(manager: EntityManager, actor: Actor, organizationId: string, permission: OrganizationPermission, subject = 'Organization'): Promise<OrganizationStanding> {
    const membership = await manager.getRepository(MembershipEntity).findOneBy({ organizationId, userId: actor.id, status: MembershipStatus.ACTIVE });
    return decide(ORGANIZATION_PERMISSIONS, standingOf(actor, membership), permission, subject);
  }

  /**
   * FORBIDDEN unless `standing` may invite, revoke, remove or re-role someone of `role`
   * (`MANAGING_PERMISSION`): nobody manages someone above them.
   */
  requireToManage(standing: OrganizationStanding, role: MembershipRole): void {
    decide(ORGANIZATION_PERMISSIONS, standing, MANAGING_PERMISSION[role], 'Member');
  }

  /** Whether the caller holds `permission` on the organization (a question, not a refusal: what a viewer may see), through the request's DataLoader. */
  async loadHolds(loaders: RequestLoaders, actor: Actor, organizationId: string, permission: OrganizationPermission): Promise<boolean> {
    return holds(ORGANIZATION_PERMISSIONS, await this.loadStanding(loaders, actor, organizationId), permission);
  }

  /**
   * Whether `userId` (not the caller: e.g. the coder a company assigns to a bid, the recipient of a
   * notification) is an active member of the organization; through `manager` inside a transaction.
   */
  isActiveMember(userId: string, organizationId: string, manager?: EntityManager): Promise<boolean> {
    return (manager?.getRepository(MembershipEntity) ?? this.memberships).existsBy({ organizationId, userId, status: MembershipStatus.ACTIVE });
  }

  /**
   * The user ids of the organization's managers (its active members holding `organization.manage`):
   * whom the platform tells about a practice's contracts (lapsed credentials, exclusions, invoices,
   * pauses), read through `manager`.
   */
  async managersOf(manager: EntityManager, organizationId: string): Promise<string[]> {
    const roles = ORGANIZATION_PERMISSIONS['organization.manage'].holders.filter((standing): standing is MembershipRole => standing !== 'platform-admin');
    const members = await manager
      .getRepository(MembershipEntity)
      .find({ select: { userId: true }, where: { organizationId, status: MembershipStatus.ACTIVE, role: In(roles) }, order: { createdAt: 'ASC' } });
    return members.map((member) => member.userId!);
  }

  /**
   * The same rule for lists, as SQL: a subquery of the ids of the organizations where `userId` holds
   * `permission` as a member (the roles come from ORGANIZATION_PERMISSIONS), with its parameters.
   */
  organizationsHolding(permission: OrganizationPermission, userId: string): { sql: string; parameters: Record<string, unknown> } {
    const key = `org_${permission.replace(/\W/g, '_')}`;
    const roles = ORGANIZATION_PERMISSIONS[permission].holders.filter((standing): standing is MembershipRole => standing !== 'platform-admin');
    const sql = this.memberships.createQueryBuilder('m').select('m.organization_id').where(`m.user_id = :${key}_user AND m.status = :${key}_status AND m.role IN (:...${key}_roles)`).getQuery();
    return { sql, parameters: { [`${key}_user`]: userId, [`${key}_status`]: MembershipStatus.ACTIVE, [`${key}_roles`]: roles } };
  }

  /** The caller's standing toward the organization (null: none), for rules built on this one (contract sides). */
  async standing(actor: Actor | null, organizationId: string): Promise<OrganizationStanding | null> {
    if (!actor) return null;
    return standingOf(actor, await this.memberships.findOneBy({ organizationId, userId: actor.id, status: MembershipStatus.ACTIVE }));
  }

  /** `standing` through the request's DataLoader, which loads all the caller's active memberships once. */
  async loadStanding(loaders: RequestLoaders, actor: Actor | null, organizationId: string): Promise<OrganizationStanding | null> {
    if (!actor) return null;
    const memberships = await loaders
      .get<string, MembershipEntity[]>('activeMembershipsByUser', async (userIds) =>
        groupByKeys(userIds, await this.memberships.findBy({ userId: In([...userIds]), status: MembershipStatus.ACTIVE }), (m) => m.userId!),
      )
      .load(actor.id);
    return standingOf(
      actor,
      memberships.find((m) => m.organizationId === organizationId),
    );
  }
}
