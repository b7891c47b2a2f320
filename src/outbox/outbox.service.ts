import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { JobScheduler } from '../common/scheduling/job-scheduler.js';
import { AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { OutboxJobEntity, OutboxStatus } from './outbox-job.entity.js';

/**
 * Every kind of outbox job, with its payload. The module that enqueues and runs a kind declares it
 * next to its code by module augmentation, e.g.
 * `declare module '../outbox/outbox.service.js' { interface OutboxJobPayloads { 'stripe.refund': RefundPayload } }`,
 * so `enqueue`, `register` and `wake` check kinds and payloads while the outbox names no other module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the owning modules (declaration merging)
export interface OutboxJobPayloads {}
export type OutboxJobKind = keyof OutboxJobPayloads;

/** A claimed job of kind `K`, as its handler sees it. */
export interface OutboxJob<K extends OutboxJobKind> {
  id: string;
  kind: K;
  idempotencyKey: string;
  payload: OutboxJobPayloads[K];
}

/**
 * What a job handler answers: done (with a result, and optionally writes that record it, made in the
 * transaction that marks the job done), or wait until something wakes the job.
 */
export type OutboxOutcome = { done: Record<string, string>; record?: (manager: EntityManager) => Promise<void> } | { wait: string };
/** Carries out a job outside any transaction (it may read through the pool); see `OutboxOutcome`. */
export type OutboxHandler<K extends OutboxJobKind> = (job: OutboxJob<K>) => Promise<OutboxOutcome>;

/** How a kind's failures are retried. */
export interface OutboxRetryPolicy {
  /** Tries before the job is marked FAILED (default 10: about 17 minutes of backoff). */
  maxAttempts: number;
}

const DEFAULT_RETRY: OutboxRetryPolicy = { maxAttempts: 10 };
// Backoff after the nth failure: 2^n seconds, at most this.
const MAX_BACKOFF_SECONDS = 600;
// How long a claimed job is left to its worker before another may take it (after a crash mid-call):
// longer than the worst Stripe call (3 tries of the SDK's 20 s timeout, plus backoff).
const LEASE_SECONDS = 120;

/**
 * The transactional outbox: `enqueue` inside the business transaction; the worker (a poller here,
 * several instances may share it) runs each job once it has committed, retrying with backoff.
 * A job is claimed in a short transaction of its own (FOR UPDATE SKIP LOCKED, then leased by
 * pushing `run_after` past the call), the processor is called with no transaction open and no row
 * locked (a slow Stripe holds neither a connection nor a lock), and the result is recorded in a
 * second transaction. Handlers call the processor with the job's idempotency key, so a retry after
 * a crash or an expired lease cannot repeat the effect.
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxService.name);
  private readonly handlers = new Map<string, { run: (job: OutboxJobEntity) => Promise<OutboxOutcome>; retry: OutboxRetryPolicy }>();
  /** The drains under way on this instance, one per kind filter ('*' for every kind). */
  private readonly drains = new Map<string, { promise: Promise<number>; again: boolean }>();

  constructor(
    @InjectRepository(OutboxJobEntity) private readonly jobs: Repository<OutboxJobEntity>,
    private readonly transactions: TransactionRunner,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  /** Registers the one handler of a job kind (its owner, in `onModuleInit`), with how its failures are retried. */
  register<K extends OutboxJobKind>(kind: K, handler: OutboxHandler<K>, retry: OutboxRetryPolicy = DEFAULT_RETRY): void {
    if (this.handlers.has(kind)) throw new Error(`outbox job ${kind} already has a handler`);
    // Jobs are written only through `enqueue`, which checks the payload against the kind.
    const run = (job: OutboxJobEntity) => handler({ id: job.id, kind, idempotencyKey: job.idempotencyKey, payload: job.payload as OutboxJobPayloads[K] });
    this.handlers.set(kind, { run, retry });
  }

  /** Records a job in the caller's transaction; a second job with the same key is ignored. */
  async enqueue<K extends OutboxJobKind>(manager: EntityManager, kind: K, idempotencyKey: string, payload: OutboxJobPayloads[K]): Promise<void> {
    await manager.createQueryBuilder().insert().into(OutboxJobEntity).values({ kind, idempotencyKey, payload }).orIgnore().execute();
  }

  /** Moves WAITING jobs of `kind` whose payload holds `match` back to PENDING (e.g. a coder's transfers once payouts are enabled). */
  async wake<K extends OutboxJobKind>(manager: EntityManager, kind: K, match: Partial<OutboxJobPayloads[K]>): Promise<void> {
    await manager.query(`UPDATE outbox_jobs SET status = 'PENDING', run_after = now() WHERE status = 'WAITING' AND kind = $1 AND payload @> $2::jsonb`, [kind, JSON.stringify(match)]);
  }

  onApplicationBootstrap(): void {
    this.scheduler.schedule('outbox.drain', { everyMs: this.config.env.WORKER_POLL_MS }, () => this.drain());
  }

  /** A drain started by hand (tests, scripts) is finished too before the database closes. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.drains.values()].map((drain) => drain.promise.catch(() => undefined)));
  }

  /**
   * Runs every runnable job, or only those of `kinds` (tests deliver mail without running Stripe jobs);
   * returns how many ran. One drain at a time per instance and filter: a call made while one is under
   * way joins it, and that drain looks again before it ends, so every job committed before the call
   * has been run (or failed) when the promise settles.
   */
  drain(kinds?: readonly OutboxJobKind[]): Promise<number> {
    const key = kinds ? [...kinds].sort().join(',') : '*';
    const current = this.drains.get(key);
    if (current) {
      current.again = true;
      return current.promise;
    }
    const drain = { promise: Promise.resolve(0), again: false };
    drain.promise = this.runBatches(key, drain, kinds);
    this.drains.set(key, drain);
    return drain.promise;
  }

  private async runBatches(key: string, drain: { again: boolean }, kinds: readonly OutboxJobKind[] | undefined): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const job = await this.claimNext(kinds);
        if (job) {
          await this.runOne(job);
          total++;
          continue;
        }
        // No await between this check and the removal: a call joining after it starts a drain of its own.
        if (!drain.again) return total;
        drain.again = false;
      }
    } finally {
      this.drains.delete(key);
    }
  }

  /**
   * Takes the oldest runnable job for this worker, leased: other workers skip it until the lease
   * ends. One job at a time, so a slow processor never lets the leases of jobs still waiting run out.
   */
  private claimNext(kinds: readonly OutboxJobKind[] | undefined): Promise<OutboxJobEntity | null> {
    return this.transactions.run(async (manager) => {
      const query = manager.getRepository(OutboxJobEntity).createQueryBuilder('o').setLock('pessimistic_write').setOnLocked('skip_locked').where(`o.status = 'PENDING' AND o.run_after <= now()`);
      if (kinds) query.andWhere('o.kind IN (:...kinds)', { kinds: kinds.length ? kinds : [''] });
      const job = await query.orderBy('o.created_at', 'ASC').limit(1).getOne();
      if (job) await manager.getRepository(OutboxJobEntity).update({ id: job.id }, { runAfter: () => `now() + interval '${LEASE_SECONDS} seconds'` });
      return job;
    });
  }

  /** Calls the handler with no transaction open, then records its outcome (or the failure and the next try). */
  private async runOne(job: OutboxJobEntity): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for ${job.kind}`);
      const outcome = await handler.run(job);
      await this.transactions.run(async (manager) => {
        // Only while still PENDING: if the lease ran out and another worker finished first, it recorded the same result.
        const repository = manager.getRepository(OutboxJobEntity);
        if ('wait' in outcome) {
          await repository.update({ id: job.id, status: OutboxStatus.PENDING }, { status: OutboxStatus.WAITING, lastError: outcome.wait });
          return;
        }
        const moved = await repository.update(
          { id: job.id, status: OutboxStatus.PENDING },
          { status: OutboxStatus.DONE, result: outcome.done, doneAt: new Date(), attempts: job.attempts + 1, lastError: null },
        );
        if (moved.affected) await outcome.record?.(manager);
      });
    } catch (error) {
      const attempts = job.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      const failed = attempts >= (handler?.retry ?? DEFAULT_RETRY).maxAttempts;
      if (failed) this.logger.error(`outbox job ${job.kind} ${job.id} FAILED after ${attempts} attempts, not retried: ${message}`);
      else this.logger.warn(`outbox job ${job.kind} ${job.id} failed (attempt ${attempts}): ${message}`);
      await this.jobs.update(
        { id: job.id, status: OutboxStatus.PENDING },
        {
          attempts,
          lastError: message.slice(0, 1000),
          status: failed ? OutboxStatus.FAILED : OutboxStatus.PENDING,
          runAfter: new Date(Date.now() + Math.min(2 ** attempts, MAX_BACKOFF_SECONDS) * 1000),
        },
      );
    }
  }
}
