import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BidsModule } from '../bids/bids.module.js';
import { CodersModule } from '../coders/coders.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ContractEntity } from './contract.entity.js';
import { MilestoneEntity } from './milestone.entity.js';
import { DisputeEntity } from './dispute.entity.js';
import { BillingResolver, ContractWorkResolver } from './billing.resolver.js';
import { InvoiceEntity } from './invoice.entity.js';
import { InvoiceLineEntity } from './invoice-line.entity.js';
import { ContractPauseEntity } from './contract-pause.entity.js';
import { InvoicesService } from './invoices.service.js';
import { WorkLogEntity } from './work-log.entity.js';
import { ContractDisputesResolver, DisputesResolver } from './disputes.resolver.js';
import { DisputesService } from './disputes.service.js';
import { ContractMilestonesResolver, MilestonesResolver } from './milestones.resolver.js';
import { MilestonesService } from './milestones.service.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ContractsResolver, PayeeResolver } from './contracts.resolver.js';
import { ContractAccess } from './contract-access.service.js';
import { ContractsService } from './contracts.service.js';
import { ContractPausesService } from './contract-pauses.service.js';
import { ContractCredentialLapseEntity } from './contract-credential-lapse.entity.js';
import { ContractCredentialAlertsResolver } from './credential-alerts.resolver.js';
import { CredentialAlertsService } from './credential-alerts.service.js';
import { MailModule } from '../mail/mail.module.js';
import { UsersModule } from '../users/users.module.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([ContractEntity, ContractCredentialLapseEntity, ContractPauseEntity, MilestoneEntity, DisputeEntity, WorkLogEntity, InvoiceEntity, InvoiceLineEntity]),
    PaymentsModule,
    OutboxModule,
    BidsModule,
    JobsModule,
    OrganizationsModule,
    NotificationsModule,
    CodersModule,
    MailModule,
    UsersModule,
  ],
  providers: [
    ContractAccess,
    ContractsService,
    ContractPausesService,
    ContractsResolver,
    PayeeResolver,
    MilestonesService,
    MilestonesResolver,
    ContractMilestonesResolver,
    DisputesService,
    DisputesResolver,
    ContractDisputesResolver,
    InvoicesService,
    BillingResolver,
    ContractWorkResolver,
    CredentialAlertsService,
    ContractCredentialAlertsResolver,
  ],
  exports: [ContractAccess, ContractsService, InvoicesService, CredentialAlertsService],
})
export class ContractsModule {}
