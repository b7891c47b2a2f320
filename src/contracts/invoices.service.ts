import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError, ConflictError } from '../common/errors/app-error.js';
import { groupByKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { firstOfEachGroup } from '../common/pagination/paginate.js';
import { todayUtc } from '../common/scalars/local-date.scalar.js';
import { eachOnItsOwn } from '../common/scheduling/each-on-its-own.js';
import { JobScheduler } from '../common/scheduling/job-scheduler.js';
import { AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { collectionsShare, workAmount } from '../domain/money.js';
import { PayModel } from '../domain/work.enums.js';
import { BillingService } from '../payments/billing.service.js';
import { EscrowService } from '../payments/escrow.service.js';
import { PaymentsGateway } from '../payments/gateway/payments-gateway.js';
import { OutboxJob, OutboxOutcome, OutboxService } from '../outbox/outbox.service.js';
import { paymentProblem } from '../payments/payment-checks.js';
import { applied, ignored, mismatch, StripeEventResult, unchanged } from '../payments/stripe-event-outcome.js';
import { StripeEventsService, SucceededIntent } from '../payments/stripe-events.service.js';
import { ContractAccess } from './contract-access.service.js';
import { ContractEntity } from './contract.entity.js';
import { ContractStatus } from './contract-status.enum.js';
import { ContractsService } from './contracts.service.js';
import { LogWorkInput, ReportCollectionsArgs } from './dto/billing.models.js';
import { InvoiceEntity } from './invoice.entity.js';
import { InvoiceKind, InvoiceStatus } from './invoice.enums.js';
import { WorkLogEntity } from './work-log.entity.js';

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** An invoice charged off session to the practice's saved card. */
export interface ChargePayload {
  invoiceId: string;
  contractId: string;
  organizationId: string;
  amountCents: number;
}

declare module '../outbox/outbox.service.js' {
  interface OutboxJobPayloads {
    /** Enqueued with each invoice and run by InvoicesService; waits for a saved card, woken when one is saved. */
    'stripe.charge': ChargePayload;
  }
}

declare module '../payments/gateway/payments-gateway.js' {
  interface PaymentIntentKinds {
    /** Charging an invoice: its `payment_intent.succeeded` goes to InvoicesService. */
    invoice: { invoiceId: string; contractId: string };
  }
}

/** The Monday-to-Sunday week before the one containing `now` (UTC). */
export function previousWeek(now: Date): { start: string; end: string } {
  const today = now.toISOString().slice(0, 10);
  const mondayThisWeek = addDays(today, -((now.getUTCDay() + 6) % 7));
  return { start: addDays(mondayThisWeek, -7), end: addDays(mondayThisWeek, -1) };
}

/**
 * Hourly, per-chart and percent-of-collections billing: coders log work per day; a scheduled job
 * invoices each contract weekly; invoices are charged off session to the practice's saved card
 * (through the outbox), held in escrow when paid, and released to the coder after the dispute window.
 */
@Injectable()
export class InvoicesService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(InvoicesService.name);

  constructor(
    @InjectRepository(InvoiceEntity) private readonly invoices: Repository<InvoiceEntity>,
    @InjectRepository(WorkLogEntity) private readonly workLogs: Repository<WorkLogEntity>,
    private readonly contracts: ContractsService,
    private readonly access: ContractAccess,
    private readonly billing: BillingService,
    private readonly escrow: EscrowService,
    private readonly gateway: PaymentsGateway,
    private readonly outbox: OutboxService,
    private readonly events: StripeEventsService,
    private readonly transactions: TransactionRunner,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.outbox.register('stripe.charge', (job) => this.runCharge(job));
    this.events.onPaymentSucceeded('invoice', (intent, manager) => this.onPaymentSucceeded(intent, manager), { legacyKey: 'invoiceId' });
    // Charges waiting for a card go as soon as the practice saves one.
    this.billing.onPaymentMethodSaved((manager, organizationId) => this.outbox.wake(manager, 'stripe.charge', { organizationId }));
  }

  onApplicationBootstrap(): void {
    this.scheduler.schedule('invoices.generate-weekly', { cron: this.config.env.INVOICE_GENERATION_CRON }, () => this.generateWeeklyInvoices(new Date()));
    this.scheduler.schedule('invoices.release-due', { cron: this.config.env.INVOICE_RELEASE_CRON }, () => this.releaseDue());
  }

  /** The coder records a day's minutes (HOURLY) or charts (PER_CHART); the same day again replaces it until invoiced. */
  async logWork(actor: Actor, contractId: string, input: LogWorkInput): Promise<WorkLogEntity> {
    const { contract } = await this.access.require(actor, contractId, 'contract.work');
    if (contract.status !== ContractStatus.ACTIVE) throw new ConflictError(`This contract is ${contract.status}`);
    const field = contract.payModel === PayModel.HOURLY ? 'minutes' : contract.payModel === PayModel.PER_CHART ? 'charts' : null;
    if (!field) throw new ConflictError(`Work is logged on HOURLY and PER_CHART contracts; this one is ${contract.payModel}`);
    const other = field === 'minutes' ? 'charts' : 'minutes';
    if (input[field] == null) throw new BadUserInputError(`input.${field} is required on a ${contract.payModel} contract`, [`input.${field}`]);
    if (input[other] != null) throw new BadUserInputError(`input.${other} is not used on a ${contract.payModel} contract`, [`input.${other}`]);
    const today = todayUtc();
    if (input.workedOn > today || input.workedOn < addDays(today, -60)) throw new BadUserInputError('input.workedOn must be within the last 60 days and not in the future', ['input.workedOn']);
    const rows = await queryRows<{ id: string }>(
      this.workLogs,
      `INSERT INTO work_logs (contract_id, worked_on, minutes, charts, note) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (contract_id, worked_on) DO UPDATE SET minutes = EXCLUDED.minutes, charts = EXCLUDED.charts, note = EXCLUDED.note, updated_at = now()
         WHERE work_logs.invoice_id IS NULL
       RETURNING id`,
      [contractId, input.workedOn, input.minutes ?? null, input.charts ?? null, input.note?.trim() || null],
    );
    if (!rows.length) throw new ConflictError(`The work of ${input.workedOn} is already invoiced`);
    return this.workLogs.findOneByOrFail({ id: rows[0].id });
  }

  async listForContract(actor: Actor, contractId: string): Promise<InvoiceEntity[]> {
    await this.access.require(actor, contractId, 'contract.read');
    return this.invoices.find({ where: { contractId }, order: { periodStart: 'DESC', createdAt: 'DESC' } });
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
   * Invoices last week's uninvoiced work (and any older stragglers) of every hourly and per-chart
   * contract. Safe to run anywhere and any number of times: the logs are locked, and the invoice's
   * (contract, period, kind) is unique. Each contract in its own transaction: one that fails is
   * logged and tried again next run, the others are invoiced. Returns how many invoices it made.
   */
  async generateWeeklyInvoices(now: Date): Promise<number> {
    const week = previousWeek(now);
    const due = await queryRows<{ contract_id: string }>(
      this.workLogs,
      `SELECT DISTINCT w.contract_id FROM work_logs w JOIN contracts k ON k.id = w.contract_id
        WHERE w.invoice_id IS NULL AND w.worked_on <= $1 AND k.pay_model IN ('HOURLY', 'PER_CHART')`,
      [week.end],
    );
    return eachOnItsOwn(
      due,
      ({ contract_id: contractId }) => `invoicing contract ${contractId}`,
      ({ contract_id: contractId }) =>
        this.transactions.run(async (manager) => {
          const contract = (await this.contracts.findById(contractId, manager))!;
          const logs = await manager
            .getRepository(WorkLogEntity)
            .createQueryBuilder('w')
            .setLock('pessimistic_write')
            .where('w.contract_id = :contractId AND w.invoice_id IS NULL AND w.worked_on <= :end', { contractId, end: week.end })
            .getMany();
          const quantity = logs.reduce((sum, log) => sum + (log.minutes ?? log.charts ?? 0), 0);
          const amountCents = workAmount(contract.payModel, quantity, contract.rateCents ?? 0);
          if (!logs.length || amountCents <= 0) return false;
          const invoice = await this.insertInvoice(manager, { contractId, kind: InvoiceKind.WORK, periodStart: week.start, periodEnd: week.end, quantity, amountCents });
          if (!invoice) return false;
          await manager
            .getRepository(WorkLogEntity)
            .createQueryBuilder()
            .update()
            .set({ invoiceId: invoice.id })
            .whereInIds(logs.map((log) => log.id))
            .execute();
          await this.queueCharge(manager, invoice, contract);
          return true;
        }),
      this.logger,
    );
  }

  /** The practice reports what it collected for a period on a PERCENT_OF_COLLECTIONS contract: one invoice at the contract's rate. */
  async reportCollections(actor: Actor, args: ReportCollectionsArgs): Promise<InvoiceEntity> {
    const { contract } = await this.access.require(actor, args.contractId, 'contract.pay');
    if (contract.payModel !== PayModel.PERCENT_OF_COLLECTIONS) throw new ConflictError(`Collections are reported on PERCENT_OF_COLLECTIONS contracts; this one is ${contract.payModel}`);
    if (contract.status !== ContractStatus.ACTIVE) throw new ConflictError(`This contract is ${contract.status}`);
    if (args.periodEnd < args.periodStart) throw new BadUserInputError('periodEnd must not be before periodStart', ['periodEnd']);
    if (args.periodEnd > todayUtc()) throw new BadUserInputError('periodEnd must not be in the future', ['periodEnd']);
    const amountCents = collectionsShare(args.collectedCents, contract.percentOfCollectionsBps ?? 0);
    if (amountCents < 1) throw new BadUserInputError('collectedCents is too small to invoice at this rate', ['collectedCents']);
    return this.transactions.run(async (manager) => {
      const invoice = await this.insertInvoice(manager, {
        contractId: contract.id,
        kind: InvoiceKind.COLLECTIONS,
        periodStart: args.periodStart,
        periodEnd: args.periodEnd,
        quantity: args.collectedCents,
        amountCents,
      });
      if (!invoice) throw new ConflictError(`Collections from ${args.periodStart} are already reported`);
      await this.queueCharge(manager, invoice, contract);
      return invoice;
    });
  }

  /**
   * Releases paid invoices whose dispute window has passed (contracts in dispute wait), each in its
   * own transaction: one that fails is logged and tried again next run, the rest are released.
   */
  async releaseDue(): Promise<number> {
    const due = await this.invoices.createQueryBuilder('i').where(`i.status = 'PAID' AND i.release_after <= now()`).orderBy('i.release_after').limit(100).getMany();
    return eachOnItsOwn(
      due,
      (invoice) => `releasing invoice ${invoice.id}`,
      (invoice) =>
        this.transactions.run(async (manager) => {
          const contract = await this.contracts.lockForUpdate(manager, invoice.contractId);
          if (contract.status === ContractStatus.DISPUTED) return false;
          const moved = await manager.getRepository(InvoiceEntity).update({ id: invoice.id, status: InvoiceStatus.PAID }, { status: InvoiceStatus.RELEASED, releasedAt: new Date() });
          if (!moved.affected) return false;
          await this.escrow.release(manager, `invoice:${invoice.id}`, contract, invoice.amountCents);
          return true;
        }),
      this.logger,
    );
  }

  /** Inserts an OPEN invoice; null when the contract has one for this period and kind already (ON CONFLICT DO NOTHING on `invoices_contract_period_key`). */
  private async insertInvoice(manager: EntityManager, values: Pick<InvoiceEntity, 'contractId' | 'kind' | 'periodStart' | 'periodEnd' | 'quantity' | 'amountCents'>): Promise<InvoiceEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(InvoiceEntity)
      .values({ ...values, status: InvoiceStatus.OPEN })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = result.identifiers[0]?.id as string | undefined;
    return id ? manager.getRepository(InvoiceEntity).findOneByOrFail({ id }) : null;
  }

  private queueCharge(manager: EntityManager, invoice: InvoiceEntity, contract: ContractEntity): Promise<void> {
    return this.outbox.enqueue(manager, 'stripe.charge', `charge:invoice:${invoice.id}`, {
      invoiceId: invoice.id,
      contractId: contract.id,
      organizationId: contract.organizationId,
      amountCents: invoice.amountCents,
    });
  }

  /** Outbox job: charge the practice's saved card off session; waits until a card is saved. */
  private async runCharge(job: OutboxJob<'stripe.charge'>): Promise<OutboxOutcome> {
    const { payload } = job;
    const customer = await this.billing.findCustomer(payload.organizationId);
    if (!customer?.defaultPaymentMethodId) return { wait: 'the practice has no saved payment method (startPaymentMethodSetup)' };
    const intent = await this.gateway.chargeOffSession(
      {
        customerId: customer.stripeCustomerId,
        paymentMethodId: customer.defaultPaymentMethodId,
        amountCents: payload.amountCents,
        transferGroup: `contract:${payload.contractId}`,
        metadata: { kind: 'invoice', invoiceId: payload.invoiceId, contractId: payload.contractId },
      },
      job.idempotencyKey,
    );
    const record = async (manager: EntityManager) => {
      await manager.getRepository(InvoiceEntity).update({ id: payload.invoiceId }, { paymentIntentId: intent.id });
      // Stripe may report the charge's success before this write: that event found no intent recorded, and is applied now.
      await this.events.reapplyIgnored(manager, intent.id);
    };
    return { done: { paymentIntentId: intent.id }, record };
  }

  /**
   * payment_intent.succeeded of an invoice's charge: held in escrow (once) until the dispute window
   * ends. Only the charge we made for the invoice (its recorded intent), for the invoice's amount in
   * our currency, pays it; anything else leaves it OPEN (a mismatch is logged as an error).
   */
  private async onPaymentSucceeded(intent: SucceededIntent<'invoice'>, manager: EntityManager): Promise<StripeEventResult> {
    const { invoiceId } = intent.metadata;
    if (!isUUID(invoiceId)) return ignored(`metadata.invoiceId ${JSON.stringify(invoiceId)} is not one of our ids`);
    // Locked: the charge's result is recorded under the same lock, then what waited for it is applied.
    const invoice = await manager.getRepository(InvoiceEntity).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id: invoiceId }).getOne();
    if (!invoice) return ignored(`no invoice ${invoiceId}`);
    const problem = paymentProblem(intent, { intentId: invoice.paymentIntentId, amountCents: invoice.amountCents, name: `invoice ${invoice.id}` });
    if (problem) return problem;
    const releaseAfter = new Date(Date.now() + this.config.env.INVOICE_DISPUTE_DAYS * DAY);
    const moved = await manager.getRepository(InvoiceEntity).update({ id: invoice.id, status: InvoiceStatus.OPEN }, { status: InvoiceStatus.PAID, paidAt: new Date(), releaseAfter });
    if (!moved.affected)
      return invoice.paidAt ? unchanged(`invoice ${invoice.id} was paid by this payment already`) : mismatch(`invoice ${invoice.id} is ${invoice.status}: it no longer awaits this payment`);
    await this.escrow.funded(manager, `invoice:${invoice.id}`, invoice.contractId, invoice.amountCents);
    return applied();
  }
}
