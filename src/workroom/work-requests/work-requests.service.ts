import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors/app-error.js';
import { byKeys, RequestLoaders } from '../../common/loaders/request-loaders.js';
import { ConnectionShape } from '../../common/pagination/connection.js';
import { paginate } from '../../common/pagination/paginate.js';
import { eachOnItsOwn } from '../../common/scheduling/each-on-its-own.js';
import { JobScheduler } from '../../common/scheduling/job-scheduler.js';
import { AppConfig } from '../../config/app-config.js';
import { ContractAccess } from '../../contracts/contract-access.service.js';
import { ContractStatus } from '../../contracts/contract-status.enum.js';
import { ContractEntity } from '../../contracts/contract.entity.js';
import { ContractsService } from '../../contracts/contracts.service.js';
import { queryRows } from '../../database/query-rows.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { accuracyOf } from '../../domain/accuracy.js';
import { PayModel } from '../../domain/work.enums.js';
import { MailService } from '../../mail/mail.service.js';
import { NotificationKind } from '../../notifications/notification-kind.enum.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { OrganizationAccess } from '../../organizations/organization-access.service.js';
import { UsersService } from '../../users/users.service.js';
import { ContractPerformance, ContractWorkRequestsArgs, CreateWorkRequestInput, WorkQueueArgs } from './dto/work-request.models.js';
import { WorkRequestEntity, WorkRequestPriority, WorkRequestStatus } from './work-request.entity.js';

/** The pay models whose work is counted in charts or hours, and so asked for in charts by a due time. */
const REQUESTABLE: readonly PayModel[] = [PayModel.PER_CHART, PayModel.HOURLY];

/** The furthest ahead a due time may be. */
const MAX_DUE_DAYS = 366;

/** How long before the due time the coder is reminded, by priority (hours). */
export const REMIND_BEFORE_HOURS: Record<WorkRequestPriority, number> = { [WorkRequestPriority.NORMAL]: 24, [WorkRequestPriority.STAT]: 2 };

/** Charts handed in (SUBMITTED and ACCEPTED batches) and accepted, of one work request. */
export interface WorkRequestCharts {
  done: number;
  accepted: number;
}

/**
 * Work requests: the practice asks its coder for charts by a due time; coded batches name the request
 * they answer, and its accepted charts complete it (in the review's transaction). The coder's queue
 * lists the open requests of every ACTIVE contract they work, soonest due first; a job reminds the
 * coder before the due time and once overdue.
 */
