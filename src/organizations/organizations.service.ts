import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { requireVerifiedEmail } from '../common/auth/verified-email.guard.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { byKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { byCreatedAt, paginateEach } from '../common/pagination/paginate.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { UserRole } from '../domain/user-role.enum.js';
import { MailService } from '../mail/mail.service.js';
import { normalEmailOrThrow } from '../common/validation/email-address.decorator.js';
import { CreateOrganizationInput } from './dto/create-organization.input.js';
import { InviteMemberArgs } from './dto/invite-member.args.js';
import { SetOrganizationRequireMfaArgs } from './dto/set-organization-require-mfa.args.js';
import { MembershipEntity } from './membership.entity.js';
import { OrganizationAccess } from './organization-access.service.js';
import { OrganizationEntity } from './organization.entity.js';
import { MembershipRole, MembershipStatus, OrganizationKind } from './organization.enums.js';

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
    try {
      return await this.transactions.run(async (manager) => {
        const organization = await manager.getRepository(OrganizationEntity).save({ name: input.name, kind: input.kind, npi: input.npi ?? null });
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
    } catch (error) {
      if (isUniqueViolation(error, 'organizations_npi_key')) throw new ConflictError('An organization with this NPI already exists');
      throw error;
    }
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
    await this.access.require(actor, args.organizationId, args.role === MembershipRole.ADMIN ? 'organization.own' : 'organization.manage');
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

  /** Pending invitations addressed to the caller's email, once it is verified (until then it may be someone else's address). */
  async listInvitationsFor(actor: Actor): Promise<MembershipEntity[]> {
    if (!actor.emailVerified) return [];
    return this.memberships.find({ where: { email: actor.email, status: MembershipStatus.INVITED }, order: { createdAt: 'DESC' } });
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
    const result = await this.memberships
      .createQueryBuilder()
      .update()
      .set({ status: accept ? MembershipStatus.ACTIVE : MembershipStatus.DECLINED, userId: accept ? actor.id : null, respondedAt: () => 'now()' })
      .where('id = :id AND status = :invited', { id: membershipId, invited: MembershipStatus.INVITED })
      .execute();
    if (!result.affected) throw new ConflictError(`This invitation was already ${invitation.status.toLowerCase()}`);
    return this.memberships.findOneByOrFail({ id: membershipId });
  }

  /**
   * Members and pending invitations of an organization, for its members (and admins) only; NOT_FOUND
   * for others. Through the request's DataLoaders: the organizations of a page share one membership
   * check and one statement for their pages.
   */
  async loadMembers(loaders: RequestLoaders, actor: Actor | null, organizationId: string, args: ConnectionArgs): Promise<ConnectionShape<MembershipEntity>> {
    await this.access.loadRequire(loaders, actor, organizationId, 'organization.read');
    return loaders
      .get<string, ConnectionShape<MembershipEntity>>(`membersByOrganization:${args.first}:${args.after ?? ''}`, (organizationIds) => {
        const query = this.memberships
          .createQueryBuilder('m')
          .where('m.organizationId IN (:...organizationIds) AND m.status IN (:...statuses)', { organizationIds, statuses: [MembershipStatus.ACTIVE, MembershipStatus.INVITED] });
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

  private async findOrFail(id: string): Promise<OrganizationEntity> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw new NotFoundError('Organization');
    return organization;
  }
}
