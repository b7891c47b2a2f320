import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, NotFoundError } from '../common/errors/app-error.js';
import { ConnectionShape } from '../common/pagination/connection.js';
import { byCreatedAt, paginate } from '../common/pagination/paginate.js';
import { todayUtc } from '../common/scalars/local-date.scalar.js';
import { eachOnItsOwn } from '../common/scheduling/each-on-its-own.js';
import { JobScheduler } from '../common/scheduling/job-scheduler.js';
import { CoderProfilesService, ScreeningIdentity } from '../coders/coder-profiles.service.js';
import { CredentialsService } from '../coders/credentials.service.js';
import { AppConfig } from '../config/app-config.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { lastNameParts, LeieEntry, ONE_READINGS, LeieMatch, MATCH_KINDS_WEAKEST_FIRST, matchLeie, ScreeningNameSource, ScreeningSubject, splitDisplayName } from '../domain/leie.js';
import { NotificationKind } from '../notifications/notification-kind.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrganizationAccess } from '../organizations/organization-access.service.js';
import { UsersService } from '../users/users.service.js';
import { ScreeningHoldsArgs } from './dto/screening-hold.args.js';
import { LeieExclusionEntity, LeieImportEntity, ScreeningHoldEntity, ScreeningHoldEvidence, ScreeningHoldStatus } from './screening.entities.js';

/** Coders screened per statement of a full screen. */
const PAGE = 500;
/** Rows per INSERT of an import (16 columns: 16,000 parameters, under PostgreSQL's 65,535). */
const INSERT_CHUNK = 1000;
/** A monthly run that has not finished after this long (its instance died) may be taken over. */
const RUN_LEASE_HOURS = 6;

/** What a screen did: coders compared, and holds it raised. */
export interface ScreenResult {
  screened: number;
  newHolds: number;
}

interface Match {
  subject: ScreeningSubject & { userId: string };
  entry: LeieExclusionEntity;
  match: LeieMatch;
}

/**
 * OIG exclusion screening (docs/screening.md): the LEIE import, the screen of coders against it (at
 * credential review, monthly, after each import), and the admin review of the holds a match raises.
 * A hold (OPEN or CONFIRMED) keeps the coder's profile `screeningHeld`: out of the directory and
 * matching, no bids, no new contracts.
 */
