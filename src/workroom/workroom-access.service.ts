import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { AppError, ConflictError } from '../common/errors/app-error.js';
import { groupByKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { ContractAccess, ContractSide } from '../contracts/contract-access.service.js';
import { ContractEntity } from '../contracts/contract.entity.js';
import { ContractStatus } from '../contracts/contract-status.enum.js';
import { JobPostingsService } from '../jobs/job-postings.service.js';
import { AuditContext, AuditLogService, AuditRecord } from './audit-log.service.js';
import { BaaSignatureEntity } from './baa-signature.entity.js';

export const BAA_VERSION = 'ChartBridge Business Associate Agreement v1 (2026-11)';

export interface BaaState {
  providerSignedAt: Date | null;
  coderSignedAt: Date | null;
  agreementVersion: string;
  required: boolean;
  complete: boolean;
}

function baaStateOf(signatures: BaaSignatureEntity[], required: boolean): BaaState {
  const at = (party: string) => signatures.find((row) => row.party === party)?.signedAt ?? null;
  const providerSignedAt = at('provider');
  const coderSignedAt = at('coder');
  return { providerSignedAt, coderSignedAt, agreementVersion: BAA_VERSION, required, complete: Boolean(providerSignedAt && coderSignedAt) };
}

/** The contract states in which each kind of workroom access is open. */
const OPEN_FOR: Record<PhiNeed['mode'], ContractStatus[]> = {
  read: [ContractStatus.ACTIVE, ContractStatus.PAUSED, ContractStatus.DISPUTED],
  review: [ContractStatus.ACTIVE, ContractStatus.PAUSED],
  write: [ContractStatus.ACTIVE],
};

/** What a workroom operation needs, besides the caller. */
export interface PhiNeed {
  /**
   * `read` while the contract is ACTIVE, PAUSED or DISPUTED; `review` (the practice judging work
   * already returned) while ACTIVE or PAUSED; `write` (new work and documents) only while ACTIVE.
   */
  mode: 'read' | 'review' | 'write';
  /** `contract.phi` (either party) unless one side's act: `contract.work` (the coder), `contract.accept-work` (the practice). */
  permission?: 'contract.phi' | 'contract.work' | 'contract.accept-work';
  /** What NOT_FOUND calls the object asked for (a document, a batch); the contract by default. */
  subject?: string;
}

/**
 * Who may touch a contract's PHI, and when: the contract gate first (its two parties, a coding
 * company signing for its coder; admins are FORBIDDEN, others NOT_FOUND); then its state (writing
 * while ACTIVE, reviewing while ACTIVE or PAUSED, reading while ACTIVE, PAUSED or DISPUTED: CONFLICT otherwise); and, when the posting
 * requires it, both parties' BAA signatures (CONFLICT until then). Every decision is audited.
 */
@Injectable()
export class WorkroomAccessService {
  constructor(
    @InjectRepository(BaaSignatureEntity) private readonly signatures: Repository<BaaSignatureEntity>,
    private readonly contracts: ContractAccess,
    private readonly postings: JobPostingsService,
    private readonly audit: AuditLogService,
  ) {}

  async require(actor: Actor, contractId: string, need: PhiNeed, context: AuditContext, record: Omit<AuditRecord, 'contractId' | 'outcome'>): Promise<ContractEntity & { side: ContractSide }> {
    try {
      const { contract, standing: side } = await this.contracts.require(actor, contractId, need.permission ?? 'contract.phi', need.subject);
      const open = OPEN_FOR[need.mode];
      if (!open.includes(contract.status))
        throw new ConflictError(
          `This contract is ${contract.status}: its PHI is ${need.mode === 'read' ? 'closed' : `${need.mode === 'write' ? 'written' : 'reviewed'} only while it is ${open.join(' or ')}`}`,
        );
      const baa = await this.baaState(contract);
      if (baa.required && !baa.complete) throw new ConflictError('Both parties must sign the BAA (signBaa) before PHI is exchanged on this contract');
      await this.audit.record(actor, context, { ...record, contractId, outcome: 'ALLOWED' });
      return Object.assign(contract, { side });
    } catch (error) {
      if (error instanceof AppError) await this.audit.record(actor, context, { ...record, contractId, outcome: 'DENIED', detail: error.message });
      throw error;
    }
  }

  /** A party signs the BAA (idempotent per party); recorded with signer, agreement version, time and IP. */
  async sign(actor: Actor, contractId: string, context: AuditContext): Promise<ContractEntity> {
    const { contract, standing: side } = await this.contracts.require(actor, contractId, 'contract.phi');
    if (![ContractStatus.ACTIVE, ContractStatus.PAUSED].includes(contract.status)) throw new ConflictError(`This contract is ${contract.status}`);
    await this.signatures.createQueryBuilder().insert().values({ contractId, party: side, signerId: actor.id, agreementVersion: BAA_VERSION, ip: context.ip }).orIgnore().execute();
    await this.audit.record(actor, context, { contractId, subjectType: 'contract', subjectId: contractId, action: 'SIGN_BAA', outcome: 'ALLOWED' });
    return contract;
  }

  async baaState(contract: Pick<ContractEntity, 'id' | 'jobPostingId'>): Promise<BaaState> {
    const [rows, posting] = await Promise.all([this.signatures.findBy({ contractId: contract.id }), this.postings.findById(contract.jobPostingId)]);
    return baaStateOf(rows, Boolean(posting?.requiresBaa));
  }

  /** `baaState` through the request's DataLoaders: a page of contracts reads its signatures and postings in one statement each. */
  async loadBaaState(loaders: RequestLoaders, contract: Pick<ContractEntity, 'id' | 'jobPostingId'>): Promise<BaaState> {
    const signatures = loaders.get<string, BaaSignatureEntity[]>('baaSignaturesByContract', async (contractIds) =>
      groupByKeys(contractIds, await this.signatures.findBy({ contractId: In([...contractIds]) }), (row) => row.contractId),
    );
    const [rows, posting] = await Promise.all([signatures.load(contract.id), this.postings.loadById(loaders, contract.jobPostingId)]);
    return baaStateOf(rows, Boolean(posting?.requiresBaa));
  }
}
