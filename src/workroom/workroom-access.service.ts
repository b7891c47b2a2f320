import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, Repository } from 'typeorm';
import type { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { paginate } from '../common/pagination/paginate.js';
import type { Actor } from '../common/auth/actor.js';
import { AppError, ConflictError, NotFoundError } from '../common/errors/app-error.js';
import { groupByKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { CoderProfilesService } from '../coders/coder-profiles.service.js';
import { queryRows } from '../database/query-rows.js';
import { ContractAccess, ContractSide } from '../contracts/contract-access.service.js';
import { ContractEntity } from '../contracts/contract.entity.js';
import { ContractStatus } from '../contracts/contract-status.enum.js';
import { OrganizationAccess } from '../organizations/organization-access.service.js';
import { OrganizationKind } from '../organizations/organization.enums.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { AuditContext, AuditLogService, AuditRecord } from './audit-log.service.js';
import { CURRENT_BAA } from './baa/agreements.js';
import { BaaSignatureEntity } from './baa-signature.entity.js';
import { PhiDestructionEntity } from './phi-destruction.entity.js';
import { AuditOutcome } from './audit-outcome.enum.js';
import { SubcontractorBaaEntity } from './subcontractor-baa.entity.js';

/** The version new signatures sign (kept for existing imports). */
export const BAA_VERSION = CURRENT_BAA.version;

export interface BaaState {
  providerSignedAt: Date | null;
  coderSignedAt: Date | null;
  /** The version both parties signed; the current version until they have. */
  agreementVersion: string;
  agreementSha256: string;
  required: boolean;
  complete: boolean;
  /** Through a coding company: whether its coder's subcontractor BAA with the company is signed and countersigned; null otherwise. */
  subcontractorBaa: boolean | null;
}

/** The contract fields the BAA decision reads. */
export type BaaSubject = Pick<ContractEntity, 'id' | 'baaRequired' | 'coderId' | 'codingCompanyId'>;

/**
 * Signatures are for the version they name: the BAA on a contract is complete when both parties
 * signed the same version (a contract signed under an earlier version stays signed under it). A new
 * signature always signs the current version; a party whose signature names another version than the
 * other party's signs again (signBaa replaces it).
 */
function baaStateOf(signatures: BaaSignatureEntity[], required: boolean, subcontractorBaa: boolean | null): BaaState {
  const provider = signatures.find((row) => row.party === 'provider') ?? null;
  const coder = signatures.find((row) => row.party === 'coder') ?? null;
  const agreed = Boolean(provider && coder && provider.agreementVersion === coder.agreementVersion);
  const agreementVersion = agreed ? provider!.agreementVersion : CURRENT_BAA.version;
  const agreementSha256 = (agreed ? (provider!.agreementSha256 ?? coder!.agreementSha256) : null) ?? CURRENT_BAA.sha256;
  return {
    providerSignedAt: provider?.signedAt ?? null,
    coderSignedAt: coder?.signedAt ?? null,
    agreementVersion,
    agreementSha256,
    required,
    complete: agreed,
    subcontractorBaa,
  };
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
 * company signing for its coder; admins are FORBIDDEN, others NOT_FOUND); then, on the coder side,
 * exclusion screening (CONFLICT, reason SCREENING_HOLD, while the caller or the contract's coder is
 * held); then whether its PHI was
 * destroyed after the retention period (CONFLICT, reason PHI_DESTROYED); then its state (writing
 * while ACTIVE, reviewing while ACTIVE or PAUSED, reading while ACTIVE, PAUSED or DISPUTED: CONFLICT
 * otherwise); then the BAA: both parties' signatures of one version on every contract whose work reads
 * PHI (`contracts.baa_required`), and, for the coder of a coding company's contract, the coder's
 * subcontractor BAA with the company, signed and countersigned (CONFLICT until then). Every decision is audited.
 */
@Injectable()
export class WorkroomAccessService {
  constructor(
    @InjectRepository(BaaSignatureEntity) private readonly signatures: Repository<BaaSignatureEntity>,
    @InjectRepository(SubcontractorBaaEntity) private readonly subcontractorBaas: Repository<SubcontractorBaaEntity>,
    @InjectRepository(PhiDestructionEntity) private readonly destructions: Repository<PhiDestructionEntity>,
    private readonly contracts: ContractAccess,
    private readonly organizations: OrganizationAccess,
    private readonly organizationsService: OrganizationsService,
    private readonly profiles: CoderProfilesService,
    private readonly audit: AuditLogService,
  ) {}

  async require(actor: Actor, contractId: string, need: PhiNeed, context: AuditContext, record: Omit<AuditRecord, 'contractId' | 'outcome'>): Promise<ContractEntity & { side: ContractSide }> {
    try {
      const { contract, standing: side } = await this.contracts.require(actor, contractId, need.permission ?? 'contract.phi', need.subject);
      if (side === 'coder') await this.requireNotHeld(actor, contract);
      const destroyed = await this.destructions.findOneBy({ contractId });
      if (destroyed)
        throw new ConflictError(
          `The PHI of this contract was destroyed on ${destroyed.destroyedAt.toISOString()}, ${destroyed.retentionDays} days after the contract ended (see Contract.phiDestruction)`,
          {
            reason: 'PHI_DESTROYED',
          },
        );
      const open = OPEN_FOR[need.mode];
      if (!open.includes(contract.status))
        throw new ConflictError(
          `This contract is ${contract.status}: its PHI is ${need.mode === 'read' ? 'closed' : `${need.mode === 'write' ? 'written' : 'reviewed'} only while it is ${open.join(' or ')}`}`,
        );
      const baa = await this.baaState(contract);
      if (baa.required && !baa.complete) throw new ConflictError('Both parties must sign the BAA (signBaa) before PHI is exchanged on this contract', { reason: 'BAA_NOT_SIGNED' });
      if (side === 'coder' && contract.codingCompanyId && actor.id === contract.coderId && !(await this.hasSubcontractorBaa(contract.codingCompanyId, actor.id)))
        throw new ConflictError(
          "You work this contract for a coding company: sign its subcontractor BAA (signSubcontractorBaa), and have an OWNER or ADMIN of the company countersign it, before touching the contract's PHI",
          { reason: 'SUBCONTRACTOR_BAA_NOT_SIGNED' },
        );
      await this.audit.record(actor, context, { ...record, contractId, outcome: AuditOutcome.ALLOWED });
      return Object.assign(contract, { side });
    } catch (error) {
      if (error instanceof AppError) await this.audit.record(actor, context, { ...record, contractId, outcome: AuditOutcome.DENIED, detail: error.message });
      throw error;
    }
  }

  /**
   * A party signs the current BAA (idempotent per party and version); recorded with signer, version,
   * the SHA-256 of the text, time and IP. A signature of another version is replaced.
   */
  async sign(actor: Actor, contractId: string, context: AuditContext): Promise<ContractEntity> {
    const { contract, standing: side } = await this.contracts.require(actor, contractId, 'contract.phi');
    if (![ContractStatus.ACTIVE, ContractStatus.PAUSED].includes(contract.status)) throw new ConflictError(`This contract is ${contract.status}`);
    const signed = { signerId: actor.id, agreementVersion: CURRENT_BAA.version, agreementSha256: CURRENT_BAA.sha256, ip: context.ip };
    await this.signatures
      .createQueryBuilder()
      .insert()
      .values({ contractId, party: side, ...signed })
      .orIgnore()
      .execute();
    await this.signatures
      .createQueryBuilder()
      .update()
      .set({ ...signed, signedAt: () => 'now()' })
      .where('contract_id = :contractId AND party = :side AND agreement_version <> :version', { contractId, side, version: CURRENT_BAA.version })
      .execute();
    await this.audit.record(actor, context, {
      contractId,
      subjectType: 'contract',
      subjectId: contractId,
      action: 'SIGN_BAA',
      outcome: AuditOutcome.ALLOWED,
      detail: `${CURRENT_BAA.version} sha256:${CURRENT_BAA.sha256}`,
    });
    return contract;
  }

  async baaState(contract: BaaSubject): Promise<BaaState> {
    const [rows, subcontractor] = await Promise.all([this.signatures.findBy({ contractId: contract.id }), this.subcontractorState(contract)]);
    // A contract object read without the column (none today) counts as requiring it.
    return baaStateOf(rows, contract.baaRequired ?? true, subcontractor);
  }

  /** `baaState` through the request's DataLoaders: a page of contracts reads its signatures in one statement. */
  async loadBaaState(loaders: RequestLoaders, contract: BaaSubject): Promise<BaaState> {
    const signatures = loaders.get<string, BaaSignatureEntity[]>('baaSignaturesByContract', async (contractIds) =>
      groupByKeys(contractIds, await this.signatures.findBy({ contractId: In([...contractIds]) }), (row) => row.contractId),
    );
    const countersigned = loaders.get<string, boolean>('countersignedSubcontractorBaas', async (keys) => {
      const pairs = keys.map((key) => key.split(':'));
      const rows = await queryRows<{ key: string }>(
        this.subcontractorBaas,
        `SELECT DISTINCT organization_id || ':' || coder_id AS key FROM subcontractor_baas
          WHERE countersigned_at IS NOT NULL AND (organization_id, coder_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
        [pairs.map(([organizationId]) => organizationId), pairs.map(([, coderId]) => coderId)],
      );
      const found = new Set(rows.map((row) => row.key));
      return keys.map((key) => found.has(key));
    });
    const [rows, subcontractor] = await Promise.all([
      signatures.load(contract.id),
      contract.codingCompanyId ? countersigned.load(`${contract.codingCompanyId}:${contract.coderId}`) : Promise.resolve(null),
    ]);
    // A contract object read without the column (none today) counts as requiring it.
    return baaStateOf(rows, contract.baaRequired ?? true, subcontractor);
  }

  /** The coder signs the coding company's subcontractor BAA (current version); idempotent. The coder must be an ACTIVE member of the company. */
  async signSubcontractor(actor: Actor, organizationId: string, context: AuditContext): Promise<SubcontractorBaaEntity> {
    await this.organizations.require(actor, organizationId, 'organization.work');
    await this.requireCodingCompany(organizationId);
    await this.subcontractorBaas
      .createQueryBuilder()
      .insert()
      .values({ organizationId, coderId: actor.id, agreementVersion: CURRENT_BAA.version, agreementSha256: CURRENT_BAA.sha256, coderIp: context.ip })
      .orIgnore()
      .execute();
    const row = await this.subcontractorBaas.findOneByOrFail({ organizationId, coderId: actor.id, agreementVersion: CURRENT_BAA.version });
    await this.audit.record(actor, context, {
      contractId: null,
      subjectType: 'subcontractor-baa',
      subjectId: row.id,
      action: 'SIGN_SUBCONTRACTOR_BAA',
      outcome: AuditOutcome.ALLOWED,
      detail: `${CURRENT_BAA.version} sha256:${CURRENT_BAA.sha256}`,
    });
    return row;
  }

  /** An OWNER or ADMIN of the coding company countersigns a coder's signed subcontractor BAA (idempotent); NOT_FOUND until the coder signed. */
  async countersignSubcontractor(actor: Actor, organizationId: string, coderId: string, context: AuditContext): Promise<SubcontractorBaaEntity> {
    await this.organizations.requireMoneyAct(actor, organizationId, 'organization.manage');
    await this.requireCodingCompany(organizationId);
    const row = await this.subcontractorBaas.findOne({ where: { organizationId, coderId }, order: { coderSignedAt: 'DESC' } });
    if (!row) throw new NotFoundError('Subcontractor BAA');
    await this.subcontractorBaas
      .createQueryBuilder()
      .update()
      .set({ countersignedById: actor.id, countersignedAt: () => 'now()', countersignerIp: context.ip })
      .where('id = :id AND countersigned_at IS NULL', { id: row.id })
      .execute();
    await this.audit.record(actor, context, { contractId: null, subjectType: 'subcontractor-baa', subjectId: row.id, action: 'COUNTERSIGN_SUBCONTRACTOR_BAA', outcome: AuditOutcome.ALLOWED });
    return this.subcontractorBaas.findOneByOrFail({ id: row.id });
  }

  /** The company's subcontractor BAAs: all of them for its OWNERs and ADMINs, a MEMBER's own for a MEMBER; NOT_FOUND for non-members. */
  async listSubcontractor(actor: Actor, organizationId: string, args: ConnectionArgs): Promise<ConnectionShape<SubcontractorBaaEntity>> {
    await this.organizations.require(actor, organizationId, 'organization.work', 'Organization');
    const manages = await this.organizations
      .require(actor, organizationId, 'organization.manage')
      .then(() => true)
      .catch((error: unknown) => {
        if (error instanceof AppError) return false;
        throw error;
      });
    const baas = this.subcontractorBaas.createQueryBuilder('s').where('s.organizationId = :organizationId', { organizationId });
    if (!manages) baas.andWhere('s.coderId = :coderId', { coderId: actor.id });
    return paginate(baas, args, { sortColumn: 's.coderSignedAt', idColumn: 's.id', direction: 'DESC', sortValue: (row) => row.coderSignedAt, idValue: (row) => row.id });
  }

  /**
   * Exclusion screening (docs/screening.md): a coder whose profile is held, OPEN or CONFIRMED alike,
   * touches no PHI on any contract, old ones included, until an admin clears the hold; nor does
   * anyone else on the coder side (a coding company's OWNER or ADMIN) while the contract's coder is
   * held: the company gives the contract to another coder (`reassignContractCoder`) to go on.
   */
  private async requireNotHeld(actor: Actor, contract: ContractEntity): Promise<void> {
    if (await this.profiles.isScreeningHeld(actor.id))
      throw new ConflictError('Your coder profile is on hold pending exclusion screening review: PHI is closed to you until it is cleared', { reason: 'SCREENING_HOLD' });
    if (actor.id !== contract.coderId && (await this.profiles.isScreeningHeld(contract.coderId)))
      throw new ConflictError("This contract's coder is on hold pending exclusion screening review: give the contract to another coder (reassignContractCoder) to go on", {
        reason: 'SCREENING_HOLD',
      });
  }

  private async requireCodingCompany(organizationId: string): Promise<void> {
    const organization = await this.organizationsService.findById(organizationId);
    if (organization?.kind !== OrganizationKind.CODING_COMPANY) throw new ConflictError('Subcontractor BAAs are between a coding company and its coders: this organization is not a coding company');
  }

  private hasSubcontractorBaa(organizationId: string, coderId: string): Promise<boolean> {
    return this.subcontractorBaas.existsBy({ organizationId, coderId, countersignedAt: Not(IsNull()) });
  }

  private subcontractorState(contract: BaaSubject): Promise<boolean | null> {
    return contract.codingCompanyId ? this.hasSubcontractorBaa(contract.codingCompanyId, contract.coderId) : Promise.resolve(null);
  }
}
