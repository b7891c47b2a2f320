import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { byCreatedAt, paginate } from '../common/pagination/paginate.js';
import { BidsService } from '../bids/bids.service.js';
import { CoderProfilesService } from '../coders/coder-profiles.service.js';
import { CredentialsService } from '../coders/credentials.service.js';
import { AppConfig } from '../config/app-config.js';
import { describeUnmet, requirementsOf, unmetGroups } from '../domain/credential-requirements.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JobPostingsService } from '../jobs/job-postings.service.js';
import { NotificationKind } from '../notifications/notification-kind.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrganizationAccess } from '../organizations/organization-access.service.js';
import { Earnings } from '../payments/dto/payout.models.js';
import { PayeeKind } from '../payments/payee.js';
import { PayoutsService } from '../payments/payouts.service.js';
import { ContractAccess } from './contract-access.service.js';
import { ContractEntity } from './contract.entity.js';
import { ContractStatus } from './contract-status.enum.js';
import { InvoiceEntity } from './invoice.entity.js';
import { InvoiceStatus } from './invoice.enums.js';
import { MilestoneEntity } from './milestone.entity.js';
import { MilestoneStatus } from './milestone-status.enum.js';
import { BidEntity } from '../bids/bid.entity.js';
import { DEFAULT_WEEKLY_HOUR_LIMIT } from '../domain/work-days.js';
import { workReadsPhi } from '../domain/phi-work.js';
import { PayModel } from '../domain/work.enums.js';
import { JobPostingEntity } from '../jobs/job-posting.entity.js';

/** An HOURLY contract's weekly hour cap: the bid's, else the posting's (an HOURLY posting), else a full-time week; null for the other pay models. */
function weeklyHourLimitOf(bid: BidEntity, posting: JobPostingEntity): number | null {
  if (bid.payModel !== PayModel.HOURLY) return null;
  return bid.weeklyHourLimit ?? (posting.payModel === PayModel.HOURLY ? posting.weeklyHourLimit : null) ?? DEFAULT_WEEKLY_HOUR_LIMIT;
}

/** The answer to putting a held coder on a contract (the match details are the admins' to see). */
const SCREENING_HOLD_REFUSAL = 'This coder is on hold pending exclusion screening review';

/** Why a contract cannot end now (read under its row lock, in the ending transaction), or null when it may. */
export type EndCheck = (manager: EntityManager, contract: ContractEntity) => Promise<string | null>;

@Injectable()
export class ContractsService {
  private readonly endChecks: EndCheck[] = [];

