import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors/app-error.js';
import { isUniqueViolation } from '../../common/errors/postgres-errors.js';
import { todayUtc } from '../../common/scalars/local-date.scalar.js';
import { eachOnItsOwn } from '../../common/scheduling/each-on-its-own.js';
import { JobScheduler } from '../../common/scheduling/job-scheduler.js';
import { AppConfig } from '../../config/app-config.js';
import { queryRows } from '../../database/query-rows.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { CEU_TENTHS, CeuCycleWindow, ceuCycles, ceuOnTrack, ceuReminderThreshold, ceuTenthsOf, daysBetween, ISSUER_CATEGORIES, MAX_ENTRIES_PER_CYCLE, MAX_ENTRY_CEUS } from '../../domain/ceu-rules.js';
import { UserRole } from '../../domain/user-role.enum.js';
import { MailService } from '../../mail/mail.service.js';
import { NotificationKind } from '../../notifications/notification-kind.enum.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { UsersService } from '../../users/users.service.js';
import { CredentialDocumentEntity } from '../credential-document.entity.js';
import { CredentialsService } from '../credentials.service.js';
import { CeuEntryEntity } from './ceu-entry.entity.js';
import { LogCeuInput } from './dto/ceu.inputs.js';

/** A cycle with its entries and totals (tenths). */
export interface CeuCycleState extends CeuCycleWindow {
  entries: CeuEntryEntity[];
  loggedTenths: number;
  /** Logged with a certificate: what counts toward the requirement. */
  countedTenths: number;
  /** Logged without a certificate yet. */
  pendingTenths: number;
  remainingTenths: number;
  onTrack: boolean;
}

/** A certificate backs one CEU entry. */
const CERTIFICATE_TAKEN = (field: string) => new ConflictError(`${field}: this certificate already backs another CEU entry`);

/**
 * Letters and digits only, case-folded, accents dropped: "ICD-10  Update", "icd 10 update." and
 * "ICD–10 Updaté!" are one activity (punctuation, symbols and spacing make no new course).
 */
export const courseKey = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-US')
    .replace(/[^\p{L}\p{N}]/gu, '');
const dedupeKeyOf = (title: string, provider: string) => `${courseKey(title)}\n${courseKey(provider)}`;

/**
 * Whether a certificate's file (by id, or the same content uploaded again: `content_digest`) already
 * backs a CEU entry, or is evidence of one of the coder's credentials (or a change of one). $1 the
 * document, $2 the coder.
 */
const CERTIFICATE_USES = `
  WITH doc AS (SELECT id, content_digest FROM credential_documents WHERE id = $1 AND coder_id = $2),
  same AS (SELECT d.id FROM credential_documents d, doc WHERE d.coder_id = $2 AND (d.id = doc.id OR (doc.content_digest IS NOT NULL AND d.content_digest = doc.content_digest)))
  SELECT EXISTS (SELECT 1 FROM ceu_entries e WHERE e.certificate_document_id IN (SELECT id FROM same)) AS backs_entry,
         (EXISTS (SELECT 1 FROM credentials c WHERE c.coder_id = $2 AND c.evidence_document_id IN (SELECT id FROM same))
          OR EXISTS (SELECT 1 FROM credential_changes ch JOIN credentials c ON c.id = ch.credential_id WHERE c.coder_id = $2 AND ch.evidence_document_id IN (SELECT id FROM same))) AS is_evidence`;

/**
 * The CEU log (issue 17, item 2; docs/credentials.md "CEU log"): coders log continuing education
 * towards the current cycle of each issuer whose credentials they hold; the requirement follows the
 * counting credentials (domain/ceu-rules.ts). Entries are the coder's own: only they and ADMINs read them.
 */
