import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { NodeEnv } from '../config/environment.js';

export class PoolQueryInTransactionError extends Error {}

/**
 * The one way to run writes that must agree: `transactions.run(async (manager) => ...)`.
 * Everything done through `manager` commits together or not at all; `afterCommit(manager, fn)`
 * defers work that must only happen once the data is committed (publishing events).
 *
 * Inside `work`, every query must go through `manager`: a read through the pool (`this.repo`,
 * another service's method that does not take the manager) needs a second connection while
 * this one holds row locks. Twenty such requests on one row held all ten connections waiting
 * for the lock while the holder waited for an eleventh: every request stalled for the pool's
 * 5 s checkout timeout. Such a query (or a nested `run`) throws in development and tests and
 * is logged in production.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);
  private readonly pending = new WeakMap<EntityManager, (() => void)[]>();
  private readonly current = new AsyncLocalStorage<QueryRunner>();
  private readonly strict: boolean;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.strict = config.env.NODE_ENV !== NodeEnv.Production;
    // A plain subscriber object: TypeORM calls `beforeQuery` for every query, on any query runner.
    this.dataSource.subscribers.push({ beforeQuery: (event) => this.check(event.queryRunner) });
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    this.check(null);
    const callbacks: (() => void)[] = [];
    const result = await this.dataSource.transaction((manager) => {
      this.pending.set(manager, callbacks);
      return this.current.run(manager.queryRunner!, () => work(manager));
    });
    for (const callback of callbacks) callback();
    return result;
  }

  /** Runs `fn` after the transaction of `manager` commits (at once when `manager` is not one of ours). */
  afterCommit(manager: EntityManager, fn: () => void): void {
    const callbacks = this.pending.get(manager);
    if (callbacks) callbacks.push(fn);
    else fn();
  }

  /** Refuses a query on another connection than the open transaction of the calling code (null: a new transaction). */
  private check(queryRunner: QueryRunner | null): void {
    const open = this.current.getStore();
    // Work started inside a transaction that outlives it (a timer, a publish) may use the pool freely.
    if (!open || open === queryRunner || open.isReleased || !open.isTransactionActive) return;
    const error = new PoolQueryInTransactionError(
      queryRunner ? 'A query went through the pool inside a transaction: use the transaction manager' : 'A transaction was opened inside another one: pass the manager instead',
    );
    if (this.strict) throw error;
    this.logger.error(error);
  }
}
