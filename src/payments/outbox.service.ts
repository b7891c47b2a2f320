import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { runEvery } from '../common/scheduling/run-every.js';
import { AppConfig } from '../config/app-config.js';
import { OutboxJobEntity, OutboxStatus } from './outbox-job.entity.js';

/** What a job handler answers: done (with a result), or wait until something wakes the job. */
export type OutboxOutcome = { done: Record<string, any> } | { wait: string };
export type OutboxHandler = (job: OutboxJobEntity, manager: EntityManager) => Promise<OutboxOutcome>;

const MAX_ATTEMPTS = 10;

/**
 * The transactional outbox: `enqueue` inside the business transaction; the worker (a poller here;
 * SKIP LOCKED lets several instances share it) runs each job once it has committed, retrying with
 * backoff. Handlers call the processor with the job's idempotency key, so a retry after a crash
 * between the call and the commit cannot repeat the effect.
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxService.name);
  private readonly handlers = new Map<string, OutboxHandler>();
  private stop = () => undefined as void;
  private running?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  register(kind: string, handler: OutboxHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Records a job in the caller's transaction; a second job with the same key is ignored. */
  async enqueue(manager: EntityManager, kind: string, idempotencyKey: string, payload: Record<string, any>): Promise<void> {
    await manager.createQueryBuilder().insert().into(OutboxJobEntity).values({ kind, idempotencyKey, payload }).orIgnore().execute();
  }

  /** Moves WAITING jobs matching `payloadFilter` back to PENDING (e.g. a coder's transfers once payouts are enabled). */
  async wake(manager: EntityManager, kind: string, payloadFilter: Record<string, string>): Promise<void> {
    await manager.query(`UPDATE outbox_jobs SET status = 'PENDING', run_after = now() WHERE status = 'WAITING' AND kind = $1 AND payload @> $2::jsonb`, [kind, JSON.stringify(payloadFilter)]);
  }

  onApplicationBootstrap(): void {
    this.stop = runEvery(this.config.env.WORKER_POLL_MS, () => this.drain(), this.logger, 'outbox drain');
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop();
    await this.running?.catch(() => undefined);
  }

  /** Runs every runnable job (one drain at a time per instance); returns how many ran. */
  drain(): Promise<number> {
    this.running ??= this.runBatches().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runBatches(): Promise<number> {
    let total = 0;
    for (;;) {
      const ran = await this.runBatch();
      total += ran;
      if (ran === 0) return total;
    }
  }

  private async runBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const jobs = await manager
        .getRepository(OutboxJobEntity)
        .createQueryBuilder('o')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where(`o.status = 'PENDING' AND o.run_after <= now()`)
        .orderBy('o.created_at', 'ASC')
        .limit(10)
        .getMany();
      for (const job of jobs) await this.runOne(job, manager);
      return jobs.length;
    });
  }

  private async runOne(job: OutboxJobEntity, manager: EntityManager): Promise<void> {
    const handler = this.handlers.get(job.kind);
    const repository = manager.getRepository(OutboxJobEntity);
    try {
      if (!handler) throw new Error(`no handler for ${job.kind}`);
      // A savepoint per job: a failing job rolls back its own writes only.
      const outcome = await manager.transaction((inner) => handler(job, inner));
      if ('done' in outcome) await repository.update({ id: job.id }, { status: OutboxStatus.DONE, result: outcome.done, doneAt: new Date(), attempts: job.attempts + 1, lastError: null });
      else await repository.update({ id: job.id }, { status: OutboxStatus.WAITING, lastError: outcome.wait });
    } catch (error) {
      const attempts = job.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`outbox job ${job.kind} ${job.id} failed (attempt ${attempts}): ${message}`);
      await repository.update(
        { id: job.id },
        { attempts, lastError: message.slice(0, 1000), status: attempts >= MAX_ATTEMPTS ? OutboxStatus.FAILED : OutboxStatus.PENDING, runAfter: new Date(Date.now() + Math.min(2 ** attempts, 600) * 1000) },
      );
    }
  }
}
