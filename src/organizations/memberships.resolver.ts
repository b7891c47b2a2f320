import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { orNotFound } from '../common/errors/app-error.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { User } from '../users/dto/user.model.js';
import { toUser } from '../users/users.mapper.js';
import { UsersService } from '../users/users.service.js';
import { Membership } from './dto/membership.model.js';
import { Organization } from './dto/organization.model.js';
import { OrganizationAccess } from './organization-access.service.js';
import { OrganizationsService } from './organizations.service.js';

@Resolver(() => Membership)
export class MembershipsResolver {
  constructor(
    private readonly organizationsService: OrganizationsService,
    private readonly usersService: UsersService,
    private readonly access: OrganizationAccess,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description: "The address the invitation was sent to. Shown to the organization's OWNERs and ADMINs (and admins), and to the member or invitee themself; null for other members.",
  })
  async email(@Parent() membership: Membership, @CurrentUser() viewer: Actor | null, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    if (!viewer) return null;
    const own = membership.userId === viewer.id || (membership.userId === null && membership.email === viewer.email);
    return own || (await this.access.loadHolds(loaders, viewer, membership.organizationId, 'organization.contacts')) ? membership.email : null;
  }

  @ResolveField(() => Organization, { description: 'The organization joined (or invited to).' })
  async organization(@Parent() membership: Membership, @Loaders() loaders: RequestLoaders): Promise<Organization> {
    return orNotFound(await this.organizationsService.loadById(loaders, membership.organizationId), 'Organization');
  }

  @ResolveField(() => User, { nullable: true, description: 'The member; null while the invitation is pending.' })
  async user(@Parent() membership: Membership, @CurrentUser() viewer: Actor, @Loaders() loaders: RequestLoaders): Promise<User | null> {
    if (!membership.userId) return null;
    const user = await this.usersService.loadById(loaders, membership.userId);
    return user ? toUser(user, viewer) : null;
  }
}