@Injectable()
export class WorkRequestsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkRequestsService.name);

  constructor(
    @InjectRepository(WorkRequestEntity) private readonly requests: Repository<WorkRequestEntity>,
    private readonly access: ContractAccess,
    private readonly contracts: ContractsService,
    private readonly organizations: OrganizationAccess,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
    private readonly users: UsersService,
    private readonly transactions: TransactionRunner,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule('work-requests.remind-due', { cron: this.config.env.WORK_REQUEST_REMINDER_CRON }, () => this.remindDue());
  }

  /** The practice (OWNER or ADMIN) asks for charts on an ACTIVE per-chart or hourly contract; the coder is notified. */
  async create(actor: Actor, contractId: string, input: CreateWorkRequestInput): Promise<WorkRequestEntity> {
    await this.access.require(actor, contractId, 'contract.request-work');
    const now = Date.now();
    if (input.dueAt.getTime() <= now) throw new BadUserInputError('input.dueAt must be in the future', ['input.dueAt']);
    if (input.dueAt.getTime() > now + MAX_DUE_DAYS * 86_400_000) throw new BadUserInputError(`input.dueAt must be within ${MAX_DUE_DAYS} days`, ['input.dueAt']);
    return this.transactions.run(async (manager) => {
      // Under the contract's row lock, which endContract and pauseContract take too.
      const contract = await this.contracts.lockForUpdate(manager, contractId);
      if (contract.status !== ContractStatus.ACTIVE) throw new ConflictError(`This contract is ${contract.status}: work is requested only while it is ACTIVE`);
      if (!REQUESTABLE.includes(contract.payModel))
        throw new ConflictError(`A ${contract.payModel} contract takes no work requests: they ask for charts on PER_CHART and HOURLY contracts (fixed-price work is asked for with milestones)`);
      const request = await manager.getRepository(WorkRequestEntity).save({
        contractId,
        requestedById: actor.id,
        title: input.title,
        chartCount: input.chartCount,
        dueAt: input.dueAt,
        priority: input.priority,
        status: WorkRequestStatus.OPEN,
      });
      await this.notifications.notifyMember(
        manager,
        contract.coderId,
        contract.codingCompanyId,
        NotificationKind.WORK_REQUESTED,
        `New work request: ${input.chartCount} charts due ${input.dueAt.toISOString()}`,
        {
          contractId,
          workRequestId: request.id,
        },
      );
      return request;
    });
  }

  /** The practice (OWNER or ADMIN) cancels an OPEN request; the coder is notified. Batches already linked stay as they are. */
  async cancel(actor: Actor, id: string): Promise<WorkRequestEntity> {
    const request = await this.findOrFail(id);
    const { contract } = await this.access.require(actor, request.contractId, 'contract.request-work', 'Work request');
    return this.transactions.run(async (manager) => {
      const moved = await manager
        .getRepository(WorkRequestEntity)
        .createQueryBuilder()
        .update()
        .set({ status: WorkRequestStatus.CANCELLED, cancelledAt: () => 'now()' })
        .where('id = :id AND status = :open', { id, open: WorkRequestStatus.OPEN })
        .execute();
      if (!moved.affected) throw new ConflictError(`This work request is ${(await manager.getRepository(WorkRequestEntity).findOneByOrFail({ id })).status}`);
      await this.notifications.notifyMember(manager, contract.coderId, contract.codingCompanyId, NotificationKind.WORK_REQUEST_CANCELLED, 'A work request was cancelled', {
        contractId: contract.id,
        workRequestId: id,
      });
      return manager.getRepository(WorkRequestEntity).findOneByOrFail({ id });
    });
  }

  /** A contract's work requests, soonest due first (its parties, practice members and admins: `contract.read`). */
  async listForContract(actor: Actor, contractId: string, args: ContractWorkRequestsArgs): Promise<ConnectionShape<WorkRequestEntity>> {
    await this.access.require(actor, contractId, 'contract.read');
    const query = this.requests.createQueryBuilder('w').where('w.contract_id = :contractId', { contractId });
    if (args.status) query.andWhere('w.status = :status', { status: args.status });
    return paginate(query, args, { sortColumn: 'w.dueAt', idColumn: 'w.id', direction: 'ASC', sortValue: (row) => row.dueAt, idValue: (row) => row.id });
  }

  /**
   * The open requests of the ACTIVE contracts the caller works as the coder, across every client, soonest
   * due first (ties by id); with `organizationId`, those of every contract the coding company works (its
   * OWNERs and ADMINs).
   */
  async queue(actor: Actor, args: WorkQueueArgs): Promise<ConnectionShape<WorkRequestEntity>> {
    const worked = await this.access.workedBy(actor, args.organizationId ?? null, [ContractStatus.ACTIVE]);
    const query = this.requests.createQueryBuilder('w').where(`w.status = :open AND w.contract_id IN (${worked.sql})`, { open: WorkRequestStatus.OPEN, ...worked.parameters });
    return paginate(query, args, { sortColumn: 'w.dueAt', idColumn: 'w.id', direction: 'ASC', sortValue: (row) => row.dueAt, idValue: (row) => row.id });
  }

  /**
   * Locks an OPEN request of `contractId` for a batch that names it (in the submission's transaction):
   * BAD_USER_INPUT naming `input.workRequestId` for a missing request or another contract's (the same
   * answer), CONFLICT once it is COMPLETED or CANCELLED.
   */
  async lockOpenFor(manager: EntityManager, workRequestId: string, contractId: string): Promise<WorkRequestEntity> {
    const request = await manager
      .getRepository(WorkRequestEntity)
      .createQueryBuilder('w')
      .setLock('pessimistic_write')
      .where('w.id = :workRequestId AND w.contract_id = :contractId', { workRequestId, contractId })
      .getOne();
    if (!request) throw new BadUserInputError('input.workRequestId is not a work request of this contract', ['input.workRequestId']);
    if (request.status !== WorkRequestStatus.OPEN) throw new ConflictError(`This work request is ${request.status}: batches name only OPEN requests`);
    return request;
  }

  /**
   * In the transaction that accepted a batch of the request: completes it when its accepted charts reach
   * `chartCount`. The request's row lock serializes concurrent acceptances, so the sum each one reads
   * includes the others' committed batches.
   */
  async completeIfDone(manager: EntityManager, workRequestId: string): Promise<void> {
    const [locked] = await queryRows<{ status: WorkRequestStatus; chart_count: number }>(manager, `SELECT status, chart_count FROM work_requests WHERE id = $1 FOR UPDATE`, [workRequestId]);
    if (locked?.status !== WorkRequestStatus.OPEN) return;
    const [{ accepted }] = await queryRows<{ accepted: number }>(
      manager,
      `SELECT coalesce(sum(encounter_count), 0)::int AS accepted FROM coded_batches WHERE work_request_id = $1 AND status = 'ACCEPTED'`,
      [workRequestId],
    );
    if (accepted < locked.chart_count) return;
    // Delivered when the batch that brought the accepted charts to the count was handed in (batches in hand-in order).
    const [delivered] = await queryRows<{ at: Date }>(
      manager,
      `SELECT created_at AS at FROM (
         SELECT created_at, sum(encounter_count) OVER (ORDER BY created_at, id) AS running FROM coded_batches WHERE work_request_id = $1 AND status = 'ACCEPTED'
       ) handed_in WHERE running >= $2 ORDER BY created_at LIMIT 1`,
      [workRequestId, locked.chart_count],
    );
    await manager
      .getRepository(WorkRequestEntity)
      .update({ id: workRequestId, status: WorkRequestStatus.OPEN }, { status: WorkRequestStatus.COMPLETED, completedAt: new Date(), deliveredAt: delivered.at });
  }

  /** Charts handed in and accepted of a request, through the request's DataLoader (a page in one statement). */
  loadCharts(loaders: RequestLoaders, workRequestId: string): Promise<WorkRequestCharts> {
    return loaders
      .get<string, WorkRequestCharts>('chartsByWorkRequest', async (ids) => {
        const rows = await queryRows<WorkRequestCharts & { id: string }>(
          this.requests,
          `SELECT work_request_id AS id,
                  coalesce(sum(encounter_count) FILTER (WHERE status IN ('SUBMITTED', 'ACCEPTED')), 0)::int AS done,
                  coalesce(sum(encounter_count) FILTER (WHERE status = 'ACCEPTED'), 0)::int AS accepted
             FROM coded_batches WHERE work_request_id = ANY($1::uuid[]) GROUP BY work_request_id`,
          [ids],
        );
        return byKeys(ids, rows, (row) => row.id).map((row) => ({ done: row?.done ?? 0, accepted: row?.accepted ?? 0 }));
      })
      .load(workRequestId);
  }

  /** The contract of a request (the caller already read the request through the contract's gate). */
  async loadContract(loaders: RequestLoaders, contractId: string): Promise<ContractEntity> {
    const contract = await loaders.get<string, ContractEntity | null>('workRequestContract', (ids) => Promise.all(ids.map((id) => this.contracts.findById(id)))).load(contractId);
    if (!contract) throw new NotFoundError('Contract');
    return contract;
  }

  /**
   * `Contract.performance`, computed from the contract's work requests and coded batches (never stored
   * counters), through the request's DataLoaders: a page of contracts in two statements.
   */
  async loadPerformance(loaders: RequestLoaders, actor: Actor, contract: ContractEntity): Promise<ContractPerformance> {
    await this.access.loadRequire(loaders, actor, contract, 'contract.read');
    const requests = loaders.get<string, { completed: number; onTime: number; overdue: number; medianHours: number | null } | null>('workRequestStatsByContract', async (ids) =>
      byKeys(
        ids,
        await queryRows<{ contractId: string; completed: number; onTime: number; overdue: number; medianHours: number | null }>(
          this.requests,
          `SELECT contract_id AS "contractId",
                  count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
                  count(*) FILTER (WHERE status = 'COMPLETED' AND delivered_at <= due_at)::int AS "onTime",
                  -- Overdue for the coder: past due with fewer charts handed in than asked (a practice sitting on a submitted batch does not make it late).
                  count(*) FILTER (WHERE status = 'OPEN' AND due_at < now() AND (
                    SELECT coalesce(sum(b.encounter_count), 0) FROM coded_batches b WHERE b.work_request_id = w.id AND b.status IN ('SUBMITTED', 'ACCEPTED')) < w.chart_count)::int AS overdue,
                  (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at) / 3600) FILTER (WHERE status = 'COMPLETED'))::float AS "medianHours"
             FROM work_requests w WHERE contract_id = ANY($1::uuid[]) GROUP BY contract_id`,
          [ids],
        ),
        (row) => row.contractId,
      ),
    );
    const batches = loaders.get<string, { recentCharts: number; accepted: number; sampled: number; errors: number } | null>('batchStatsByContract', async (ids) =>
      byKeys(
        ids,
        await queryRows<{ contractId: string; recentCharts: number; accepted: number; sampled: number; errors: number }>(
          this.requests,
          `SELECT contract_id AS "contractId",
                  coalesce(sum(encounter_count) FILTER (WHERE status = 'ACCEPTED' AND reviewed_at > now() - interval '28 days'), 0)::int AS "recentCharts",
                  count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted,
                  coalesce(sum(audit_sampled), 0)::int AS sampled,
                  coalesce(sum(audit_errors), 0)::int AS errors
             FROM coded_batches WHERE contract_id = ANY($1::uuid[]) GROUP BY contract_id`,
          [ids],
        ),
        (row) => row.contractId,
      ),
    );
    const [r, b] = await Promise.all([requests.load(contract.id), batches.load(contract.id)]);
    const completed = r?.completed ?? 0;
    const onTime = r?.onTime ?? 0;
    const overdue = r?.overdue ?? 0;
    // The window: the last 4 weeks, or the contract's life when shorter, counted as at least one week (a contract a day old is not extrapolated).
    const days = Math.min(28, (Date.now() - contract.createdAt.getTime()) / 86_400_000);
    const weeks = Math.max(1, days / 7);
    return {
      onTimeRate: completed + overdue > 0 ? Math.round((onTime / (completed + overdue)) * 10000) / 10000 : null,
      completedRequests: completed,
      onTimeRequests: onTime,
      overdueRequests: overdue,
      medianTurnaroundHours: r?.medianHours == null ? null : Math.round(r.medianHours * 100) / 100,
      chartsPerWeek: b && b.accepted > 0 ? Math.round((b.recentCharts / weeks) * 100) / 100 : null,
      auditedAccuracy: b && b.sampled > 0 ? accuracyOf(b.sampled, b.errors) : null,
      auditedCharts: b?.sampled ?? 0,
    };
  }

  /**
   * Reminds the coder of each OPEN request of an ACTIVE contract once when its due time is near (24 h,
   * STAT 2 h) and once when it has passed: a notification and a mail (through the outbox). Each request
   * is claimed by a conditional UPDATE in its own transaction, so two instances running at once remind
   * it once. Returns how many reminders went out.
   */
  async remindDue(): Promise<number> {
    const SOON = `status = 'OPEN' AND due_soon_reminded_at IS NULL AND due_at > now() AND due_at <= now() + make_interval(hours => CASE priority WHEN 'STAT' THEN $1::int ELSE $2::int END)`;
    const OVERDUE = `status = 'OPEN' AND overdue_reminded_at IS NULL AND due_at <= now()`;
    const hours = [REMIND_BEFORE_HOURS.STAT, REMIND_BEFORE_HOURS.NORMAL];
    const due = [
      ...(await queryRows<{ id: string }>(this.requests, `SELECT id FROM work_requests WHERE ${SOON} ORDER BY due_at`, hours)).map(({ id }) => ({ id, overdue: false })),
      ...(await queryRows<{ id: string }>(this.requests, `SELECT id FROM work_requests WHERE ${OVERDUE} ORDER BY due_at`)).map(({ id }) => ({ id, overdue: true })),
    ];
    return eachOnItsOwn(
      due,
      ({ id, overdue }) => `${overdue ? 'overdue' : 'due-soon'} reminder for work request ${id}`,
      ({ id, overdue }) =>
        this.transactions.run(async (manager) => {
          const request = await manager.getRepository(WorkRequestEntity).findOneBy({ id });
          const contract = request && (await this.contracts.findById(request.contractId, manager));
          // A paused, disputed or ended contract's requests wait: no reminder, and none claimed.
          if (!contract || contract.status !== ContractStatus.ACTIVE) return false;
          const [claimed] = overdue
            ? await queryRows<{ id: string }>(manager, `UPDATE work_requests SET overdue_reminded_at = now() WHERE id = $1 AND ${OVERDUE} RETURNING id`, [id])
            : await queryRows<{ id: string }>(manager, `UPDATE work_requests SET due_soon_reminded_at = now() WHERE id = $3 AND ${SOON} RETURNING id`, [...hours, id]);
          if (!claimed) return false; // reminded meanwhile (another instance), or no longer due
          const dueAt = request.dueAt.toISOString();
          const data = { contractId: contract.id, workRequestId: id };
          const kind = overdue ? NotificationKind.WORK_REQUEST_OVERDUE : NotificationKind.WORK_REQUEST_DUE_SOON;
          const message = overdue ? `A work request was due at ${dueAt} and is not complete` : `A work request is due at ${dueAt} and is not complete`;
          // The coder hears of the company's contract only while still its member (as every notification of it).
          if (contract.codingCompanyId && !(await this.organizations.isActiveMember(contract.coderId, contract.codingCompanyId, manager))) return false;
          await this.notifications.notify(manager, contract.coderId, kind, message, data);
          const coder = await this.users.findById(contract.coderId, manager);
          if (coder)
            await this.mail.enqueue(manager, `work-request:${id}:${overdue ? 'overdue' : 'due-soon'}`, coder.email, 'work-request-due', { workRequestId: id, contractId: contract.id, dueAt, overdue });
          return true;
        }),
      this.logger,
    );
  }

  private async findOrFail(id: string): Promise<WorkRequestEntity> {
    const request = await this.requests.findOneBy({ id });
    if (!request) throw new NotFoundError('Work request');
    return request;
  }
}
