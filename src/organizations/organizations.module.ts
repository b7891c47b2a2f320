import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module.js';
import { UsersModule } from '../users/users.module.js';
import { MembershipEntity } from './membership.entity.js';
import { MembershipsResolver } from './memberships.resolver.js';
import { OrganizationEntity } from './organization.entity.js';
import { OrganizationsResolver } from './organizations.resolver.js';
import { OrganizationAccess } from './organization-access.service.js';
import { OrganizationsService } from './organizations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([OrganizationEntity, MembershipEntity]), UsersModule, MailModule],
  providers: [OrganizationAccess, OrganizationsService, OrganizationsResolver, MembershipsResolver],
  exports: [OrganizationAccess, OrganizationsService],
})
export class OrganizationsModule {}
