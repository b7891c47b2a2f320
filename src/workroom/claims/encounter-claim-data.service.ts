import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { BadUserInputError, NotFoundError } from '../../common/errors/app-error.js';
import { todayUtc } from '../../common/scalars/local-date.scalar.js';
import { AppConfig } from '../../config/app-config.js';
import { zipDigits } from '../../domain/us-postal.js';
import { PostalAddressInput } from '../../organizations/dto/postal-address.input.js';
import { AuditContext } from '../audit-log.service.js';
import { CodedBatchEntity } from '../coded-batch.entity.js';
import { decryptDocument, encryptDocument } from '../../common/documents/envelope-crypto.js';
import { PhiRetentionService } from '../phi-retention.service.js';
import { WorkroomAccessService } from '../workroom-access.service.js';
import { ClaimPersonInput, EncounterClaimDataInput, SubscriberRelationship } from './dto/encounter-claim-data.input.js';
import { EncounterClaimDataStatus } from './dto/encounter-claim-data.model.js';
import type { ConnectionArgs, ConnectionShape } from '../../common/pagination/connection.js';
import { paginateList } from '../../common/pagination/offset-paginate.js';
import { EncounterClaimDataEntity } from './encounter-claim-data.entity.js';
import type { EncounterClaimPayload, X12Address, X12Person } from './x12-837p.js';

/** What the payload is bound to: its batch and encounter (the AEAD's associated data). */
const aadOf = (batchId: string, encounterIndex: number) => `claim-data:${batchId}:${encounterIndex}`;

/**
 * Seals one encounter's claim payload as stored (`ciphertext`, `wrappedKey`): the one place the
 * sealing is done, shared by `setEncounterClaimData` and the bench seed, so what the seed writes is
 * what the export decrypts.
 */
export function sealClaimPayload(masterKey: Buffer, batchId: string, encounterIndex: number, payload: EncounterClaimPayload): { ciphertext: Buffer; wrappedKey: Buffer } {
  return encryptDocument(masterKey, aadOf(batchId, encounterIndex), Buffer.from(JSON.stringify(payload)));
}

/**
 * The practice's claim data per encounter (patient, subscriber, payer): PHI, written and read by the
 * practice only (`contract.accept-work`: its OWNERs and ADMINs) through the workroom gate (audited,
 * BAA), stored encrypted like documents, never logged.
 */
@Injectable()
export class EncounterClaimDataService implements OnModuleInit {
  constructor(
    @InjectRepository(EncounterClaimDataEntity) private readonly rows: Repository<EncounterClaimDataEntity>,
    @InjectRepository(CodedBatchEntity) private readonly batches: Repository<CodedBatchEntity>,
    private readonly access: WorkroomAccessService,
    private readonly config: AppConfig,
    private readonly retention: PhiRetentionService,
  ) {}

  onModuleInit(): void {
    // Patient demographics are PHI: destroyed with the contract's documents and encounters after the retention period.
    this.retention.registerStore({ name: 'encounter claim data', destroyForContract: (manager, contractId) => this.destroyForContract(manager, contractId) });
  }

  /** Sets (or replaces) an encounter's claim data; every offending field named at once, nothing written then. */
  async set(actor: Actor, batchId: string, input: EncounterClaimDataInput, context: AuditContext): Promise<EncounterClaimDataStatus> {
    const batch = await this.forPractice(actor, batchId, context, 'SET_CLAIM_DATA', 'review');
    const encounterIndex = batch.encounters.findIndex((e) => e.chartRef === input.chartRef);
    if (encounterIndex < 0) throw new BadUserInputError('input.chartRef is not an encounter of this batch', ['input.chartRef']);
    const encounter = batch.encounters[encounterIndex];
    const problems: { path: string; message: string }[] = [];
    const checkBirth = (person: ClaimPersonInput, at: string) => {
      if (person.dateOfBirth > todayUtc()) problems.push({ path: `${at}.dateOfBirth`, message: `${at}.dateOfBirth is in the future` });
      else if (person.dateOfBirth < '1900-01-01') problems.push({ path: `${at}.dateOfBirth`, message: `${at}.dateOfBirth is before 1900` });
    };
    checkBirth(input.patient, 'input.patient');
    if (input.relationship === SubscriberRelationship.SELF && input.subscriber)
      problems.push({ path: 'input.subscriber', message: 'input.subscriber must be left out when the patient is the subscriber (SELF)' });
    if (input.relationship !== SubscriberRelationship.SELF && !input.subscriber)
      problems.push({ path: 'input.subscriber', message: `input.subscriber is required when the relationship is ${input.relationship}` });
    if (input.subscriber) checkBirth(input.subscriber, 'input.subscriber');
    if (input.cptChargeCents.length && input.cptChargeCents.length !== encounter.cpt.length)
      problems.push({ path: 'input.cptChargeCents', message: `input.cptChargeCents must have one charge per CPT line (${encounter.cpt.length}) or none` });
    if (input.hcpcsChargeCents.length && input.hcpcsChargeCents.length !== encounter.hcpcs.length)
      problems.push({ path: 'input.hcpcsChargeCents', message: `input.hcpcsChargeCents must have one charge per HCPCS line (${encounter.hcpcs.length}) or none` });
    if (problems.length)
      throw new BadUserInputError(
        problems.map((p) => p.message).join('; '),
        problems.map((p) => p.path),
      );

    const payload: EncounterClaimPayload = {
      patient: personOf(input.patient),
      relationship: input.relationship,
      subscriber: input.subscriber ? personOf(input.subscriber) : null,
      memberId: input.memberId,
      groupNumber: input.groupNumber ?? null,
      payerName: input.payerName,
      payerId: input.payerId,
      claimFilingIndicator: input.claimFilingIndicator,
      patientAccountNumber: input.patientAccountNumber ?? this.accountNumberOf(batchId, encounterIndex),
      renderingProvider: input.renderingProvider ? { lastName: input.renderingProvider.lastName, firstName: input.renderingProvider.firstName } : null,
      cptChargeCents: input.cptChargeCents,
      hcpcsChargeCents: input.hcpcsChargeCents,
    };
    const { ciphertext, wrappedKey } = sealClaimPayload(this.config.documentKey, batchId, encounterIndex, payload);
    // One statement: concurrent sets of one encounter leave one whole payload (the last), never two rows.
    await this.rows.upsert({ batchId, encounterIndex, contractId: batch.contractId, ciphertext, wrappedKey, updatedById: actor.id }, ['batchId', 'encounterIndex']);
    const row = await this.rows.findOneByOrFail({ batchId, encounterIndex });
    return { chartRef: encounter.chartRef, supplied: true, updatedAt: row.updatedAt };
  }

