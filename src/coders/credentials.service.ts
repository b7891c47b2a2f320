import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { eachOnItsOwn } from '../common/scheduling/each-on-its-own.js';
import { JobScheduler } from '../common/scheduling/job-scheduler.js';
import { AppConfig } from '../config/app-config.js';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationKind } from '../notifications/notification-kind.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { groupByKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { byCreatedAt, paginate } from '../common/pagination/paginate.js';
import { todayUtc } from '../common/scalars/local-date.scalar.js';
import { randomUUID } from 'node:crypto';
import { TamperedCiphertextError } from '../common/crypto/aead.js';
import { DocumentMissingError, DocumentStorage, DocumentStorageUnavailableError } from '../common/documents/document-storage.js';
import { contentDigest } from '../common/documents/content-digest.js';
import { decryptDocument, encryptDocument } from '../common/documents/envelope-crypto.js';
import type { IncomingDocument } from '../common/documents/multipart-document.js';
import { UploadSlots } from '../common/documents/upload-slots.js';
import { byKeys } from '../common/loaders/request-loaders.js';
import { UserRole } from '../domain/user-role.enum.js';
import { CredentialType } from '../domain/credential-type.enum.js';
import { APPRENTICE_FULL, credentialDateProblem, credentialStanding, CredentialStanding } from '../domain/credential-rules.js';
import { CredentialChangeEntity, CredentialChangeKind, CredentialChangeStatus } from './credential-change.entity.js';
import { CredentialDocumentEntity } from './credential-document.entity.js';
import { CredentialEntity, CredentialReviewStatus } from './credential.entity.js';
import { AddCredentialInput, RenewCredentialInput, RequestApprenticeConversionInput, ReviewCredentialChangeArgs, UpdateCredentialInput, VerifyCredentialArgs } from './dto/credential.inputs.js';

/** SQL selecting, for a `coder_profiles p` row, the coder's credentials as a JSON array, oldest first. */
export const CREDENTIALS_JSON = `(SELECT coalesce(json_agg(c ORDER BY c.created_at), '[]') FROM credentials c WHERE c.coder_id = p.user_id)`;

/** A `credentials` row as `json_agg` renders it (column names, dates and times as strings). */
export interface CredentialJson {
  id: string;
  coder_id: string;
  type: CredentialType;
  number: string;
  issued_on: string;
  expires_on: string | null;
  membership_expires_on: string | null;
  evidence_document_id: string | null;
  status: CredentialReviewStatus;
  reviewed_by_id: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  expiry_reminded_at: string | null;
  created_at: string;
  updated_at: string;
}

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

