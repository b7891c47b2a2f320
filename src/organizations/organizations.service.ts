import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { holds } from '../common/auth/access-gate.js';
import { requireVerifiedEmail } from '../common/auth/verified-email.guard.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { byKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { byCreatedAt, paginate, paginateEach } from '../common/pagination/paginate.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { UserRole } from '../domain/user-role.enum.js';
import { MailService } from '../mail/mail.service.js';
import { normalEmailOrThrow } from '../common/validation/email-address.decorator.js';
import { CreateOrganizationInput } from './dto/create-organization.input.js';
import { InviteMemberArgs } from './dto/invite-member.args.js';
import { ChangeMemberRoleArgs, MemberArgs, MembersArgs } from './dto/member.args.js';
import { SetOrganizationRequireMfaArgs } from './dto/set-organization-require-mfa.args.js';
import { MembershipEntity } from './membership.entity.js';
import { MANAGING_PERMISSION, ORGANIZATION_PERMISSIONS, OrganizationAccess } from './organization-access.service.js';
import { OrganizationEntity } from './organization.entity.js';
import { MembershipRole, MembershipStatus, OrganizationKind } from './organization.enums.js';

const ALREADY_A_MEMBER = 'You are already a member of this organization';

/** Which user role may belong to which kind of organization. */
const ROLE_FOR_KIND: Record<OrganizationKind, UserRole> = {
  [OrganizationKind.PROVIDER_PRACTICE]: UserRole.PROVIDER,
  [OrganizationKind.CODING_COMPANY]: UserRole.CODER,
};

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly access: OrganizationAccess,
    private readonly transactions: TransactionRunner,
    private readonly mail: MailService,
  ) {}

  /** Creates the organization with the caller as its OWNER, both rows in one transaction. */
  async create(actor: Actor, input: CreateOrganizationInput): Promise<OrganizationEntity> {
    if (actor.role !== ROLE_FOR_KIND[input.kind]) {
      throw new ForbiddenError(`A ${input.kind} is created by a ${ROLE_FOR_KIND[input.kind]} user`);
    }
    if (input.npi && input.kind !== OrganizationKind.PROVIDER_PRACTICE) {
      throw new BadUserInputError('input.npi is only for a PROVIDER_PRACTICE', ['input.npi']);
    }
    // An NPI already claimed (or verified) elsewhere is no reason to refuse: it is public, and the
    // first to type it must not lock the real practice out. The claim stays unverified until an admin's review.
    return this.transactions.run(async (manager) => {
      const organization = await manager.getRepository(OrganizationEntity).save({ name: input.name, kind: input.kind, npi: input.npi ?? null, verifiedAt: null, verifiedById: null });
      await manager.getRepository(MembershipEntity).insert({
        organizationId: organization.id,
        userId: actor.id,
        email: actor.email,
        role: MembershipRole.OWNER,
        status: MembershipStatus.ACTIVE,
        respondedAt: new Date(),
      });
      return organization;
    });
  }

  /**
   * An admin's review: marks the organization verified (for a practice, that it is the holder of the
   * NPI it claims). At most one verified organization per NPI: `organizations_verified_npi_key`
   * settles two verifications of one NPI, even concurrent ones (CONFLICT for the second); the other
   * claimants stay unverified. Verifying a verified organization changes nothing.
   */
  async verify(actor: Actor, id: string): Promise<OrganizationEntity> {
    try {
      return await this.transactions.run(async (manager) => {
        const organization = await this.lockForUpdate(manager, id);
        if (organization.verifiedAt) return organization;
        await manager.getRepository(OrganizationEntity).update({ id }, { verifiedAt: () => 'now()', verifiedById: actor.id });
        return manager.getRepository(OrganizationEntity).findOneByOrFail({ id });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'organizations_verified_npi_key')) throw new ConflictError('Another organization is already verified as the holder of this NPI');
      throw error;
    }
  }

  /** The ids of the verified organizations, as a subquery for another module's list (the job directory's `verifiedOnly`). */
  verifiedOrganizations(): { sql: string } {
    return { sql: this.organizations.createQueryBuilder('o').select('o.id').where('o.verified_at IS NOT NULL').getQuery() };
  }

  /** Which of `ids` are verified organizations (matching's reasons). */
  async verifiedAmong(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.organizations.find({ select: { id: true }, where: { id: In([...new Set(ids)]), verifiedAt: Not(IsNull()) } });
    return new Set(rows.map((row) => row.id));
  }

  /** Organizations the caller is an active member of, oldest membership first. */
  async listForMember(actor: Actor): Promise<OrganizationEntity[]> {
    return this.organizations
      .createQueryBuilder('o')
      .innerJoin(MembershipEntity, 'm', 'm.organization_id = o.id')
      .where('m.user_id = :userId AND m.status = :active', { userId: actor.id, active: MembershipStatus.ACTIVE })
      .orderBy('m.created_at', 'ASC')
      .getMany();
  }

  /** `listForMember` one keyset page at a time, oldest organization first (`myOrganizationsConnection`). */
  pageForMember(actor: Actor, args: ConnectionArgs): Promise<ConnectionShape<OrganizationEntity>> {
    const mine = this.organizations
      .createQueryBuilder('o')
      .innerJoin(MembershipEntity, 'm', 'm.organization_id = o.id')
      .where('m.user_id = :userId AND m.status = :active', { userId: actor.id, active: MembershipStatus.ACTIVE });
    return paginate(mine, args, byCreatedAt('o', 'ASC'));
  }

  /** The organization if the caller is an active member (or an admin); NOT_FOUND otherwise. */
  async findForMember(actor: Actor, id: string): Promise<OrganizationEntity> {
    await this.access.require(actor, id, 'organization.read');
    return this.findOrFail(id);
  }

  /** The organization, or null (no access check: callers ask the access gate first). */
  findById(id: string): Promise<OrganizationEntity | null> {
    return this.organizations.findOneBy({ id });
  }

  /** Loads an organization through the request's DataLoader, batching the lookups of one request. */
  loadById(loaders: RequestLoaders, id: string): Promise<OrganizationEntity | null> {
    return loaders.get<string, OrganizationEntity | null>('organizationById', async (ids) => byKeys(ids, await this.organizations.findBy({ id: In([...ids]) }), (o) => o.id)).load(id);
  }

  /** Kind of an organization, or null when there is none (no membership check: callers check access). */
  async kindOf(organizationId: string): Promise<OrganizationKind | null> {
    return (await this.organizations.findOneBy({ id: organizationId }))?.kind ?? null;
  }

  /** Invites someone by email, and mails the invitee (ids and a link only); owners may invite admins, owners and admins may invite members. */
  async inviteMember(actor: Actor, args: InviteMemberArgs): Promise<MembershipEntity> {
    await this.access.require(actor, args.organizationId, MANAGING_PERMISSION[args.role]);
    try {
      return await this.transactions.run(async (manager) => {
        const invitation = await manager.getRepository(MembershipEntity).save({
          organizationId: args.organizationId,
          email: normalEmailOrThrow(args.email, 'email'),
          role: args.role,
          status: MembershipStatus.INVITED,
          invitedById: actor.id,
          userId: null,
          respondedAt: null,
        });
        await this.mail.enqueue(manager, `membership-invitation:${invitation.id}`, invitation.email, 'membership-invitation', { invitationId: invitation.id, role: invitation.role });
        return invitation;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'memberships_live_email_key')) throw new ConflictError('This email is already a member or has a pending invitation');
      throw error;
    }
  }

  /**
   * Revokes a pending invitation (REVOKED, kept for history): OWNERs revoke any, ADMINs those
   * inviting a MEMBER. Settled by one conditional UPDATE, so racing the invitee's acceptance, exactly
   * one of the two happens (the loser answers CONFLICT).
   */
  async revokeInvitation(actor: Actor, invitationId: string): Promise<void> {
    const invitation = await this.memberships.findOneBy({ id: invitationId });
    if (!invitation) throw new NotFoundError('Invitation');
    await this.access.require(actor, invitation.organizationId, 'organization.manage', 'Invitation');
    await this.underLock(invitation.organizationId, async (manager) => {
      this.access.requireToManage(await this.access.requireIn(manager, actor, invitation.organizationId, 'organization.manage', 'Invitation'), invitation.role);
      const moved = await this.endMembership(manager, invitationId, MembershipStatus.INVITED, MembershipStatus.REVOKED, actor.id);
      if (!moved) {
        const { status } = await manager.getRepository(MembershipEntity).findOneByOrFail({ id: invitationId });
        throw new ConflictError(`This invitation was already ${status === MembershipStatus.DECLINED || status === MembershipStatus.REVOKED ? status.toLowerCase() : 'accepted'}`);
      }
    });
  }

  /**
   * Removes a member (REMOVED, kept for history). OWNERs remove anyone but the last OWNER, ADMINs
   * remove MEMBERs. The member loses access at once: every access decision reads the ACTIVE
   * memberships per request (and per event of a live subscription).
   */
  async removeMember(actor: Actor, args: MemberArgs): Promise<void> {
    if (args.userId === actor.id) throw new BadUserInputError('To leave an organization, use leaveOrganization', ['userId']);
    await this.access.require(actor, args.organizationId, 'organization.manage');
    await this.underLock(args.organizationId, async (manager) => {
      const standing = await this.access.requireIn(manager, actor, args.organizationId, 'organization.manage');
      const member = await this.activeMemberOrFail(manager, args.organizationId, args.userId);
      this.access.requireToManage(standing, member.role);
      if (member.role === MembershipRole.OWNER) await this.keepAnOwner(manager, args.organizationId);
      await this.endMembership(manager, member.id, MembershipStatus.ACTIVE, MembershipStatus.REMOVED, actor.id);
      await this.revokeInvitationsSentBy(manager, args.organizationId, args.userId, null, actor.id);
    });
  }

  /** Changes a member's role: the caller must be able to manage both the old role and the new one (OWNERs only, but for MEMBERs); never demotes the last OWNER. */
  async changeMemberRole(actor: Actor, args: ChangeMemberRoleArgs): Promise<MembershipEntity> {
    await this.access.require(actor, args.organizationId, 'organization.manage');
    return this.underLock(args.organizationId, async (manager) => {
      const standing = await this.access.requireIn(manager, actor, args.organizationId, 'organization.manage');
      const member = await this.activeMemberOrFail(manager, args.organizationId, args.userId);
      this.access.requireToManage(standing, member.role);
      this.access.requireToManage(standing, args.role);
      if (member.role === args.role) return member;
      if (member.role === MembershipRole.OWNER) await this.keepAnOwner(manager, args.organizationId);
      await manager.getRepository(MembershipEntity).update({ id: member.id }, { role: args.role });
      await this.revokeInvitationsSentBy(manager, args.organizationId, args.userId, args.role, actor.id);
      return manager.getRepository(MembershipEntity).findOneByOrFail({ id: member.id });
    });
  }

  /** The caller leaves the organization (LEFT, kept for history); the last OWNER must appoint another first. */
  async leave(actor: Actor, organizationId: string): Promise<void> {
    // Asked first without the lock, so nobody but a member ever takes it.
    if (!(await this.access.isActiveMember(actor.id, organizationId))) throw new NotFoundError('Organization');
    await this.underLock(organizationId, async (manager) => {
      const membership = await manager.getRepository(MembershipEntity).findOne({ where: { organizationId, userId: actor.id, status: MembershipStatus.ACTIVE }, lock: { mode: 'pessimistic_write' } });
      if (!membership) throw new NotFoundError('Organization');
      if (membership.role === MembershipRole.OWNER) await this.keepAnOwner(manager, organizationId);
      await this.endMembership(manager, membership.id, MembershipStatus.ACTIVE, MembershipStatus.LEFT, actor.id);
      await this.revokeInvitationsSentBy(manager, organizationId, actor.id, null, actor.id);
    });
  }

  /** Pending invitations addressed to the caller's email, once it is verified (until then it may be someone else's address). */
  /** Pending invitations addressed to the caller's verified email, newest first, one keyset page at a time (none before the address is verified). */
  listInvitationsFor(actor: Actor, args: ConnectionArgs): Promise<ConnectionShape<MembershipEntity>> {
    const invitations = this.memberships.createQueryBuilder('m').where('m.email = :email AND m.status = :status', { email: actor.email, status: MembershipStatus.INVITED });
    if (!actor.emailVerified) invitations.andWhere('false');
    return paginate(invitations, args, byCreatedAt('m', 'DESC'));
  }

  /**
   * Accepts or declines an invitation addressed to the caller, settled by one conditional UPDATE.
   * Accepting needs the invited address to be the caller's VERIFIED email (an account only takes an
   * address once a link mailed to it was used), so nobody joins by signing up with someone else's.
   */
  async respondToInvitation(actor: Actor, membershipId: string, accept: boolean): Promise<MembershipEntity> {
    if (accept) requireVerifiedEmail(actor);
    const invitation = await this.memberships.findOne({ where: { id: membershipId, email: actor.email }, relations: { organization: true } });
    if (!invitation) throw new NotFoundError('Invitation');
    if (accept && actor.role !== ROLE_FOR_KIND[invitation.organization!.kind]) {
      throw new ForbiddenError(`Only a ${ROLE_FOR_KIND[invitation.organization!.kind]} user can join a ${invitation.organization!.kind}`);
    }
    // One ACTIVE membership per account and organization: an account that moved to another address
    // is already a member under the old one (`memberships_active_user_key` settles a race).
    if (accept && (await this.access.isActiveMember(actor.id, invitation.organizationId))) throw new ConflictError(ALREADY_A_MEMBER);
    let result;
    try {
      result = await this.memberships
        .createQueryBuilder()
        .update()
        .set({ status: accept ? MembershipStatus.ACTIVE : MembershipStatus.DECLINED, userId: accept ? actor.id : null, respondedAt: () => 'now()' })
        .where('id = :id AND status = :invited', { id: membershipId, invited: MembershipStatus.INVITED })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error, 'memberships_active_user_key')) throw new ConflictError(ALREADY_A_MEMBER);
      throw error;
    }
    if (!result.affected) throw new ConflictError(`This invitation was already ${invitation.status.toLowerCase()}`);
    return this.memberships.findOneByOrFail({ id: membershipId });
  }

  /**
   * Members and pending invitations of an organization, for its members (and admins) only; NOT_FOUND
   * for others. With `includeEnded`, the ended ones too (the history), for those who manage the
   * organization (FORBIDDEN for MEMBERs). Through the request's DataLoaders: the organizations of a
   * page share one membership check and one statement for their pages.
   */
  async loadMembers(loaders: RequestLoaders, actor: Actor | null, organizationId: string, args: MembersArgs): Promise<ConnectionShape<MembershipEntity>> {
    await this.access.loadRequire(loaders, actor, organizationId, args.includeEnded ? 'organization.manage' : 'organization.read');
    const statuses = args.includeEnded ? Object.values(MembershipStatus) : [MembershipStatus.ACTIVE, MembershipStatus.INVITED];
    return loaders
      .get<string, ConnectionShape<MembershipEntity>>(`membersByOrganization:${args.includeEnded}:${args.first}:${args.after ?? ''}`, (organizationIds) => {
        const query = this.memberships.createQueryBuilder('m').where('m.organizationId IN (:...organizationIds) AND m.status IN (:...statuses)', { organizationIds, statuses });
        return paginateEach(query, { column: 'm.organizationId', of: (m) => m.organizationId, keys: organizationIds }, args, byCreatedAt('m', 'ASC'));
      })
      .load(organizationId);
  }

  /**
   * Turns the organization's MFA requirement on (OWNER or ADMIN, whose own account must have MFA, so
   * they cannot lock themselves out of the acts it guards) or off (OWNER only: it lowers everyone's bar).
   */
  async setRequireMfa(actor: Actor, args: SetOrganizationRequireMfaArgs): Promise<OrganizationEntity> {
    await this.access.require(actor, args.organizationId, args.requireMfa ? 'organization.manage' : 'organization.own');
    if (args.requireMfa && !actor.mfaEnabled) {
      throw new ForbiddenError('Turn on MFA for your own account (startMfaEnrollment) before requiring it of the organization', { reason: 'MFA_REQUIRED' });
    }
    await this.organizations.update({ id: args.organizationId }, { requireMfa: args.requireMfa });
    return this.findOrFail(args.organizationId);
  }

  /**
   * Runs `work` in a transaction holding the organization's row lock: every change to who is a
   * member, and with which role, takes it first, so the owner count read under it stays true until
   * commit (two owners demoting or removing each other, or both leaving: one wins, the other sees
   * the result). NOT_FOUND for a missing organization.
   */
  private underLock<T>(organizationId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transactions.run(async (manager) => {
      await this.lockForUpdate(manager, organizationId);
      return work(manager);
    });
  }

  /**
   * Locks the organization's row against the other membership changes and verifications. FOR NO KEY
   * UPDATE: those exclude each other, while rows that merely reference the organization (postings,
   * contracts, invitations take FOR KEY SHARE through their foreign key) are written meanwhile.
   */
  private async lockForUpdate(manager: EntityManager, id: string): Promise<OrganizationEntity> {
    const organization = await manager.getRepository(OrganizationEntity).createQueryBuilder('o').setLock('for_no_key_update').where('o.id = :id', { id }).getOne();
    if (!organization) throw new NotFoundError('Organization');
    return organization;
  }

  private async activeMemberOrFail(manager: EntityManager, organizationId: string, userId: string): Promise<MembershipEntity> {
    const member = await manager.getRepository(MembershipEntity).findOne({ where: { organizationId, userId, status: MembershipStatus.ACTIVE }, lock: { mode: 'pessimistic_write' } });
    if (!member) throw new NotFoundError('Member');
    return member;
  }

  /** CONFLICT when the organization has one ACTIVE OWNER left (read under the organization's lock): it is about to lose an OWNER. */
  private async keepAnOwner(manager: EntityManager, organizationId: string): Promise<void> {
    const owners = await manager.getRepository(MembershipEntity).countBy({ organizationId, role: MembershipRole.OWNER, status: MembershipStatus.ACTIVE });
    if (owners <= 1) throw new ConflictError('An organization always keeps an OWNER: appoint another OWNER first');
  }

  /**
   * Revokes the pending invitations `senderId` sent for the organization that their role `now` (null:
   * no longer a member) could not send: an invitation outliving its sender's removal, departure or
   * demotion would let them (or whoever they invited on their way out) back in. Recorded as revoked by `byUserId`.
   */
  private async revokeInvitationsSentBy(manager: EntityManager, organizationId: string, senderId: string, now: MembershipRole | null, byUserId: string): Promise<void> {
    const stillSendable = now ? Object.values(MembershipRole).filter((role) => holds(ORGANIZATION_PERMISSIONS, now, MANAGING_PERMISSION[role])) : [];
    const query = manager
      .getRepository(MembershipEntity)
      .createQueryBuilder()
      .update()
      .set({ status: MembershipStatus.REVOKED, endedAt: () => 'now()', endedById: byUserId })
      .where('organization_id = :organizationId AND invited_by_id = :senderId AND status = :invited', { organizationId, senderId, invited: MembershipStatus.INVITED });
    if (stillSendable.length) query.andWhere('role NOT IN (:...stillSendable)', { stillSendable });
    await query.execute();
  }

  /** Moves a membership from `from` to an ended status, recording when and by whom; false when it was no longer `from`. */
  private async endMembership(manager: EntityManager, id: string, from: MembershipStatus, to: MembershipStatus, byUserId: string): Promise<boolean> {
    const result = await manager
      .getRepository(MembershipEntity)
      .createQueryBuilder()
      .update()
      .set({ status: to, endedAt: () => 'now()', endedById: byUserId })
      .where('id = :id AND status = :from', { id, from })
      .execute();
    return Boolean(result.affected);
  }

  private async findOrFail(id: string): Promise<OrganizationEntity> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw new NotFoundError('Organization');
    return organization;
  }
}
