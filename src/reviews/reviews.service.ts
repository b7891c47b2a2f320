import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { groupByKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { firstOfEachGroup } from '../common/pagination/paginate.js';
import { eachOnItsOwn } from '../common/scheduling/each-on-its-own.js';
import { JobScheduler } from '../common/scheduling/job-scheduler.js';
import { AppConfig } from '../config/app-config.js';
import { ContractAccess, sideOf } from '../contracts/contract-access.service.js';
import { ContractStatus } from '../contracts/contract-status.enum.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { CoderProfilesService } from '../coders/coder-profiles.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ReviewEntity } from './review.entity.js';

/** Reviews stay hidden until both parties wrote theirs, or this long after the contract ended. */
const BLIND_DAYS = 14;

@Injectable()
export class ReviewsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReviewsService.name);

  constructor(
    @InjectRepository(ReviewEntity) private readonly reviews: Repository<ReviewEntity>,
    private readonly contracts: ContractsService,
    private readonly access: ContractAccess,
    private readonly profiles: CoderProfilesService,
    private readonly transactions: TransactionRunner,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule('reviews.publish-expired', { cron: this.config.env.REVIEW_PUBLICATION_CRON }, () => this.publishExpired());
  }

  /**
   * Once per party, after the contract ENDED, and only when money moved to the coder on it (so $0
   * contracts between friends cannot inflate a rating); the second review publishes both.
   */
  async leave(actor: Actor, contractId: string, rating: number, comment: string | null): Promise<ReviewEntity> {
    const { contract, standing: side } = await this.access.require(actor, contractId, 'contract.participate');
    if (contract.status !== ContractStatus.ENDED) throw new ConflictError('Reviews open once the contract has ENDED');
    try {
      return await this.transactions.run(async (manager) => {
        // Serialize the two parties' reviews on the contract row, so the second one sees the first.
        await this.contracts.lockForUpdate(manager, contractId);
        if (!(await this.contracts.paidTheCoder(manager, contractId)))
          throw new ConflictError('Reviews are for contracts where money reached the coder (a milestone released or an invoice paid); no money moved on this one');
        const review = await manager.getRepository(ReviewEntity).save({ contractId, authorId: actor.id, authorSide: side, coderId: contract.coderId, rating, comment, publishedAt: null });
        const both = await manager.getRepository(ReviewEntity).find({ where: { contractId }, lock: { mode: 'pessimistic_write' } });
        if (both.length === 2) await this.publish(manager, both);
        return manager.getRepository(ReviewEntity).findOneByOrFail({ id: review.id });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'reviews_contract_side_key')) throw new ConflictError('You already reviewed this contract');
      throw error;
    }
  }

  /** The contract's reviews as the caller may see them: their own always, the other's once published. */
  async forContract(actor: Actor, contractId: string): Promise<ReviewEntity[]> {
    const { standing } = await this.access.require(actor, contractId, 'contract.read');
    const rows = await this.reviews.find({ where: { contractId }, order: { createdAt: 'ASC' } });
    const side = sideOf(standing);
    return rows.filter((row) => row.authorSide === side || row.publishedAt !== null);
  }

  /**
   * The `first` newest published reviews of a coder by practices (public), through the request's
   * DataLoader: a directory page loads the reviews of all its coders in one statement.
   */
  loadPublishedForCoder(loaders: RequestLoaders, coderUserId: string, first: number): Promise<ReviewEntity[]> {
    return loaders
      .get<string, ReviewEntity[]>(`publishedReviewsByCoder:${first}`, async (coderIds) => {
        const published = this.reviews.createQueryBuilder('r').where('r.coderId IN (:...coderIds)', { coderIds }).andWhere("r.authorSide = 'provider' AND r.publishedAt IS NOT NULL");
        const rows = await firstOfEachGroup(published, 'r.coderId', 'r.publishedAt DESC, r.id DESC', first).orderBy('r.publishedAt', 'DESC').addOrderBy('r.id', 'DESC').getMany();
        return groupByKeys(coderIds, rows, (row) => row.coderId);
      })
      .load(coderUserId);
  }

  /** Publishes reviews whose contract ended more than BLIND_DAYS ago. */
  /**
   * Per paying practice (`organization_id, count, total`): the published reviews its coders wrote about
   * it, and their stars, as a subquery for client reputation. `contracts` is the contracts module's
   * subquery of `(id, organization_id)`.
   */
  practiceRatings(contracts: { sql: string }): { sql: string } {
    return {
      sql: `SELECT c.organization_id, count(*)::int AS count, sum(r.rating)::int AS total
         FROM reviews r JOIN (${contracts.sql}) c ON c.id = r.contract_id
        WHERE r.author_side = 'coder' AND r.published_at IS NOT NULL
        GROUP BY c.organization_id`,
    };
  }

  async publishExpired(): Promise<number> {
    const ended = this.contracts.endedMoreThan(BLIND_DAYS);
    const due = await this.reviews
      .createQueryBuilder('r')
      .select('r.id', 'id')
      .where(`r.published_at IS NULL AND r.contract_id IN (${ended.sql})`, ended.parameters)
      .limit(500)
      .getRawMany<{ id: string }>();
    // Each review in its own transaction: one that fails to publish holds up no other.
    return eachOnItsOwn(
      due,
      ({ id }) => `publishing review ${id}`,
      ({ id }) =>
        this.transactions.run(async (manager) => {
          const rows = await manager.getRepository(ReviewEntity).find({ where: { id, publishedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
          await this.publish(manager, rows);
          return rows.length > 0;
        }),
      this.logger,
    );
  }

  /** Makes reviews visible; a provider's review then counts in the coder's rating. */
  private async publish(manager: EntityManager, rows: ReviewEntity[]): Promise<void> {
    for (const row of rows.filter((r) => r.publishedAt === null)) {
      await manager.getRepository(ReviewEntity).update({ id: row.id }, { publishedAt: new Date() });
      if (row.authorSide === 'provider') await this.profiles.recordRating(manager, row.coderId, row.rating);
    }
  }
}
