import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { byKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { eachOnItsOwn } from '../common/scheduling/each-on-its-own.js';
import { JobScheduler } from '../common/scheduling/job-scheduler.js';
import { ContractAccess, ContractParties } from '../contracts/contract-access.service.js';
import { ContractStatus } from '../contracts/contract-status.enum.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AuditLogService } from './audit-log.service.js';
import { CodedBatchEntity } from './coded-batch.entity.js';
import { DocumentEntity } from './document.entity.js';
import { DocumentStorage } from '../common/documents/document-storage.js';
import { AuditOutcome } from './audit-outcome.enum.js';
import { PhiDestructionEntity } from './phi-destruction.entity.js';

/**
 * Another module's PHI kept per contract (e.g. the claim-data payloads of the 837P export), destroyed
 * with the rest: `destroyForContract` runs in the destroying transaction, under the contract's lock,
 * and answers how many payloads it destroyed.
 */
export interface PhiStore {
  name: string;
  destroyForContract(manager: EntityManager, contractId: string): Promise<number>;
}

/** What a destruction keeps: facts, no PHI. Shown with the record. */
export const REMAINS_AFTER_DESTRUCTION = [
  'the contract, its terms, milestones, invoices, work logs and disputes',
  'document metadata (file name, type, size, uploader, time); the content and its key are gone',
  "coded batches' status, chart counts, reviews' times and accuracy audits (sampled, errors, notes); the encounters and review comments are gone",
  'the PHI audit log',
  'the BAA signatures',
];

/**
 * Retention and destruction of a contract's PHI. A contract ENDED more than `PHI_RETENTION_DAYS` ago
 * with no money left that a dispute could hold (`ContractsService.holdsMoney`) has, in one
 * transaction under its row lock (which openDispute takes too): its documents' data keys erased
 * (the stored ciphertext can never be read again), its coded batches' encounters and review comments
 * emptied, every registered PhiStore's payloads destroyed, a `phi_destructions` record (counts only)
 * and a PHI audit event (DESTROY_PHI) written. The stored files are deleted after commit; a file
 * whose deletion failed is retried by the next run. The record is the contract's key: of two
 * instances running at once, the second finds it and does nothing.
 */
@Injectable()
export class PhiRetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(PhiRetentionService.name);
  private readonly stores: PhiStore[] = [];

  constructor(
    @InjectRepository(PhiDestructionEntity) private readonly destructions: Repository<PhiDestructionEntity>,
    @InjectRepository(DocumentEntity) private readonly documents: Repository<DocumentEntity>,
    private readonly contracts: ContractsService,
    private readonly access: ContractAccess,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditLogService,
    private readonly transactions: TransactionRunner,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule('phi.destroy-expired', { cron: this.config.env.PHI_RETENTION_CRON }, () => this.destroyExpired());
  }

  /** Adds a PHI store whose payloads are destroyed with the contract's (call it from `onModuleInit`). */
  registerStore(store: PhiStore): void {
    if (this.stores.some((known) => known.name === store.name)) throw new Error(`PHI store ${store.name} is registered twice`);
    this.stores.push(store);
  }

  /** The scheduled run: destroys the PHI of every contract past its retention period; answers how many. */
  async destroyExpired(): Promise<number> {
    const days = this.config.env.PHI_RETENTION_DAYS;
    // The contracts module's subquery of ended contracts, its named parameters turned into positional ones.
    const ended = this.contracts.endedMoreThan(days);
    const [endedSql, parameters] = this.destructions.manager.connection.driver.escapeQueryWithParameters(ended.sql, ended.parameters);
    const candidates = await queryRows<{ id: string }>(
      this.destructions,
      `SELECT k.id FROM unnest(ARRAY(${endedSql})) AS k(id) WHERE NOT EXISTS (SELECT 1 FROM phi_destructions d WHERE d.contract_id = k.id) ORDER BY k.id`,
      parameters,
    );
    const destroyed = await eachOnItsOwn(
      candidates.map((row) => row.id),
      (id) => `destroying the PHI of contract ${id}`,
      (id) => this.destroyContract(id, days),
      this.logger,
    );
    await this.deleteLeftoverFiles();
    return destroyed;
  }

  /**
   * The destruction record of a contract, for its two parties (`contract.participate`: the practice's
   * OWNERs and ADMINs, the coder or the coding company's managers); null while its PHI is kept. Through
   * the request's DataLoaders: a page of contracts reads the records in one statement.
   */
  async loadRecordFor(loaders: RequestLoaders, actor: Actor, contract: ContractParties & { id: string }): Promise<PhiDestructionEntity | null> {
    await this.access.loadRequire(loaders, actor, contract, 'contract.participate');
    return loaders
      .get<string, PhiDestructionEntity | null>('phiDestructionByContract', async (contractIds) =>
        byKeys(contractIds, await this.destructions.findBy({ contractId: In([...contractIds]) }), (row) => row.contractId),
      )
      .load(contract.id);
  }

  private async destroyContract(contractId: string, days: number): Promise<boolean> {
    const storageKeys = await this.transactions.run(async (manager) => {
      const contract = await this.contracts.lockForUpdate(manager, contractId);
      const cutoff = Date.now() - days * 86_400_000;
      if (contract.status !== ContractStatus.ENDED || !contract.endedAt || contract.endedAt.getTime() > cutoff) return null;
      if (await this.contracts.holdsMoney(manager, contractId)) return null;
      if (await manager.getRepository(PhiDestructionEntity).existsBy({ contractId })) return null;

      const documents = await manager.getRepository(DocumentEntity).find({ select: { id: true, storageKey: true }, where: { contractId, destroyedAt: IsNull() } });
      await manager.getRepository(DocumentEntity).update({ contractId, destroyedAt: IsNull() }, { wrappedKey: null, destroyedAt: () => 'now()' });
      const [batches] = await queryRows<{ batches: number; encounters: number }>(
        manager,
        `SELECT count(*)::int AS batches, coalesce(sum(encounter_count), 0)::int AS encounters FROM coded_batches WHERE contract_id = $1`,
        [contractId],
      );
      await manager.getRepository(CodedBatchEntity).update({ contractId }, { encounters: [], reviewComments: [], warnings: [], chartKeys: [] });
      const otherStores: Record<string, number> = {};
      for (const store of this.stores) otherStores[store.name] = await store.destroyForContract(manager, contractId);
      const record = { contractId, contractEndedAt: contract.endedAt, retentionDays: days, documents: documents.length, batches: batches.batches, encounters: batches.encounters, otherStores };
      await manager.getRepository(PhiDestructionEntity).insert(record);
      const counts = [
        `${record.documents} document(s)`,
        `${record.batches} coded batch(es) with ${record.encounters} encounter(s)`,
        ...Object.entries(otherStores).map(([name, count]) => `${count} ${name}`),
      ];
      await this.audit.recordIn(
        manager,
        null,
        { ip: null, requestId: null },
        {
          contractId,
          subjectType: 'contract',
          subjectId: contractId,
          action: 'DESTROY_PHI',
          outcome: AuditOutcome.ALLOWED,
          detail: `retention of ${days} day(s) over: destroyed ${counts.join(', ')}`,
        },
      );
      return documents.map((document) => document.storageKey).filter((key) => key !== null);
    });
    if (!storageKeys) return false;
    await this.deleteFiles(storageKeys);
    return true;
  }

  /** Stored files (disk or bucket) of destroyed documents still there (a deletion that failed after its commit). */
  private async deleteLeftoverFiles(): Promise<void> {
    const leftovers = await this.documents.find({ select: { id: true, storageKey: true }, where: { destroyedAt: Not(IsNull()), storageKey: Not(IsNull()) } });
    await this.deleteFiles(leftovers.map((document) => document.storageKey!));
  }

  private async deleteFiles(storageKeys: string[]): Promise<void> {
    for (const key of storageKeys) {
      try {
        await this.storage.delete(key);
        await this.documents.update({ storageKey: key }, { storageKey: null });
      } catch (error) {
        this.logger.error({ err: error }, `a destroyed document's stored file could not be deleted yet; the next run tries again`);
      }
    }
  }
}
