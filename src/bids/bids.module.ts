import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CodersModule } from '../coders/coders.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { BidEntity } from './bid.entity.js';
import { BidsResolver, InvitationsResolver, JobPostingBidsResolver } from './bids.resolver.js';
import { BidsService } from './bids.service.js';
import { InvitationsService } from './invitations.service.js';
import { JobInvitationEntity } from './job-invitation.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([BidEntity, JobInvitationEntity]), JobsModule, CodersModule, OrganizationsModule, NotificationsModule],
  providers: [BidsService, InvitationsService, BidsResolver, InvitationsResolver, JobPostingBidsResolver],
  exports: [BidsService],
})
export class BidsModule {}
