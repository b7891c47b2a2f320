import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { ContractAccess } from '../contracts/contract-access.service.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { AuditOutcome } from './audit-outcome.enum.js';
import { byCreatedAt, paginate } from '../common/pagination/paginate.js';

export interface AuditContext {
  ip: string | null;
  requestId: string | null;
}

export interface AuditRecord {
  contractId: string | null;
  subjectType: 'document' | 'batch' | 'contract' | 'subcontractor-baa';
  subjectId: string | null;
  action: string;
  outcome: AuditOutcome;
  detail?: string;
}

const GENESIS = '0'.repeat(64);
// One advisory lock serializes appends, so each event links to exactly the previous one.
const CHAIN_LOCK = 7_201_134;

function hashOf(prevHash: string, event: Omit<AuditEventEntity, 'id' | 'hash' | 'prevHash' | 'createdAt'> & { createdAt: string }): string {
  const canonical = JSON.stringify([
    event.seq,
    event.actorId,
    event.actorRole,
    event.contractId,
    event.subjectType,
    event.subjectId,
    event.action,
    event.outcome,
    event.detail,
    event.ip,
    event.requestId,
    event.createdAt,
  ]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

@Injectable()
export class AuditLogService {
  constructor(
    @InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>,
    private readonly contracts: ContractAccess,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Appends an event in its own transaction, so denials are recorded even when the request then fails. */
  async record(actor: Actor | null, context: AuditContext, record: AuditRecord): Promise<void> {
    await this.transactions.run((manager) => this.recordIn(manager, actor, context, record));
  }

  /** Appends an event in the caller's transaction: it is kept exactly when what it records is (a PHI destruction). */
  async recordIn(manager: EntityManager, actor: Actor | null, context: AuditContext, record: AuditRecord): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const [last] = await queryRows<{ seq: string; hash: string }>(manager, 'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
    const createdAt = new Date();
    const event = {
      seq: String(Number(last?.seq ?? 0) + 1),
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      contractId: record.contractId,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      action: record.action,
      outcome: record.outcome,
      detail: record.detail ?? null,
      ip: context.ip,
      requestId: context.requestId,
    };
    const prevHash = last?.hash ?? GENESIS;
    const hash = hashOf(prevHash, { ...event, createdAt: createdAt.toISOString() });
    await manager.getRepository(AuditEventEntity).insert({ ...event, prevHash, hash, createdAt });
  }

  /** A contract's audit log, newest first, for those who may read the contract (its parties and admins). */
  async listForContract(actor: Actor, contractId: string, args: ConnectionArgs): Promise<ConnectionShape<AuditEventEntity>> {
    await this.contracts.require(actor, contractId, 'contract.read');
    return this.list(args, contractId);
  }

  list(args: ConnectionArgs, contractId?: string): Promise<ConnectionShape<AuditEventEntity>> {
    const query = this.events.createQueryBuilder('a');
    if (contractId) query.where('a.contract_id = :contractId', { contractId });
    return paginate(query, args, byCreatedAt('a', 'DESC'));
  }

  /** Recomputes the chain from the start; returns the seq of the first broken link, or null when intact. */
  async firstBrokenLink(): Promise<string | null> {
    const rows = await this.events.find({ order: { seq: 'ASC' } });
    let prev = GENESIS;
    for (const row of rows) {
      const expected = hashOf(prev, { ...row, createdAt: row.createdAt.toISOString() });
      if (row.prevHash !== prev || row.hash !== expected) return row.seq;
      prev = row.hash;
    }
    return null;
  }
}

export const auditContextOf = (request: { ip?: string; id?: string | number } | undefined): AuditContext => ({
  ip: request?.ip ?? null,
  requestId: request?.id !== undefined ? String(request.id) : null,
});
