import { Module } from '@nestjs/common';
import { CodersModule } from '../coders/coders.module.js';
import { UsersModule } from '../users/users.module.js';
import { WorkroomModule } from '../workroom/workroom.module.js';
import { PublicProfilesController } from './public-profiles.controller.js';
import { PublicProfilesService } from './public-profiles.service.js';

/**
 * The public profile pages and their sitemap: a coder's profile and credentials (coders) with the
 * accuracy its audits publish (workroom), so it sits above both.
 */
@Module({
  imports: [CodersModule, UsersModule, WorkroomModule],
  controllers: [PublicProfilesController],
  providers: [PublicProfilesService],
})
export class PublicProfilesModule {}
