import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { feeOf } from '../domain/money.js';
import { ACCOUNTS, LedgerService } from './ledger.service.js';
import { payeeOf } from './payee.js';
import { PayoutsService } from './payouts.service.js';

export interface EscrowContract {
  id: string;
  coderId: string;
  codingCompanyId: string | null;
  platformFeeBps: number;
}

/**
 * The escrow moves shared by milestones and invoices, each a ledger journal in the caller's
 * transaction. `reference` names the thing paid (`milestone:<id>`, `invoice:<id>`).
 */
@Injectable()
export class EscrowService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly payouts: PayoutsService,
  ) {}

  /** The provider's payment arrived: it is held for the contract. */
  async funded(manager: EntityManager, reference: string, contractId: string, amountCents: number): Promise<boolean> {
    return this.ledger.post(manager, {
      reference: `${reference}:funded`,
      kind: 'funding',
      contractId,
      entries: [
        [ACCOUNTS.stripeBalance, amountCents],
        [ACCOUNTS.escrow(contractId), -amountCents],
      ],
    });
  }

  /** Held money goes to the contract's payee (the coder, or the coding company) minus the contract's frozen fee; the transfer is queued. */
  async release(manager: EntityManager, reference: string, contract: EscrowContract, amountCents: number): Promise<void> {
    const fee = feeOf(amountCents, contract.platformFeeBps);
    const net = amountCents - fee;
    const payee = payeeOf(contract);
    await this.ledger.post(manager, {
      reference: `${reference}:released`,
      kind: 'release',
      contractId: contract.id,
      entries: [
        [ACCOUNTS.escrow(contract.id), amountCents],
        [ACCOUNTS.payable(payee), -net],
        [ACCOUNTS.platformFees, -fee],
      ],
    });
    await this.payouts.queueTransfer(manager, { payee, amountCents: net, contractId: contract.id, transferGroup: `contract:${contract.id}`, source: reference });
  }

  /** Held money goes back to the provider (the Stripe refund itself is queued by the caller). */
  async refunded(manager: EntityManager, reference: string, contractId: string, amountCents: number): Promise<void> {
    await this.ledger.post(manager, {
      reference: `${reference}:refunded`,
      kind: 'refund',
      contractId,
      entries: [
        [ACCOUNTS.escrow(contractId), amountCents],
        [ACCOUNTS.stripeBalance, -amountCents],
      ],
    });
  }
}
