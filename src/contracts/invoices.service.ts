import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors/app-error.js';
import { groupByKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { firstOfEachGroup } from '../common/pagination/paginate.js';
import { todayUtc } from '../common/scalars/local-date.scalar.js';
import { runEvery } from '../common/scheduling/run-every.js';
import { AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { collectionsShare, workAmount } from '../domain/money.js';
import { PayModel } from '../domain/work.enums.js';
import { BillingService, CHARGE_JOB } from '../payments/billing.service.js';
import { EscrowService } from '../payments/escrow.service.js';
import { GatewayEvent, PaymentsGateway } from '../payments/gateway/payments-gateway.js';
import { OutboxJobEntity } from '../payments/outbox-job.entity.js';
import { OutboxOutcome, OutboxService } from '../payments/outbox.service.js';
import { StripeEventsService } from '../payments/stripe-events.service.js';
import { ContractEntity } from './contract.entity.js';
import { ContractStatus } from './contract-status.enum.js';
import { ContractsService } from './contracts.service.js';
import { LogWorkInput, ReportCollectionsArgs } from './dto/billing.models.js';
import { InvoiceEntity } from './invoice.entity.js';
import { InvoiceKind, InvoiceStatus } from './invoice.enums.js';
import { WorkLogEntity } from './work-log.entity.js';

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

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
export class InvoicesService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InvoicesService.name);
  private stop = () => undefined as void;

  constructor(
    @InjectRepository(InvoiceEntity) private readonly invoices: Repository<InvoiceEntity>,
    @InjectRepository(WorkLogEntity) private readonly workLogs: Repository<WorkLogEntity>,
    private readonly contracts: ContractsService,
    private readonly billing: BillingService,
    private readonly escrow: EscrowService,
    private readonly gateway: PaymentsGateway,
    private readonly outbox: OutboxService,
    private readonly events: StripeEventsService,
    private readonly transactions: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.outbox.register(CHARGE_JOB, (job) => this.runCharge(job));
    this.events.on('payment_intent.succeeded', (event, manager) => this.onPaymentSucceeded(event, manager));
  }

  onApplicationBootstrap(): void {
    this.stop = runEvery(
      this.config.env.WORKER_POLL_MS * 30,
      async () => {
        await this.generateWeeklyInvoices(new Date());
        await this.releaseDue();
      },
      this.logger,
      'weekly invoicing and invoice release',
    );
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /** The coder records a day's minutes (HOURLY) or charts (PER_CHART); the same day again replaces it until invoiced. */
  async logWork(actor: Actor, contractId: string, input: LogWorkInput): Promise<WorkLogEntity> {
    const { contract, side } = await this.contracts.findForParty(actor, contractId);
    if (side !== 'coder') throw new ForbiddenError('Only the coder on this contract logs work');
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
    await this.contracts.findForParty(actor, contractId);
    return this.invoices.find({ where: { contractId }, order: { periodStart: 'DESC', createdAt: 'DESC' } });
  }

  /**
   * A contract's `first` newest work logs, for its parties (NOT_FOUND for others). Through the
   * request's DataLoaders: the contracts of a page share one party check and one statement.
   */
  async loadWork(loaders: RequestLoaders, actor: Actor, contract: Pick<ContractEntity, 'id' | 'coderId' | 'organizationId' | 'codingCompanyId'>, first: number): Promise<WorkLogEntity[]> {
    if (!(await this.contracts.loadSideOf(loaders, actor, contract))) throw new NotFoundError('Contract');
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
   * (contract, period, kind) is unique. Returns how many invoices it made.
   */
  async generateWeeklyInvoices(now: Date): Promise<number> {
    const week = previousWeek(now);
    const due = await queryRows<{ contract_id: string }>(
      this.workLogs,
      `SELECT DISTINCT w.contract_id FROM work_logs w JOIN contracts k ON k.id = w.contract_id
        WHERE w.invoice_id IS NULL AND w.worked_on <= $1 AND k.pay_model IN ('HOURLY', 'PER_CHART')`,
      [week.end],
    );
    let made = 0;
    for (const { contract_id: contractId } of due) {
      const created = await this.transactions.run(async (manager) => {
        const contract = await manager.getRepository(ContractEntity).findOneByOrFail({ id: contractId });
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
      });
      if (created) made++;
    }
    return made;
  }

  /** The practice reports what it collected for a period on a PERCENT_OF_COLLECTIONS contract: one invoice at the contract's rate. */
  async reportCollections(actor: Actor, args: ReportCollectionsArgs): Promise<InvoiceEntity> {
    const { contract, side } = await this.contracts.findForParty(actor, args.contractId);
    if (side !== 'provider') throw new ForbiddenError('Only the paying practice reports collections');
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

  /** Releases paid invoices whose dispute window has passed (contracts in dispute wait). */
  async releaseDue(): Promise<number> {
    const due = await this.invoices.createQueryBuilder('i').where(`i.status = 'PAID' AND i.release_after <= now()`).orderBy('i.release_after').limit(100).getMany();
    let released = 0;
    for (const invoice of due) {
      const done = await this.transactions.run(async (manager) => {
        const contract = await manager.getRepository(ContractEntity).createQueryBuilder('k').setLock('pessimistic_write').where('k.id = :id', { id: invoice.contractId }).getOneOrFail();
        if (contract.status === ContractStatus.DISPUTED) return false;
        const moved = await manager.getRepository(InvoiceEntity).update({ id: invoice.id, status: InvoiceStatus.PAID }, { status: InvoiceStatus.RELEASED, releasedAt: new Date() });
        if (!moved.affected) return false;
        await this.escrow.release(manager, `invoice:${invoice.id}`, contract, invoice.amountCents);
        return true;
      });
      if (done) released++;
    }
    return released;
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
    return this.outbox.enqueue(manager, CHARGE_JOB, `charge:invoice:${invoice.id}`, {
      invoiceId: invoice.id,
      contractId: contract.id,
      organizationId: contract.organizationId,
      amountCents: invoice.amountCents,
    });
  }

  /** Outbox job: charge the practice's saved card off session; waits until a card is saved. */
  private async runCharge(job: OutboxJobEntity): Promise<OutboxOutcome> {
    const customer = await this.billing.findCustomer(job.payload.organizationId);
    if (!customer?.defaultPaymentMethodId) return { wait: 'the practice has no saved payment method (startPaymentMethodSetup)' };
    const intent = await this.gateway.chargeOffSession(
      {
        customerId: customer.stripeCustomerId,
        paymentMethodId: customer.defaultPaymentMethodId,
        amountCents: job.payload.amountCents,
        transferGroup: `contract:${job.payload.contractId}`,
        metadata: { invoiceId: job.payload.invoiceId, contractId: job.payload.contractId },
      },
      job.idempotencyKey,
    );
    const record = async (manager: EntityManager) => void (await manager.getRepository(InvoiceEntity).update({ id: job.payload.invoiceId }, { paymentIntentId: intent.id }));
    return { done: { paymentIntentId: intent.id }, record };
  }

  /** payment_intent.succeeded for an invoice: held in escrow (once) until the dispute window ends. */
  private async onPaymentSucceeded(event: GatewayEvent, manager: EntityManager): Promise<void> {
    const intent = event.data.object;
    const invoiceId = String(intent.metadata?.invoiceId ?? '');
    if (!isUUID(invoiceId)) return;
    const invoice = await manager.getRepository(InvoiceEntity).findOneBy({ id: invoiceId });
    if (!invoice) return;
    if (Number(intent.amount_received ?? intent.amount) !== invoice.amountCents) {
      this.logger.error(`payment ${intent.id} amount does not match invoice ${invoice.id}; left for review`);
      return;
    }
    const releaseAfter = new Date(Date.now() + this.config.env.INVOICE_DISPUTE_DAYS * DAY);
    const moved = await manager
      .getRepository(InvoiceEntity)
      .update({ id: invoice.id, status: InvoiceStatus.OPEN }, { status: InvoiceStatus.PAID, paidAt: new Date(), releaseAfter, paymentIntentId: String(intent.id) });
    if (moved.affected) await this.escrow.funded(manager, `invoice:${invoice.id}`, invoice.contractId, invoice.amountCents);
  }
}
