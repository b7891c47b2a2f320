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
import { MailModule } from '../mail/mail.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { UsersModule } from '../users/users.module.js';
import { ClaimsResolver } from './claims/claims.resolver.js';
import { CodedBatchExportService } from './claims/coded-batch-export.service.js';
import { EncounterClaimDataEntity } from './claims/encounter-claim-data.entity.js';
import { EncounterClaimDataService } from './claims/encounter-claim-data.service.js';
import { WorkRequestEntity } from './work-requests/work-request.entity.js';
import { ContractPerformanceResolver, WorkRequestsResolver } from './work-requests/work-requests.resolver.js';
import { WorkRequestsService } from './work-requests/work-requests.service.js';
import { AuditFindingEntity } from './audits/audit-finding.entity.js';
import { AuditFindingsResolver } from './audits/audit-findings.resolver.js';
import { AuditFindingsService } from './audits/audit-findings.service.js';

import { PhiDestructionEntity } from './phi-destruction.entity.js';
import { PhiRetentionService } from './phi-retention.service.js';
import { SealedColumns } from './sealed-columns.js';
import { SubcontractorBaaEntity } from './subcontractor-baa.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      AuditEventEntity,
      BaaSignatureEntity,
      SubcontractorBaaEntity,
      PhiDestructionEntity,
      DocumentEntity,
      CodedBatchEntity,
      CodeTableEntryEntity,
      EncounterClaimDataEntity,
      WorkRequestEntity,
      AuditFindingEntity,
    ]),
    ContractsModule,
    JobsModule,
    CodersModule,
    NotificationsModule,
    MailModule,
    OrganizationsModule,
    UsersModule,
  ],
  controllers: [DocumentsController],
  providers: [
    SealedColumns,
    AuditLogService,
    WorkroomAccessService,
    PhiRetentionService,
    DocumentsService,
    WorkroomResolver,
    CodeTablesService,
    CodedBatchesService,
    CodedBatchesResolver,
    CoderAccuracyResolver,
    OrganizationAccuracyResolver,
    EncounterClaimDataService,
    CodedBatchExportService,
    ClaimsResolver,
    WorkRequestsService,
    WorkRequestsResolver,
    ContractPerformanceResolver,
    AuditFindingsService,
    AuditFindingsResolver,
  ],
  exports: [CodeTablesService, EncounterClaimDataService, PhiRetentionService, CodedBatchesService],
})
export class WorkroomModule {}
