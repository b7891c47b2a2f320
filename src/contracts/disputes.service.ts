import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { groupByKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { firstOfEachGroup } from '../common/pagination/paginate.js';
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

@Injectable()
export class DisputesService {
  constructor(
    @InjectRepository(DisputeEntity) private readonly disputes: Repository<DisputeEntity>,
    private readonly contracts: ContractsService,
    private readonly access: ContractAccess,
    private readonly milestones: MilestonesService,
    private readonly notifications: NotificationsService,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Either party disputes an ACTIVE or PAUSED contract: it turns DISPUTED and no escrow moves until an admin resolves it. */
  async open(actor: Actor, contractId: string, reason: string): Promise<DisputeEntity> {
    const { contract, standing } = await this.access.require(actor, contractId, 'contract.participate');
    try {
      return await this.transactions.run(async (manager) => {
        const moved = await manager
          .getRepository(ContractEntity)
          .createQueryBuilder()
          .update()
          .set({ status: ContractStatus.DISPUTED })
          .where('id = :id AND status IN (:...open)', { id: contractId, open: [ContractStatus.ACTIVE, ContractStatus.PAUSED] })
          .execute();
        if (!moved.affected) throw new ConflictError(`This contract is ${(await manager.getRepository(ContractEntity).findOneByOrFail({ id: contractId })).status}`);
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

  /** An admin settles the held escrow (release, refund or split in cents); the contract goes back to ACTIVE. */
  async resolve(actor: Actor, id: string, input: ResolveDisputeInput): Promise<DisputeEntity> {
    if (input.outcome === DisputeOutcome.SPLIT && input.coderCents == null) throw new BadUserInputError('input.coderCents is required for SPLIT', ['input.coderCents']);
    if (input.outcome !== DisputeOutcome.SPLIT && input.coderCents != null) throw new BadUserInputError('input.coderCents is only for SPLIT', ['input.coderCents']);
    return this.transactions.run(async (manager) => {
      const dispute = await manager.getRepository(DisputeEntity).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
      if (!dispute) throw new NotFoundError('Dispute');
      if (dispute.status !== DisputeStatus.OPEN) throw new ConflictError('This dispute is already resolved');
      const contract = await this.contracts.lockForUpdate(manager, dispute.contractId);
      const total = await this.milestones.heldCents(manager, contract.id);
      const coderCents = input.outcome === DisputeOutcome.RELEASE ? total : input.outcome === DisputeOutcome.REFUND ? 0 : input.coderCents!;
      const settled = await this.milestones.settleHeld(manager, contract, dispute.id, coderCents);
      await manager
        .getRepository(DisputeEntity)
        .update({ id }, { status: DisputeStatus.RESOLVED, outcome: input.outcome, coderCents, heldCents: settled, resolutionNote: input.note ?? null, resolvedById: actor.id, resolvedAt: new Date() });
      await manager.getRepository(ContractEntity).update({ id: contract.id }, { status: ContractStatus.ACTIVE });
      await this.notifications.notifyMember(manager, contract.coderId, contract.codingCompanyId, NotificationKind.DISPUTE_RESOLVED, 'A dispute on your contract was resolved', {
        contractId: contract.id,
        disputeId: id,
      });
      return manager.getRepository(DisputeEntity).findOneByOrFail({ id });
    });
  }

  listOpen(): Promise<DisputeEntity[]> {
    return this.disputes.find({ where: { status: DisputeStatus.OPEN }, order: { createdAt: 'ASC' }, take: 100 });
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
}