@Injectable()
export class CeusService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CeusService.name);

  constructor(
    @InjectRepository(CeuEntryEntity) private readonly entries: Repository<CeuEntryEntity>,
    @InjectRepository(CredentialDocumentEntity) private readonly documents: Repository<CredentialDocumentEntity>,
    private readonly credentials: CredentialsService,
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
    private readonly users: UsersService,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule('ceus.remind-short', { cron: this.config.env.CREDENTIAL_REMINDER_CRON }, () => this.remindShort());
  }

  /**
   * Logs an entry for the calling coder. Every check names its field and writes nothing: the issuer
   * must have a current cycle, the day must be inside it and not in the future, the CEUs a positive
   * multiple of 0.1 (at most MAX_ENTRY_CEUS: one course or event), the category one the issuer uses,
   * the certificate one the coder uploaded. A course counts once per cycle (AAPC: "CEUs may only be
   * earned once per course ... regardless of how many times each one is completed"): the same title +
   * provider (letters and digits only, case and accents folded), or the same approval code, in the issuer's current cycle is CONFLICT naming it, whatever
   * the day; a certificate file (by id or content) backs one entry and is no credential's evidence. Checked under a per-coder-and-issuer lock (concurrent
   * identical requests make one entry); at most 200 entries per cycle.
   */
  async log(actor: Actor, input: LogCeuInput): Promise<CeuEntryEntity> {
    const today = todayUtc();
    const ceuTenths = ceuTenthsOf(input.ceus);
    if (ceuTenths === null) throw new BadUserInputError(`input.ceus must be a positive multiple of 0.1, at most ${MAX_ENTRY_CEUS} for one entry (one course or event)`, ['input.ceus']);
    if (!ISSUER_CATEGORIES[input.issuer].includes(input.category)) {
      throw new BadUserInputError(`input.category must be one of ${ISSUER_CATEGORIES[input.issuer].join(', ')} for ${input.issuer}`, ['input.category']);
    }
    if (input.completedOn > today) throw new BadUserInputError('input.completedOn must not be in the future', ['input.completedOn']);
    const cycle = (await this.cyclesOf(actor.id, today)).find((c) => c.issuer === input.issuer);
    if (!cycle) throw new BadUserInputError(`input.issuer: you hold no counting ${input.issuer} credential, so there is no ${input.issuer} CEU cycle to log to`, ['input.issuer']);
    if (input.completedOn < cycle.startsOn || input.completedOn > cycle.endsOn) {
      throw new BadUserInputError(`input.completedOn must be inside the current ${input.issuer} cycle (${cycle.startsOn} to ${cycle.endsOn})`, ['input.completedOn']);
    }
    await this.requireOwnDocument(actor, input.certificateDocumentId, 'input.certificateDocumentId');
    const dedupeKey = dedupeKeyOf(input.title, input.provider);
    const approvalCode = input.approvalCode ? input.approvalCode.trim().toUpperCase() : null;
    try {
      return await this.transactions.run(async (manager) => {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`ceu-log:${actor.id}:${input.issuer}`]);
        if (input.certificateDocumentId) await this.requireUnusedCertificate(manager, actor, input.certificateDocumentId, 'input.certificateDocumentId');
        const inCycle = await queryRows<{ title: string; provider: string; approval_code: string | null; completed_on: string }>(
          manager,
          `SELECT title, provider, approval_code, completed_on::text FROM ceu_entries WHERE coder_id = $1 AND issuer = $2 AND completed_on BETWEEN $3 AND $4`,
          [actor.id, input.issuer, cycle.startsOn, cycle.endsOn],
        );
        // Keyed afresh from title and provider: entries logged under an older key compare too.
        const sameCourse = inCycle.find((e) => dedupeKeyOf(e.title, e.provider) === dedupeKey);
        if (sameCourse)
          throw new ConflictError(
            `input.title: you already logged "${input.title.trim()}" by ${input.provider.trim()} in this ${input.issuer} cycle (on ${sameCourse.completed_on}): a course counts once per cycle`,
          );
        const sameApproval = approvalCode === null ? undefined : inCycle.find((e) => e.approval_code === approvalCode);
        if (sameApproval)
          throw new ConflictError(
            `input.approvalCode: you already logged approval code ${approvalCode} in this ${input.issuer} cycle (on ${sameApproval.completed_on}): a course counts once per cycle`,
          );
        if (inCycle.length >= MAX_ENTRIES_PER_CYCLE) throw new ConflictError(`This ${input.issuer} cycle already has ${MAX_ENTRIES_PER_CYCLE} entries, the most one cycle keeps`);
        return manager.getRepository(CeuEntryEntity).save({
          coderId: actor.id,
          issuer: input.issuer,
          category: input.category,
          title: input.title.trim(),
          provider: input.provider.trim(),
          completedOn: input.completedOn,
          ceuTenths,
          dedupeKey,
          approvalCode,
          certificateDocumentId: input.certificateDocumentId ?? null,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'ceu_entries_dedupe_key')) throw new ConflictError('input.title: you already logged this activity (same title, provider and day) for this issuer');
      if (isUniqueViolation(error, 'ceu_entries_certificate_key')) throw CERTIFICATE_TAKEN('input.certificateDocumentId');
      throw error;
    }
  }

  /**
   * Attaches the certificate of completion to one of the caller's entries that has none yet (an entry
   * counts toward its cycle only with one). Another coder's entry is NOT_FOUND; an entry that has one,
   * or a certificate backing another entry, is CONFLICT.
   */
  async attachCertificate(actor: Actor, id: string, certificateDocumentId: string): Promise<CeuEntryEntity> {
    const entry = await this.entries.findOneBy({ id, coderId: actor.id });
    if (!entry) throw new NotFoundError('CeuEntry');
    await this.requireOwnDocument(actor, certificateDocumentId, 'certificateDocumentId');
    try {
      await this.transactions.run(async (manager) => {
        await this.requireUnusedCertificate(manager, actor, certificateDocumentId, 'certificateDocumentId');
        const moved = await manager
          .getRepository(CeuEntryEntity)
          .createQueryBuilder()
          .update()
          .set({ certificateDocumentId })
          .where('id = :id AND coder_id = :coderId AND certificate_document_id IS NULL', { id, coderId: actor.id })
          .execute();
        if (!moved.affected) throw new ConflictError('This entry already has its certificate');
      });
    } catch (error) {
      if (isUniqueViolation(error, 'ceu_entries_certificate_key')) throw CERTIFICATE_TAKEN('certificateDocumentId');
      throw error;
    }
    return this.entries.findOneByOrFail({ id });
  }

  /**
   * One certificate file backs one entry and is not a credential's evidence: the same content
   * uploaded again under a new id is the same certificate (CONFLICT naming `field`). Checked under a
   * per-coder lock, so two entries racing for copies of one file get one of them.
   */
  private async requireUnusedCertificate(manager: EntityManager, actor: Actor, documentId: string, field: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`ceu-certificate:${actor.id}`]);
    const [uses] = await queryRows<{ backs_entry: boolean; is_evidence: boolean }>(manager, CERTIFICATE_USES, [documentId, actor.id]);
    if (uses?.backs_entry) throw CERTIFICATE_TAKEN(field);
    if (uses?.is_evidence) throw new ConflictError(`${field}: this file is the evidence of one of your credentials: a CEU entry needs its own certificate of completion`);
  }

  private async requireOwnDocument(actor: Actor, documentId: string | null | undefined, field: string): Promise<void> {
    if (documentId && !(await this.documents.existsBy({ id: documentId, coderId: actor.id }))) throw new BadUserInputError(`${field} is not a document you uploaded`, [field]);
  }

  /** Deletes one of the caller's entries while its cycle is open (completed inside the issuer's current cycle); another coder's entry is NOT_FOUND. */
  async delete(actor: Actor, id: string): Promise<CeuEntryEntity> {
    const entry = await this.entries.findOneBy({ id, coderId: actor.id });
    if (!entry) throw new NotFoundError('CeuEntry');
    const cycle = (await this.cyclesOf(actor.id, todayUtc())).find((c) => c.issuer === entry.issuer);
    if (!cycle || entry.completedOn < cycle.startsOn || entry.completedOn > cycle.endsOn) throw new ConflictError('This entry belongs to a closed CEU cycle: it is kept as logged');
    const result = await this.entries.delete({ id, coderId: actor.id });
    if (!result.affected) throw new NotFoundError('CeuEntry');
    return entry;
  }

  /** The current cycles of a coder: the coder themself, or an ADMIN. Anyone else is told the coder has none to show (NOT_FOUND). */
  async cyclesFor(actor: Actor, coderId: string | null | undefined): Promise<CeuCycleState[]> {
    const target = coderId ?? actor.id;
    if (target !== actor.id && actor.role !== UserRole.ADMIN) throw new NotFoundError('Coder');
    if (actor.role === UserRole.ADMIN && !coderId) throw new BadUserInputError('coderId is required for an ADMIN', ['coderId']);
    return this.statesOf(target, todayUtc());
  }

  private async cyclesOf(coderId: string, today: string): Promise<CeuCycleWindow[]> {
    return ceuCycles(await this.credentials.listForCoder(coderId), today);
  }

  private async statesOf(coderId: string, today: string): Promise<CeuCycleState[]> {
    const cycles = await this.cyclesOf(coderId, today);
    const states: CeuCycleState[] = [];
    for (const cycle of cycles) {
      const entries = await this.entries
        .createQueryBuilder('e')
        .where('e.coder_id = :coderId AND e.issuer = :issuer AND e.completed_on BETWEEN :from AND :to', { coderId, issuer: cycle.issuer, from: cycle.startsOn, to: cycle.endsOn })
        .orderBy('e.completed_on', 'DESC')
        .addOrderBy('e.created_at', 'DESC')
        .getMany();
      const loggedTenths = entries.reduce((sum, entry) => sum + entry.ceuTenths, 0);
      // Only entries with their certificate count toward the requirement; the others are pending.
      const countedTenths = entries.reduce((sum, entry) => sum + (ceuEntryCounts(entry) ? entry.ceuTenths : 0), 0);
      states.push({
        ...cycle,
        entries,
        loggedTenths,
        countedTenths,
        pendingTenths: loggedTenths - countedTenths,
        remainingTenths: Math.max(0, cycle.requiredTenths - countedTenths),
        onTrack: ceuOnTrack(cycle, countedTenths, today),
      });
    }
    return states;
  }

  /**
   * Reminds coders whose cycle ends within 90 days, and again within 30, while it is short of CEUs
   * (notification + mail through the outbox). Once per coder, cycle (issuer + end date) and threshold
   * across runs and instances: the `ceu_reminders_key` unique key decides who sends. A coder first
   * found short 20 days out hears only the 30-day reminder.
   */
  async remindShort(): Promise<number> {
    const today = todayUtc();
    const coders = await queryRows<{ coder_id: string }>(
      this.entries,
      `SELECT DISTINCT coder_id FROM credentials WHERE status = 'VERIFIED' AND expires_on BETWEEN $1::date AND $1::date + 90 ORDER BY coder_id`,
      [today],
    );
    return eachOnItsOwn(
      coders,
      ({ coder_id }) => `CEU reminder for coder ${coder_id}`,
      async ({ coder_id: coderId }) => {
        let sent = false;
        for (const cycle of await this.statesOf(coderId, today)) {
          const threshold = ceuReminderThreshold(cycle.endsOn, today);
          if (threshold === null || cycle.remainingTenths === 0) continue;
          sent = (await this.remind(coderId, cycle, threshold, today)) || sent;
        }
        return sent;
      },
      this.logger,
    );
  }

  private remind(coderId: string, cycle: CeuCycleState, threshold: number, today: string): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const [reminder] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO ceu_reminders (coder_id, issuer, cycle_ends_on, threshold_days, remaining_tenths) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (coder_id, issuer, cycle_ends_on, threshold_days) DO NOTHING RETURNING id`,
        [coderId, cycle.issuer, cycle.endsOn, threshold, cycle.remainingTenths],
      );
      if (!reminder) return false; // sent already (an earlier run, or another instance)
      const remaining = String(cycle.remainingTenths / CEU_TENTHS);
      const required = String(cycle.requiredTenths / CEU_TENTHS);
      const message = `Your ${cycle.issuer} CEU cycle ends on ${cycle.endsOn} (in ${daysBetween(today, cycle.endsOn)} days) and ${remaining} of its ${required} CEUs are still missing: log them (logCeu)`;
      await this.notifications.notify(manager, coderId, NotificationKind.CEU_CYCLE_SHORT, message, { issuer: cycle.issuer, cycleEndsOn: cycle.endsOn, remaining, thresholdDays: String(threshold) });
      const user = await this.users.findById(coderId, manager);
      if (user) await this.mail.enqueue(manager, `ceu-short:${reminder.id}`, user.email, 'ceu-cycle-short', { issuer: cycle.issuer, endsOn: cycle.endsOn, remaining, required });
      return true;
    });
  }
}

/** Whether an entry counts toward its cycle's requirement: only with its certificate of completion. */
export const ceuEntryCounts = (entry: Pick<CeuEntryEntity, 'certificateDocumentId'>) => entry.certificateDocumentId !== null;

/** Tenths as the CEUs the API shows (15 -> 1.5). */
export const ceusOf = (tenths: number) => tenths / CEU_TENTHS;