@Injectable()
export class ScreeningService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(ScreeningService.name);

  constructor(
    @InjectRepository(LeieExclusionEntity) private readonly exclusions: Repository<LeieExclusionEntity>,
    @InjectRepository(ScreeningHoldEntity) private readonly holds: Repository<ScreeningHoldEntity>,
    private readonly transactions: TransactionRunner,
    private readonly profiles: CoderProfilesService,
    private readonly credentials: CredentialsService,
    private readonly users: UsersService,
    private readonly contracts: ContractsService,
    private readonly organizations: OrganizationAccess,
    private readonly notifications: NotificationsService,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.credentials.beforeApproving((coderId) => this.screenBeforeApproval(coderId));
    // A rename (or any change of what is compared) is screened at once, not at the next monthly run.
    this.profiles.afterProfileWritten((coderId) => this.screenCoder(coderId));
  }

  onApplicationBootstrap(): void {
    this.scheduler.schedule('screening.monthly', { cron: this.config.env.LEIE_SCREENING_CRON }, () => this.runMonthly());
  }

  /**
   * Replaces the loaded LEIE with `entries` in one transaction (readers see the old list until it
   * commits) and records the file's date and row count; then screens every coder against it.
   */
  async importLeie(entries: LeieEntry[], fileDate: string): Promise<{ rowCount: number } & ScreenResult> {
    await this.transactions.run(async (manager) => {
      await queryRows(manager, 'DELETE FROM leie_exclusions');
      for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
        await manager.getRepository(LeieExclusionEntity).insert(entries.slice(i, i + INSERT_CHUNK));
      }
      await manager.getRepository(LeieImportEntity).insert({ fileDate, rowCount: entries.length });
    });
    return { rowCount: entries.length, ...(await this.screenAll()) };
  }

  /** The newest import, or null before the first. */
  lastImport(): Promise<LeieImportEntity | null> {
    return this.exclusions.manager.getRepository(LeieImportEntity).findOne({ where: {}, order: { importedAt: 'DESC' } });
  }

  /**
   * The monthly screen, once per calendar month (UTC) across all instances: the month's row in
   * `screening_runs` is claimed first (its primary key settles racing instances); a run still
   * unfinished after RUN_LEASE_HOURS is taken over. Answers null when the month's run was done
   * (or is under way) already. Scheduled daily (LEIE_SCREENING_CRON): the first tick of a month runs it.
   */
  async runMonthly(now = new Date()): Promise<ScreenResult | null> {
    const period = now.toISOString().slice(0, 7);
    if (!(await this.lastImport())) {
      // Nothing to screen against yet: the month stays unclaimed (the first import screens everyone).
      this.logger.warn('No OIG LEIE loaded (npm run leie:import): the monthly exclusion screen waits for one');
      return null;
    }
    const claimed = await queryRows<{ period: string }>(
      this.holds,
      `INSERT INTO screening_runs (period, started_at) VALUES ($1, now())
       ON CONFLICT (period) DO UPDATE SET started_at = now()
         WHERE screening_runs.finished_at IS NULL AND screening_runs.started_at < now() - make_interval(hours => $2)
       RETURNING period`,
      [period, RUN_LEASE_HOURS],
    );
    if (!claimed.length) return null;
    const result = await this.screenAll();
    await queryRows(this.holds, `UPDATE screening_runs SET finished_at = now(), screened_count = $2, held_count = $3 WHERE period = $1`, [period, result.screened, result.newHolds]);
    this.logger.log(`Monthly exclusion screen ${period}: ${result.screened} coders screened, ${result.newHolds} new holds`);
    return result;
  }

  /** Screens every coder with a profile, a page at a time. */
  async screenAll(): Promise<ScreenResult> {
    const total: ScreenResult = { screened: 0, newHolds: 0 };
    let afterUserId: string | null = null;
    for (;;) {
      const page: ScreeningIdentity[] = await this.profiles.screeningSubjects({ afterUserId, limit: PAGE });
      if (!page.length) return total;
      const result = await this.screen(page);
      total.screened += result.screened;
      total.newHolds += result.newHolds;
      afterUserId = page[page.length - 1].userId;
    }
  }

  /** Screens one coder (with or without a profile yet). */
  async screenCoder(coderId: string): Promise<ScreenResult> {
    const [identity] = await this.profiles.screeningSubjects({ userIds: [coderId] });
    return this.screen([identity ?? { userId: coderId, legalFirstName: null, legalLastName: null, npi: null, dateOfBirth: null, state: null, legalNames: [] }]);
  }

  /**
   * The check before a credential is approved: the coder is screened now, and approval is refused
   * (CONFLICT, reason SCREENING_HOLD) while a hold is OPEN or CONFIRMED; the hold committed before.
   */
  private async screenBeforeApproval(coderId: string): Promise<void> {
    await this.screenCoder(coderId);
    if (await this.hasLiveHold(coderId)) {
      throw new ConflictError('This coder is on hold after OIG exclusion screening: review the hold (screeningHolds) before approving a credential', { reason: 'SCREENING_HOLD' });
    }
  }

  private async hasLiveHold(coderId: string, manager?: EntityManager): Promise<boolean> {
    const repository = manager ? manager.getRepository(ScreeningHoldEntity) : this.holds;
    return repository.exists({ where: { coderId, status: In([ScreeningHoldStatus.OPEN, ScreeningHoldStatus.CONFIRMED]) } });
  }

  /**
   * Compares `identities` with the loaded LEIE (one statement for the candidates), raises a hold per
   * new match (each coder in a transaction of its own, so one failure holds up no other), then
   * stamps `lastScreenedAt` and re-derives `screeningHeld` for all of them in one transaction.
   */
  private async screen(identities: ScreeningIdentity[]): Promise<ScreenResult> {
    // Without a list, nobody is "screened": lastScreenedAt would claim a check that did not happen.
    if (!(await this.lastImport())) return { screened: 0, newHolds: 0 };
    const subjects = await this.subjectsOf(identities);
    const npis = subjects.flatMap((s) => (s.npi ? [s.npi] : []));
    // Both names of each (a swapped name is compared too), with a 1 read both ways.
    const parts = [...new Set(subjects.flatMap((s) => s.names.flatMap((name) => ONE_READINGS.flatMap((oneAs) => [...lastNameParts(name.lastName, oneAs), ...lastNameParts(name.firstName, oneAs)]))))];
    const today = todayUtc();
    // Candidates by NPI or by a shared last-name part (GIN on last_name_parts); matchLeie decides.
    const candidates = await this.exclusions
      .createQueryBuilder('e')
      .where('(e.npi = ANY(:npis) OR e.last_name_parts && CAST(:parts AS text[]))', { npis, parts })
      .andWhere('(e.reinstated_on IS NULL OR e.reinstated_on > :today)', { today })
      .getMany();
    const matches = subjects.flatMap((subject) =>
      candidates.flatMap((entry): Match[] => {
        const match = matchLeie(subject, entry, today);
        return match ? [{ subject, entry, match }] : [];
      }),
    );
    const byCoder = new Map<string, Match[]>();
    for (const match of matches) byCoder.set(match.subject.userId, [...(byCoder.get(match.subject.userId) ?? []), match]);
    const newHolds = await eachOnItsOwn(
      [...byCoder.values()],
      (found) => `exclusion hold for coder ${found[0].subject.userId}`,
      (found) => this.transactions.run(async (manager) => (await this.raiseHolds(manager, found)) > 0),
      this.logger,
    );
    const userIds = subjects.map((s) => s.userId);
    await this.transactions.run(async (manager) => {
      const live = await manager
        .getRepository(ScreeningHoldEntity)
        .find({ select: { coderId: true }, where: { coderId: In(userIds), status: In([ScreeningHoldStatus.OPEN, ScreeningHoldStatus.CONFIRMED]) } });
      const held = new Set(live.map((hold) => hold.coderId));
      await this.profiles.markScreened(manager, userIds, new Date(), held);
    });
    return { screened: subjects.length, newHolds };
  }

  /**
   * Inserts a hold per match, unless the coder has a live (OPEN or CONFIRMED) hold for the entry, or
   * a cleared one of the same or a stronger kind: a cleared entry comes back only with a stronger
   * match (the coder later gives the entry's NPI or birth date), the cleared hold kept as history.
   * Racing screens settle on `screening_holds_coder_entry_live_key`. Answers how many were new.
   */
  private async raiseHolds(manager: EntityManager, found: Match[]): Promise<number> {
    let raised = 0;
    for (const { subject, entry, match } of found) {
      const evidence: ScreeningHoldEvidence = { name: match.name, agreeing: match.agreeing, differing: match.differing };
      const snapshot = {
        lastName: entry.lastName,
        firstName: entry.firstName,
        middleName: entry.middleName,
        businessName: entry.businessName,
        general: entry.general,
        specialty: entry.specialty,
        npi: entry.npi,
        dateOfBirth: entry.dateOfBirth,
        state: entry.state,
        exclusionType: entry.exclusionType,
        excludedOn: entry.excludedOn,
        reinstatedOn: entry.reinstatedOn,
        waiverOn: entry.waiverOn,
      };
      const compared = match.name ?? { firstName: subject.names[0]?.firstName ?? '', lastName: subject.names[0]?.lastName ?? '' };
      const inserted = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO screening_holds (coder_id, entry_key, match_kind, entry, subject, evidence, status)
         SELECT $1, $2, $3, $4, $5, $6, 'OPEN'
         WHERE NOT EXISTS (
           SELECT 1 FROM screening_holds h WHERE h.coder_id = $1 AND h.entry_key = $2
             AND (h.status <> 'CLEARED' OR array_position($7::leie_match_kind[], h.match_kind) >= array_position($7::leie_match_kind[], $3::leie_match_kind)))
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [
          subject.userId,
          entry.entryKey,
          match.kind,
          snapshot,
          { firstName: compared.firstName, lastName: compared.lastName, npi: subject.npi, dateOfBirth: subject.dateOfBirth, state: subject.state },
          evidence,
          MATCH_KINDS_WEAKEST_FIRST,
        ],
      );
      if (inserted.length) raised++;
    }
    return raised;
  }

  /**
   * Every name the platform knows for each coder: each legal name the profile has had (the current
   * one first; a part not given is taken from the account name) and the account's name.
   */
  private async subjectsOf(identities: ScreeningIdentity[]): Promise<(ScreeningSubject & { userId: string })[]> {
    const users = new Map((identities.length ? await this.users.findByIds(identities.map((i) => i.userId)) : []).map((user) => [user.id, splitDisplayName(user.name)]));
    return identities.map((identity) => {
      const account = users.get(identity.userId) ?? { firstName: '', lastName: '' };
      const current = { firstName: identity.legalFirstName ?? '', lastName: identity.legalLastName ?? '' };
      const legal = [current, ...identity.legalNames.filter((n) => n.firstName !== current.firstName || n.lastName !== current.lastName)]
        .filter((n) => n.firstName || n.lastName)
        .map((n, index) => ({
          firstName: n.firstName || account.firstName,
          lastName: n.lastName || account.lastName,
          source: index === 0 && (current.firstName || current.lastName) ? ScreeningNameSource.LEGAL_NAME : ScreeningNameSource.PREVIOUS_LEGAL_NAME,
        }));
      return {
        userId: identity.userId,
        names: [...legal, { ...account, source: ScreeningNameSource.ACCOUNT_NAME }],
        npi: identity.npi,
        dateOfBirth: identity.dateOfBirth,
        state: identity.state,
      };
    });
  }

  /** The admin review queue: holds in `status` (default OPEN), oldest first. */
  listHolds(args: ScreeningHoldsArgs): Promise<ConnectionShape<ScreeningHoldEntity>> {
    const query = this.holds.createQueryBuilder('h').where('h.status = :status', { status: args.status ?? ScreeningHoldStatus.OPEN });
    return paginate(query, args, byCreatedAt('h', 'ASC'));
  }

  /** An OPEN hold was a false positive: CLEARED, with the admin and note recorded; the profile is released when no other hold is live. */
  clear(actor: Actor, id: string, note: string): Promise<ScreeningHoldEntity> {
    return this.resolve(actor, id, note, ScreeningHoldStatus.CLEARED);
  }

  /**
   * An OPEN hold is the excluded person: CONFIRMED, the profile stays held (no bids, no new
   * contracts), and the managers of every practice with a live contract with the coder are notified
   * (the practice decides to end it: docs/screening.md).
   */
  confirm(actor: Actor, id: string, note: string): Promise<ScreeningHoldEntity> {
    return this.resolve(actor, id, note, ScreeningHoldStatus.CONFIRMED);
  }

  private resolve(actor: Actor, id: string, note: string, to: ScreeningHoldStatus.CLEARED | ScreeningHoldStatus.CONFIRMED): Promise<ScreeningHoldEntity> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(ScreeningHoldEntity);
      const result = await repository
        .createQueryBuilder()
        .update()
        .set({ status: to, resolvedById: actor.id, resolvedAt: () => 'now()', resolutionNote: note })
        .where('id = :id AND status = :open', { id, open: ScreeningHoldStatus.OPEN })
        .execute();
      if (!result.affected) {
        const existing = await repository.findOneBy({ id });
        if (!existing) throw new NotFoundError('Screening hold');
        throw new ConflictError(`This screening hold was already reviewed (${existing.status})`);
      }
      const hold = await repository.findOneByOrFail({ id });
      await this.profiles.setScreeningHeld(manager, hold.coderId, await this.hasLiveHold(hold.coderId, manager));
      if (to === ScreeningHoldStatus.CONFIRMED) await this.notifyPractices(manager, hold.coderId);
      return hold;
    });
  }

  private async notifyPractices(manager: EntityManager, coderId: string): Promise<void> {
    for (const contract of await this.contracts.liveWithCoder(coderId, manager)) {
      for (const userId of await this.organizations.managersOf(manager, contract.organizationId)) {
        await this.notifications.notify(
          manager,
          userId,
          NotificationKind.CODER_EXCLUDED,
          'The coder of one of your contracts is on the OIG exclusion list: federal health care programs will not pay for their work. End the contract (endContract) and review the work done.',
          { contractId: contract.id },
        );
      }
    }
  }
}