  constructor(
    @InjectRepository(ContractEntity) private readonly contracts: Repository<ContractEntity>,
    private readonly bids: BidsService,
    private readonly postings: JobPostingsService,
    private readonly organizations: OrganizationAccess,
    private readonly access: ContractAccess,
    private readonly notifications: NotificationsService,
    private readonly payouts: PayoutsService,
    private readonly profiles: CoderProfilesService,
    private readonly credentials: CredentialsService,
    private readonly transactions: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  /**
   * Accepts a PENDING bid: one contract per bid, never more contracts than positions. Locks the
   * posting, then the bid (always in that order, so racing accepts queue instead of deadlocking);
   * the position is taken by a conditional UPDATE and `contracts_bid_id_key` backs it up. When the
   * last position goes, the other pending bids are declined. Both sides are notified.
   */
  async acceptBid(actor: Actor, bidId: string): Promise<ContractEntity> {
    const bid = await this.bids.findById(bidId);
    const posting = bid ? await this.postings.findById(bid.jobPostingId) : null;
    if (!bid || !posting) throw new NotFoundError('Bid');
    await this.organizations.requireMoneyAct(actor, posting.organizationId, 'organization.manage', 'Bid');
    // A company's bid names its coder: one the company has since removed could not work the contract.
    if (bid.organizationId && !(await this.organizations.isActiveMember(bid.coderId, bid.organizationId))) {
      throw new ConflictError('The coder this bid names no longer works for the coding company');
    }
    try {
      return await this.transactions.run(async (manager) => {
        const current = await this.postings.lockForUpdate(manager, posting.id);
        const locked = await this.bids.lockPending(manager, bidId);
        // The bid was judged when it was placed; the coder is judged again now, under locks (docs/matching.md).
        await this.requireHireable(manager, locked.coderId, current);
        const { filled } = await this.postings.takePosition(manager, posting.id);
        await this.bids.markAccepted(manager, bidId);
        const contract = await manager.getRepository(ContractEntity).save({
          jobPostingId: posting.id,
          bidId,
          organizationId: posting.organizationId,
          coderId: locked.coderId,
          codingCompanyId: locked.organizationId,
          payModel: locked.payModel,
          rateCents: locked.rateCents,
          percentOfCollectionsBps: locked.percentOfCollectionsBps,
          weeklyHourLimit: weeklyHourLimitOf(locked, posting),
          platformFeeBps: this.config.env.PLATFORM_FEE_BPS,
          baaRequired: workReadsPhi(posting.workType) || posting.requiresBaa,
          status: ContractStatus.ACTIVE,
          endedAt: null,
          pausedAt: null,
          pauseReason: null,
        });
        if (filled) await this.bids.declinePending(manager, posting);
        const data = { contractId: contract.id, jobPostingId: posting.id, bidId };
        await this.notifications.notify(manager, locked.coderId, NotificationKind.BID_ACCEPTED, `Your bid on "${posting.title}" was accepted`, data);
        if (locked.submittedById !== locked.coderId)
          await this.notifications.notify(manager, locked.submittedById, NotificationKind.BID_ACCEPTED, `Your company's bid on "${posting.title}" was accepted`, data);
        await this.notifications.notify(manager, actor.id, NotificationKind.CONTRACT_STARTED, `Contract started for "${posting.title}"`, data);
        return contract;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'contracts_bid_id_key')) throw new ConflictError('This bid already has a contract');
      throw error;
    }
  }

  /**
   * Another module's reason a contract may not end yet (the workroom: coded batches awaiting the
   * practice's review), asked by `end` under the contract's lock. Registered at start.
   */
  refuseEndWhile(check: EndCheck): void {
    this.endChecks.push(check);
  }

  /** The contract when the caller may read it (`contract.read`: its parties and admins); NOT_FOUND otherwise. */
  async findForParty(actor: Actor, id: string): Promise<ContractEntity> {
    return (await this.access.require(actor, id, 'contract.read')).contract;
  }

  /** The contract, read through `manager` when called inside a transaction (no access check: callers ask the gate first). */
  findById(id: string, manager?: EntityManager): Promise<ContractEntity | null> {
    return (manager?.getRepository(ContractEntity) ?? this.contracts).findOneBy({ id });
  }

  /**
   * Locks the contract row for the rest of the transaction and returns it as locked; NOT_FOUND when
   * missing. The one lock every move that must see the contract's current status takes first
   * (ending, funding, releasing, refunding, settling a dispute, reviewing).
   */
  async lockForUpdate(manager: EntityManager, id: string): Promise<ContractEntity> {
    const contract = await manager.getRepository(ContractEntity).createQueryBuilder('k').setLock('pessimistic_write').where('k.id = :id', { id }).getOne();
    if (!contract) throw new NotFoundError('Contract');
    return contract;
  }

  /** Ids of the contracts that ended before `days` days ago, as a subquery for another module's list (reviews to publish). */
  endedMoreThan(days: number): { sql: string; parameters: Record<string, unknown> } {
    const sql = this.contracts.createQueryBuilder('k').select('k.id').where('k.ended_at < now() - make_interval(days => :contractsEndedDays)').getQuery();
    return { sql, parameters: { contractsEndedDays: days } };
  }

  /**
   * Whether money of the contract is still held: escrow on a FUNDED or SUBMITTED milestone, or an
   * invoice in review or declined (what a dispute on an ENDED contract could still hold). Read in
   * the caller's transaction (under the contract's lock, which openDispute takes too).
   */
  async holdsMoney(manager: EntityManager, contractId: string): Promise<boolean> {
    if (await manager.getRepository(MilestoneEntity).existsBy({ contractId, status: In([MilestoneStatus.FUNDED, MilestoneStatus.SUBMITTED]) })) return true;
    return manager.getRepository(InvoiceEntity).existsBy({ contractId, status: In([InvoiceStatus.IN_REVIEW, InvoiceStatus.FAILED]) });
  }

  /** Ids of the contracts of a pay model, as a subquery for another module's query (the coded batches to bill). */
  withPayModel(payModel: PayModel): { sql: string; parameters: Record<string, unknown> } {
    const sql = this.contracts.createQueryBuilder('k').select('k.id').where('k.pay_model = :contractsPayModel').getQuery();
    return { sql, parameters: { contractsPayModel: payModel } };
  }

  /** The coder's contracts not yet ended (ACTIVE, PAUSED, DISPUTED): whom to tell when exclusion screening confirms the coder. */
  liveWithCoder(coderId: string, manager?: EntityManager): Promise<Pick<ContractEntity, 'id' | 'organizationId'>[]> {
    const repository = manager ? manager.getRepository(ContractEntity) : this.contracts;
    return repository.find({ select: { id: true, organizationId: true }, where: { coderId, status: In([ContractStatus.ACTIVE, ContractStatus.PAUSED, ContractStatus.DISPUTED]) } });
  }

  /**
   * Per paying practice among the uuid array parameter $1: its contracts, those on which the coder was
   * paid (`paidTheCoder`, in SQL), and how many of its postings led to at least one paid contract
   * (`organization_id, contracts, paid_contracts, hired_postings`), as a subquery for client reputation:
   * a hire nobody paid on (a friend posing as a practice) lends the hire rate nothing.
   */
  hiringOfOrganizations(): { sql: string } {
    const paid = this.paidTheCoderSql('c.id');
    return {
      sql: `SELECT organization_id, count(*)::int AS contracts, (count(*) FILTER (WHERE paid))::int AS paid_contracts,
                   (count(DISTINCT job_posting_id) FILTER (WHERE paid))::int AS hired_postings
              FROM (SELECT c.organization_id, c.job_posting_id, ${paid} AS paid FROM contracts c WHERE c.organization_id = ANY($1::uuid[])) k
             GROUP BY organization_id`,
    };
  }

  /**
   * `paidTheCoder` as an SQL predicate on the contract id expression `contractId` (a column of the
   * caller's statement): for another module's query (client reputation, published accuracy), so a
   * page of rows is judged in its own statement and the rule reads the same everywhere.
   */
  paidTheCoderSql(contractId: string): string {
    return `(EXISTS (SELECT 1 FROM milestones m WHERE m.contract_id = ${contractId} AND m.status = '${MilestoneStatus.RELEASED}')
               OR EXISTS (SELECT 1 FROM invoices i WHERE i.contract_id = ${contractId} AND i.status IN ('${InvoiceStatus.PAID}', '${InvoiceStatus.RELEASED}')))`;
  }

  /**
   * The contracts (`id`, `organization_id`) of the paying practices in the uuid array parameter $1,
   * as a subquery for another module's statement (client reputation: money, reviews).
   */
  ofOrganizations(): { sql: string } {
    return { sql: `SELECT id, organization_id FROM contracts WHERE organization_id = ANY($1::uuid[])` };
  }

  /** Contracts the caller is party to, newest first. */
  listMine(actor: Actor, args: ConnectionArgs): Promise<ConnectionShape<ContractEntity>> {
    const query = this.access.whereParty(this.contracts.createQueryBuilder('k'), 'k', actor);
    return paginate(query, args, byCreatedAt('k', 'DESC'));
  }

  /**
   * Either party ends an ACTIVE or PAUSED contract; a DISPUTED one waits for the dispute's resolution,
   * one holding escrow waits for its milestones, a PER_CHART one with coded batches awaiting review for the practice's answer.
   * Invoices still in review or unpaid keep their course (and keep the contract disputable): ending
   * releases and hides nothing.
   */
  async end(actor: Actor, id: string): Promise<ContractEntity> {
    const { contract } = await this.access.require(actor, id, 'contract.participate');
    return this.transactions.run(async (manager) => {
      // Lock the contract first, so a milestone being funded at the same time is seen (or waits).
      const locked = await this.lockForUpdate(manager, id);
      const held = await manager.getRepository(MilestoneEntity).existsBy({ contractId: id, status: In([MilestoneStatus.FUNDING, MilestoneStatus.FUNDED, MilestoneStatus.SUBMITTED]) });
      if (held) throw new ConflictError('Money is still in escrow on this contract, or being paid in: release or refund its milestones, or cancel those being paid (cancelMilestone), first');
      // Delivered work the practice has not judged would be stranded: an ENDED contract's batches can no longer be reviewed, billed or disputed.
      for (const check of this.endChecks) {
        const refusal = await check(manager, locked);
        if (refusal) throw new ConflictError(refusal);
      }
      const result = await manager
        .getRepository(ContractEntity)
        .createQueryBuilder()
        .update()
        .set({ status: ContractStatus.ENDED, endedAt: () => 'now()', pausedAt: null, pauseReason: null })
        .where('id = :id AND status IN (:...open)', { id, open: [ContractStatus.ACTIVE, ContractStatus.PAUSED] })
        .execute();
      if (!result.affected) throw new ConflictError(`This contract is ${(await manager.getRepository(ContractEntity).findOneByOrFail({ id })).status} and cannot be ended now`);
      const other = actor.id === contract.coderId ? null : contract.coderId;
      if (other) await this.notifications.notifyMember(manager, other, contract.codingCompanyId, NotificationKind.CONTRACT_ENDED, 'A contract was ended', { contractId: id });
      return manager.getRepository(ContractEntity).findOneByOrFail({ id });
    });
  }

  /**
   * A coding company's OWNER or ADMIN gives one of the company's contracts to another of its members:
   * an ACTIVE member with a coder profile, not held by exclusion screening, and the posting's required credentials (as for a bid). The
   * contract keeps paying the company. The previous coder loses the contract at once (standings are
   * read per request, live subscriptions included), the new one gains it; both are notified.
   */
  async reassignCoder(actor: Actor, contractId: string, coderId: string): Promise<ContractEntity> {
    const { contract, standing } = await this.access.require(actor, contractId, 'contract.participate');
    if (standing !== 'coder') throw new ForbiddenError("Only the coding company's OWNER or ADMIN may reassign its contract");
    if (!contract.codingCompanyId) throw new ConflictError('This contract was not made through a coding company: its coder cannot be replaced');
    // The coder side also holds the coder themself: only the company's managers give its work out.
    await this.organizations.requireMoneyAct(actor, contract.codingCompanyId, 'organization.manage', 'Contract');
    if (!(await this.organizations.isActiveMember(coderId, contract.codingCompanyId))) throw new BadUserInputError('coderId is not an active member of the coding company', ['coderId']);
    if (!(await this.profiles.findByUserId(coderId))) throw new BadUserInputError('coderId has no coder profile yet', ['coderId']);
    const posting = (await this.postings.findById(contract.jobPostingId))!;
    const held = await this.credentials.countingTypes(coderId);
    const requirements = requirementsOf(posting);
    const unmet = unmetGroups(requirements, held);
    if (unmet.length) throw new BadUserInputError(`coderId lacks a verified, unexpired ${describeUnmet(unmet, requirements, held)} this posting requires`, ['coderId']);
    return this.transactions.run(async (manager) => {
      const locked = await this.lockForUpdate(manager, contractId);
      if (locked.status === ContractStatus.ENDED) throw new ConflictError('This contract has ENDED');
      if (locked.coderId === coderId) throw new ConflictError('This coder already works this contract');
      // A held coder takes no contract, new or handed over (docs/screening.md); read under the profile's share lock.
      if (await this.profiles.lockScreeningHeld(manager, coderId)) throw new ConflictError(SCREENING_HOLD_REFUSAL, { reason: 'SCREENING_HOLD' });
      await manager.getRepository(ContractEntity).update({ id: contractId }, { coderId });
      const data = { contractId, jobPostingId: posting.id };
      await this.notifications.notify(manager, locked.coderId, NotificationKind.CONTRACT_REASSIGNED, `Your company gave the contract for "${posting.title}" to another coder`, data);
      await this.notifications.notify(manager, coderId, NotificationKind.CONTRACT_REASSIGNED, `Your company gave you the contract for "${posting.title}"`, data);
      return manager.getRepository(ContractEntity).findOneByOrFail({ id: contractId });
    });
  }

  /**
   * Whether the coder may be put on a contract of `posting` now, in the caller's transaction: not held
   * by exclusion screening (CONFLICT, reason SCREENING_HOLD) and meeting every requirement group of the
   * posting with credentials that count today (CONFLICT, reason CREDENTIAL_REQUIREMENTS_UNMET, naming
   * the unmet groups in `extensions.unmetCredentialRequirements`). Share-locks the profile and the
   * credentials, so a hold or a credential change racing the hire waits for it or is seen by it.
   */
  private async requireHireable(manager: EntityManager, coderId: string, posting: JobPostingEntity): Promise<void> {
    if (await this.profiles.lockScreeningHeld(manager, coderId)) throw new ConflictError(SCREENING_HOLD_REFUSAL, { reason: 'SCREENING_HOLD' });
    const held = await this.credentials.lockCountingTypes(manager, coderId);
    const requirements = requirementsOf(posting);
    const unmet = unmetGroups(requirements, held);
    if (unmet.length)
      throw new ConflictError(`The coder no longer holds a verified, unexpired ${describeUnmet(unmet, requirements, held)}, which this posting requires`, {
        reason: 'CREDENTIAL_REQUIREMENTS_UNMET',
        unmetCredentialRequirements: unmet.map((check) => check.label),
      });
  }

  /**
   * The money of the calling coder (escrow held on the contracts paying them personally, net of each
   * one's fee; released; paid out), or with `organizationId` of a coding company they manage (its
   * contracts pay the company, whichever member works them).
   */
  async earnings(actor: Actor, organizationId?: string | null): Promise<Earnings> {
    const payee = await this.payouts.payeeFor(actor, organizationId);
    const where = payee.kind === PayeeKind.ORGANIZATION ? { codingCompanyId: payee.id } : { coderId: actor.id, codingCompanyId: IsNull() };
    const contracts = await this.contracts.find({ select: { id: true, platformFeeBps: true }, where });
    return this.payouts.earnings(payee, contracts);
  }

  /**
   * Whether money of this contract moved to the coder: a milestone released (in full, or in part by a
   * dispute's split), or an invoice paid by the practice (held for its dispute window, or released).
   * Reviews need it, so a contract nobody paid on cannot lend a rating weight. Read in the caller's transaction.
   */
  async paidTheCoder(manager: EntityManager, contractId: string): Promise<boolean> {
    if (await manager.getRepository(MilestoneEntity).existsBy({ contractId, status: MilestoneStatus.RELEASED })) return true;
    return manager.getRepository(InvoiceEntity).existsBy({ contractId, status: In([InvoiceStatus.PAID, InvoiceStatus.RELEASED]) });
  }
}
