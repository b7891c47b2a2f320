import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way to run writes that must agree: `transactions.run(async (manager) => ...)`.
 * Everything done through `manager` commits together or not at all; `afterCommit(manager, fn)`
 * defers work that must only happen once the data is committed (publishing events).
 */
@Injectable()
export class TransactionRunner {
  private readonly pending = new WeakMap<EntityManager, (() => void)[]>();

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const callbacks: (() => void)[] = [];
    const result = await this.dataSource.transaction((manager) => {
      this.pending.set(manager, callbacks);
      return work(manager);
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
}
