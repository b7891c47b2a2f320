import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, RequiresVerifiedEmail, Roles } from '../common/auth/decorators.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { ConnectionArgs, connectionComplexity } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { UserRole } from '../domain/user-role.enum.js';
import { CreateOrganizationInput } from './dto/create-organization.input.js';
import { InviteMemberArgs } from './dto/invite-member.args.js';
import { ChangeMemberRoleArgs, MemberArgs, MembersArgs } from './dto/member.args.js';
import { Membership, MembershipConnection } from './dto/membership.model.js';
import { Organization, OrganizationConnection } from './dto/organization.model.js';
import { SetOrganizationRequireMfaArgs } from './dto/set-organization-require-mfa.args.js';
import { OrganizationsService } from './organizations.service.js';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(private readonly organizationsService: OrganizationsService) {}

  @Mutation(() => Organization, { description: 'Creates an organization with the caller as OWNER.' })
  createOrganization(@CurrentUser() actor: Actor, @Args('input', { description: 'Name, kind and (for a practice) NPI.' }) input: CreateOrganizationInput): Promise<Organization> {
    return this.organizationsService.create(actor, input);
  }

  @Mutation(() => Membership, { description: 'Invites someone by email (OWNER or ADMIN of the organization). The invitee accepts with `acceptMembershipInvitation`.' })
  inviteMember(@CurrentUser() actor: Actor, @Args() args: InviteMemberArgs): Promise<Membership> {
    return this.organizationsService.inviteMember(actor, args);
  }

  @RequiresVerifiedEmail()
  @Mutation(() => Membership, { description: 'Accepts an invitation addressed to the caller.' })
  acceptMembershipInvitation(@CurrentUser() actor: Actor, @IdArg('id', 'The membership invitation (Membership.id) sent to your verified email.') id: string): Promise<Membership> {
    return this.organizationsService.respondToInvitation(actor, id, true);
  }

  @Mutation(() => Membership, { description: 'Declines an invitation addressed to the caller.' })
  declineMembershipInvitation(@CurrentUser() actor: Actor, @IdArg('id', 'The membership invitation (Membership.id) to decline.') id: string): Promise<Membership> {
    return this.organizationsService.respondToInvitation(actor, id, false);
  }

  @Mutation(() => Boolean, {
    description: 'Revokes a pending invitation (OWNER, or ADMIN for a MEMBER invitation); it stays in the history as REVOKED and the address may be invited again. CONFLICT once answered.',
  })
  async revokeMembershipInvitation(@CurrentUser() actor: Actor, @IdArg('id', 'The pending invitation (Membership.id).') id: string): Promise<boolean> {
    await this.organizationsService.revokeInvitation(actor, id);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Removes a member (OWNER: anyone but the last OWNER; ADMIN: MEMBERs). They lose access at once to everything of the organization, live subscriptions included. The membership stays in the history as REMOVED.',
  })
  async removeMember(@CurrentUser() actor: Actor, @Args() args: MemberArgs): Promise<boolean> {
    await this.organizationsService.removeMember(actor, args);
    return true;
  }

  @Mutation(() => Membership, { description: "Changes a member's role (OWNER; an ADMIN may only keep MEMBERs MEMBERs). The last OWNER cannot be demoted." })
  changeMemberRole(@CurrentUser() actor: Actor, @Args() args: ChangeMemberRoleArgs): Promise<Membership> {
    return this.organizationsService.changeMemberRole(actor, args);
  }

  @Mutation(() => Boolean, { description: 'The caller leaves the organization (LEFT). The last OWNER must appoint another OWNER first (CONFLICT).' })
  async leaveOrganization(@CurrentUser() actor: Actor, @IdArg('organizationId', 'The organization to leave.') organizationId: string): Promise<boolean> {
    await this.organizationsService.leave(actor, organizationId);
    return true;
  }

  @Roles(UserRole.ADMIN)
  @Mutation(() => Organization, {
    description:
      'Admin review: marks the organization verified (for a practice, the holder of the NPI it claims). One verified organization per NPI: CONFLICT when another one already is; the other claimants stay unverified. ADMIN only.',
  })
  verifyOrganization(@CurrentUser() actor: Actor, @IdArg('id', 'The practice to mark verified.') id: string): Promise<Organization> {
    return this.organizationsService.verify(actor, id);
  }

  @Mutation(() => Organization, {
    description:
      "Requires MFA for the members' PHI and money acts through the organization (FORBIDDEN, reason MFA_REQUIRED, for a member without it). On: OWNER or ADMIN with MFA on their own account; off: OWNER.",
  })
  setOrganizationRequireMfa(@CurrentUser() actor: Actor, @Args() args: SetOrganizationRequireMfaArgs): Promise<Organization> {
    return this.organizationsService.setRequireMfa(actor, args);
  }

  @Query(() => [Organization], {
    description: 'Organizations the caller is an active member of, in the order they joined. Kept as a plain list for compatibility; page with `myOrganizationsConnection`.',
  })
  myOrganizations(@CurrentUser() actor: Actor): Promise<Organization[]> {
    return this.organizationsService.listForMember(actor);
  }

  @Query(() => OrganizationConnection, {
    description: 'Organizations the caller is an active member of, as a connection, oldest organization first (`myOrganizations` is the same set as a plain list).',
    complexity: connectionComplexity,
  })
  myOrganizationsConnection(@CurrentUser() actor: Actor, @Args() args: ConnectionArgs): Promise<OrganizationConnection> {
    return this.organizationsService.pageForMember(actor, args);
  }

  @Query(() => MembershipConnection, { description: "Pending invitations addressed to the caller's verified email, newest first.", complexity: connectionComplexity })
  myMembershipInvitations(@CurrentUser() actor: Actor, @Args() args: ConnectionArgs): Promise<MembershipConnection> {
    return this.organizationsService.listInvitationsFor(actor, args);
  }

  @Query(() => Organization, { description: 'An organization the caller belongs to (NOT_FOUND for others).' })
  organization(@CurrentUser() actor: Actor, @IdArg('id', 'An organization you belong to.') id: string): Promise<Organization> {
    return this.organizationsService.findForMember(actor, id);
  }

  @ResolveField(() => Boolean, { description: 'Whether an admin verified the organization (`verifyOrganization`): for a practice, that it holds the NPI it claims. Public.' })
  verified(@Parent() organization: Organization): boolean {
    return organization.verifiedAt !== null;
  }

  @ResolveField(() => MembershipConnection, {
    nullable: true,
    description:
      'Members and pending invitations, oldest first (with `includeEnded`, the whole history, for OWNERs and ADMINs); visible to members only (null with a NOT_FOUND error for others). Emails: see `Membership.email`.',
    complexity: connectionComplexity,
  })
  members(@CurrentUser() actor: Actor | null, @Parent() organization: Organization, @Args() args: MembersArgs, @Loaders() loaders: RequestLoaders): Promise<MembershipConnection> {
    // Reachable from public types (a posting's organization): anonymous callers see no members either.
    return this.organizationsService.loadMembers(loaders, actor, organization.id, args);
  }
}
