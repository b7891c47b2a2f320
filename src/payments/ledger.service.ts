import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { readCents } from '../database/bigint-cents.transformer.js';
import { queryRows } from '../database/query-rows.js';
import { LedgerEntryEntity, LedgerJournalEntity } from './ledger.entities.js';
import { Payee, PayeeKind } from './payee.js';

export const ACCOUNTS = {
  /** Money held in the platform's Stripe balance. */
  stripeBalance: 'stripe_balance',
  platformFees: 'platform_fees',
  escrow: (contractId: string) => `escrow:${contractId}`,
  /**
   * Released to a payee, not yet transferred: `coder_payable:<user id>` for a coder paid personally,
   * `company_payable:<organization id>` for a coding company.
   */
  payable: (payee: Payee) => (payee.kind === PayeeKind.ORGANIZATION ? `company_payable:${payee.id}` : `coder_payable:${payee.id}`),
};

export class UnbalancedJournalError extends Error {}

@Injectable()
export class LedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Posts a balanced journal inside the caller's transaction. Returns false when a journal with
   * this reference exists already (the event was posted before), so callers can post idempotently.
   */
  async post(manager: EntityManager, journal: { reference: string; kind: string; contractId: string | null; entries: [account: string, amountCents: number][] }): Promise<boolean> {
    const total = journal.entries.reduce((sum, [, amount]) => sum + amount, 0);
    if (total !== 0 || journal.entries.some(([, amount]) => !Number.isInteger(amount))) throw new UnbalancedJournalError(`journal ${journal.reference} does not balance (${total})`);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(LedgerJournalEntity)
      .values({ reference: journal.reference, kind: journal.kind, contractId: journal.contractId })
      .orIgnore()
      .returning(['id'])
      .execute();
    const journalId = inserted.identifiers[0]?.id as string | undefined;
    if (!journalId) return false;
    await manager.getRepository(LedgerEntryEntity).insert(journal.entries.filter(([, amount]) => amount !== 0).map(([account, amount]) => ({ journalId, account, amountCents: amount })));
    return true;
  }

  /** What a payee was credited and paid: released net amounts still owed, and transfers made. */
  async payeeTotals(payee: Payee): Promise<{ availableCents: number; paidOutCents: number }> {
    const [row] = await queryRows<{ available: string; paid_out: string }>(
      this.dataSource,
      `SELECT coalesce(-sum(e.amount_cents), 0)::bigint AS available,
              coalesce(sum(e.amount_cents) FILTER (WHERE j.kind = 'transfer'), 0)::bigint AS paid_out
         FROM ledger_entries e JOIN ledger_journals j ON j.id = e.journal_id
        WHERE e.account = $1`,
      [ACCOUNTS.payable(payee)],
    );
    return { availableCents: readCents(row.available), paidOutCents: readCents(row.paid_out) };
  }

  /**
   * Per paying practice (`organization_id, released, funded`): the money released from escrow to its
   * coders (gross: what the practice paid for accepted work, platform fee included) and whether any
   * payment of it ever reached escrow (a funding posting), as a subquery for client reputation.
   * `contracts` is the contracts module's subquery of `(id, organization_id)`.
   */
  practiceMoney(contracts: { sql: string }): { sql: string } {
    return {
      sql: `SELECT c.organization_id,
              coalesce(sum(e.amount_cents) FILTER (WHERE j.kind = 'release'), 0)::bigint AS released,
              bool_or(j.kind = 'funding') AS funded
         FROM (${contracts.sql}) c
         JOIN ledger_journals j ON j.contract_id = c.id AND j.kind IN ('release', 'funding')
         JOIN ledger_entries e ON e.journal_id = j.id AND e.account = 'escrow:' || c.id
        GROUP BY c.organization_id`,
    };
  }

  /** Escrow still held on each of these contracts (0 for a contract without escrow entries). */
  async escrowHeld(contractIds: string[]): Promise<Map<string, number>> {
    const rows = contractIds.length
      ? await queryRows<{ account: string; held: string }>(this.dataSource, `SELECT account, -sum(amount_cents)::bigint AS held FROM ledger_entries WHERE account = ANY($1::text[]) GROUP BY account`, [
          contractIds.map(ACCOUNTS.escrow),
        ])
      : [];
    const byAccount = new Map(rows.map((row) => [row.account, readCents(row.held)]));
    return new Map(contractIds.map((id) => [id, byAccount.get(ACCOUNTS.escrow(id)) ?? 0]));
  }
}
