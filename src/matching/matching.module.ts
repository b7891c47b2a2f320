import { Module } from '@nestjs/common';
import { BidsModule } from '../bids/bids.module.js';
import { CodersModule } from '../coders/coders.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { WorkroomModule } from '../workroom/workroom.module.js';
import { MatchingResolver } from './matching.resolver.js';
import { MatchingService } from './matching.service.js';

@Module({
  imports: [CodersModule, JobsModule, BidsModule, OrganizationsModule, WorkroomModule],
  providers: [MatchingService, MatchingResolver],
})
export class MatchingModule {}
