import { Injectable } from '@nestjs/common';
import { RequestLoaders } from '../common/loaders/request-loaders.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { JobPostingsService } from '../jobs/job-postings.service.js';
import { BillingService } from '../payments/billing.service.js';
import { LedgerService } from '../payments/ledger.service.js';
import { ReviewsService } from '../reviews/reviews.service.js';

/** A practice's record as a client (docs/screening.md, "Client reputation"). */
export interface ClientReputation {
  paymentVerified: boolean;
  totalPaidCents: number;
  contractsCount: number;
  postingsCount: number;
  /** Postings that led to at least one contract / postings, two decimals; null without postings. */
  hireRate: number | null;
  rating: number | null;
  reviewCount: number;
}

const twoDecimals = (value: number) => Math.round(value * 100) / 100;

/**
 * Client reputation, read from the modules that own the facts (contracts, job postings, the ledger,
 * billing, reviews), for a whole page of organizations at once: five statements per request
 * whatever the page size, through the request's DataLoader.
 */
@Injectable()
export class ClientReputationService {
  constructor(
    private readonly contracts: ContractsService,
    private readonly postings: JobPostingsService,
    private readonly ledger: LedgerService,
    private readonly billing: BillingService,
    private readonly reviews: ReviewsService,
  ) {}

  load(loaders: RequestLoaders, organizationId: string): Promise<ClientReputation> {
    return loaders.get<string, ClientReputation>('clientReputation', (ids) => this.forOrganizations(ids)).load(organizationId);
  }

  async forOrganizations(ids: readonly string[]): Promise<ClientReputation[]> {
    const contracts = this.contracts.ofOrganizations(1);
    const [hiring, postings, money, withCard, ratings] = await Promise.all([
      this.contracts.hiringByOrganization(ids),
      this.postings.countByOrganizations(ids),
      this.ledger.practiceMoney(contracts, ids),
      this.billing.withPaymentMethodAmong(ids),
      this.reviews.practiceRatings(contracts, ids),
    ]);
    return ids.map((id) => {
      const postingsCount = postings.get(id) ?? 0;
      const hired = hiring.get(id) ?? { contracts: 0, hiredPostings: 0 };
      const paid = money.get(id) ?? { releasedCents: 0, funded: false };
      const rated = ratings.get(id) ?? { count: 0, total: 0 };
      return {
        paymentVerified: withCard.has(id) || paid.funded,
        totalPaidCents: paid.releasedCents,
        contractsCount: hired.contracts,
        postingsCount,
        hireRate: postingsCount > 0 ? twoDecimals(Math.min(hired.hiredPostings, postingsCount) / postingsCount) : null,
        rating: rated.count > 0 ? twoDecimals(rated.total / rated.count) : null,
        reviewCount: rated.count,
      };
    });
  }
}