function credentialFromJson(row: CredentialJson): CredentialEntity {
  return {
    id: row.id,
    coderId: row.coder_id,
    type: row.type,
    number: row.number,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    membershipExpiresOn: row.membership_expires_on,
    evidenceDocumentId: row.evidence_document_id,
    status: row.status,
    reviewedById: row.reviewed_by_id,
    reviewedAt: dateOrNull(row.reviewed_at),
    reviewNote: row.review_note,
    expiryRemindedAt: dateOrNull(row.expiry_reminded_at),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** Another module's check before a credential of `coderId` is approved (exclusion screening); it throws to refuse. */
export type ApprovalCheck = (coderId: string) => Promise<void>;

@Injectable()
export class CredentialsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CredentialsService.name);
  private readonly approvalChecks: ApprovalCheck[] = [];

  constructor(
    @InjectRepository(CredentialEntity) private readonly credentials: Repository<CredentialEntity>,
    @InjectRepository(CredentialDocumentEntity) private readonly documents: Repository<CredentialDocumentEntity>,
    @InjectRepository(CredentialChangeEntity) private readonly changes: Repository<CredentialChangeEntity>,
    private readonly storage: DocumentStorage,
    private readonly uploadSlots: UploadSlots,
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationsService,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule('credentials.remind-expiring', { cron: this.config.env.CREDENTIAL_REMINDER_CRON }, () => this.remindExpiring());
  }

  /** A new credential starts PENDING; one live (pending or verified) credential per type and coder. */
  async add(actor: Actor, input: AddCredentialInput): Promise<CredentialEntity> {
    checkDates(input.type, { issuedOn: input.issuedOn, expiresOn: input.expiresOn ?? null, membershipExpiresOn: input.membershipExpiresOn ?? null }, 'input');
    if (input.evidenceDocumentId) await this.requireOwnDocument(actor, input.evidenceDocumentId, 'input.evidenceDocumentId');
    try {
      return await this.credentials.save({
        coderId: actor.id,
        type: input.type,
        number: input.number,
        issuedOn: input.issuedOn,
        expiresOn: input.expiresOn ?? null,
        membershipExpiresOn: input.membershipExpiresOn ?? null,
        evidenceDocumentId: input.evidenceDocumentId ?? null,
        status: CredentialReviewStatus.PENDING,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'credentials_live_type_key')) throw new ConflictError(`You already have a ${input.type} credential on file: update it instead`);
      throw error;
    }
  }

  /** Any change sends the credential back to PENDING: staff must check the new number or dates. */
  async update(actor: Actor, id: string, input: UpdateCredentialInput): Promise<CredentialEntity> {
    const credential = await this.findOwnOrFail(actor, id);
    const next = {
      number: input.number ?? credential.number,
      issuedOn: input.issuedOn ?? credential.issuedOn,
      expiresOn: input.expiresOn === undefined ? credential.expiresOn : input.expiresOn,
      membershipExpiresOn: input.membershipExpiresOn === undefined ? credential.membershipExpiresOn : input.membershipExpiresOn,
      evidenceDocumentId: input.evidenceDocumentId ?? credential.evidenceDocumentId,
    };
    checkDates(credential.type, next, 'input');
    if (input.evidenceDocumentId) await this.requireOwnDocument(actor, input.evidenceDocumentId, 'input.evidenceDocumentId');
    try {
      await this.credentials.update({ id }, { ...next, status: CredentialReviewStatus.PENDING, reviewedById: null, reviewedAt: null, reviewNote: null, expiryRemindedAt: null });
    } catch (error) {
      if (isUniqueViolation(error, 'credentials_live_type_key')) throw new ConflictError(`You already have a live ${credential.type} credential`);
      throw error;
    }
    return this.credentials.findOneByOrFail({ id });
  }

  listForCoder(coderId: string): Promise<CredentialEntity[]> {
    return this.credentials.find({ where: { coderId }, order: { createdAt: 'ASC' } });
  }

  /** Loads all credentials of a coder (by user id) through the request's DataLoader. */
  loadForCoder(loaders: RequestLoaders, coderId: string): Promise<CredentialEntity[]> {
    return this.loader(loaders).load(coderId);
  }

  /**
   * Hands credentials a list query already fetched (as `CREDENTIALS_JSON`) to the request's
   * DataLoader, so the `credentials` field of those coders costs no further query.
   */
  primeForCoder(loaders: RequestLoaders, coderId: string, json: CredentialJson[]): void {
    this.loader(loaders).prime(coderId, json.map(credentialFromJson));
  }

  private loader(loaders: RequestLoaders) {
    return loaders.get<string, CredentialEntity[]>('credentialsByCoder', async (ids) => {
      const rows = await this.credentials.find({ where: { coderId: In([...ids]) }, order: { createdAt: 'ASC' } });
      return groupByKeys(ids, rows, (row) => row.coderId);
    });
  }

  /** The credential types that count for a coder (`credentialStanding`: verified, in cycle, membership kept). */
  async countingTypes(coderId: string): Promise<CredentialType[]> {
    const today = todayUtc();
    return (await this.listForCoder(coderId)).filter((c) => credentialStanding(c, today).active).map((c) => c.type);
  }

  /**
   * `countingTypes` in the caller's transaction, share-locking the coder's credential rows: a review,
   * update or withdrawal of one of them waits for the caller's commit (a hire decided on them stands on them).
   */
  async lockCountingTypes(manager: EntityManager, coderId: string): Promise<CredentialType[]> {
    const today = todayUtc();
    const rows = await manager.getRepository(CredentialEntity).find({ where: { coderId }, order: { createdAt: 'ASC' }, lock: { mode: 'pessimistic_read' } });
    return rows.filter((c) => credentialStanding(c, today).active).map((c) => c.type);
  }

  /**
   * Each given coder's credentials with their standing today, for callers that must tell why a
   * credential does not count and since when (contracts' credential alerts and the lapse job).
   */
  async standingsForCoders(coderIds: string[]): Promise<Map<string, (CredentialEntity & { standing: CredentialStanding })[]>> {
    const today = todayUtc();
    const rows = coderIds.length ? await this.credentials.find({ where: { coderId: In([...new Set(coderIds)]) }, order: { createdAt: 'ASC' } }) : [];
    const byCoder = new Map<string, (CredentialEntity & { standing: CredentialStanding })[]>();
    for (const row of rows) byCoder.set(row.coderId, [...(byCoder.get(row.coderId) ?? []), { ...row, standing: credentialStanding(row, today) }]);
    return byCoder;
  }

  /** `standingsForCoders` for one coder through the request's DataLoader (contract lists). */
  async loadStandings(loaders: RequestLoaders, coderId: string): Promise<(CredentialEntity & { standing: CredentialStanding })[]> {
    const today = todayUtc();
    return (await this.loadForCoder(loaders, coderId)).map((c) => ({ ...c, standing: credentialStanding(c, today) }));
  }

  /**
   * Reminds holders of verified credentials that stop counting within `days`: the CEU cycle ends
   * (`expires_on`) or, for AAPC, the membership does (`membership_expires_on`), whichever comes first.
   * Once per credential until its dates change (an update, or an approved renewal, resets the
   * reminder). Each credential is marked and notified in its own transaction, so one failure holds up no other.
   */
  async remindExpiring(days = 30): Promise<number> {
    // LEAST ignores a NULL membership date (AHIMA), so `ends_on` is the first date that applies.
    const ENDS = 'LEAST(expires_on, membership_expires_on)';
    const DUE = `status = 'VERIFIED' AND expiry_reminded_at IS NULL AND ${ENDS} IS NOT NULL AND ${ENDS} >= CURRENT_DATE AND ${ENDS} < CURRENT_DATE + $1::int`;
    const due = await queryRows<{ id: string }>(this.credentials, `SELECT id FROM credentials WHERE ${DUE} ORDER BY ${ENDS}`, [days]);
    return eachOnItsOwn(
      due,
      ({ id }) => `expiry reminder for credential ${id}`,
      ({ id }) =>
        this.transactions.run(async (manager) => {
          const [row] = await queryRows<{ id: string; coder_id: string; type: string; expires_on: string | null; membership_expires_on: string | null }>(
            manager,
            `UPDATE credentials SET expiry_reminded_at = now() WHERE id = $2 AND ${DUE}
             RETURNING id, coder_id, type, to_char(expires_on, 'YYYY-MM-DD') AS expires_on, to_char(membership_expires_on, 'YYYY-MM-DD') AS membership_expires_on`,
            [days, id],
          );
          if (!row) return false; // reminded meanwhile (another instance), or no longer due
          const membershipFirst = row.membership_expires_on !== null && (row.expires_on === null || row.membership_expires_on < row.expires_on);
          const message = membershipFirst
            ? `Your AAPC membership ends on ${row.membership_expires_on}: your ${row.type} credential stops counting then; renew the membership and submit it (renewCredential)`
            : `Your ${row.type} credential expires on ${row.expires_on}: renew it and submit the new dates (renewCredential)`;
          await this.notifications.notify(manager, row.coder_id, NotificationKind.CREDENTIAL_EXPIRING, message, { credentialId: row.id });
          return true;
        }),
      this.logger,
    );
  }

  /** The admin review queue, oldest first. */
  listPending(args: ConnectionArgs): Promise<ConnectionShape<CredentialEntity>> {
    const query = this.credentials.createQueryBuilder('c').where('c.status = :pending', { pending: CredentialReviewStatus.PENDING });
    return paginate(query, args, byCreatedAt('c', 'ASC'));
  }

  /** Registers a check run before any approval (exclusion screening, registered at start), outside the approving transaction. */
  beforeApproving(check: ApprovalCheck): void {
    this.approvalChecks.push(check);
  }

  /** Approves or rejects a PENDING credential; the reviewer, time and note are recorded. */
  async verify(actor: Actor, id: string, args: Pick<VerifyCredentialArgs, 'approve' | 'note'>): Promise<CredentialEntity> {
    const coderId = args.approve ? (await this.credentials.findOneBy({ id }))?.coderId : undefined;
    if (coderId) for (const check of this.approvalChecks) await check(coderId);
    return this.transactions.run(async (manager) => {
      const verified = await this.review(manager, actor, id, args);
      await this.notifications.notify(manager, verified.coderId, NotificationKind.CREDENTIAL_REVIEWED, `Your ${verified.type} credential was ${args.approve ? 'verified' : 'rejected'}`, {
        credentialId: id,
      });
      return verified;
    });
  }

  private async review(manager: EntityManager, actor: Actor, id: string, args: Pick<VerifyCredentialArgs, 'approve' | 'note'>): Promise<CredentialEntity> {
    const query = manager
      .getRepository(CredentialEntity)
      .createQueryBuilder()
      .update()
      .set({ status: args.approve ? CredentialReviewStatus.VERIFIED : CredentialReviewStatus.REJECTED, reviewedById: actor.id, reviewedAt: () => 'now()', reviewNote: args.note?.trim() || null })
      .where('id = :id AND status = :pending', { id, pending: CredentialReviewStatus.PENDING });
    // Only a credential with its certificate on file can be verified (rejecting needs none).
    if (args.approve) query.andWhere('evidence_document_id IS NOT NULL');
    const result = await query.execute();
    if (!result.affected) {
      const existing = await manager.getRepository(CredentialEntity).findOneBy({ id });
      if (!existing) throw new NotFoundError('Credential');
      if (existing.status !== CredentialReviewStatus.PENDING) throw new ConflictError(`This credential was already reviewed (${existing.status})`);
      throw new ConflictError('This credential has no evidence: the coder must upload the certificate (POST /credential-documents) and attach it before it can be verified');
    }
    return manager.getRepository(CredentialEntity).findOneByOrFail({ id });
  }

  /**
   * Encrypts and stores a certificate the calling coder uploads (envelope encryption, like workroom
   * documents: only ciphertext reaches the storage). `read` is called once the caller holds an upload slot.
   */
  async uploadDocument(actor: Actor, read: () => Promise<IncomingDocument>): Promise<CredentialDocumentEntity> {
    const release = this.uploadSlots.acquire(actor.id);
    try {
      const file = await read();
      const id = randomUUID();
      const { ciphertext, wrappedKey } = encryptDocument(this.config.documentKey, id, file.bytes);
      await this.storage.put(id, ciphertext);
      return await this.documents.save({
        id,
        coderId: actor.id,
        filename: file.filename,
        contentType: file.contentType,
        sizeBytes: file.bytes.length,
        storageKey: id,
        wrappedKey,
        contentDigest: contentDigest(this.config.documentKey, file.bytes),
      });
    } finally {
      release();
    }
  }

  /** A certificate for the coder who uploaded it or an ADMIN; anyone else is told it does not exist. */
  async downloadDocument(actor: Actor, id: string): Promise<{ document: CredentialDocumentEntity; bytes: Buffer }> {
    const document = await this.documents.findOneBy({ id });
    if (!document || (document.coderId !== actor.id && actor.role !== UserRole.ADMIN)) throw new NotFoundError('Document');
    try {
      return { document, bytes: decryptDocument(this.config.documentKey, id, document.wrappedKey, await this.storage.get(document.storageKey)) };
    } catch (error) {
      if (error instanceof DocumentStorageUnavailableError) throw error; // the store is down, not the document: a retryable 503
      if (error instanceof DocumentMissingError) throw error; // no object under its key (logged with bucket and key): 503 DOCUMENT_MISSING, not tampering
      const reason = error instanceof TamperedCiphertextError ? 'integrity check failed' : 'stored file unreadable';
      this.logger.error(`credential document ${id} ${reason}`);
      throw new CredentialDocumentIntegrityError(reason);
    }
  }

  /** Documents by id through the request's DataLoader (a credential's evidence). */
  loadDocument(loaders: RequestLoaders, id: string): Promise<CredentialDocumentEntity | null> {
    return loaders.get<string, CredentialDocumentEntity | null>('credentialDocumentById', async (ids) => byKeys(ids, await this.documents.findBy({ id: In([...ids]) }), (d) => d.id)).load(id);
  }

  /** The PENDING change of each credential, through the request's DataLoader. */
  loadPendingChange(loaders: RequestLoaders, credentialId: string): Promise<CredentialChangeEntity | null> {
    return loaders
      .get<string, CredentialChangeEntity | null>('pendingCredentialChange', async (ids) =>
        byKeys(ids, await this.changes.findBy({ credentialId: In([...ids]), status: CredentialChangeStatus.PENDING }), (c) => c.credentialId),
      )
      .load(credentialId);
  }

  /** Credentials by id through the request's DataLoader (the change review queue). */
  loadById(loaders: RequestLoaders, id: string): Promise<CredentialEntity | null> {
    return loaders.get<string, CredentialEntity | null>('credentialById', async (ids) => byKeys(ids, await this.credentials.findBy({ id: In([...ids]) }), (c) => c.id)).load(id);
  }

  /**
   * The coder renews a VERIFIED credential: new cycle and/or membership dates with the new certificate
   * (the one already on file, by id or the same file uploaded again, is CONFLICT naming input.evidenceDocumentId).
   * The credential stays VERIFIED and counts on its old dates until an admin approves (the new dates
   * take effect) or rejects (the old ones stand, and expire). One change under review per credential:
   * the partial unique index settles two racing requests.
   */
  async renew(actor: Actor, id: string, input: RenewCredentialInput): Promise<CredentialEntity> {
    const credential = await this.findOwnOrFail(actor, id);
    if (credential.status !== CredentialReviewStatus.VERIFIED) throw new ConflictError(`Only a VERIFIED credential is renewed (this one is ${credential.status}): update it instead`);
    if (input.expiresOn === undefined && input.membershipExpiresOn === undefined) {
      throw new BadUserInputError('Give the new input.expiresOn or input.membershipExpiresOn', ['input.expiresOn', 'input.membershipExpiresOn']);
    }
    if (input.expiresOn !== undefined && credential.expiresOn !== null && input.expiresOn <= credential.expiresOn) {
      throw new BadUserInputError(`input.expiresOn must be after the current expiry (${credential.expiresOn})`, ['input.expiresOn']);
    }
    if (input.membershipExpiresOn !== undefined && credential.membershipExpiresOn !== null && input.membershipExpiresOn <= credential.membershipExpiresOn) {
      throw new BadUserInputError(`input.membershipExpiresOn must be after the current one (${credential.membershipExpiresOn})`, ['input.membershipExpiresOn']);
    }
    checkDates(
      credential.type,
      { issuedOn: credential.issuedOn, expiresOn: input.expiresOn ?? credential.expiresOn, membershipExpiresOn: input.membershipExpiresOn ?? credential.membershipExpiresOn },
      'input',
    );
    await this.requireOwnDocument(actor, input.evidenceDocumentId, 'input.evidenceDocumentId');
    if (credential.evidenceDocumentId && (await this.sameFile(credential.evidenceDocumentId, input.evidenceDocumentId))) {
      throw new ConflictError('input.evidenceDocumentId: this is the certificate already on file for this credential: a renewal needs the new one');
    }
    await this.openChange({
      credentialId: id,
      kind: CredentialChangeKind.RENEWAL,
      expiresOn: input.expiresOn ?? null,
      membershipExpiresOn: input.membershipExpiresOn ?? null,
      toType: null,
      evidenceDocumentId: input.evidenceDocumentId,
      note: input.note?.trim() || null,
    });
    return credential;
  }

  /**
   * The coder asks for the "A" to come off a VERIFIED apprentice credential (CPC_A -> CPC, COC_A -> COC)
   * with evidence of two years' experience (or the issuer's substitutes). An admin approves: the same
   * credential, with its history, becomes the full designation.
   */
  async requestConversion(actor: Actor, id: string, input: RequestApprenticeConversionInput): Promise<CredentialEntity> {
    const credential = await this.findOwnOrFail(actor, id);
    const toType = APPRENTICE_FULL[credential.type];
    if (!toType) throw new BadUserInputError(`id: ${credential.type} is not an apprentice designation`, ['id']);
    if (credential.status !== CredentialReviewStatus.VERIFIED) throw new ConflictError(`Only a VERIFIED apprentice credential is converted (this one is ${credential.status})`);
    await this.requireOwnDocument(actor, input.evidenceDocumentId, 'input.evidenceDocumentId');
    await this.openChange({
      credentialId: id,
      kind: CredentialChangeKind.APPRENTICE_CONVERSION,
      expiresOn: null,
      membershipExpiresOn: null,
      toType,
      evidenceDocumentId: input.evidenceDocumentId,
      note: input.note.trim(),
    });
    return credential;
  }

  /** The admin queue of renewals and conversions, oldest first. */
  listPendingChanges(args: ConnectionArgs): Promise<ConnectionShape<CredentialChangeEntity>> {
    const query = this.changes.createQueryBuilder('c').where('c.status = :pending', { pending: CredentialChangeStatus.PENDING });
    return paginate(query, args, byCreatedAt('c', 'ASC'));
  }

  /**
   * An admin approves or rejects a PENDING change (one conditional UPDATE: a second review answers
   * CONFLICT). Approving a renewal puts its dates (and certificate) on the credential; approving a
   * conversion changes its type. Rejecting leaves the credential as it was. The coder is told.
   */
  async reviewChange(actor: Actor, args: Pick<ReviewCredentialChangeArgs, 'id' | 'approve' | 'note'>): Promise<CredentialChangeEntity> {
    return this.transactions.run(async (manager) => {
      const [change] = await queryRows<{ id: string }>(
        manager,
        `UPDATE credential_changes SET status = $2, reviewed_by_id = $3, reviewed_at = now(), review_note = $4, updated_at = now() WHERE id = $1 AND status = 'PENDING' RETURNING id`,
        [args.id, args.approve ? CredentialChangeStatus.APPROVED : CredentialChangeStatus.REJECTED, actor.id, args.note?.trim() || null],
      );
      if (!change) {
        const existing = await manager.getRepository(CredentialChangeEntity).findOneBy({ id: args.id });
        if (!existing) throw new NotFoundError('CredentialChange');
        throw new ConflictError(`This change was already reviewed (${existing.status})`);
      }
      const reviewed = await manager.getRepository(CredentialChangeEntity).findOneByOrFail({ id: args.id });
      const credential = await manager.getRepository(CredentialEntity).findOneByOrFail({ id: reviewed.credentialId });
      if (args.approve) {
        const repo = manager.getRepository(CredentialEntity);
        if (reviewed.kind === CredentialChangeKind.RENEWAL) {
          await repo.update(
            { id: credential.id },
            {
              expiresOn: reviewed.expiresOn ?? credential.expiresOn,
              membershipExpiresOn: reviewed.membershipExpiresOn ?? credential.membershipExpiresOn,
              evidenceDocumentId: reviewed.evidenceDocumentId,
              expiryRemindedAt: null,
            },
          );
        } else {
          try {
            await repo.update({ id: credential.id }, { type: reviewed.toType!, evidenceDocumentId: reviewed.evidenceDocumentId });
          } catch (error) {
            if (isUniqueViolation(error, 'credentials_live_type_key')) throw new ConflictError(`The coder already holds a live ${reviewed.toType} credential`);
            throw error;
          }
        }
      }
      const what = reviewed.kind === CredentialChangeKind.RENEWAL ? 'renewal' : `conversion to ${reviewed.toType}`;
      await this.notifications.notify(
        manager,
        credential.coderId,
        NotificationKind.CREDENTIAL_CHANGE_REVIEWED,
        `The ${what} of your ${credential.type} credential was ${args.approve ? 'approved' : 'rejected'}`,
        {
          credentialId: credential.id,
          changeId: reviewed.id,
        },
      );
      return reviewed;
    });
  }

  private async openChange(change: Omit<CredentialChangeEntity, 'id' | 'status' | 'reviewedById' | 'reviewedAt' | 'reviewNote' | 'createdAt' | 'updatedAt'>): Promise<void> {
    try {
      await this.changes.insert({ ...change, status: CredentialChangeStatus.PENDING });
    } catch (error) {
      if (isUniqueViolation(error, 'credential_changes_one_pending_key')) throw new ConflictError('A change of this credential is already under review');
      throw error;
    }
  }

  /** A certificate the caller uploaded, or BAD_USER_INPUT on `field` (another coder's document reads as unknown). */
  private async requireOwnDocument(actor: Actor, documentId: string, field: string): Promise<void> {
    if (!(await this.documents.existsBy({ id: documentId, coderId: actor.id }))) throw new BadUserInputError(`${field} is not a document you uploaded`, [field]);
  }

  /** Whether two documents are one file: the same id, or the same content uploaded again (`content_digest`). */
  private async sameFile(a: string, b: string): Promise<boolean> {
    if (a === b) return true;
    const [first, second] = await Promise.all([this.documents.findOneBy({ id: a }), this.documents.findOneBy({ id: b })]);
    return !!first?.contentDigest && !!second?.contentDigest && first.contentDigest.equals(second.contentDigest);
  }

  private async findOwnOrFail(actor: Actor, id: string): Promise<CredentialEntity> {
    const credential = await this.credentials.findOneBy({ id, coderId: actor.id });
    if (!credential) throw new NotFoundError('Credential');
    return credential;
  }
}

export class CredentialDocumentIntegrityError extends Error {}

/** The issuer's date rules (domain/credential-rules.ts) as BAD_USER_INPUT naming the field. */
function checkDates(type: CredentialType, dates: { issuedOn: string; expiresOn: string | null; membershipExpiresOn: string | null }, prefix: string): void {
  const problem = credentialDateProblem(type, dates, todayUtc());
  if (problem) throw new BadUserInputError(`${prefix}.${problem.field} ${problem.message}`, [`${prefix}.${problem.field}`]);
}
