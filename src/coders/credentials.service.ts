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
import { CredentialType } from '../domain/credential-type.enum.js';
import { credentialCounts } from './coders.mapper.js';
import { CredentialEntity, CredentialReviewStatus } from './credential.entity.js';
import { AddCredentialInput, UpdateCredentialInput, VerifyCredentialArgs } from './dto/credential.inputs.js';

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
    checkDates(input.issuedOn, input.expiresOn ?? null, 'input');
    try {
      return await this.credentials.save({
        coderId: actor.id,
        type: input.type,
        number: input.number,
        issuedOn: input.issuedOn,
        expiresOn: input.expiresOn ?? null,
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
    const next = { number: input.number ?? credential.number, issuedOn: input.issuedOn ?? credential.issuedOn, expiresOn: input.expiresOn === undefined ? credential.expiresOn : input.expiresOn };
    checkDates(next.issuedOn, next.expiresOn, 'input');
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

  /** The credential types that count (verified, unexpired) for a coder. */
  async countingTypes(coderId: string): Promise<CredentialType[]> {
    const today = todayUtc();
    return (await this.listForCoder(coderId)).filter((c) => credentialCounts(c, today)).map((c) => c.type);
  }

  /**
   * Reminds holders of verified credentials expiring within `days` (CEU cycles end: renew in time),
   * once per credential and expiry date; changing the credential resets the reminder. Each
   * credential is marked and notified in its own transaction, so one failure holds up no other.
   */
  async remindExpiring(days = 30): Promise<number> {
    const DUE = `status = 'VERIFIED' AND expiry_reminded_at IS NULL AND expires_on IS NOT NULL AND expires_on >= CURRENT_DATE AND expires_on < CURRENT_DATE + $1::int`;
    const due = await queryRows<{ id: string }>(this.credentials, `SELECT id FROM credentials WHERE ${DUE} ORDER BY expires_on`, [days]);
    return eachOnItsOwn(
      due,
      ({ id }) => `expiry reminder for credential ${id}`,
      ({ id }) =>
        this.transactions.run(async (manager) => {
          const [row] = await queryRows<{ id: string; coder_id: string; type: string; expires_on: string }>(
            manager,
            `UPDATE credentials SET expiry_reminded_at = now() WHERE id = $2 AND ${DUE} RETURNING id, coder_id, type, expires_on`,
            [days, id],
          );
          if (!row) return false; // reminded meanwhile (another instance), or no longer due
          await this.notifications.notify(manager, row.coder_id, NotificationKind.CREDENTIAL_EXPIRING, `Your ${row.type} credential expires on ${row.expires_on}: renew it and update it here`, {
            credentialId: row.id,
          });
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
    const result = await manager
      .getRepository(CredentialEntity)
      .createQueryBuilder()
      .update()
      .set({ status: args.approve ? CredentialReviewStatus.VERIFIED : CredentialReviewStatus.REJECTED, reviewedById: actor.id, reviewedAt: () => 'now()', reviewNote: args.note?.trim() || null })
      .where('id = :id AND status = :pending', { id, pending: CredentialReviewStatus.PENDING })
      .execute();
    if (!result.affected) {
      const existing = await manager.getRepository(CredentialEntity).findOneBy({ id });
      if (!existing) throw new NotFoundError('Credential');
      throw new ConflictError(`This credential was already reviewed (${existing.status})`);
    }
    return manager.getRepository(CredentialEntity).findOneByOrFail({ id });
  }

  private async findOwnOrFail(actor: Actor, id: string): Promise<CredentialEntity> {
    const credential = await this.credentials.findOneBy({ id, coderId: actor.id });
    if (!credential) throw new NotFoundError('Credential');
    return credential;
  }
}

function checkDates(issuedOn: string, expiresOn: string | null, prefix: string): void {
  if (issuedOn > todayUtc()) throw new BadUserInputError(`${prefix}.issuedOn must not be in the future`, [`${prefix}.issuedOn`]);
  if (expiresOn !== null && expiresOn <= issuedOn) throw new BadUserInputError(`${prefix}.expiresOn must be after issuedOn`, [`${prefix}.expiresOn`]);
}
