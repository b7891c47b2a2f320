import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { groupByKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import type { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { byCreatedAt, firstOfEachGroup, paginate, paginateEach } from '../common/pagination/paginate.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationKind } from '../notifications/notification-kind.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ContractAccess, ContractParties } from './contract-access.service.js';
import { ContractEntity } from './contract.entity.js';
import { ContractStatus } from './contract-status.enum.js';
import { ContractsService } from './contracts.service.js';
import { DisputeEntity } from './dispute.entity.js';
import { DisputeOutcome, DisputeStatus } from './dispute-status.enum.js';
import { ResolveDisputeInput } from './dto/dispute.models.js';
import { MilestonesService } from './milestones.service.js';
import { InvoicesService } from './invoices.service.js';
import { ContractPausesService } from './contract-pauses.service.js';

@Injectable()
export class DisputesService {
  constructor(
    @InjectRepository(DisputeEntity) private readonly disputes: Repository<DisputeEntity>,
    private readonly contracts: ContractsService,
    private readonly access: ContractAccess,
    private readonly milestones: MilestonesService,
    private readonly invoices: InvoicesService,
    private readonly pauses: ContractPausesService,
    private readonly notifications: NotificationsService,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * Either party disputes an ACTIVE or PAUSED contract, or an ENDED one while money of it is still
   * held (escrow on its milestones, or an invoice in review or declined, not charged yet): it turns
   * DISPUTED and nothing held is released or charged until an admin resolves it.
   */
  async open(actor: Actor, contractId: string, reason: string): Promise<DisputeEntity> {
    const { contract, standing } = await this.access.require(actor, contractId, 'contract.participate');
    try {
      return await this.transactions.run(async (manager) => {
        // Under the contract's lock: a charge falling due, or the money settling, waits for the decision.
        const locked = await this.contracts.lockForUpdate(manager, contractId);
        const disputable =
          locked.status === ContractStatus.ACTIVE ||
          locked.status === ContractStatus.PAUSED ||
          (locked.status === ContractStatus.ENDED && ((await this.milestones.heldCents(manager, contractId)) > 0 || (await this.invoices.hasDisputableInvoices(manager, contractId))));
        if (!disputable) throw new ConflictError(locked.status === ContractStatus.ENDED ? 'This contract is ENDED and holds no money to dispute' : `This contract is ${locked.status}`);
        await manager.getRepository(ContractEntity).update({ id: contractId }, { status: ContractStatus.DISPUTED });
        const dispute = await manager.getRepository(DisputeEntity).save({ contractId, openedById: actor.id, openedBySide: standing, reason, status: DisputeStatus.OPEN });
        const other = standing === 'coder' ? null : contract.coderId;
        if (other)
          await this.notifications.notifyMember(manager, other, contract.codingCompanyId, NotificationKind.DISPUTE_OPENED, 'A dispute was opened on your contract', {
            contractId,
            disputeId: dispute.id,
          });
        return dispute;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'disputes_open_contract_key')) throw new ConflictError('This contract already has an open dispute');
      throw error;
    }
  }

  /**
   * An admin settles what the dispute holds (release, refund or split in cents): the escrow held on
   * milestones, or the invoices it covers (charged in full or in part, or VOID). The contract goes
   * back to where it was (ENDED, PAUSED or ACTIVE).
   */
  async resolve(actor: Actor, id: string, input: ResolveDisputeInput): Promise<DisputeEntity> {
    if (input.outcome === DisputeOutcome.SPLIT && input.coderCents == null) throw new BadUserInputError('input.coderCents is required for SPLIT', ['input.coderCents']);
    if (input.outcome !== DisputeOutcome.SPLIT && input.coderCents != null) throw new BadUserInputError('input.coderCents is only for SPLIT', ['input.coderCents']);
    return this.transactions.run(async (manager) => {
      const dispute = await manager.getRepository(DisputeEntity).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
      if (!dispute) throw new NotFoundError('Dispute');
      if (dispute.status !== DisputeStatus.OPEN) throw new ConflictError('This dispute is already resolved');
      const contract = await this.contracts.lockForUpdate(manager, dispute.contractId);
      // What the dispute holds: escrow on milestones (FIXED_PRICE), or invoices not charged yet (the other pay models).
      const invoices = await this.invoices.lockDisputed(manager, contract.id, dispute.createdAt);
      const invoiced = invoices.reduce((sum, invoice) => sum + invoice.amountCents, 0);
      const total = invoices.length ? invoiced : await this.milestones.heldCents(manager, contract.id);
      const coderCents = input.outcome === DisputeOutcome.RELEASE ? total : input.outcome === DisputeOutcome.REFUND ? 0 : input.coderCents!;
      let settled: number;
      if (invoices.length) {
        if (coderCents > total) throw new BadUserInputError(`input.coderCents cannot exceed the ${total} cents invoiced under dispute`, ['input.coderCents']);
        await this.invoices.settleDisputed(manager, contract, dispute.id, invoices, coderCents);
        settled = total;
      } else {
        settled = await this.milestones.settleHeld(manager, contract, dispute.id, coderCents);
      }
      await manager
        .getRepository(DisputeEntity)
        .update({ id }, { status: DisputeStatus.RESOLVED, outcome: input.outcome, coderCents, heldCents: settled, resolutionNote: input.note ?? null, resolvedById: actor.id, resolvedAt: new Date() });
      // Back to where it was: an ended contract stays ENDED, a paused one PAUSED.
      const status = contract.endedAt ? ContractStatus.ENDED : contract.pausedAt ? ContractStatus.PAUSED : ContractStatus.ACTIVE;
      await manager.getRepository(ContractEntity).update({ id: contract.id }, { status });
      if (status === ContractStatus.PAUSED) await this.pauses.resumeIfPaid(manager, contract.id);
      await this.notifications.notifyMember(manager, contract.coderId, contract.codingCompanyId, NotificationKind.DISPUTE_RESOLVED, 'A dispute on your contract was resolved', {
        contractId: contract.id,
        disputeId: id,
      });
      return manager.getRepository(DisputeEntity).findOneByOrFail({ id });
    });
  }

  /** Open disputes, oldest first (the admin's queue), one keyset page at a time. */
  listOpen(args: ConnectionArgs): Promise<ConnectionShape<DisputeEntity>> {
    const open = this.disputes.createQueryBuilder('d').where('d.status = :status', { status: DisputeStatus.OPEN });
    return paginate(open, args, byCreatedAt('d', 'ASC'));
  }

  /**
   * A contract's `first` newest disputes, open and resolved, for whoever may read the contract (both
   * parties and admins; NOT_FOUND to anyone else), through the request's DataLoaders: a page of
   * contracts loads them in one statement.
   */
  async loadForContract(loaders: RequestLoaders, actor: Actor, contract: ContractParties & { id: string }, first: number): Promise<DisputeEntity[]> {
    await this.access.loadRequire(loaders, actor, contract, 'contract.read');
    return loaders
      .get<string, DisputeEntity[]>(`disputesByContract:${first}`, async (contractIds) => {
        const disputes = this.disputes.createQueryBuilder('d').where('d.contractId IN (:...contractIds)', { contractIds });
        const rows = await firstOfEachGroup(disputes, 'd.contractId', 'd.createdAt DESC, d.id DESC', first).orderBy('d.createdAt', 'DESC').addOrderBy('d.id', 'DESC').getMany();
        return groupByKeys(contractIds, rows, (row) => row.contractId);
      })
      .load(contract.id);
  }

  /**
   * A page of a contract's disputes, newest first, for whoever may read the contract (NOT_FOUND to
   * anyone else); a page of contracts loads its pages in one statement (`paginateEach`).
   */
  async loadPageForContract(loaders: RequestLoaders, actor: Actor, contract: ContractParties & { id: string }, args: ConnectionArgs): Promise<ConnectionShape<DisputeEntity>> {
    await this.access.loadRequire(loaders, actor, contract, 'contract.read');
    return loaders
      .get<string, ConnectionShape<DisputeEntity>>(`disputePagesByContract:${args.first}:${args.after ?? ''}`, (contractIds) => {
        const disputes = this.disputes.createQueryBuilder('d').where('d.contractId IN (:...contractIds)', { contractIds });
        return paginateEach(disputes, { column: 'd.contractId', of: (row) => row.contractId, keys: contractIds }, args, byCreatedAt('d', 'DESC'));
      })
      .load(contract.id);
  }
}