  /** Which encounters of a batch have claim data (the practice; audited, no PHI in the answer beyond the chart references). */
  async statuses(actor: Actor, batchId: string, args: ConnectionArgs, context: AuditContext): Promise<ConnectionShape<EncounterClaimDataStatus>> {
    const batch = await this.forPractice(actor, batchId, context, 'LIST_CLAIM_DATA', 'read');
    const rows = await this.rows.find({ select: { encounterIndex: true, updatedAt: true }, where: { batchId } });
    const at = new Map(rows.map((row) => [row.encounterIndex, row.updatedAt]));
    // A batch's encounters never change order: the position is a stable cursor.
    return paginateList(
      batch.encounters.map((e, i) => ({ chartRef: e.chartRef, supplied: at.has(i), updatedAt: at.get(i) ?? null })),
      args,
    );
  }

  /** One encounter's claim data, decrypted for the practice (audited as a PHI read). */
  async read(actor: Actor, batchId: string, chartRef: string, context: AuditContext): Promise<EncounterClaimPayload> {
    const batch = await this.forPractice(actor, batchId, context, 'READ_CLAIM_DATA', 'read');
    const encounterIndex = batch.encounters.findIndex((e) => e.chartRef === chartRef);
    const row = encounterIndex < 0 ? null : await this.rows.findOneBy({ batchId, encounterIndex });
    if (!row) throw new NotFoundError('Claim data');
    return this.open(row);
  }

  /** The decrypted payloads of a batch by encounter index, for a caller that passed the gate (the 837P export). */
  async payloadsOf(batchId: string): Promise<Map<number, EncounterClaimPayload>> {
    // The sealed columns only: 500 rows' timestamps and ids would be parsed into every export for nothing.
    const rows = await this.rows.find({ where: { batchId }, select: { batchId: true, encounterIndex: true, ciphertext: true, wrappedKey: true } });
    return new Map(rows.map((row) => [row.encounterIndex, this.open(row)]));
  }

  /** Destroys the claim payloads of a contract's batches (PHI retention); returns how many. */
  async destroyForContract(manager: EntityManager, contractId: string): Promise<number> {
    const result = await manager.getRepository(EncounterClaimDataEntity).delete({ contractId });
    return result.affected ?? 0;
  }

  private open(row: EncounterClaimDataEntity): EncounterClaimPayload {
    return JSON.parse(decryptDocument(this.config.documentKey, aadOf(row.batchId, row.encounterIndex), row.wrappedKey, row.ciphertext).toString('utf8')) as EncounterClaimPayload;
  }

  /**
   * The default patient account number (CLM01): opaque, the same for an encounter every time, and not
   * derived from anything a reader of the file could reverse (a keyed hash of the batch and position).
   */
  private accountNumberOf(batchId: string, encounterIndex: number): string {
    // A key of its own, derived from the master key, so the master key is used for one thing only.
    const key = createHmac('sha256', this.config.documentKey).update('chartbridge claim account numbers').digest();
    return `CB${createHmac('sha256', key).update(`account:${batchId}:${encounterIndex}`).digest('hex').slice(0, 16).toUpperCase()}`;
  }

  private async forPractice(actor: Actor, batchId: string, context: AuditContext, action: string, mode: 'read' | 'review'): Promise<CodedBatchEntity> {
    const batch = await this.batches.findOneBy({ id: batchId });
    if (!batch) throw new NotFoundError('Coded batch');
    await this.access.require(actor, batch.contractId, { mode, permission: 'contract.accept-work', subject: 'Coded batch' }, context, { subjectType: 'batch', subjectId: batchId, action });
    return batch;
  }
}

const addressOf = (address: PostalAddressInput): X12Address => ({ line1: address.line1, line2: address.line2 ?? null, city: address.city, state: address.state, zip: zipDigits(address.zip) });

const personOf = (person: ClaimPersonInput): X12Person => ({
  lastName: person.lastName,
  firstName: person.firstName,
  middleName: person.middleName ?? null,
  dateOfBirth: person.dateOfBirth,
  gender: person.gender,
  address: addressOf(person.address),
});
