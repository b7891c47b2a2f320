import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { NUMBERED_SLUG_TRIES, slugBase, slugCandidate } from '../domain/public-slug.js';
import { byKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { ConnectionShape } from '../common/pagination/connection.js';
import { paginateByOffset } from '../common/pagination/offset-paginate.js';
import { joinRankedPage } from '../common/pagination/ranked-window.js';
import { CredentialRequirements, requirementsOf, StoredCredentialRequirements, typesMeetingGroup } from '../domain/credential-requirements.js';
import { CREDENTIAL_SPECIALTY, CredentialType } from '../domain/credential-type.enum.js';
import { normalizeEhrList } from '../domain/ehr.js';
import { Specialty } from '../domain/specialty.enum.js';
import { WorkType } from '../domain/work.enums.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CoderLegalNameEntity } from './coder-legal-name.entity.js';
import { CoderProfileEntity, ProfileRow } from './coder-profile.entity.js';
import { countingCredentialSql } from './counting-credential.js';
import { todayUtc } from '../common/scalars/local-date.scalar.js';
import { CREDENTIALS_JSON, CredentialJson, CredentialsService } from './credentials.service.js';
import { CoderFilterInput, CodersArgs, CoderSort } from './dto/coders.args.js';
import { UpsertCoderProfileInput } from './dto/upsert-coder-profile.input.js';

/** SQL condition on a `credentials c` row: it counts (the one rule, see counting-credential.ts). */
const COUNTING_CREDENTIAL = countingCredentialSql('c');

/** How many of the best-rated text matches the RELEVANCE sort ranks (see `relevanceWindow`). */
const RELEVANCE_WINDOW = 300;

/** Average rating as the rating indexes (coder_profiles_rating_idx, _available_rating_idx) order it. */
const RATING_ORDER = '(p.rating_total::float / NULLIF(p.rating_count, 0))';

/** Best rated first, more reviews first, then id: the order of the rating indexes. */
const byRating = <T extends SelectQueryBuilder<CoderProfileEntity>>(query: T): T => query.addOrderBy(RATING_ORDER, 'DESC', 'NULLS LAST').addOrderBy('p.rating_count', 'DESC').addOrderBy('p.id', 'ASC');

/**
 * Narrows `query` (alias `p`) to coders meeting every requirement group with a counting credential:
 * per group, the GIN index on verified_credential_types finds the holders of one of the types that
 * meet it, and EXISTS rechecks on those rows that such a credential counts (expiry depends on the date).
 */
function meetingRequirements<T extends SelectQueryBuilder<CoderProfileEntity>>(query: T, requirements: CredentialRequirements): T {
  requirements.groups.forEach((group, index) => {
    const parameter = `requirementGroup${index}`;
    query.andWhere(
      `p.verified_credential_types && CAST(:${parameter} AS credential_type[]) AND EXISTS (
         SELECT 1 FROM credentials c WHERE c.coder_id = p.user_id AND c.type = ANY(CAST(:${parameter} AS credential_type[])) AND ${COUNTING_CREDENTIAL})`,
      { [parameter]: typesMeetingGroup(group, requirements.apprenticesAccepted) },
    );
  });
  return query;
}
/** The profile fields exclusion screening compares, with every legal name the profile has had ('' for a part not given). */
export type ScreeningIdentity = Pick<CoderProfileEntity, 'userId' | 'legalFirstName' | 'legalLastName' | 'npi' | 'dateOfBirth' | 'state'> & {
  legalNames: { firstName: string; lastName: string }[];
};

/** Called with the coder's id after each profile write has committed (exclusion screening registers one). */
export type ProfileWrittenListener = (userId: string) => Promise<unknown>;

/**
 * Works out, for the coders of a directory page, the values of `fields` of CoderProfile that another
 * module resolves (accuracy), by that module's field resolvers' rules: one batched read per page.
 */
export interface DirectoryPagePreloader {
  fields: readonly string[];
  preload(coderIds: string[], loaders: RequestLoaders): Promise<Map<string, Record<string, unknown>>>;
}

export interface MatchCandidate {
  profile: ProfileRow;
  /** Verified, unexpired credential types. */
  countingTypes: CredentialType[];
}

@Injectable()
export class CoderProfilesService {
  /**
   * The SELECT list of a `ProfileRow` on alias `p`, from the entity's metadata. Arrays come as JSON:
   * the driver's text-array parser built each element character by character, a quarter of all the
   * memory a matchCoders request allocated (100 candidates, six arrays each); JSON.parse is native.
   */
  private readonly profileColumns: string;
  private readonly writtenListeners: ProfileWrittenListener[] = [];
  private readonly pagePreloaders: DirectoryPagePreloader[] = [];

  constructor(
    @InjectRepository(CoderProfileEntity) private readonly profiles: Repository<CoderProfileEntity>,
    @InjectRepository(CoderLegalNameEntity) private readonly legalNames: Repository<CoderLegalNameEntity>,
    private readonly credentials: CredentialsService,
    private readonly transactions: TransactionRunner,
  ) {
    this.profileColumns = profiles.metadata.columns
      .filter((column) => column.isSelect && !column.isVirtual)
      .map((column) => (column.isArray ? `to_json(p.${column.databaseName})` : `p.${column.databaseName}`) + ` AS "${column.propertyName}"`)
      .join(', ');
  }

  /** Registers `listener` to run after each profile write (a rename must be screened at once). */
  afterProfileWritten(listener: ProfileWrittenListener): void {
    this.writtenListeners.push(listener);
  }

  /** Registers `preloader` for directory pages that select any of its fields (preloaded-fields.ts). */
  preloadOnDirectoryPages(preloader: DirectoryPagePreloader): void {
    this.pagePreloaders.push(preloader);
  }

  /** The registered preloaders' values for the coders of a page, for the fields `wants`; by coder. */
  async preloadedForPage(coderIds: string[], loaders: RequestLoaders, wants: (field: string) => boolean): Promise<Map<string, Record<string, unknown>>> {
    const byCoder = new Map<string, Record<string, unknown>>(coderIds.map((id) => [id, {}]));
    for (const preloader of this.pagePreloaders) {
      if (!preloader.fields.some(wants)) continue;
      for (const [coderId, values] of await preloader.preload(coderIds, loaders)) Object.assign(byCoder.get(coderId)!, values);
    }
    return byCoder;
  }

  /**
   * Creates or replaces the caller's profile (INSERT ... ON CONFLICT on the user) and records its
   * legal name among the names it has had, in one transaction; then runs the `afterProfileWritten`
   * listeners (the exclusion screen) and answers the profile as they left it.
   */
  async upsert(actor: Actor, input: UpsertCoderProfileInput): Promise<CoderProfileEntity> {
    if (input.dateOfBirth && (input.dateOfBirth < '1900-01-01' || input.dateOfBirth > todayUtc())) {
      throw new BadUserInputError('input.dateOfBirth must be a past date after 1900', ['input.dateOfBirth']);
    }
    const tooMany = input.specialties.findIndex((s) => s.yearsExperience > input.yearsExperience);
    if (tooMany >= 0) {
      throw new BadUserInputError(`input.specialties.${tooMany}.yearsExperience cannot exceed input.yearsExperience`, [`input.specialties.${tooMany}.yearsExperience`]);
    }
    await this.transactions.run(async (manager) => {
      await manager.getRepository(CoderProfileEntity).upsert(
        {
          userId: actor.id,
          headline: input.headline,
          bio: input.bio,
          yearsExperience: input.yearsExperience,
          timezone: input.timezone,
          weeklyCapacityHours: input.weeklyCapacityHours,
          hourlyRateCents: input.hourlyRateCents ?? null,
          perChartRateCents: input.perChartRateCents ?? null,
          available: input.available,
          specialtyYears: Object.fromEntries(input.specialties.map((s) => [s.specialty, s.yearsExperience])),
          codeSets: input.codeSets,
          workTypes: input.workTypes,
          ehrSystems: normalizeEhrList(input.ehrSystems),
          legalFirstName: input.legalFirstName ?? null,
          legalLastName: input.legalLastName ?? null,
          npi: input.npi ?? null,
          dateOfBirth: input.dateOfBirth ?? null,
          state: input.state ?? null,
          // Omitted (or null): the coder's choice stands; a new profile starts private.
          ...(typeof input.publicProfile === 'boolean' ? { publicProfile: input.publicProfile } : {}),
        },
        { conflictPaths: ['userId'], skipUpdateIfNoValuesChanged: false },
      );
      if (input.legalFirstName || input.legalLastName) {
        await manager
          .getRepository(CoderLegalNameEntity)
          .createQueryBuilder()
          .insert()
          .values({ userId: actor.id, firstName: input.legalFirstName ?? '', lastName: input.legalLastName ?? '' })
          .orIgnore()
          .execute();
      }
    });
    if (input.publicProfile === true) await this.assignPublicSlug(actor.id, actor.name);
    for (const listener of this.writtenListeners) await listener(actor.id);
    return this.profiles.findOneByOrFail({ userId: actor.id });
  }

  /**
   * Gives the profile its public slug at the first opt-in (kept afterwards: links stay stable): the
   * name's slug, de-duplicated by the unique index (jane-doe, jane-doe-2, ..., then a random suffix).
   * The conditional UPDATE leaves a slug already set alone, so concurrent opt-ins agree.
   */
  private async assignPublicSlug(userId: string, name: string): Promise<void> {
    const base = slugBase(name);
    for (let attempt = 0; ; attempt++) {
      const slug = slugCandidate(base, attempt, () => randomBytes(4).toString('hex'));
      try {
        await this.profiles.createQueryBuilder().update().set({ publicSlug: slug }).where('user_id = :userId AND public_slug IS NULL', { userId }).execute();
        return;
      } catch (error) {
        if (!isUniqueViolation(error, 'coder_profiles_public_slug_key') || attempt > NUMBERED_SLUG_TRIES + 3) throw error;
      }
    }
  }

  /** The opted-in profile behind a public slug; null when there is none, it is not opted in, or it is held by exclusion screening. */
  findPublishedBySlug(slug: string): Promise<CoderProfileEntity | null> {
    return this.profiles.findOneBy({ publicSlug: slug, publicProfile: true, screeningHeld: false });
  }

  /** Slugs and last changes of every published profile (opted in, not held), for the sitemap; at most `limit`. */
  publishedSlugs(limit: number): Promise<{ slug: string; updatedAt: Date }[]> {
    return this.profiles
      .createQueryBuilder('p')
      .select('p.public_slug', 'slug')
      .addSelect('p.updated_at', 'updatedAt')
      .where('p.public_profile AND NOT p.screening_held AND p.public_slug IS NOT NULL')
      .orderBy('p.public_slug', 'ASC')
      .limit(limit)
      .getRawMany<{ slug: string; updatedAt: Date }>();
  }

  /** Adds a published review's stars to the coder's rating, in the caller's transaction. */
  async recordRating(manager: EntityManager, userId: string, stars: number): Promise<void> {
    await manager.getRepository(CoderProfileEntity).increment({ userId }, 'ratingCount', 1);
    await manager.getRepository(CoderProfileEntity).increment({ userId }, 'ratingTotal', stars);
  }

  /**
   * What exclusion screening compares, a page of profiles at a time (by user id, after `afterUserId`),
   * or for the given coders only.
   */
  async screeningSubjects(page: { afterUserId: string | null; limit: number } | { userIds: string[] }): Promise<ScreeningIdentity[]> {
    const query = this.profiles.createQueryBuilder('p').select(['p.userId', 'p.legalFirstName', 'p.legalLastName', 'p.npi', 'p.dateOfBirth', 'p.state']).orderBy('p.user_id', 'ASC');
    if ('userIds' in page) query.where('p.user_id = ANY(:userIds)', { userIds: page.userIds });
    else {
      if (page.afterUserId) query.where('p.user_id > :after', { after: page.afterUserId });
      query.limit(page.limit);
    }
    const profiles = await query.getMany();
    const names = profiles.length ? await this.legalNames.find({ where: { userId: In(profiles.map((p) => p.userId)) }, order: { recordedAt: 'ASC' } }) : [];
    return profiles.map((p) => ({
      userId: p.userId,
      legalFirstName: p.legalFirstName,
      legalLastName: p.legalLastName,
      npi: p.npi,
      dateOfBirth: p.dateOfBirth,
      state: p.state,
      legalNames: names.filter((n) => n.userId === p.userId).map((n) => ({ firstName: n.firstName, lastName: n.lastName })),
    }));
  }

  /** Records that these coders were screened at `at`, and which of them are held (the screening module decides), in one statement in the caller's transaction. */
  async markScreened(manager: EntityManager, userIds: string[], at: Date, heldIds: ReadonlySet<string>): Promise<void> {
    if (!userIds.length) return;
    await manager
      .getRepository(CoderProfileEntity)
      .createQueryBuilder()
      .update()
      .set({ lastScreenedAt: at, screeningHeld: () => 'user_id = ANY(:held)' })
      .where('user_id = ANY(:userIds)', { userIds })
      .setParameter('held', [...heldIds])
      .execute();
  }

  /** Puts the coder on, or takes them off, the screening hold (the screening module decides), in the caller's transaction. */
  async setScreeningHeld(manager: EntityManager, userId: string, held: boolean): Promise<void> {
    await manager.getRepository(CoderProfileEntity).update({ userId }, { screeningHeld: held });
  }

  /** Whether the coder is held by exclusion screening (no bids, no new contracts). */
  async isScreeningHeld(userId: string, manager?: EntityManager): Promise<boolean> {
    const repository = manager ? manager.getRepository(CoderProfileEntity) : this.profiles;
    return (await repository.findOne({ select: { id: true, screeningHeld: true }, where: { userId } }))?.screeningHeld ?? false;
  }

  /**
   * `isScreeningHeld` in the caller's transaction, share-locking the profile row: a screen putting the
   * coder on hold (`setScreeningHeld`) waits for the caller's commit or is seen by it, never slips in between.
   */
  async lockScreeningHeld(manager: EntityManager, userId: string): Promise<boolean> {
    const profile = await manager.getRepository(CoderProfileEntity).findOne({ select: { id: true, screeningHeld: true }, where: { userId }, lock: { mode: 'pessimistic_read' } });
    return profile?.screeningHeld ?? false;
  }

  findById(id: string): Promise<CoderProfileEntity | null> {
    return this.profiles.findOneBy({ id });
  }

  findByUserId(userId: string): Promise<CoderProfileEntity | null> {
    return this.profiles.findOneBy({ userId });
  }

  loadById(loaders: RequestLoaders, id: string): Promise<CoderProfileEntity | null> {
    return loaders.get<string, CoderProfileEntity | null>('coderProfileById', async (ids) => byKeys(ids, await this.profiles.findBy({ id: In([...ids]) }), (p) => p.id)).load(id);
  }

  loadByUserId(loaders: RequestLoaders, userId: string): Promise<CoderProfileEntity | null> {
    return loaders.get<string, CoderProfileEntity | null>('coderProfileByUserId', async (ids) => byKeys(ids, await this.profiles.findBy({ userId: In([...ids]) }), (p) => p.userId)).load(userId);
  }

  /**
   * Matching candidates for a posting, from indexed SQL and bounded by `limit`: coders meeting every
   * credential requirement group (with a verified, unexpired credential) who have the posting's specialty (or a verified
   * credential certifying it), available and best rated first; when those are fewer than `limit`,
   * coders doing the posting's kind of work fill the rest, best rated first. Each candidate comes
   * with its counting credential types, read in the same statement.
   */
  async matchCandidates(job: { specialty: Specialty; workType: WorkType } & StoredCredentialRequirements, limit: number): Promise<MatchCandidate[]> {
    const certifying = Object.entries(CREDENTIAL_SPECIALTY)
      .filter(([, specialty]) => specialty === job.specialty)
      .map(([type]) => type);
    // A certifying credential must count (verified and unexpired) to make the coder a specialist.
    const specialist = `(p.specialties @> CAST(:specialty AS specialty[]) OR (p.verified_credential_types && CAST(:certifying AS credential_type[]) AND EXISTS (
       SELECT 1 FROM credentials c WHERE c.coder_id = p.user_id AND c.type = ANY(CAST(:certifying AS credential_type[])) AND ${COUNTING_CREDENTIAL})))`;
    const eligible = () => {
      const query = this.profiles
        .createQueryBuilder('p')
        .select(this.profileColumns)
        .addSelect(`to_json(ARRAY(SELECT c.type FROM credentials c WHERE c.coder_id = p.user_id AND ${COUNTING_CREDENTIAL} ORDER BY c.type))`, 'countingTypes')
        .setParameters({ specialty: [job.specialty], certifying })
        // A coder held by exclusion screening is matched with nobody.
        .where('NOT p.screening_held');
      return meetingRequirements(query, requirementsOf(job));
    };
    // Rows are used as they come (no copy without the extra column): this runs for 100 rows a request.
    const withTypes = async (query: SelectQueryBuilder<CoderProfileEntity>): Promise<MatchCandidate[]> =>
      (await query.getRawMany<ProfileRow & { countingTypes: CredentialType[] }>()).map((row) => ({ profile: row, countingTypes: row.countingTypes }));
    const specialists = await withTypes(byRating(eligible().andWhere(specialist).orderBy('p.available', 'DESC')).limit(limit));
    if (specialists.length >= limit) return specialists;
    const others = await withTypes(
      byRating(
        eligible()
          .andWhere('p.work_types @> CAST(:workType AS work_type[])', { workType: [job.workType] })
          .andWhere(`NOT ${specialist}`),
      ).limit(limit - specialists.length),
    );
    return [...specialists, ...others];
  }

  /**
   * The public directory: combined filters, full-text search with ranking, three sort orders. One
   * statement per page: each row carries the coder's credentials, primed into the request's loader.
   * Relevance is ranked among the RELEVANCE_WINDOW best-rated matches (see `relevanceWindow`).
   */
  search(args: CodersArgs, loaders: RequestLoaders): Promise<ConnectionShape<ProfileRow>> {
    const filter = args.filter ?? {};
    const count = this.filtered(filter);
    const text = filter.text || null;
    const withCredentials = async (page: SelectQueryBuilder<CoderProfileEntity>): Promise<ProfileRow[]> => {
      const rows = await page.select(this.profileColumns).addSelect(CREDENTIALS_JSON, 'credentials').getRawMany<ProfileRow & { credentials: CredentialJson[] }>();
      for (const row of rows) this.credentials.primeForCoder(loaders, row.userId, row.credentials);
      return rows;
    };
    if (args.sort === CoderSort.RELEVANCE && text) {
      const readPage = async (offset: number, limit: number) => {
        if (offset >= RELEVANCE_WINDOW) return [];
        return withCredentials(joinRankedPage(this.profiles.createQueryBuilder('p'), this.relevanceWindow(filter, text), 'rank DESC, id', offset, limit).addOrderBy('p.id', 'ASC'));
      };
      return paginateByOffset(readPage, count, args);
    }
    const query = args.sort === CoderSort.RATE ? this.filtered(filter).orderBy('p.hourly_rate_cents', 'ASC', 'NULLS LAST').addOrderBy('p.id', 'ASC') : byRating(this.filtered(filter));
    return paginateByOffset((offset, limit) => withCredentials(query.clone().offset(offset).limit(limit)), count, args);
  }

  /**
   * The text matches the RELEVANCE sort ranks, with their rank. Ranking every match costs a
   * `ts_rank_cd` per matching row, which grows with the directory (a common word matches a tenth of
   * all coders); so the RELEVANCE_WINDOW best-rated matches are taken (the rating index stops the
   * scan there) and ranked. Pages end at the window: past it, sort by RATING or narrow the search.
   */
  private relevanceWindow(filter: CoderFilterInput, text: string): SelectQueryBuilder<CoderProfileEntity> {
    const matches = this.filtered(filter).select('p.id', 'id').addSelect("ts_rank_cd(p.search_document, websearch_to_tsquery('english', :text))", 'rank').setParameter('text', text);
    return byRating(matches).limit(RELEVANCE_WINDOW);
  }

  private filtered(filter: CoderFilterInput): SelectQueryBuilder<CoderProfileEntity> {
    // Coders held by exclusion screening are out of the directory (docs/screening.md).
    const query = this.profiles.createQueryBuilder('p').where('NOT p.screening_held');
    if (filter.specialties?.length) query.andWhere('p.specialties && CAST(:specialties AS specialty[])', { specialties: filter.specialties });
    if (filter.codeSets?.length) query.andWhere('p.code_sets @> CAST(:codeSets AS code_set[])', { codeSets: filter.codeSets });
    if (filter.workTypes?.length) query.andWhere('p.work_types && CAST(:workTypes AS work_type[])', { workTypes: filter.workTypes });
    if (filter.maxHourlyRateCents !== undefined) query.andWhere('p.hourly_rate_cents <= :maxRate', { maxRate: filter.maxHourlyRateCents });
    if (filter.availableOnly) query.andWhere('p.available');
    if (filter.minRating !== undefined) query.andWhere('p.rating_count > 0 AND p.rating_total >= :minRating * p.rating_count', { minRating: filter.minRating });
    if (filter.text) query.andWhere("p.search_document @@ websearch_to_tsquery('english', :text)", { text: filter.text });
    if (filter.credentialRequirements?.length) meetingRequirements(query, { groups: filter.credentialRequirements.map((group) => group.anyOf), apprenticesAccepted: false });
    if (filter.credentialTypes?.length) {
      // The GIN index on verified_credential_types finds the holders; EXISTS rechecks expiry on those rows.
      query.andWhere(
        `p.verified_credential_types && CAST(:credentialTypes AS credential_type[]) AND EXISTS (
           SELECT 1 FROM credentials c WHERE c.coder_id = p.user_id AND c.type = ANY(CAST(:credentialTypes AS credential_type[])) AND ${COUNTING_CREDENTIAL})`,
        { credentialTypes: filter.credentialTypes },
      );
    }
    return query;
  }
}
