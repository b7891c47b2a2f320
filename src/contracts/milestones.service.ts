import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/app-error.js';
import { groupByKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { firstOfEachGroup } from '../common/pagination/paginate.js';
import { todayUtc } from '../common/scalars/local-date.scalar.js';
import { eachOnItsOwn } from '../common/scheduling/each-on-its-own.js';
import { JobScheduler } from '../common/scheduling/job-scheduler.js';
import { AppConfig } from '../config/app-config.js';
import { readCents } from '../database/bigint-cents.transformer.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { feeOf } from '../domain/money.js';
import { PayModel } from '../domain/work.enums.js';
import { PaymentsGateway } from '../payments/gateway/payments-gateway.js';
import { ACCOUNTS, LedgerService } from '../payments/ledger.service.js';
import { OutboxJob, OutboxOutcome, OutboxService } from '../outbox/outbox.service.js';
import { payeeOf } from '../payments/payee.js';
import { PayoutsService } from '../payments/payouts.service.js';
import { EscrowService } from '../payments/escrow.service.js';
import { NotificationKind } from '../notifications/notification-kind.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { paymentProblem } from '../payments/payment-checks.js';
import { applied, ignored, mismatch, StripeEventResult, unchanged } from '../payments/stripe-event-outcome.js';
import { StripeEventsService, SucceededIntent } from '../payments/stripe-events.service.js';
import { ContractAccess } from './contract-access.service.js';
import { ContractEntity } from './contract.entity.js';
import { ContractStatus } from './contract-status.enum.js';
import { ContractsService } from './contracts.service.js';
import { CreateMilestoneInput, FundingIntent } from './dto/milestone.models.js';
import { MilestoneEntity } from './milestone.entity.js';
import { MilestoneStatus } from './milestone-status.enum.js';

const HELD = [MilestoneStatus.FUNDED, MilestoneStatus.SUBMITTED];
/** Not paid yet: the states a milestone can be cancelled from. */
const UNPAID = [MilestoneStatus.CREATED, MilestoneStatus.FUNDING];

/** A refund of (part of) a milestone's payment to the practice. */
export interface RefundPayload {
  paymentIntentId: string;
  amountCents: number;
  milestoneId: string;
}

declare module '../outbox/outbox.service.js' {
  interface OutboxJobPayloads {
    /** Enqueued by MilestonesService (refund, dispute settlement), run by MilestonesService. */
    'stripe.refund': RefundPayload;
  }
}

declare module '../payments/gateway/payments-gateway.js' {
  interface PaymentIntentKinds {
    /** Funding a milestone into escrow: its `payment_intent.succeeded` goes to MilestonesService. */
    milestone: { milestoneId: string; contractId: string };
  }
}

/**
 * Fixed-price escrow: create -> fund (Stripe PaymentIntent) -> FUNDED on payment_intent.succeeded
 * -> submit (coder) -> approve (provider) or automatic release after the review window -> RELEASED,
 * with the transfer to the coder going out through the outbox. Delivered work is protected: the
 * practice sends it back for changes or disputes it, but refunds alone only what was never delivered.
 * A payment abandoned half way is cancelled (at Stripe too) instead of blocking the contract.
 * Every status move is one conditional UPDATE, and every money move a ledger journal in the same transaction.
 */
@Injectable()
export class MilestonesService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(MilestonesService.name);

  constructor(
    @InjectRepository(MilestoneEntity) private readonly milestones: Repository<MilestoneEntity>,
    private readonly contracts: ContractsService,
    private readonly access: ContractAccess,
    private readonly gateway: PaymentsGateway,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
    private readonly payouts: PayoutsService,
    private readonly escrow: EscrowService,
    private readonly notifications: NotificationsService,
    private readonly events: StripeEventsService,
    private readonly transactions: TransactionRunner,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.onPaymentSucceeded('milestone', (intent, manager) => this.onPaymentSucceeded(intent, manager), { legacyKey: 'milestoneId' });
    this.outbox.register('stripe.refund', (job) => this.runRefund(job));
  }

  onApplicationBootstrap(): void {
    this.scheduler.schedule('milestones.release-overdue', { cron: this.config.env.MILESTONE_RELEASE_CRON }, () => this.releaseOverdue());
  }

  async create(actor: Actor, contractId: string, input: CreateMilestoneInput): Promise<MilestoneEntity> {
    const { contract } = await this.access.require(actor, contractId, 'contract.pay');
    if (contract.payModel !== PayModel.FIXED_PRICE) throw new ConflictError(`Milestones are for FIXED_PRICE contracts; this one is ${contract.payModel}`);
    if (input.dueOn && input.dueOn < todayUtc()) throw new BadUserInputError('input.dueOn must not be in the past', ['input.dueOn']);
    return this.transactions.run(async (manager) => {
      // Checked under the contract's row lock, which endContract takes too: the contract cannot end between the check and the insert.
      const locked = await this.contracts.lockForUpdate(manager, contractId);
      if (locked.status !== ContractStatus.ACTIVE) throw new ConflictError(`This contract is ${locked.status}`);
      return manager.getRepository(MilestoneEntity).save({ contractId, title: input.title, amountCents: input.amountCents, dueOn: input.dueOn ?? null, status: MilestoneStatus.CREATED });
    });
  }

  /**
   * Starts (or resumes) paying a milestone into escrow. The PaymentIntent's idempotency key is the
   * milestone, so repeating the call returns the same intent instead of charging twice.
   */
  async fund(actor: Actor, id: string): Promise<FundingIntent> {
    const milestone = await this.findOrFail(id);
    const { contract } = await this.access.require(actor, milestone.contractId, 'contract.pay', 'Milestone');
    if (contract.status !== ContractStatus.ACTIVE) throw new ConflictError(`This contract is ${contract.status}`);
    if (![MilestoneStatus.CREATED, MilestoneStatus.FUNDING].includes(milestone.status)) throw new ConflictError(`This milestone is already ${milestone.status}`);
    const intent = await this.gateway.createPaymentIntent(
      { amountCents: milestone.amountCents, transferGroup: `contract:${contract.id}`, metadata: { kind: 'milestone', milestoneId: milestone.id, contractId: contract.id } },
      `payment_intent:${milestone.id}`,
    );
    const moved = await this.transactions.run(async (manager) => {
      // Under the contract's row lock, so the contract cannot end between the check and the move.
      if ((await this.contracts.lockForUpdate(manager, contract.id)).status !== ContractStatus.ACTIVE) throw new ConflictError('This contract is no longer ACTIVE');
      const result = await manager
        .getRepository(MilestoneEntity)
        .createQueryBuilder()
        .update()
        .set({ status: MilestoneStatus.FUNDING, paymentIntentId: intent.id })
        .where('id = :id AND status IN (:...open)', { id, open: [MilestoneStatus.CREATED, MilestoneStatus.FUNDING] })
        .execute();
      // A success that arrived before this write found no intent recorded: now it is ours.
      if (result.affected) await this.events.reapplyIgnored(manager, intent.id);
      return result;
    });
    if (!moved.affected) throw new ConflictError(`This milestone is already ${(await this.findOrFail(id)).status}`);
    const current = await this.findOrFail(id);
    return { milestoneId: id, clientSecret: intent.clientSecret, status: current.status };
  }

  async submit(actor: Actor, id: string, note: string | null): Promise<MilestoneEntity> {
    const milestone = await this.findOrFail(id);
    await this.access.require(actor, milestone.contractId, 'contract.work', 'Milestone');
    const autoReleaseAt = new Date(Date.now() + this.config.env.MILESTONE_REVIEW_DAYS * 86_400_000);
    const result = await this.milestones.update(
      { id, status: MilestoneStatus.FUNDED },
      { status: MilestoneStatus.SUBMITTED, submissionNote: note?.trim() || null, autoReleaseAt, firstSubmittedAt: () => 'coalesce(first_submitted_at, now())' },
    );
    if (!result.affected) throw new ConflictError(`Only a FUNDED milestone can be submitted; this one is ${milestone.status}`);
    return this.findOrFail(id);
  }

  /** The provider accepts the work: escrow goes to the coder minus the frozen platform fee. */
  async approve(actor: Actor, id: string): Promise<MilestoneEntity> {
    const milestone = await this.findOrFail(id);
    await this.access.require(actor, milestone.contractId, 'contract.pay', 'Milestone');
    return this.transactions.run(async (manager) => {
      await this.release(manager, id);
      return manager.getRepository(MilestoneEntity).findOneByOrFail({ id });
    });
  }

  /**
   * Sends a SUBMITTED milestone back to the coder (FUNDED again, the money still held) with what to
   * change; the note stays on the milestone for the coder, who is notified. The review window starts
   * over when the coder submits again. Under the contract's lock, like a release: while the contract
   * is DISPUTED the admin decides.
   */
  async requestChanges(actor: Actor, id: string, note: string): Promise<MilestoneEntity> {
    const milestone = await this.findOrFail(id);
    await this.access.require(actor, milestone.contractId, 'contract.pay', 'Milestone');
    return this.transactions.run(async (manager) => {
      const contract = await this.contracts.lockForUpdate(manager, milestone.contractId);
      if (contract.status === ContractStatus.DISPUTED) throw new ConflictError('This contract is DISPUTED: an admin resolves it');
      const moved = await manager
        .getRepository(MilestoneEntity)
        .update({ id, status: MilestoneStatus.SUBMITTED }, { status: MilestoneStatus.FUNDED, changesRequestedNote: note, changesRequestedAt: new Date(), autoReleaseAt: null });
      if (!moved.affected)
        throw new ConflictError(`Only a SUBMITTED milestone can be sent back for changes; this one is ${(await manager.getRepository(MilestoneEntity).findOneByOrFail({ id })).status}`);
      await this.notifications.notifyMember(
        manager,
        contract.coderId,
        contract.codingCompanyId,
        NotificationKind.MILESTONE_CHANGES_REQUESTED,
        `Changes were requested on milestone "${milestone.title}"`,
        {
          contractId: contract.id,
          milestoneId: id,
        },
      );
      return manager.getRepository(MilestoneEntity).findOneByOrFail({ id });
    });
  }

  /**
   * Gives a FUNDED milestone back to the practice, only while the coder has not delivered it. Once
   * delivered (submitted, even if sent back for changes since), the practice cannot take the money
   * back alone: it approves, requests changes, lets the review window release it, or opens a dispute.
   */
  async refund(actor: Actor, id: string): Promise<MilestoneEntity> {
    const milestone = await this.findOrFail(id);
    await this.access.require(actor, milestone.contractId, 'contract.pay', 'Milestone');
    return this.transactions.run(async (manager) => {
      const contract = await this.contracts.lockForUpdate(manager, milestone.contractId);
      if (contract.status === ContractStatus.DISPUTED) throw new ConflictError('This contract is DISPUTED: an admin resolves it');
      // One conditional UPDATE: a submission racing the refund either lands first (and the refund is refused) or finds the milestone REFUNDED.
      const moved = await manager
        .getRepository(MilestoneEntity)
        .update({ id, status: MilestoneStatus.FUNDED, firstSubmittedAt: IsNull() }, { status: MilestoneStatus.REFUNDED, refundedAt: new Date() });
      if (!moved.affected) throw new ConflictError(refundRefusal(await manager.getRepository(MilestoneEntity).findOneByOrFail({ id })));
      await this.escrow.refunded(manager, `milestone:${id}`, contract.id, milestone.amountCents);
      await this.outbox.enqueue(manager, 'stripe.refund', `refund:milestone:${id}`, { paymentIntentId: paidWith(milestone), amountCents: milestone.amountCents, milestoneId: id });
      await this.notifications.notifyMember(
        manager,
        contract.coderId,
        contract.codingCompanyId,
        NotificationKind.MILESTONE_REFUNDED,
        `Milestone "${milestone.title}" was refunded to the practice before delivery`,
        {
          contractId: contract.id,
          milestoneId: id,
        },
      );
      return manager.getRepository(MilestoneEntity).findOneByOrFail({ id });
    });
  }

  /**
   * Gives up a milestone no money arrived for: CREATED, or FUNDING (a payment started and abandoned,
   * which would otherwise keep the contract from ending). A FUNDING milestone's PaymentIntent is
   * cancelled at Stripe first, so it can no longer be paid; when Stripe answers that the payment went
   * through meanwhile, nothing is cancelled (CONFLICT) and the milestone becomes FUNDED with its
   * webhook. Should money still arrive for a cancelled milestone, it is refunded (`onPaymentSucceeded`).
   */
  async cancel(actor: Actor, id: string): Promise<MilestoneEntity> {
    const milestone = await this.findOrFail(id);
    await this.access.require(actor, milestone.contractId, 'contract.pay', 'Milestone');
    if (!UNPAID.includes(milestone.status)) throw new ConflictError(cancelRefusal(milestone.status));
    if (milestone.paymentIntentId) {
      // Stripe first, with nothing locked: once it says `canceled`, that intent can never succeed.
      const { status } = await this.gateway.cancelPaymentIntent(milestone.paymentIntentId);
      if (status !== 'canceled') throw new ConflictError(`The payment for this milestone already went through at Stripe (${status}): the milestone becomes FUNDED when Stripe confirms it`);
    }
    // Only the payment cancelled above (or none): a fundMilestone that started one meanwhile makes this answer CONFLICT.
    const moved = await this.milestones.update({ id, status: In(UNPAID), paymentIntentId: milestone.paymentIntentId ?? IsNull() }, { status: MilestoneStatus.CANCELLED, cancelledAt: new Date() });
    if (!moved.affected) {
      const current = await this.findOrFail(id);
      throw new ConflictError(UNPAID.includes(current.status) ? 'A payment for this milestone was started meanwhile: try again' : cancelRefusal(current.status));
    }
    return this.findOrFail(id);
  }

  /**
   * Releases every SUBMITTED milestone whose review window has passed (contracts in dispute wait),
   * each in its own transaction: one that fails is logged and tried again next run, the rest go.
   */
  async releaseOverdue(): Promise<number> {
    const due = await this.milestones.createQueryBuilder('m').where(`m.status = 'SUBMITTED' AND m.auto_release_at <= now()`).orderBy('m.auto_release_at').limit(100).getMany();
    return eachOnItsOwn(
      due,
      (milestone) => `automatic release of milestone ${milestone.id}`,
      async (milestone) => {
        try {
          await this.transactions.run((manager) => this.release(manager, milestone.id));
          return true;
        } catch (error) {
          // Disputed, or released meanwhile: nothing to do, not a failure.
          if (error instanceof ConflictError) return false;
          throw error;
        }
      },
      this.logger,
    );
  }

  /** A contract's `first` oldest milestones, through the request's DataLoader: a page of contracts loads them in one statement. */
  loadForContract(loaders: RequestLoaders, contractId: string, first: number): Promise<MilestoneEntity[]> {
    return loaders
      .get<string, MilestoneEntity[]>(`milestonesByContract:${first}`, async (contractIds) => {
        const milestones = this.milestones.createQueryBuilder('m').where('m.contractId IN (:...contractIds)', { contractIds });
        const rows = await firstOfEachGroup(milestones, 'm.contractId', 'm.createdAt ASC, m.id ASC', first).orderBy('m.createdAt', 'ASC').addOrderBy('m.id', 'ASC').getMany();
        return groupByKeys(contractIds, rows, (row) => row.contractId);
      })
      .load(contractId);
  }

  /** FUNDED or SUBMITTED -> RELEASED, with the release journal and the queued transfer, in the caller's transaction. */
  private async release(manager: EntityManager, id: string): Promise<void> {
    const milestone = await manager.getRepository(MilestoneEntity).findOneByOrFail({ id });
    const contract = await this.contracts.lockForUpdate(manager, milestone.contractId);
    if (contract.status === ContractStatus.DISPUTED) throw new ConflictError('This contract is DISPUTED: releases wait for the resolution');
    const moved = await manager.getRepository(MilestoneEntity).update({ id, status: In(HELD) }, { status: MilestoneStatus.RELEASED, releasedAt: new Date() });
    // The status read above predates the lock: a refund may have won meanwhile, so name the one it left.
    if (!moved.affected) throw new ConflictError(`Only a FUNDED or SUBMITTED milestone can be released; this one is ${(await manager.getRepository(MilestoneEntity).findOneByOrFail({ id })).status}`);
    await this.escrow.release(manager, `milestone:${id}`, contract, milestone.amountCents);
    await this.notifications.notifyMember(manager, contract.coderId, contract.codingCompanyId, NotificationKind.MILESTONE_RELEASED, `Milestone "${milestone.title}" was released to you`, {
      contractId: contract.id,
      milestoneId: id,
    });
  }

  /** The escrow held on a contract's milestones (FUNDED or SUBMITTED), read in the caller's transaction. */
  async heldCents(manager: EntityManager, contractId: string): Promise<number> {
    const [row] = await queryRows<{ held: string }>(manager, `SELECT coalesce(sum(amount_cents), 0)::bigint AS held FROM milestones WHERE contract_id = $1 AND status = ANY($2::milestone_status[])`, [
      contractId,
      HELD,
    ]);
    return readCents(row.held);
  }

  /**
   * Settles all escrow held on a DISPUTED contract as an admin decided: `coderCents` of it to the
   * coder (the platform fee taken on that part only), the rest refunded to the practice, spread over
   * the milestones' payments in order. One journal, one transfer, one refund per milestone touched,
   * all in the caller's transaction. Returns the amount that was held.
   */
  async settleHeld(manager: EntityManager, contract: ContractEntity, disputeId: string, coderCents: number): Promise<number> {
    const held = await manager
      .getRepository(MilestoneEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.contract_id = :id AND m.status IN (:...held)', { id: contract.id, held: HELD })
      .orderBy('m.created_at', 'ASC')
      .getMany();
    const total = held.reduce((sum, m) => sum + m.amountCents, 0);
    if (coderCents > total) throw new BadUserInputError(`input.coderCents cannot exceed the ${total} cents held in escrow`, ['input.coderCents']);
    if (total === 0) return 0;
    const fee = feeOf(coderCents, contract.platformFeeBps);
    const refund = total - coderCents;
    await this.ledger.post(manager, {
      reference: `dispute:${disputeId}:settled`,
      kind: 'dispute',
      contractId: contract.id,
      entries: [
        [ACCOUNTS.escrow(contract.id), total],
        [ACCOUNTS.payable(payeeOf(contract)), -(coderCents - fee)],
        [ACCOUNTS.platformFees, -fee],
        [ACCOUNTS.stripeBalance, -refund],
      ],
    });
    if (coderCents - fee > 0) {
      await this.payouts.queueTransfer(manager, {
        payee: payeeOf(contract),
        amountCents: coderCents - fee,
        contractId: contract.id,
        transferGroup: `contract:${contract.id}`,
        source: `dispute:${disputeId}`,
      });
    }
    let toRefund = refund;
    for (const milestone of held) {
      const part = Math.min(toRefund, milestone.amountCents);
      toRefund -= part;
      if (part > 0)
        await this.outbox.enqueue(manager, 'stripe.refund', `refund:dispute:${disputeId}:${milestone.id}`, { paymentIntentId: paidWith(milestone), amountCents: part, milestoneId: milestone.id });
      const fullyRefunded = part === milestone.amountCents;
      await manager
        .getRepository(MilestoneEntity)
        .update({ id: milestone.id }, fullyRefunded ? { status: MilestoneStatus.REFUNDED, refundedAt: new Date() } : { status: MilestoneStatus.RELEASED, releasedAt: new Date() });
    }
    return total;
  }

  /**
   * payment_intent.succeeded of a milestone's intent: the milestone becomes FUNDED, once, with its
   * funding journal. The metadata only names the milestone: the payment funds it only when it is the
   * intent `fund` recorded for it, for the milestone's amount in our currency; anything else leaves
   * the milestone where it was (a mismatch is logged as an error).
   */
  private async onPaymentSucceeded(intent: SucceededIntent<'milestone'>, manager: EntityManager): Promise<StripeEventResult> {
    const { milestoneId } = intent.metadata;
    if (!isUUID(milestoneId)) return ignored(`metadata.milestoneId ${JSON.stringify(milestoneId)} is not one of our ids`);
    // Locked: `fund` writes the intent id under the same lock, then applies what waited for it.
    const milestone = await manager.getRepository(MilestoneEntity).createQueryBuilder('m').setLock('pessimistic_write').where('m.id = :id', { id: milestoneId }).getOne();
    if (!milestone) return ignored(`no milestone ${milestoneId}`);
    const problem = paymentProblem(intent, { intentId: milestone.paymentIntentId, amountCents: milestone.amountCents, name: `milestone ${milestone.id}` });
    if (problem) return problem;
    const moved = await manager.getRepository(MilestoneEntity).update({ id: milestone.id, status: In(UNPAID) }, { status: MilestoneStatus.FUNDED, fundedAt: new Date(), paymentIntentId: intent.id });
    if (!moved.affected) {
      if (milestone.fundedAt) return unchanged(`milestone ${milestone.id} was funded by this payment already`);
      // Cancelled before this event (or while it waited for the row): the money goes back to the practice.
      if (milestone.status === MilestoneStatus.CANCELLED) return this.refundLatePayment(manager, milestone, intent.id);
      return mismatch(`milestone ${milestone.id} is ${milestone.status}: it no longer awaits this payment`);
    }
    await this.escrow.funded(manager, `milestone:${milestone.id}`, milestone.contractId, milestone.amountCents);
    const contract = (await this.contracts.findById(milestone.contractId, manager))!;
    await this.notifications.notifyMember(manager, contract.coderId, contract.codingCompanyId, NotificationKind.MILESTONE_FUNDED, `Milestone "${milestone.title}" is funded: you can start`, {
      contractId: contract.id,
      milestoneId: milestone.id,
    });
    return applied();
  }

  /**
   * Money arrived for a milestone cancelled meanwhile (a payment Stripe would not cancel, or an
   * event for it delivered late): it does not fund the milestone; it goes straight back to the
   * practice, once, with its funding and refund journals.
   */
  private async refundLatePayment(manager: EntityManager, milestone: MilestoneEntity, paymentIntentId: string): Promise<StripeEventResult> {
    // Conditional on CANCELLED and not refunded yet: a no-op for a redelivery.
    const claimed = await manager.getRepository(MilestoneEntity).update({ id: milestone.id, status: MilestoneStatus.CANCELLED, refundedAt: IsNull() }, { refundedAt: new Date(), paymentIntentId });
    if (!claimed.affected) return unchanged(`the payment for cancelled milestone ${milestone.id} was refunded already`);
    this.logger.warn(`payment ${paymentIntentId} arrived for cancelled milestone ${milestone.id}: refunding it`);
    await this.escrow.funded(manager, `milestone:${milestone.id}`, milestone.contractId, milestone.amountCents);
    await this.escrow.refunded(manager, `milestone:${milestone.id}`, milestone.contractId, milestone.amountCents);
    await this.outbox.enqueue(manager, 'stripe.refund', `refund:milestone:${milestone.id}`, { paymentIntentId, amountCents: milestone.amountCents, milestoneId: milestone.id });
    return applied();
  }

  /** Outbox job: refunds the payment through Stripe, keyed by the job. */
  private async runRefund(job: OutboxJob<'stripe.refund'>): Promise<OutboxOutcome> {
    const refund = await this.gateway.createRefund(
      { paymentIntentId: job.payload.paymentIntentId, amountCents: job.payload.amountCents, metadata: { milestoneId: job.payload.milestoneId } },
      job.idempotencyKey,
    );
    return { done: { refundId: refund.id } };
  }

  private async findOrFail(id: string): Promise<MilestoneEntity> {
    const milestone = await this.milestones.findOneBy({ id });
    if (!milestone) throw new NotFoundError('Milestone');
    return milestone;
  }
}

/** Why `refundMilestone` refused, and what the practice can do instead. */
function refundRefusal(milestone: MilestoneEntity): string {
  if (milestone.status === MilestoneStatus.SUBMITTED)
    return `The coder delivered this milestone: approve it, request changes, or open a dispute (a delivered milestone is not refunded by the practice alone); without an answer it is released to the coder at ${milestone.autoReleaseAt?.toISOString()}`;
  if (milestone.status === MilestoneStatus.FUNDED)
    return 'The coder delivered this milestone and it was sent back for changes: approve it once redelivered, or open a dispute (a delivered milestone is not refunded by the practice alone)';
  if (milestone.status === MilestoneStatus.FUNDING) return 'This milestone is not paid yet (FUNDING): cancel it instead';
  return `Only a FUNDED milestone can be refunded; this one is ${milestone.status}`;
}

/** Why `cancelMilestone` refused. */
function cancelRefusal(status: MilestoneStatus): string {
  if (HELD.includes(status)) return `This milestone is paid (${status}): its money is in escrow, so it is released, refunded or disputed, not cancelled`;
  return `Only a CREATED or FUNDING milestone can be cancelled; this one is ${status}`;
}

/** The PaymentIntent a held (funded) milestone was paid with: always recorded when it became FUNDED. */
function paidWith(milestone: MilestoneEntity): string {
  if (!milestone.paymentIntentId) throw new Error(`milestone ${milestone.id} is held but has no payment intent`);
  return milestone.paymentIntentId;
}
