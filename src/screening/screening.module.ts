import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CodersModule } from '../coders/coders.module.js';
import { ContractsModule } from '../contracts/contracts.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { UsersModule } from '../users/users.module.js';
import { LeieExclusionEntity, LeieImportEntity, ScreeningHoldEntity, ScreeningRunEntity } from './screening.entities.js';
import { ScreeningResolver } from './screening.resolver.js';
import { ScreeningService } from './screening.service.js';

/** OIG exclusion screening: the LEIE import, the screens, the admin review of holds (docs/screening.md). */
@Module({
  imports: [
    TypeOrmModule.forFeature([LeieExclusionEntity, LeieImportEntity, ScreeningHoldEntity, ScreeningRunEntity]),
    CodersModule,
    ContractsModule,
    OrganizationsModule,
    NotificationsModule,
    UsersModule,
  ],
  providers: [ScreeningService, ScreeningResolver],
  exports: [ScreeningService],
})
export class ScreeningModule {}
