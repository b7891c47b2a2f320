import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { byKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { byCreatedAt, paginate } from '../common/pagination/paginate.js';
import { BidsService } from '../bids/bids.service.js';
import { AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JobPostingsService } from '../jobs/job-postings.service.js';
import { NotificationKind } from '../notifications/notification-kind.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { MembershipRole } from '../organizations/organization.enums.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { UserRole } from '../users/user-role.enum.js';
import { ContractEntity } from './contract.entity.js';
import { ContractStatus } from './contract-status.enum.js';

export type ContractSide = 'provider' | 'coder' | 'admin';

@Injectable()
export class ContractsService {
  constructor(
    @InjectRepository(ContractEntity) private readonly contracts: Repository<ContractEntity>,
    private readonly bids: BidsService,
    private readonly postings: JobPostingsService,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationsService,
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
    if (!bid || !posting || !(await this.postings.isMember(actor, posting.organizationId))) throw new NotFoundError('Bid');
    try {
      return await this.transactions.run(async (manager) => {
        await this.postings.lockForUpdate(manager, posting.id);
        const locked = await this.bids.lockPending(manager, bidId);
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
          platformFeeBps: this.config.env.PLATFORM_FEE_BPS,
          status: ContractStatus.ACTIVE,
          endedAt: null,
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

  /** The contract when the caller is a party to it (or an admin); NOT_FOUND otherwise. */
  async findForParty(actor: Actor, id: string): Promise<{ contract: ContractEntity; side: ContractSide }> {
    const contract = await this.contracts.findOneBy({ id });
    const side = contract ? await this.sideOf(actor, contract) : null;
    if (!contract || !side) throw new NotFoundError('Contract');
    return { contract, side };
  }

  /** Which side the caller is on: a member of the paying practice, the coder (or their company's owner/admin), or an admin. */
  async sideOf(actor: Actor, contract: ContractEntity): Promise<ContractSide | null> {
    if (actor.role === UserRole.ADMIN) return 'admin';
    if (actor.id === contract.coderId) return 'coder';
    if (await this.organizations.isActiveMember(contract.organizationId, actor.id)) return 'provider';
    if (contract.codingCompanyId) {
      const membership = await this.organizations.requireMembership(actor, contract.codingCompanyId, [MembershipRole.OWNER, MembershipRole.ADMIN]).catch(() => null);
      if (membership) return 'coder';
    }
    return null;
  }

  /** Contracts the caller is party to, newest first. */
  listMine(actor: Actor, args: ConnectionArgs): Promise<ConnectionShape<ContractEntity>> {
    const query = this.contracts.createQueryBuilder('k').where(
      `(k.coder_id = :actor OR k.organization_id IN (SELECT m.organization_id FROM memberships m WHERE m.user_id = :actor AND m.status = 'ACTIVE')
          OR k.coding_company_id IN (SELECT m.organization_id FROM memberships m WHERE m.user_id = :actor AND m.status = 'ACTIVE' AND m.role IN ('OWNER', 'ADMIN')))`,
      { actor: actor.id },
    );
    return paginate(query, args, byCreatedAt('k', 'DESC'));
  }

  /** Either party ends an ACTIVE or PAUSED contract; a DISPUTED one waits for the dispute's resolution. */
  async end(actor: Actor, id: string): Promise<ContractEntity> {
    const { contract, side } = await this.findForParty(actor, id);
    if (side === 'admin') throw new ForbiddenError('Admins read contracts; the parties end them');
    return this.transactions.run(async (manager) => {
      // Lock the contract first, so a milestone being funded at the same time is seen (or waits).
      await manager.query('SELECT 1 FROM contracts WHERE id = $1 FOR UPDATE', [id]);
      const [held] = await queryRows(manager, `SELECT 1 FROM milestones WHERE contract_id = $1 AND status IN ('FUNDING', 'FUNDED', 'SUBMITTED') LIMIT 1`, [id]);
      if (held) throw new ConflictError('Money is still in escrow on this contract: release or refund its milestones first');
      const result = await manager
        .getRepository(ContractEntity)
        .createQueryBuilder()
        .update()
        .set({ status: ContractStatus.ENDED, endedAt: () => 'now()' })
        .where('id = :id AND status IN (:...open)', { id, open: [ContractStatus.ACTIVE, ContractStatus.PAUSED] })
        .execute();
      if (!result.affected) throw new ConflictError(`This contract is ${(await manager.getRepository(ContractEntity).findOneByOrFail({ id })).status} and cannot be ended now`);
      const other = actor.id === contract.coderId ? null : contract.coderId;
      if (other) await this.notifications.notify(manager, other, NotificationKind.CONTRACT_ENDED, 'A contract was ended', { contractId: id });
      return manager.getRepository(ContractEntity).findOneByOrFail({ id });
    });
  }

  loadById(loaders: RequestLoaders, id: string): Promise<ContractEntity | null> {
    return loaders.get<string, ContractEntity | null>('contractById', async (ids) => byKeys(ids, await this.contracts.findBy({ id: In([...ids]) }), (k) => k.id)).load(id);
  }

  /** `sideOf` through the request's DataLoaders: the contracts of a page share one query for the caller's memberships. */
  async loadSideOf(loaders: RequestLoaders, actor: Actor, contract: Pick<ContractEntity, 'coderId' | 'organizationId' | 'codingCompanyId'>): Promise<ContractSide | null> {
    if (actor.role === UserRole.ADMIN) return 'admin';
    if (actor.id === contract.coderId) return 'coder';
    if (await this.organizations.loadActiveMembership(loaders, actor.id, contract.organizationId)) return 'provider';
    if (contract.codingCompanyId) {
      const membership = await this.organizations.loadActiveMembership(loaders, actor.id, contract.codingCompanyId);
      if (membership && [MembershipRole.OWNER, MembershipRole.ADMIN].includes(membership.role)) return 'coder';
    }
    return null;
  }
}
