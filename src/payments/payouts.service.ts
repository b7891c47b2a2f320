import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { feeOf } from '../domain/money.js';
import { PaymentsGateway } from './gateway/payments-gateway.js';
import { ACCOUNTS, LedgerService } from './ledger.service.js';
import { OutboxJob, OutboxOutcome, OutboxService } from '../outbox/outbox.service.js';
import { PayoutAccountEntity } from './payout-account.entity.js';
import { StripeEventsService } from './stripe-events.service.js';

/** A transfer of what was released to a coder, to the coder's connected account. */
export interface TransferPayload {
  coderId: string;
  amountCents: number;
  contractId: string;
  transferGroup: string;
  /** The business event paid out, e.g. `milestone:<id>`. */
  source: string;
}

declare module '../outbox/outbox.service.js' {
  interface OutboxJobPayloads {
    /** Enqueued through `queueTransfer` (escrow releases, dispute settlements), run by PayoutsService; waits for a payout account, woken by account.updated. */
    'stripe.transfer': TransferPayload;
  }
}

/** Coders' Stripe Express accounts, transfers to them, and their earnings as the ledger tells them. */
@Injectable()
export class PayoutsService implements OnModuleInit {
  constructor(
    @InjectRepository(PayoutAccountEntity) private readonly accounts: Repository<PayoutAccountEntity>,
    private readonly gateway: PaymentsGateway,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
    private readonly events: StripeEventsService,
  ) {}

  onModuleInit(): void {
    this.outbox.register('stripe.transfer', (job) => this.runTransfer(job));
    this.events.on('account.updated', (event, manager) => this.onAccountUpdated(event.data.object.id, manager));
  }

  /**
   * The onboarding link for the calling coder's Express account, creating the account the first
   * time (idempotency key per user, plus the primary key, so two racing calls make one account).
   * Links expire quickly and are never stored.
   */
  async startOnboarding(actor: Actor, returnUrl: string, refreshUrl: string): Promise<string> {
    for (const [name, value] of Object.entries({ returnUrl, refreshUrl })) {
      if (!/^https?:\/\/[^\s]+$/.test(value) || !URL.canParse(value)) throw new BadUserInputError(`${name} must be an http(s) URL`, [name]);
    }
    let account = await this.accounts.findOneBy({ userId: actor.id });
    if (!account) {
      const created = await this.gateway.createExpressAccount({ email: actor.email, userId: actor.id }, `account:${actor.id}`);
      try {
        await this.accounts.insert({ userId: actor.id, stripeAccountId: created.id, payoutsEnabled: created.payoutsEnabled, detailsSubmitted: created.detailsSubmitted });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      account = await this.accounts.findOneByOrFail({ userId: actor.id });
    }
    return (await this.gateway.createAccountLink({ accountId: account.stripeAccountId, returnUrl, refreshUrl })).url;
  }

  findAccount(userId: string): Promise<PayoutAccountEntity | null> {
    return this.accounts.findOneBy({ userId });
  }

  /**
   * A coder's pending (escrow held on `contracts`, the coder's, net of each one's frozen fee),
   * available (released, awaiting transfer) and paid out, all from the ledger.
   */
  async earnings(coderId: string, contracts: { id: string; platformFeeBps: number }[]): Promise<{ pendingCents: number; availableCents: number; paidOutCents: number }> {
    const held = await this.ledger.escrowHeld(contracts.map((contract) => contract.id));
    const pendingCents = contracts.reduce((sum, contract) => {
      const cents = held.get(contract.id) ?? 0;
      return sum + cents - feeOf(cents, contract.platformFeeBps);
    }, 0);
    return { pendingCents, ...(await this.ledger.coderTotals(coderId)) };
  }

  /** Queues a transfer to the coder, in the caller's transaction. */
  async queueTransfer(manager: EntityManager, payload: TransferPayload): Promise<void> {
    await this.outbox.enqueue(manager, 'stripe.transfer', `transfer:${payload.source}`, { ...payload });
  }

  /** Outbox job: transfer to the coder's account once it can receive money; the payout is posted when the job is recorded done. */
  private async runTransfer(job: OutboxJob<'stripe.transfer'>): Promise<OutboxOutcome> {
    const { payload } = job;
    const account = await this.accounts.findOneBy({ userId: payload.coderId });
    if (!account?.payoutsEnabled) return { wait: 'the coder has no payout account able to receive transfers yet' };
    const transfer = await this.gateway.createTransfer(
      { amountCents: payload.amountCents, destination: account.stripeAccountId, transferGroup: payload.transferGroup, metadata: { source: payload.source, contractId: payload.contractId } },
      job.idempotencyKey,
    );
    const record = async (manager: EntityManager) => {
      await this.ledger.post(manager, {
        reference: `${job.idempotencyKey}:paid`,
        kind: 'transfer',
        contractId: payload.contractId,
        entries: [
          [ACCOUNTS.coderPayable(payload.coderId), payload.amountCents],
          [ACCOUNTS.stripeBalance, -payload.amountCents],
        ],
      });
    };
    return { done: { transferId: transfer.id }, record };
  }

  /** Re-reads the account (events may arrive out of order) and wakes waiting transfers once payouts work. */
  private async onAccountUpdated(stripeAccountId: string, manager: EntityManager): Promise<void> {
    const account = await manager.getRepository(PayoutAccountEntity).findOneBy({ stripeAccountId });
    if (!account) return;
    const current = await this.gateway.retrieveAccount(stripeAccountId);
    await manager.getRepository(PayoutAccountEntity).update({ userId: account.userId }, { payoutsEnabled: current.payoutsEnabled, detailsSubmitted: current.detailsSubmitted });
    if (current.payoutsEnabled) await this.outbox.wake(manager, 'stripe.transfer', { coderId: account.userId });
  }
}
