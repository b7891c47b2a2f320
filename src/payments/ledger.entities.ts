import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { bigintCents } from '../database/bigint-cents.transformer.js';

/**
 * One balanced movement of money. `reference` names the business event (`milestone:<id>:funded`),
 * so posting the same event twice is refused by the unique index. A deferred constraint trigger
 * (see the migration) rejects any transaction leaving a journal that does not sum to zero.
 */
@Entity('ledger_journals')
@Index('ledger_journals_reference_key', ['reference'], { unique: true })
@Index('ledger_journals_contract_id_idx', ['contractId'])
export class LedgerJournalEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'ledger_journals_pkey' })
  id: string;

  @Column({ type: 'text' })
  reference: string;

  /** funding | release | transfer | refund */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'uuid', nullable: true })
  contractId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** A signed amount on one account: positive is a debit, negative a credit. */
@Entity('ledger_entries')
@Index('ledger_entries_account_idx', ['account'])
@Index('ledger_entries_journal_id_idx', ['journalId'])
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'ledger_entries_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  journalId: string;

  @ManyToOne(() => LedgerJournalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'journal_id', foreignKeyConstraintName: 'ledger_entries_journal_id_fkey' })
  journal?: Relation<LedgerJournalEntity>;

  /** stripe_balance | platform_fees | escrow:<contract id> | coder_payable:<user id> | company_payable:<organization id> */
  @Column({ type: 'text' })
  account: string;

  /** Signed cents, debit positive; read as a number, refused (thrown) beyond Number.MAX_SAFE_INTEGER. */
  @Column({ type: 'bigint', transformer: bigintCents })
  amountCents: number;
}
