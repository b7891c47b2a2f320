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
import { PracticeBillingProfileEntity } from './practice-billing-profile.entity.js';
import { PracticeBillingProfilesResolver } from './practice-billing-profiles.resolver.js';
import { PracticeBillingProfilesService } from './practice-billing-profiles.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([OrganizationEntity, MembershipEntity, PracticeBillingProfileEntity]), UsersModule, MailModule],
  providers: [OrganizationAccess, OrganizationsService, OrganizationsResolver, MembershipsResolver, PracticeBillingProfilesService, PracticeBillingProfilesResolver],
  exports: [OrganizationAccess, OrganizationsService, PracticeBillingProfilesService],
})
export class OrganizationsModule {}
