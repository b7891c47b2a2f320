import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestLoaders } from '../common/loaders/request-loaders.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { queryRows } from '../database/query-rows.js';
import { readCents } from '../database/bigint-cents.transformer.js';
import { JobPostingsService } from '../jobs/job-postings.service.js';
import { BillingService } from '../payments/billing.service.js';
import { LedgerService } from '../payments/ledger.service.js';
import { ReviewsService } from '../reviews/reviews.service.js';

/** A practice's record as a client (docs/screening.md, "Client reputation"). */
export interface ClientReputation {
  paymentVerified: boolean;
  totalPaidCents: number;
  contractsCount: number;
  /** Contracts on which the coder was paid (a milestone released, an invoice paid). */
  paidContractsCount: number;
  postingsCount: number;
  /** Postings that led to at least one contract on which the coder was paid / postings, two decimals; null without postings. */
  hireRate: number | null;
  rating: number | null;
  reviewCount: number;
}

interface ReputationRow {
  id: string;
  contracts: number | null;
  paid_contracts: number | null;
  hired_postings: number | null;
  postings: number | null;
  released: string | null;
  funded: boolean | null;
  card: boolean;
  reviews: number | null;
  stars: number | null;
}

const twoDecimals = (value: number) => Math.round(value * 100) / 100;

/**
 * Client reputation for a whole page of organizations in one statement, through the request's
 * DataLoader. The statement is put together from the subqueries the owners of the facts hand out
 * (contracts, job postings, the ledger, billing, reviews): this module names no table.
 */
@Injectable()
export class ClientReputationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const contracts = this.contracts.ofOrganizations();
    // Every subquery reads its organizations from $1.
    const rows = await queryRows<ReputationRow>(
      this.dataSource,
      `SELECT o.id, h.contracts, h.paid_contracts, h.hired_postings, p.postings, m.released, m.funded, (b.organization_id IS NOT NULL) AS card, r.count AS reviews, r.total AS stars
         FROM unnest($1::uuid[]) AS o(id)
         LEFT JOIN (${this.contracts.hiringOfOrganizations().sql}) h ON h.organization_id = o.id
         LEFT JOIN (${this.postings.countOfOrganizations().sql}) p ON p.organization_id = o.id
         LEFT JOIN (${this.ledger.practiceMoney(contracts).sql}) m ON m.organization_id = o.id
         LEFT JOIN (${this.billing.withPaymentMethod().sql}) b ON b.organization_id = o.id
         LEFT JOIN (${this.reviews.practiceRatings(contracts).sql}) r ON r.organization_id = o.id`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      const postingsCount = row?.postings ?? 0;
      const reviewCount = row?.reviews ?? 0;
      return {
        paymentVerified: Boolean(row?.card || row?.funded),
        totalPaidCents: readCents(row?.released ?? '0'),
        contractsCount: row?.contracts ?? 0,
        paidContractsCount: row?.paid_contracts ?? 0,
        postingsCount,
        hireRate: postingsCount > 0 ? twoDecimals(Math.min(row?.hired_postings ?? 0, postingsCount) / postingsCount) : null,
        rating: reviewCount > 0 ? twoDecimals((row?.stars ?? 0) / reviewCount) : null,
        reviewCount,
      };
    });
  }
}
