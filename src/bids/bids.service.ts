import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { RequestLoaders } from '../common/loaders/request-loaders.js';
import { byCreatedAt, paginate, paginateEach } from '../common/pagination/paginate.js';
import { CoderProfilesService } from '../coders/coder-profiles.service.js';
import { CredentialsService } from '../coders/credentials.service.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { describeUnmet, requirementsOf, unmetGroups } from '../domain/credential-requirements.js';
import { PayModel } from '../domain/work.enums.js';
import { JobPostingsService } from '../jobs/job-postings.service.js';
import { NotificationKind } from '../notifications/notification-kind.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrganizationAccess } from '../organizations/organization-access.service.js';
import { OrganizationKind } from '../organizations/organization.enums.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { BidEntity } from './bid.entity.js';
import { BidStatus, InvitationStatus } from './bid-status.enum.js';
import { SubmitBidInput } from './dto/bid.inputs.js';
import { JobInvitationEntity } from './job-invitation.entity.js';

@Injectable()
export class BidsService {
  constructor(
    @InjectRepository(BidEntity) private readonly bids: Repository<BidEntity>,
    private readonly postings: JobPostingsService,
    private readonly organizations: OrganizationsService,
    private readonly access: OrganizationAccess,
    private readonly profiles: CoderProfilesService,
    private readonly credentials: CredentialsService,
    private readonly notifications: NotificationsService,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * Places a bid on an OPEN posting, for the caller or, as a coding company, for a member coder.
   * The posting row is share-locked while the bid is written, so it cannot close in between; the
   * partial unique index settles two racing bids by the same coder.
   */
  async submit(actor: Actor, input: SubmitBidInput): Promise<BidEntity> {
    const { coderId, organizationId } = await this.resolveBidder(actor, input);
    const coderField = organizationId ? 'input.assignedCoderId' : 'input';
    const profile = await this.profiles.findByUserId(coderId);
    if (!profile) {
      throw new BadUserInputError(organizationId ? 'input.assignedCoderId has no coder profile yet' : 'Create your coder profile (upsertCoderProfile) before bidding', [coderField]);
    }
    // Exclusion screening holds the profile until an admin reviews the match (docs/screening.md).
    if (profile.screeningHeld) throw new ConflictError('This profile is on hold pending exclusion screening review: bids are refused until it is cleared', { reason: 'SCREENING_HOLD' });
    const held = await this.credentials.countingTypes(coderId);
    try {
      return await this.transactions.run(async (manager) => {
        const posting = await this.postings.lockOpen(manager, input.jobPostingId);
        const requirements = requirementsOf(posting);
        const unmet = unmetGroups(requirements, held);
        if (unmet.length) {
          const error = new BadUserInputError(`This posting requires a verified, unexpired ${describeUnmet(unmet, requirements, held)}`, ['input.jobPostingId']);
          // Which groups are unmet, as the posting's credentialRequirements label them.
          error.extensions.unmetCredentialRequirements = unmet.map((check) => check.label);
          throw error;
        }
        const payModel = input.payModel ?? posting.payModel;
        checkBidPay(payModel, input);
        const bid = await manager.getRepository(BidEntity).save({
          jobPostingId: posting.id,
          coderId,
          organizationId,
          submittedById: actor.id,
          payModel,
          rateCents: input.rateCents ?? null,
          percentOfCollectionsBps: input.percentOfCollectionsBps ?? null,
          coverLetter: input.coverLetter,
          estimatedTurnaroundHours: input.estimatedTurnaroundHours ?? null,
          weeklyHourLimit: input.weeklyHourLimit ?? null,
          status: BidStatus.PENDING,
        });
        await manager
          .getRepository(JobInvitationEntity)
          .update({ jobPostingId: posting.id, coderUserId: coderId, status: InvitationStatus.PENDING }, { status: InvitationStatus.ACCEPTED, respondedAt: new Date() });
        await this.notifications.notifyMember(manager, posting.postedById, posting.organizationId, NotificationKind.BID_RECEIVED, `New bid on "${posting.title}"`, {
          jobPostingId: posting.id,
          bidId: bid.id,
        });
        return bid;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'bids_live_coder_key')) throw new ConflictError('This coder already has a live bid on this posting');
      throw error;
    }
  }

  /** The coder (or the company member who submitted it) takes back a PENDING bid. */
  async withdraw(actor: Actor, id: string): Promise<BidEntity> {
    const bid = await this.bids.findOneBy({ id });
    if (!bid || (bid.coderId !== actor.id && bid.submittedById !== actor.id)) throw new NotFoundError('Bid');
    return this.transition(bid, BidStatus.WITHDRAWN, async (manager) => {
      const posting = await this.postings.findById(bid.jobPostingId, manager);
      if (posting)
        await this.notifications.notifyMember(manager, posting.postedById, posting.organizationId, NotificationKind.BID_WITHDRAWN, `A bid on "${posting.title}" was withdrawn`, {
          jobPostingId: posting.id,
          bidId: bid.id,
        });
    });
  }

  /** A member of the posting's organization turns down a PENDING bid. */
  async reject(actor: Actor, id: string): Promise<BidEntity> {
    const bid = await this.bids.findOneBy({ id });
    const posting = bid && (await this.postings.findById(bid.jobPostingId));
    if (!bid || !posting) throw new NotFoundError('Bid');
    await this.access.require(actor, posting.organizationId, 'organization.hire', 'Bid');
    return this.transition(bid, BidStatus.REJECTED, (manager) =>
      this.notifications.notify(manager, bid.coderId, NotificationKind.BID_REJECTED, `Your bid on "${posting.title}" was not selected`, { jobPostingId: posting.id, bidId: bid.id }),
    );
  }

  findById(id: string): Promise<BidEntity | null> {
    return this.bids.findOneBy({ id });
  }

  /** Locks a bid for acceptance; CONFLICT unless it is PENDING. Call after locking its posting (lock order: posting, then bid). */
  async lockPending(manager: EntityManager, id: string): Promise<BidEntity> {
    const bid = await manager.getRepository(BidEntity).createQueryBuilder('b').setLock('pessimistic_write').where('b.id = :id', { id }).getOne();
    if (!bid) throw new NotFoundError('Bid');
    if (bid.status !== BidStatus.PENDING) throw new ConflictError(`This bid is ${bid.status}, not PENDING`);
    return bid;
  }

  async markAccepted(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(BidEntity).update({ id }, { status: BidStatus.ACCEPTED });
  }

  /** Declines every PENDING bid on a posting that just filled, notifying each coder. */
  async declinePending(manager: EntityManager, posting: { id: string; title: string }): Promise<void> {
    const rows = await queryRows<{ id: string; coder_id: string }>(
      manager,
      `UPDATE bids SET status = 'DECLINED', updated_at = now() WHERE job_posting_id = $1 AND status = 'PENDING' RETURNING id, coder_id`,
      [posting.id],
    );
    for (const row of rows) {
      await this.notifications.notify(manager, row.coder_id, NotificationKind.BID_DECLINED, `"${posting.title}" was filled`, { jobPostingId: posting.id, bidId: row.id });
    }
  }

  /** Postings on which the coder has a live (pending or accepted) bid. */
  async liveBidPostingIds(coderId: string): Promise<string[]> {
    const rows = await this.bids.find({ select: { jobPostingId: true }, where: { coderId, status: In([BidStatus.PENDING, BidStatus.ACCEPTED]) } });
    return rows.map((row) => row.jobPostingId);
  }

  /** Bids the caller will work on or submitted, newest first. */
  listMine(actor: Actor, args: ConnectionArgs): Promise<ConnectionShape<BidEntity>> {
    const query = this.bids.createQueryBuilder('b').where('(b.coder_id = :actor OR b.submitted_by_id = :actor)', { actor: actor.id });
    return paginate(query, args, byCreatedAt('b', 'DESC'));
  }

  /**
   * A posting's bids, for members of its organization only (NOT_FOUND for outsiders, FORBIDDEN for
   * admins). Through the request's DataLoaders: a page of postings checks membership once and loads
   * every page of bids in one statement.
   */
  async loadForPosting(loaders: RequestLoaders, actor: Actor | null, posting: { id: string; organizationId: string }, args: ConnectionArgs): Promise<ConnectionShape<BidEntity>> {
    await this.access.loadRequire(loaders, actor, posting.organizationId, 'organization.hire', "The posting's bids");
    return loaders
      .get<string, ConnectionShape<BidEntity>>(`bidsByPosting:${args.first}:${args.after ?? ''}`, (postingIds) => {
        const query = this.bids.createQueryBuilder('b').where('b.jobPostingId IN (:...postingIds)', { postingIds });
        return paginateEach(query, { column: 'b.jobPostingId', of: (b) => b.jobPostingId, keys: postingIds }, args, byCreatedAt('b', 'DESC'));
      })
      .load(posting.id);
  }

  /** Who does the work: the caller, or a coding company's member coder when bidding as the company. */
  private async resolveBidder(actor: Actor, input: SubmitBidInput): Promise<{ coderId: string; organizationId: string | null }> {
    if (!input.organizationId) {
      if (input.assignedCoderId) throw new BadUserInputError('input.assignedCoderId is only for bids made as a coding company (input.organizationId)', ['input.assignedCoderId']);
      return { coderId: actor.id, organizationId: null };
    }
    await this.access.requireMoneyAct(actor, input.organizationId, 'organization.manage');
    if ((await this.organizations.kindOf(input.organizationId)) !== OrganizationKind.CODING_COMPANY) {
      throw new BadUserInputError('input.organizationId must be a CODING_COMPANY', ['input.organizationId']);
    }
    if (!input.assignedCoderId) throw new BadUserInputError('input.assignedCoderId is required when bidding as a company', ['input.assignedCoderId']);
    if (!(await this.access.isActiveMember(input.assignedCoderId, input.organizationId))) {
      throw new BadUserInputError('input.assignedCoderId is not an active member of this company', ['input.assignedCoderId']);
    }
    return { coderId: input.assignedCoderId, organizationId: input.organizationId };
  }

  /** Moves a PENDING bid to `to` with one conditional UPDATE (CONFLICT if it already moved), plus side effects in the same transaction. */
  private async transition(bid: BidEntity, to: BidStatus, sideEffects: (manager: EntityManager) => Promise<void>): Promise<BidEntity> {
    return this.transactions.run(async (manager) => {
      const result = await manager
        .getRepository(BidEntity)
        .createQueryBuilder()
        .update()
        .set({ status: to })
        .where('id = :id AND status = :pending', { id: bid.id, pending: BidStatus.PENDING })
        .execute();
      if (!result.affected) throw new ConflictError(`This bid is ${(await manager.getRepository(BidEntity).findOneByOrFail({ id: bid.id })).status}, not PENDING`);
      await sideEffects(manager);
      return manager.getRepository(BidEntity).findOneByOrFail({ id: bid.id });
    });
  }
}

function checkBidPay(payModel: PayModel, input: SubmitBidInput): void {
  if (payModel !== PayModel.HOURLY && input.weeklyHourLimit != null) throw new BadUserInputError('input.weeklyHourLimit is only for HOURLY bids', ['input.weeklyHourLimit']);
  if (payModel === PayModel.PERCENT_OF_COLLECTIONS) {
    if (input.percentOfCollectionsBps == null) throw new BadUserInputError('input.percentOfCollectionsBps is required for PERCENT_OF_COLLECTIONS', ['input.percentOfCollectionsBps']);
    if (input.rateCents != null) throw new BadUserInputError('input.rateCents is not used with PERCENT_OF_COLLECTIONS', ['input.rateCents']);
  } else {
    if (input.rateCents == null) throw new BadUserInputError(`input.rateCents is required for ${payModel}`, ['input.rateCents']);
    if (input.percentOfCollectionsBps != null) throw new BadUserInputError('input.percentOfCollectionsBps is only for PERCENT_OF_COLLECTIONS', ['input.percentOfCollectionsBps']);
  }
}
