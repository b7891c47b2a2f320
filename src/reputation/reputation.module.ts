import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { ReviewsModule } from '../reviews/reviews.module.js';
import { ClientReputationResolver } from './client-reputation.resolver.js';
import { ClientReputationService } from './client-reputation.service.js';

/** Client reputation on organizations, read through the owners of contracts, postings, money and reviews (docs/screening.md). */
@Module({
  imports: [ContractsModule, JobsModule, PaymentsModule, ReviewsModule],
  providers: [ClientReputationService, ClientReputationResolver],
})
export class ReputationModule {}
