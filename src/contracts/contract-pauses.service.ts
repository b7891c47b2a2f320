import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError } from '../common/errors/app-error.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationKind } from '../notifications/notification-kind.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrganizationAccess } from '../organizations/organization-access.service.js';
import { ContractAccess } from './contract-access.service.js';
import { ContractEntity } from './contract.entity.js';
import { ContractPauseEntity } from './contract-pause.entity.js';
import { ContractPauseReason, ContractStatus } from './contract-status.enum.js';
import { ContractsService } from './contracts.service.js';
import { InvoiceEntity } from './invoice.entity.js';
import { InvoiceStatus } from './invoice.enums.js';

/**
 * Pausing and resuming a contract. While PAUSED the coder logs no work and submits no coded
 * batches (documents are not uploaded either); work done before the pause is still invoiced and
 * charged, and both parties still read the contract, its invoices and its PHI. The practice
 * (`contract.pause`) pauses and resumes; the platform pauses a contract whose invoice was declined
 * on every try (PAYMENT_FAILED), and resumes it once no invoice of it is FAILED (the practice saved
 * a card that paid them, or a dispute settled them). Every move is under the contract's row lock.
 */
@Injectable()
export class ContractPausesService {
  constructor(
    private readonly contracts: ContractsService,
    private readonly access: ContractAccess,
    private readonly organizations: OrganizationAccess,
    private readonly notifications: NotificationsService,
    private readonly transactions: TransactionRunner,
  ) {}

  /** The practice pauses an ACTIVE contract. */
  async pause(actor: Actor, id: string): Promise<ContractEntity> {
    await this.access.require(actor, id, 'contract.pause');
    return this.transactions.run(async (manager) => {
      const contract = await this.contracts.lockForUpdate(manager, id);
      if (contract.status !== ContractStatus.ACTIVE) throw new ConflictError(`This contract is ${contract.status}: only an ACTIVE contract can be paused`);
      await this.pauseLocked(manager, contract, ContractPauseReason.PROVIDER, actor.id);
      return manager.getRepository(ContractEntity).findOneByOrFail({ id });
    });
  }

  /** The practice resumes a PAUSED contract; one paused for a failed payment only once nothing of it is FAILED. */
  async resume(actor: Actor, id: string): Promise<ContractEntity> {
    await this.access.require(actor, id, 'contract.pause');
    return this.transactions.run(async (manager) => {
      const contract = await this.contracts.lockForUpdate(manager, id);
      if (contract.status !== ContractStatus.PAUSED) throw new ConflictError(`This contract is ${contract.status}: only a PAUSED contract can be resumed`);
      if (contract.pauseReason === ContractPauseReason.PAYMENT_FAILED && (await this.hasFailedInvoices(manager, id))) {
        throw new ConflictError('This contract is paused until its failed invoices are paid: save a card (startPaymentMethodSetup) and they are charged again at once');
      }
      await this.resumeLocked(manager, contract);
      return manager.getRepository(ContractEntity).findOneByOrFail({ id });
    });
  }

  /**
   * Pauses a contract locked by the caller: an ACTIVE one becomes PAUSED; one paused by the practice
   * becomes paused for a failed payment (which only paying lifts). Ended and disputed contracts are
   * left alone. Tells the coder (and, for a failed payment, the practice's OWNERs and ADMINs).
   * Returns whether anything changed.
   */
  async pauseLocked(manager: EntityManager, contract: ContractEntity, reason: ContractPauseReason, byUserId: string | null): Promise<boolean> {
    const data = { contractId: contract.id };
    const paymentFailed = reason === ContractPauseReason.PAYMENT_FAILED;
    if (contract.status === ContractStatus.ACTIVE) {
      await manager.getRepository(ContractEntity).update({ id: contract.id }, { status: ContractStatus.PAUSED, pausedAt: () => 'now()', pauseReason: reason });
      await manager.getRepository(ContractPauseEntity).insert({ contractId: contract.id, reason, pausedById: byUserId, pausedAt: () => 'now()', resumedAt: null });
    } else if (contract.status === ContractStatus.PAUSED && paymentFailed && contract.pauseReason !== reason) {
      await manager.getRepository(ContractEntity).update({ id: contract.id }, { pauseReason: reason });
    } else {
      return false;
    }
    const message = paymentFailed ? 'A contract is paused: its invoice could not be charged' : 'A contract was paused by the practice';
    await this.notifications.notifyMember(manager, contract.coderId, contract.codingCompanyId, NotificationKind.CONTRACT_PAUSED, message, data);
    if (paymentFailed) await this.notifyPractice(manager, contract, NotificationKind.CONTRACT_PAUSED, message);
    return true;
  }

  /** Resumes a contract paused for a failed payment once none of its invoices is FAILED (called when one is paid, in the caller's transaction). */
  async resumeIfPaid(manager: EntityManager, contractId: string): Promise<boolean> {
    const contract = await this.contracts.lockForUpdate(manager, contractId);
    if (contract.status !== ContractStatus.PAUSED || contract.pauseReason !== ContractPauseReason.PAYMENT_FAILED) return false;
    if (await this.hasFailedInvoices(manager, contractId)) return false;
    await this.resumeLocked(manager, contract);
    await this.notifyPractice(manager, contract, NotificationKind.CONTRACT_RESUMED, 'A contract paused for a failed payment is paid and running again');
    return true;
  }

  /** Whether a pause covered all of `day` (UTC): paused before it began and resumed after it ended, or not yet. */
  async pausedAllDay(manager: EntityManager, contractId: string, day: string): Promise<boolean> {
    const rows = await queryRows<{ covered: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM contract_pauses p WHERE p.contract_id = $1 AND (p.paused_at AT TIME ZONE 'UTC')::date < $2::date
                        AND (p.resumed_at IS NULL OR (p.resumed_at AT TIME ZONE 'UTC')::date > $2::date)) AS covered`,
      [contractId, day],
    );
    return rows[0].covered;
  }

  private async resumeLocked(manager: EntityManager, contract: ContractEntity): Promise<void> {
    await manager.getRepository(ContractEntity).update({ id: contract.id }, { status: ContractStatus.ACTIVE, pausedAt: null, pauseReason: null });
    await manager
      .getRepository(ContractPauseEntity)
      .createQueryBuilder()
      .update()
      .set({ resumedAt: () => 'now()' })
      .where('contract_id = :id AND resumed_at IS NULL', { id: contract.id })
      .execute();
    await this.notifications.notifyMember(manager, contract.coderId, contract.codingCompanyId, NotificationKind.CONTRACT_RESUMED, 'A contract is running again', { contractId: contract.id });
  }

  private hasFailedInvoices(manager: EntityManager, contractId: string): Promise<boolean> {
    return manager.getRepository(InvoiceEntity).existsBy({ contractId, status: InvoiceStatus.FAILED });
  }

  private async notifyPractice(manager: EntityManager, contract: ContractEntity, kind: NotificationKind, message: string): Promise<void> {
    for (const userId of await this.organizations.managersOf(manager, contract.organizationId)) {
      await this.notifications.notify(manager, userId, kind, message, { contractId: contract.id });
    }
  }
}
