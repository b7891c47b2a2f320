import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { JobPostingEntity } from './job-posting.entity.js';
import { JobPostingsService } from './job-postings.service.js';
import { JobsResolver } from './jobs.resolver.js';

@Module({
  imports: [TypeOrmModule.forFeature([JobPostingEntity]), OrganizationsModule],
  providers: [JobPostingsService, JobsResolver],
  exports: [JobPostingsService],
})
export class JobsModule {}
