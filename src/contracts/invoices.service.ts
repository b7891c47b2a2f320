import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { EntityManager, In, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError, ConflictError } from '../common/errors/app-error.js';
import { groupByKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import type { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { byCreatedAt, firstOfEachGroup, paginate } from '../common/pagination/paginate.js';
import { todayUtc } from '../common/scalars/local-date.scalar.js';
import { eachOnItsOwn } from '../common/scheduling/each-on-its-own.js';
import { JobScheduler } from '../common/scheduling/job-scheduler.js';
import { AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/query-rows.js';
import { readCents } from '../database/bigint-cents.transformer.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { collectionsShare, MIN_CHARGE_CENTS, workAmount } from '../domain/money.js';
import { addDays, DEFAULT_WEEKLY_HOUR_LIMIT, isoWeekOf, LOG_AFTER_END_DAYS, nextChargeRetry, previousWeek, utcDayOf } from '../domain/work-days.js';
import { PayModel } from '../domain/work.enums.js';
import { NotificationKind } from '../notifications/notification-kind.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrganizationAccess } from '../organizations/organization-access.service.js';
import { BillingService } from '../payments/billing.service.js';
import { EscrowService } from '../payments/escrow.service.js';
import { OffSessionCharge, PaymentsGateway } from '../payments/gateway/payments-gateway.js';
import { OutboxJob, OutboxOutcome, OutboxService } from '../outbox/outbox.service.js';
import { paymentProblem } from '../payments/payment-checks.js';
import { applied, ignored, mismatch, StripeEventResult, unchanged } from '../payments/stripe-event-outcome.js';
import { StripeEventsService, SucceededIntent } from '../payments/stripe-events.service.js';
import { BillableBatches } from './billable-batches.js';
import { ContractAccess } from './contract-access.service.js';
import { ContractEntity } from './contract.entity.js';
import { ContractPauseReason, ContractStatus } from './contract-status.enum.js';
import { ContractPausesService } from './contract-pauses.service.js';
import { ContractsService } from './contracts.service.js';
import { LogWorkInput, ReportCollectionsArgs } from './dto/billing.models.js';
import { InvoiceLineEntity } from './invoice-line.entity.js';
import { InvoiceEntity } from './invoice.entity.js';
import { InvoiceKind, InvoiceStatus } from './invoice.enums.js';
import { WorkLogEntity } from './work-log.entity.js';

/** A day's minutes: what one coder can work in it, across all their contracts. */
const MINUTES_PER_DAY = 1440;

/** How far back a day of work may be logged. */
const LOG_WINDOW_DAYS = 60;

/** An invoice charged off session to the practice's saved card: one job per try. */
export interface ChargePayload {
  invoiceId: string;
  contractId: string;
  organizationId: string;
  amountCents: number;
  /** Which try this is (1 for the first; jobs queued before retries existed have none). */
  attempt?: number;
}

declare module '../outbox/outbox.service.js' {
  interface OutboxJobPayloads {
    /** Enqueued for each charge try of an invoice and run by InvoicesService; waits for a saved card, woken when one is saved. */
    'stripe.charge': ChargePayload;
  }
}

declare module '../payments/gateway/payments-gateway.js' {
  interface PaymentIntentKinds {
    /** Charging an invoice: its `payment_intent.succeeded` goes to InvoicesService. */
    invoice: { invoiceId: string; contractId: string };
  }
}

/** Uninvoiced work of a contract, locked: the lines an invoice bills and how to mark them billed. */
interface BillableWork {
  lines: Pick<InvoiceLineEntity, 'workedOn' | 'minutes' | 'codedBatchId' | 'charts'>[];
  markInvoiced(invoiceId: string): Promise<void>;
}

/** The idempotency key of an invoice's n-th charge try (the first keeps the key charges always had). */
const chargeKey = (invoiceId: string, attempt: number) => (attempt === 1 ? `charge:invoice:${invoiceId}` : `charge:invoice:${invoiceId}:${attempt}`);

/**
 * Hourly, per-chart and percent-of-collections billing. Coders log hours per day within the
 * contract's life and weekly cap; per-chart work is the encounters of accepted coded batches. A
 * scheduled job invoices each contract weekly: the invoice is issued IN_REVIEW with its lines, the
 * practice may dispute it until `dueAt`, then it is charged off session to the practice's saved card
 * (through the outbox); a declined charge is FAILED and tried again on the retry schedule, after
 * whose last try the contract is paused. A paid invoice goes into escrow and on to the coder.
 */
@Injectable()
export class InvoicesService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(InvoicesService.name);
  private batches?: BillableBatches;

  constructor(
    @InjectRepository(InvoiceEntity) private readonly invoices: Repository<InvoiceEntity>,
    @InjectRepository(WorkLogEntity) private readonly workLogs: Repository<WorkLogEntity>,
    @InjectRepository(InvoiceLineEntity) private readonly lines: Repository<InvoiceLineEntity>,
    private readonly contracts: ContractsService,
    private readonly pauses: ContractPausesService,
    private readonly access: ContractAccess,
    private readonly organizations: OrganizationAccess,
    private readonly billing: BillingService,
    private readonly escrow: EscrowService,
    private readonly gateway: PaymentsGateway,
    private readonly outbox: OutboxService,
    private readonly events: StripeEventsService,
    private readonly notifications: NotificationsService,
    private readonly transactions: TransactionRunner,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.outbox.register('stripe.charge', (job) => this.runCharge(job));
    this.events.onPaymentSucceeded('invoice', (intent, manager) => this.onPaymentSucceeded(intent, manager), { legacyKey: 'invoiceId' });
    // Charges waiting for a card go as soon as the practice saves one, and declined ones are tried again with it.
    this.billing.onPaymentMethodSaved(async (manager, organizationId) => {
      await this.outbox.wake(manager, 'stripe.charge', { organizationId });
      await this.retryDeclined(manager, organizationId);
    });
  }

  onApplicationBootstrap(): void {
    this.scheduler.schedule('invoices.generate-weekly', { cron: this.config.env.INVOICE_GENERATION_CRON }, () => this.generateWeeklyInvoices(new Date()));
    this.scheduler.schedule('invoices.charge-due', { cron: this.config.env.INVOICE_CHARGE_CRON }, () => this.chargeDue());
    this.scheduler.schedule('invoices.release-due', { cron: this.config.env.INVOICE_RELEASE_CRON }, () => this.releaseDue());
  }

  /** The workroom's accepted coded batches, which per-chart invoices bill (registered by the workroom at start). */
  billBatchesFrom(source: BillableBatches): void {
    if (this.batches) throw new Error('per-chart invoices already have a source of batches');
    this.batches = source;
  }

  /**
   * The coder records a day's minutes on an HOURLY contract; the same day again replaces it until
   * invoiced. The day (a UTC calendar date) lies within the contract's life: not before the day it
   * started, not in the future, not after the day it ended (an ENDED contract takes its last days
   * for LOG_AFTER_END_DAYS more), not a day a pause covered whole, at most LOG_WINDOW_DAYS ago. The
   * ISO week's minutes, this day's included, stay within the contract's weekly hour cap: counted
   * under the contract's row lock, so concurrent logs cannot pass it together. The coder's minutes
   * of that day on all their contracts stay within 24 hours (under a lock per coder).
   */
  async logWork(actor: Actor, contractId: string, input: LogWorkInput): Promise<WorkLogEntity> {
    const { contract } = await this.access.require(actor, contractId, 'contract.work');
    if (contract.payModel === PayModel.PER_CHART) {
      throw new ConflictError('Per-chart work is invoiced from the encounters of accepted coded batches (submitCodedBatch), not from counts typed in');
    }
    if (contract.payModel !== PayModel.HOURLY) throw new ConflictError(`Work is logged on HOURLY contracts; this one is ${contract.payModel}`);
    if (input.minutes == null) throw new BadUserInputError('input.minutes is required on an HOURLY contract', ['input.minutes']);
    if (input.charts != null) throw new BadUserInputError('input.charts is not used on an HOURLY contract', ['input.charts']);
    const minutes = input.minutes;
    return this.transactions.run(async (manager) => {
      const locked = await this.contracts.lockForUpdate(manager, contractId);
      this.requireLoggableDay(locked, input.workedOn);
      if (await this.pauses.pausedAllDay(manager, contractId, input.workedOn)) {
        throw new BadUserInputError(`input.workedOn: the contract was paused all of ${input.workedOn}`, ['input.workedOn']);
      }
      // A day holds 24 hours for the coder, however many contracts they bill it on (each practice sees only its own
      // invoice): counted across the coder's contracts under a lock per coder, so two contracts' logs cannot pass it together.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`work-day:${locked.coderId}`]);
      const [{ elsewhere }] = await queryRows<{ elsewhere: number }>(
        manager,
        `SELECT coalesce(sum(w.minutes), 0)::int AS elsewhere FROM work_logs w JOIN contracts k ON k.id = w.contract_id
          WHERE k.coder_id = $1 AND w.worked_on = $2 AND w.contract_id <> $3`,
        [locked.coderId, input.workedOn, contractId],
      );
      if (elsewhere + minutes > MINUTES_PER_DAY) {
        throw new BadUserInputError(
          `input.minutes: ${input.workedOn} would hold ${elsewhere + minutes} minutes of this coder's work (${elsewhere} logged on their other contracts), over the ${MINUTES_PER_DAY} of a day`,
          ['input.minutes'],
        );
      }
      const week = isoWeekOf(input.workedOn);
      const [{ logged }] = await queryRows<{ logged: number }>(
        manager,
        `SELECT coalesce(sum(minutes), 0)::int AS logged FROM work_logs WHERE contract_id = $1 AND worked_on BETWEEN $2 AND $3 AND worked_on <> $4`,
        [contractId, week.start, week.end, input.workedOn],
      );
      const limitHours = locked.weeklyHourLimit ?? DEFAULT_WEEKLY_HOUR_LIMIT;
      if (logged + minutes > limitHours * 60) {
        throw new BadUserInputError(
          `input.minutes: the week of ${week.start} would hold ${logged + minutes} minutes, over the contract's limit of ${limitHours} hours (${logged} minutes logged on its other days)`,
          ['input.minutes'],
        );
      }
      const rows = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO work_logs (contract_id, worked_on, minutes, charts, note) VALUES ($1, $2, $3, NULL, $4)
         ON CONFLICT (contract_id, worked_on) DO UPDATE SET minutes = EXCLUDED.minutes, charts = NULL, note = EXCLUDED.note, updated_at = now()
           WHERE work_logs.invoice_id IS NULL
         RETURNING id`,
        [contractId, input.workedOn, minutes, input.note?.trim() || null],
      );
      if (!rows.length) throw new ConflictError(`The work of ${input.workedOn} is already invoiced`);
      return manager.getRepository(WorkLogEntity).findOneByOrFail({ id: rows[0].id });
    });
  }

  async listForContract(actor: Actor, contractId: string): Promise<InvoiceEntity[]> {
    await this.access.require(actor, contractId, 'contract.read');
    return this.invoices.find({ where: { contractId }, order: { periodStart: 'DESC', createdAt: 'DESC' } });
  }

  /** A contract's invoices one keyset page at a time, most recently issued first (contract parties). */
  async pageForContract(actor: Actor, contractId: string, args: ConnectionArgs): Promise<ConnectionShape<InvoiceEntity>> {
    await this.access.require(actor, contractId, 'contract.read');
    return paginate(this.invoices.createQueryBuilder('i').where('i.contractId = :contractId', { contractId }), args, byCreatedAt('i', 'DESC'));
  }

  /** An invoice's lines (its reader passed the contract gate for the invoice), through the request's DataLoader: one statement for a list of invoices. */
  loadLines(loaders: RequestLoaders, invoiceId: string): Promise<InvoiceLineEntity[]> {
    return loaders
      .get<string, InvoiceLineEntity[]>('invoiceLinesByInvoice', async (invoiceIds) => {
        const rows = await this.lines.find({ where: { invoiceId: In([...invoiceIds]) }, order: { workedOn: 'ASC', id: 'ASC' } });
        return groupByKeys(invoiceIds, rows, (row) => row.invoiceId);
      })
      .load(invoiceId);
  }

  /**
   * A contract's `first` newest work logs, for its parties (NOT_FOUND for others). Through the
   * request's DataLoaders: the contracts of a page share one party check and one statement.
   */
  async loadWork(loaders: RequestLoaders, actor: Actor, contract: Pick<ContractEntity, 'id' | 'coderId' | 'organizationId' | 'codingCompanyId'>, first: number): Promise<WorkLogEntity[]> {
    await this.access.loadRequire(loaders, actor, contract, 'contract.read');
    return loaders
      .get<string, WorkLogEntity[]>(`workLogsByContract:${first}`, async (contractIds) => {
        const logs = this.workLogs.createQueryBuilder('w').where('w.contractId IN (:...contractIds)', { contractIds });
        const rows = await firstOfEachGroup(logs, 'w.contractId', 'w.workedOn DESC, w.id DESC', first).orderBy('w.workedOn', 'DESC').addOrderBy('w.id', 'DESC').getMany();
        return groupByKeys(contractIds, rows, (row) => row.contractId);
      })
      .load(contract.id);
  }

  /**
   * Invoices last week's uninvoiced work (and any older stragglers): the logged days of HOURLY
   * contracts, and the coded batches of PER_CHART contracts accepted before this week began. Each
   * invoice is issued IN_REVIEW with its lines and a due date INVOICE_DISPUTE_DAYS ahead, and the
   * practice's OWNERs and ADMINs are told. Safe to run anywhere and any number of times: the
   * contract, its logs and batches are locked, the invoice's (contract, period, kind) is unique and
   * a batch is billed on one line only. Each contract in its own transaction: one that fails is
   * logged and tried again next run, the others are invoiced. Returns how many invoices it made.
   */
  async generateWeeklyInvoices(now: Date): Promise<number> {
    const week = previousWeek(now);
    const acceptedBefore = new Date(`${addDays(week.end, 1)}T00:00:00Z`);
    const hourly = await queryRows<{ contract_id: string }>(
      this.workLogs,
      `SELECT DISTINCT w.contract_id FROM work_logs w JOIN contracts k ON k.id = w.contract_id
        WHERE w.invoice_id IS NULL AND w.worked_on <= $1 AND k.pay_model = 'HOURLY'`,
      [week.end],
    );
    const perChart = this.batches ? await this.batches.contractsWithUnbilled(acceptedBefore, this.contracts.withPayModel(PayModel.PER_CHART)) : [];
    const due = [...new Set([...hourly.map((row) => row.contract_id), ...perChart])];
    return eachOnItsOwn(
      due,
      (contractId) => `invoicing contract ${contractId}`,
      (contractId) =>
        this.transactions.run(async (manager) => {
          const contract = await this.contracts.lockForUpdate(manager, contractId);
          const work: BillableWork = contract.payModel === PayModel.HOURLY ? await this.uninvoicedDays(manager, contractId, week.end) : await this.unbilledBatches(manager, contractId, acceptedBefore);
          const quantity = work.lines.reduce((sum, line) => sum + (line.minutes ?? line.charts ?? 0), 0);
          const amountCents = workAmount(contract.payModel, quantity, contract.rateCents ?? 0);
          // Below Stripe's minimum charge the work stays uninvoiced: it is billed once the weeks add up to a chargeable amount.
          if (!work.lines.length || amountCents < MIN_CHARGE_CENTS) return false;
          const invoice = await this.issue(manager, contract, { kind: InvoiceKind.WORK, periodStart: week.start, periodEnd: week.end, quantity, amountCents });
          if (!invoice) return false;
          await manager.getRepository(InvoiceLineEntity).insert(work.lines.map((line) => ({ ...line, invoiceId: invoice.id })));
          await work.markInvoiced(invoice.id);
          return true;
        }),
      this.logger,
    );
  }

  /** The practice reports what it collected for a period on a PERCENT_OF_COLLECTIONS contract: one invoice at the contract's rate, in review like the others. */
  async reportCollections(actor: Actor, args: ReportCollectionsArgs): Promise<InvoiceEntity> {
    const { contract } = await this.access.require(actor, args.contractId, 'contract.pay');
    if (contract.payModel !== PayModel.PERCENT_OF_COLLECTIONS) throw new ConflictError(`Collections are reported on PERCENT_OF_COLLECTIONS contracts; this one is ${contract.payModel}`);
    if (contract.status !== ContractStatus.ACTIVE) throw new ConflictError(`This contract is ${contract.status}`);
    if (args.periodEnd < args.periodStart) throw new BadUserInputError('periodEnd must not be before periodStart', ['periodEnd']);
    if (args.periodEnd > todayUtc()) throw new BadUserInputError('periodEnd must not be in the future', ['periodEnd']);
    const amountCents = collectionsShare(args.collectedCents, contract.percentOfCollectionsBps ?? 0);
    if (amountCents < MIN_CHARGE_CENTS)
      throw new BadUserInputError(`collectedCents is too small to invoice at this rate: ${amountCents} cents, below the ${MIN_CHARGE_CENTS} cents a card can be charged`, ['collectedCents']);
    return this.transactions.run(async (manager) => {
      const invoice = await this.issue(manager, contract, {
        kind: InvoiceKind.COLLECTIONS,
        periodStart: args.periodStart,
        periodEnd: args.periodEnd,
        quantity: args.collectedCents,
        amountCents,
      });
      if (!invoice) throw new ConflictError(`Collections from ${args.periodStart} are already reported`);
      return invoice;
    });
  }

  /**
   * Charges the invoices whose review window has passed and tries again the declined ones whose
   * retry is due, each in its own transaction under its contract's lock (contracts in dispute wait
   * for the resolution). Returns how many charges it queued.
   */
  async chargeDue(): Promise<number> {
    const due = await this.invoices
      .createQueryBuilder('i')
      .where(`(i.status = 'IN_REVIEW' AND i.due_at <= now()) OR (i.status = 'FAILED' AND i.next_charge_at <= now())`)
      .orderBy('coalesce(i.next_charge_at, i.due_at)')
      .limit(100)
      .getMany();
    return eachOnItsOwn(
      due,
      (invoice) => `charging invoice ${invoice.id}`,
      (invoice) =>
        this.transactions.run(async (manager) => {
          const contract = await this.contracts.lockForUpdate(manager, invoice.contractId);
          if (contract.status === ContractStatus.DISPUTED) return false;
          return this.startCharge(manager, invoice.id, contract, 'due');
        }),
      this.logger,
    );
  }

  /**
   * Releases paid invoices held back because their contract was in dispute when the payment came,
   * each in its own transaction: one that fails is logged and tried again next run, the rest are released.
   */
  async releaseDue(): Promise<number> {
    const due = await this.invoices.createQueryBuilder('i').where(`i.status = 'PAID' AND i.release_after <= now()`).orderBy('i.release_after').limit(100).getMany();
    return eachOnItsOwn(
      due,
      (invoice) => `releasing invoice ${invoice.id}`,
      (invoice) =>
        this.transactions.run(async (manager) => {
          const contract = await this.contracts.lockForUpdate(manager, invoice.contractId);
          return this.releaseLocked(manager, invoice, contract);
        }),
      this.logger,
    );
  }

  /**
   * Whether the contract has money a dispute can still hold: an invoice in review or declined (not
   * charged yet). Such an invoice keeps an ENDED contract disputable. Read in the caller's transaction.
   */
  hasDisputableInvoices(manager: EntityManager, contractId: string): Promise<boolean> {
    return manager.getRepository(InvoiceEntity).existsBy({ contractId, status: In([InvoiceStatus.IN_REVIEW, InvoiceStatus.FAILED]) });
  }

  /** The invoices a dispute opened at `openedAt` covers: in review or declined, issued before it. Locked, oldest first, in the caller's transaction. */
  lockDisputed(manager: EntityManager, contractId: string, openedAt: Date): Promise<InvoiceEntity[]> {
    return manager
      .getRepository(InvoiceEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.contract_id = :contractId AND i.status IN (:...open) AND i.created_at <= :openedAt', { contractId, open: [InvoiceStatus.IN_REVIEW, InvoiceStatus.FAILED], openedAt })
      .orderBy('i.created_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .getMany();
  }

  /**
   * Settles the disputed invoices (from `lockDisputed`) as an admin decided: `coderCents` of their
   * total is charged, the oldest invoices first (the one where it runs out charged in part, the
   * rest VOID, never charged; a part below MIN_CHARGE_CENTS is refused, BAD_USER_INPUT). The charges go out at once. No money had moved, so no journal: the
   * ledger sees the charged invoices when they are paid. In the caller's transaction.
   */
  async settleDisputed(manager: EntityManager, contract: ContractEntity, disputeId: string, invoices: InvoiceEntity[], coderCents: number): Promise<void> {
    // Every charge it makes must be one Stripe takes: a part below the minimum would stay OPEN, never paid.
    let spread = coderCents;
    for (const invoice of invoices) {
      const part = Math.min(spread, invoice.amountCents);
      spread -= part;
      if (part > 0 && part < MIN_CHARGE_CENTS) {
        throw new BadUserInputError(
          `input.coderCents would charge ${part} cents on invoice ${invoice.id}, below the ${MIN_CHARGE_CENTS} cents a card can be charged: give the coder 0, or ${MIN_CHARGE_CENTS - part} cents more or ${part} less`,
          ['input.coderCents'],
        );
      }
    }
    let left = coderCents;
    for (const invoice of invoices) {
      const charged = Math.min(left, invoice.amountCents);
      left -= charged;
      if (charged === 0) {
        await manager.getRepository(InvoiceEntity).update({ id: invoice.id }, { status: InvoiceStatus.VOID, disputeId, nextChargeAt: null });
        continue;
      }
      // A new amount needs a new PaymentIntent: the declined one was made for the old amount.
      const changed = charged !== invoice.amountCents ? { amountCents: charged, paymentIntentId: null } : {};
      await manager.getRepository(InvoiceEntity).update({ id: invoice.id }, { ...changed, disputeId });
      await this.startCharge(manager, invoice.id, contract, 'now');
    }
  }

  /**
   * IN_REVIEW (`due`: once its window has passed) or FAILED (`due`: once its retry is due; `now`:
   * at once) -> OPEN, one try more, with the charge job of that try queued. Returns false when the
   * invoice was not in such a state (moved meanwhile). Called under the contract's lock.
   */
  private async startCharge(manager: EntityManager, invoiceId: string, contract: ContractEntity, when: 'due' | 'now'): Promise<boolean> {
    const condition = when === 'due' ? `(status = 'IN_REVIEW' AND due_at <= now()) OR (status = 'FAILED' AND next_charge_at <= now())` : `status IN ('IN_REVIEW', 'FAILED')`;
    const [moved] = await queryRows<{ charge_attempts: number; amount_cents: string }>(
      manager,
      `UPDATE invoices SET status = 'OPEN', charge_attempts = charge_attempts + 1, next_charge_at = NULL WHERE id = $1 AND (${condition}) RETURNING charge_attempts, amount_cents`,
      [invoiceId],
    );
    if (!moved) return false;
    await this.outbox.enqueue(manager, 'stripe.charge', chargeKey(invoiceId, moved.charge_attempts), {
      invoiceId,
      contractId: contract.id,
      organizationId: contract.organizationId,
      amountCents: readCents(moved.amount_cents),
      attempt: moved.charge_attempts,
    });
    return true;
  }

  /** The practice saved a card: its declined invoices are tried again with it at once (contracts in dispute wait). */
  private async retryDeclined(manager: EntityManager, organizationId: string): Promise<void> {
    const declined = await manager
      .getRepository(InvoiceEntity)
      .createQueryBuilder('i')
      .innerJoin(ContractEntity, 'k', 'k.id = i.contract_id')
      .where('k.organization_id = :organizationId AND i.status = :failed', { organizationId, failed: InvoiceStatus.FAILED })
      .orderBy('i.contract_id')
      .addOrderBy('i.created_at')
      .getMany();
    for (const invoice of declined) {
      const contract = await this.contracts.lockForUpdate(manager, invoice.contractId);
      if (contract.status !== ContractStatus.DISPUTED) await this.startCharge(manager, invoice.id, contract, 'now');
    }
  }

  /** A contract's days of work not invoiced yet up to `end`, locked; marking them invoiced is the caller's next step. */
  private async uninvoicedDays(manager: EntityManager, contractId: string, end: string): Promise<BillableWork> {
    const logs = await manager
      .getRepository(WorkLogEntity)
      .createQueryBuilder('w')
      .setLock('pessimistic_write')
      .where('w.contract_id = :contractId AND w.invoice_id IS NULL AND w.worked_on <= :end AND w.minutes IS NOT NULL', { contractId, end })
      .orderBy('w.worked_on')
      .getMany();
    return {
      lines: logs.map((log) => ({ workedOn: log.workedOn, minutes: log.minutes, codedBatchId: null, charts: null })),
      markInvoiced: async (invoiceId: string) =>
        void (await manager
          .getRepository(WorkLogEntity)
          .createQueryBuilder()
          .update()
          .set({ invoiceId })
          .whereInIds(logs.map((log) => log.id))
          .execute()),
    };
  }

  /** A contract's accepted coded batches not billed yet, locked (from the workroom). */
  private async unbilledBatches(manager: EntityManager, contractId: string, acceptedBefore: Date): Promise<BillableWork> {
    const batches = this.batches ? await this.batches.lockUnbilled(manager, contractId, acceptedBefore) : [];
    return {
      lines: batches.map((batch) => ({ workedOn: null, minutes: null, codedBatchId: batch.id, charts: batch.charts })),
      markInvoiced: (invoiceId: string) =>
        this.batches!.markBilled(
          manager,
          batches.map((batch) => batch.id),
          invoiceId,
        ),
    };
  }

  /**
   * Inserts an IN_REVIEW invoice due INVOICE_DISPUTE_DAYS from now and tells the practice's OWNERs
   * and ADMINs; null when the contract has one for this period and kind already (ON CONFLICT DO
   * NOTHING on `invoices_contract_period_key`).
   */
  private async issue(manager: EntityManager, contract: ContractEntity, values: Pick<InvoiceEntity, 'kind' | 'periodStart' | 'periodEnd' | 'quantity' | 'amountCents'>): Promise<InvoiceEntity | null> {
    const days = this.config.env.INVOICE_DISPUTE_DAYS;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(InvoiceEntity)
      .values({ ...values, contractId: contract.id, status: InvoiceStatus.IN_REVIEW, dueAt: () => `now() + make_interval(days => ${days})` })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = result.identifiers[0]?.id as string | undefined;
    if (!id) return null;
    const invoice = await manager.getRepository(InvoiceEntity).findOneByOrFail({ id });
    const due = utcDayOf(invoice.dueAt!);
    for (const userId of await this.organizations.managersOf(manager, contract.organizationId)) {
      await this.notifications.notify(manager, userId, NotificationKind.INVOICE_ISSUED, `An invoice of ${invoice.amountCents} cents is ready for review; it is charged on ${due} unless disputed`, {
        contractId: contract.id,
        invoiceId: id,
      });
    }
    return invoice;
  }

  /**
   * Outbox job: charge the practice's saved card off session, or confirm again the intent a
   * declined try left; waits until a card is saved. A decline is recorded, not retried here: the
   * retry schedule (or a new card) makes the next try.
   */
  private async runCharge(job: OutboxJob<'stripe.charge'>): Promise<OutboxOutcome> {
    const { payload } = job;
    const customer = await this.billing.findCustomer(payload.organizationId);
    if (!customer?.defaultPaymentMethodId) return { wait: 'the practice has no saved payment method (startPaymentMethodSetup)' };
    const invoice = await this.invoices.findOneBy({ id: payload.invoiceId });
    if (invoice?.status !== InvoiceStatus.OPEN) return { done: { skipped: `invoice is ${invoice?.status ?? 'missing'}` } };
    const attempt = payload.attempt ?? 1;
    const charge = await this.gateway.chargeOffSession(
      {
        customerId: customer.stripeCustomerId,
        paymentMethodId: customer.defaultPaymentMethodId,
        amountCents: payload.amountCents,
        transferGroup: `contract:${payload.contractId}`,
        metadata: { kind: 'invoice', invoiceId: payload.invoiceId, contractId: payload.contractId },
        paymentIntentId: attempt > 1 ? invoice.paymentIntentId : null,
      },
      job.idempotencyKey,
    );
    if (charge.declined) {
      return { done: { declined: charge.declined.code, paymentIntentId: charge.id ?? '' }, record: (manager) => this.recordDecline(manager, payload, attempt, charge) };
    }
    const record = async (manager: EntityManager) => {
      // The contract first, then the invoice: the order every invoice move takes its locks in.
      await this.contracts.lockForUpdate(manager, payload.contractId);
      await manager.getRepository(InvoiceEntity).update({ id: payload.invoiceId }, { paymentIntentId: charge.id });
      // Stripe may report the charge's success before this write: that event found no intent recorded, and is applied now.
      await this.events.reapplyIgnored(manager, charge.id);
    };
    return { done: { paymentIntentId: charge.id }, record };
  }

  /**
   * A declined try: the invoice turns FAILED with its next try on the schedule, and the practice's
   * OWNERs and ADMINs are told; when the schedule is spent the contract is paused (PAYMENT_FAILED)
   * and the coder told. Under the contract's lock, then the invoice's.
   */
  private async recordDecline(manager: EntityManager, payload: ChargePayload, attempt: number, charge: Extract<OffSessionCharge, { status: 'declined' }>): Promise<void> {
    const contract = await this.contracts.lockForUpdate(manager, payload.contractId);
    const invoice = await manager.getRepository(InvoiceEntity).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id: payload.invoiceId }).getOne();
    if (invoice?.status !== InvoiceStatus.OPEN || invoice.chargeAttempts !== attempt) return;
    const firstDeclinedAt = invoice.firstDeclinedAt ?? new Date();
    const nextChargeAt = nextChargeRetry(firstDeclinedAt, attempt, this.config.env.INVOICE_CHARGE_RETRY_DAYS);
    await manager
      .getRepository(InvoiceEntity)
      .update(
        { id: invoice.id },
        { status: InvoiceStatus.FAILED, paymentIntentId: charge.id ?? invoice.paymentIntentId, firstDeclinedAt, nextChargeAt, lastDeclineMessage: charge.declined.message.slice(0, 500) },
      );
    const next = nextChargeAt
      ? `it is tried again on ${utcDayOf(nextChargeAt)}, or at once when a new card is saved`
      : 'every retry is spent: the contract is paused until it is paid (save a new card)';
    for (const userId of await this.organizations.managersOf(manager, contract.organizationId)) {
      await this.notifications.notify(
        manager,
        userId,
        NotificationKind.INVOICE_PAYMENT_FAILED,
        `The charge of an invoice of ${invoice.amountCents} cents was declined (${charge.declined.message}); ${next}`,
        {
          contractId: contract.id,
          invoiceId: invoice.id,
        },
      );
    }
    if (!nextChargeAt) await this.pauses.pauseLocked(manager, contract, ContractPauseReason.PAYMENT_FAILED, null);
  }

  /**
   * payment_intent.succeeded of an invoice's charge: PAID into escrow (once), and released to the
   * coder at once unless the contract is in dispute (then the release job does it after the
   * resolution). Only the charge we made for the invoice (its recorded intent, a retry confirming the
   * same one), for the invoice's amount in our currency, pays it; anything else leaves it as it was
   * (a mismatch is logged as an error). A contract paused for a failed payment resumes once nothing
   * of it is FAILED.
   */
  private async onPaymentSucceeded(intent: SucceededIntent<'invoice'>, manager: EntityManager): Promise<StripeEventResult> {
    const { invoiceId } = intent.metadata;
    if (!isUUID(invoiceId)) return ignored(`metadata.invoiceId ${JSON.stringify(invoiceId)} is not one of our ids`);
    const found = await manager.getRepository(InvoiceEntity).findOneBy({ id: invoiceId });
    if (!found) return ignored(`no invoice ${invoiceId}`);
    // Locked, the contract first: the charge's result is recorded under the same locks, then what waited for it is applied.
    const contract = await this.contracts.lockForUpdate(manager, found.contractId);
    const invoice = (await manager.getRepository(InvoiceEntity).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id: invoiceId }).getOne())!;
    const problem = paymentProblem(intent, { intentId: invoice.paymentIntentId, amountCents: invoice.amountCents, name: `invoice ${invoice.id}` });
    if (problem) return problem;
    const moved = await manager
      .getRepository(InvoiceEntity)
      .update({ id: invoice.id, status: InvoiceStatus.OPEN }, { status: InvoiceStatus.PAID, paidAt: new Date(), releaseAfter: new Date(), nextChargeAt: null });
    if (!moved.affected)
      return invoice.paidAt ? unchanged(`invoice ${invoice.id} was paid by this payment already`) : mismatch(`invoice ${invoice.id} is ${invoice.status}: it no longer awaits this payment`);
    await this.escrow.funded(manager, `invoice:${invoice.id}`, invoice.contractId, invoice.amountCents);
    await this.releaseLocked(manager, invoice, contract);
    await this.pauses.resumeIfPaid(manager, contract.id);
    return applied();
  }

  /** PAID -> RELEASED with the release journal and the transfer, unless the contract (locked by the caller) is in dispute. */
  private async releaseLocked(manager: EntityManager, invoice: InvoiceEntity, contract: ContractEntity): Promise<boolean> {
    if (contract.status === ContractStatus.DISPUTED) return false;
    const moved = await manager.getRepository(InvoiceEntity).update({ id: invoice.id, status: InvoiceStatus.PAID }, { status: InvoiceStatus.RELEASED, releasedAt: new Date() });
    if (!moved.affected) return false;
    await this.escrow.release(manager, `invoice:${invoice.id}`, contract, invoice.amountCents);
    return true;
  }

  /** CONFLICT or BAD_USER_INPUT (naming `input.workedOn`) unless `day` may be logged on the contract as it is now. */
  private requireLoggableDay(contract: ContractEntity, day: string): void {
    const today = todayUtc();
    const ended = contract.status === ContractStatus.ENDED && contract.endedAt ? utcDayOf(contract.endedAt) : null;
    if (ended) {
      if (addDays(ended, LOG_AFTER_END_DAYS) < today) throw new ConflictError(`This contract ended on ${ended}: its last days could be logged until ${addDays(ended, LOG_AFTER_END_DAYS)}`);
    } else if (contract.status !== ContractStatus.ACTIVE) {
      throw new ConflictError(`This contract is ${contract.status}: no work is logged on it now`);
    }
    const started = utcDayOf(contract.createdAt);
    const earliest = [started, addDays(today, -LOG_WINDOW_DAYS)].sort().at(-1)!;
    const latest = ended && ended < today ? ended : today;
    if (day < started) throw new BadUserInputError(`input.workedOn: the contract started on ${started} (UTC); ${day} is before it`, ['input.workedOn']);
    if (day > today) throw new BadUserInputError(`input.workedOn: ${day} is in the future (today is ${today}, UTC)`, ['input.workedOn']);
    if (day > latest) throw new BadUserInputError(`input.workedOn: the contract ended on ${ended}; ${day} is after it`, ['input.workedOn']);
    if (day < earliest) throw new BadUserInputError(`input.workedOn: work is logged at most ${LOG_WINDOW_DAYS} days back (from ${earliest})`, ['input.workedOn']);
  }
}
