import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { BillingCustomerEntity } from './billing-customer.entity.js';
import { BillingService } from './billing.service.js';
import { PaymentsGateway, received } from './gateway/payments-gateway.js';
import { SimulatedGateway } from './gateway/simulated.gateway.js';
import { StripeGateway } from './gateway/stripe.gateway.js';
import { LedgerEntryEntity, LedgerJournalEntity } from './ledger.entities.js';
import { EscrowService } from './escrow.service.js';
import { LedgerService } from './ledger.service.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { PayoutAccountEntity } from './payout-account.entity.js';
import { PayoutsResolver } from './payouts.resolver.js';
import { PayoutsService } from './payouts.service.js';
import { StripeEventEntity } from './stripe-event.entity.js';
import { StripeEventsService } from './stripe-events.service.js';
import { WebhooksController } from './webhooks.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([LedgerJournalEntity, LedgerEntryEntity, StripeEventEntity, PayoutAccountEntity, BillingCustomerEntity]), OrganizationsModule, OutboxModule],
  controllers: [WebhooksController],
  providers: [
    {
      provide: PaymentsGateway,
      inject: [AppConfig, StripeEventsService],
      // The real Stripe SDK when a key is configured; otherwise the loudly logged offline simulation,
      // whose events go straight to the same handlers webhooks use.
      useFactory: (config: AppConfig, events: StripeEventsService) => {
        if (config.env.STRIPE_SECRET_KEY) return new StripeGateway(config);
        const simulated = new SimulatedGateway();
        simulated.onEvent = async (event) => void (await events.apply(received(event)));
        return simulated;
      },
    },
    LedgerService,
    StripeEventsService,
    PayoutsService,
    PayoutsResolver,
    EscrowService,
    BillingService,
  ],
  exports: [PaymentsGateway, LedgerService, StripeEventsService, PayoutsService, EscrowService, BillingService],
})
export class PaymentsModule {}
