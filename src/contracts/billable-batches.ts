import type { EntityManager } from 'typeorm';

/** An accepted coded batch not billed yet: what a per-chart invoice line bills. */
export interface BillableBatch {
  id: string;
  /** Its encounters. */
  charts: number;
}

/**
 * Where per-chart invoices find their work: the ACCEPTED coded batches of a contract that no
 * invoice has billed. The workroom owns coded batches and provides this
 * (`InvoicesService.billBatchesFrom`), so invoicing names no workroom table.
 */
export interface BillableBatches {
  /** The contracts, among `within` (a subquery of contract ids and its parameters), with batches accepted before `acceptedBefore` and not billed. */
  contractsWithUnbilled(acceptedBefore: Date, within: { sql: string; parameters: Record<string, unknown> }): Promise<string[]>;
  /** Locks and returns the contract's batches accepted before `acceptedBefore` and not billed, in the caller's transaction. */
  lockUnbilled(manager: EntityManager, contractId: string, acceptedBefore: Date): Promise<BillableBatch[]>;
  /** Marks the batches billed on `invoiceId`, in the caller's transaction. */
  markBilled(manager: EntityManager, batchIds: string[], invoiceId: string): Promise<void>;
}
