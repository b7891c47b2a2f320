import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractsModule } from '../contracts/contracts.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { AuditLogService } from './audit-log.service.js';
import { BaaSignatureEntity } from './baa-signature.entity.js';
import { DocumentEntity } from './document.entity.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { WorkroomAccessService } from './workroom-access.service.js';
import { WorkroomResolver } from './workroom.resolver.js';
import { CodedBatchEntity } from './coded-batch.entity.js';
import { CodedBatchesResolver } from './coded-batches.resolver.js';
import { CoderAccuracyResolver, OrganizationAccuracyResolver } from './accuracy.resolver.js';
import { CodedBatchesService } from './coded-batches.service.js';
import { CodeTableEntryEntity } from './codes/code-table-entry.entity.js';
import { CodeTablesService } from './codes/code-tables.service.js';
import { CodersModule } from '../coders/coders.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity, BaaSignatureEntity, DocumentEntity, CodedBatchEntity, CodeTableEntryEntity]), ContractsModule, JobsModule, CodersModule, NotificationsModule],
  controllers: [DocumentsController],
  providers: [
    AuditLogService,
    WorkroomAccessService,
    DocumentsService,
    WorkroomResolver,
    CodeTablesService,
    CodedBatchesService,
    CodedBatchesResolver,
    CoderAccuracyResolver,
    OrganizationAccuracyResolver,
  ],
  exports: [CodeTablesService],
})
export class WorkroomModule {}
