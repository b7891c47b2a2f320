import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/app-error.js';
import { byKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { ConnectionShape } from '../common/pagination/connection.js';
import { byCreatedAt, paginate } from '../common/pagination/paginate.js';
import { pageOf, paginateByOffset } from '../common/pagination/offset-paginate.js';
import { joinRankedPage } from '../common/pagination/ranked-window.js';
import { todayUtc } from '../common/scalars/local-date.scalar.js';
import { queryRows } from '../database/query-rows.js';
import { normalizeEhr } from '../domain/ehr.js';
import { workReadsPhi } from '../domain/phi-work.js';
import { CredentialType } from '../domain/credential-type.enum.js';
import { anyOfGroups, groupsOfRequiredTypes, heldForRequirements, singleTypeGroups } from '../domain/credential-requirements.js';
import { Specialty } from '../domain/specialty.enum.js';
import { PayModel, WorkType } from '../domain/work.enums.js';
import { OrganizationAccess } from '../organizations/organization-access.service.js';
import { OrganizationKind } from '../organizations/organization.enums.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { CreateJobPostingInput } from './dto/create-job-posting.input.js';
import { JobPostingsArgs, JobPostingSort, MyJobPostingsArgs } from './dto/job-postings.args.js';
import { JobPostingEntity } from './job-posting.entity.js';
import { JobPostingStatus } from './job-posting-status.enum.js';

/** How many of the newest text matches the RELEVANCE sort ranks (see `search`). */
const JOB_RELEVANCE_WINDOW = 300;

@Injectable()
export class JobPostingsService {
  constructor(
    @InjectRepository(JobPostingEntity) private readonly postings: Repository<JobPostingEntity>,
    private readonly organizations: OrganizationsService,
    private readonly access: OrganizationAccess,
  ) {}

  /** Posts work for a PROVIDER_PRACTICE the caller is an active member of. */
  async create(actor: Actor, input: CreateJobPostingInput): Promise<JobPostingEntity> {
    await this.access.require(actor, input.organizationId, 'organization.hire');
    const organization = await this.organizations.findById(input.organizationId);
    if (organization?.kind !== OrganizationKind.PROVIDER_PRACTICE) {
      throw new BadUserInputError('input.organizationId must be a PROVIDER_PRACTICE', ['input.organizationId']);
    }
    checkPay(input);
    const groups = requirementGroupsOf(input);
    if (input.startsOn && input.startsOn < todayUtc()) throw new BadUserInputError('input.startsOn must not be in the past', ['input.startsOn']);
    return this.postings.save({
      organizationId: input.organizationId,
      postedById: actor.id,
      title: input.title,
      description: input.description,
      specialty: input.specialty,
      codeSets: input.codeSets,
      workType: input.workType,
      setting: input.setting,
      ehrSystem: input.ehrSystem ? normalizeEhr(input.ehrSystem) : null,
      timezone: input.timezone ?? null,
      requiredCredentialTypes: singleTypeGroups(groups),
      anyOfCredentialGroups: anyOfGroups(groups),
      apprenticesAccepted: input.apprenticesAccepted,
      chartsPerWeek: input.chartsPerWeek ?? null,
      turnaroundHours: input.turnaroundHours,
      accuracyTargetBps: input.accuracyTargetBps,
      payModel: input.payModel,
      rateCents: input.rateCents ?? null,
      budgetCents: input.budgetCents ?? null,
      percentOfCollectionsBps: input.percentOfCollectionsBps ?? null,
      startsOn: input.startsOn ?? null,
      durationWeeks: input.durationWeeks ?? null,
      weeklyHourLimit: input.weeklyHourLimit ?? null,
      // The work type decides (src/domain/phi-work.ts); the input can only ask for a BAA, never turn it off.
      requiresBaa: workReadsPhi(input.workType) || Boolean(input.requiresBaa),
      positions: input.positions,
      status: JobPostingStatus.OPEN,
      closedAt: null,
    });
  }

  /** Closes an OPEN posting (members of its organization); a posting already CLOSED or FILLED is a CONFLICT. */
  async close(actor: Actor, id: string): Promise<JobPostingEntity> {
    const posting = await this.findForMemberOrFail(actor, id);
    const result = await this.postings
      .createQueryBuilder()
      .update()
      .set({ status: JobPostingStatus.CLOSED, closedAt: () => 'now()' })
      .where('id = :id AND status = :open', { id, open: JobPostingStatus.OPEN })
      .execute();
    if (!result.affected) throw new ConflictError(`This posting is ${posting.status}, not OPEN`);
    return this.postings.findOneByOrFail({ id });
  }

  /** The posting, read through `manager` when called inside a transaction. */
  findById(id: string, manager?: EntityManager): Promise<JobPostingEntity | null> {
    return (manager?.getRepository(JobPostingEntity) ?? this.postings).findOneBy({ id });
  }

  /** Postings each organization among the uuid array parameter $1 published, any status (`organization_id, postings`), as a subquery for client reputation. */
  countOfOrganizations(): { sql: string } {
    return { sql: 'SELECT organization_id, count(*)::int AS postings FROM job_postings WHERE organization_id = ANY($1::uuid[]) GROUP BY organization_id' };
  }

  loadById(loaders: RequestLoaders, id: string): Promise<JobPostingEntity | null> {
    return loaders.get<string, JobPostingEntity | null>('jobPostingById', async (ids) => byKeys(ids, await this.postings.findBy({ id: In([...ids]) }), (p) => p.id)).load(id);
  }

  /**
   * The posting when the caller may act for its organization (`organization.hire`): NOT_FOUND for
   * a missing posting and for outsiders alike, FORBIDDEN for an admin.
   */
  async findForMemberOrFail(actor: Actor, id: string): Promise<JobPostingEntity> {
    const posting = await this.postings.findOneBy({ id });
    if (!posting) throw new NotFoundError('Job posting');
    await this.access.require(actor, posting.organizationId, 'organization.hire', 'Job posting');
    return posting;
  }

  /** Locks an OPEN posting for the rest of the transaction (bids, invitations); NOT_FOUND or CONFLICT otherwise. */
  async lockOpen(manager: EntityManager, id: string): Promise<JobPostingEntity> {
    const posting = await manager.getRepository(JobPostingEntity).createQueryBuilder('j').setLock('pessimistic_read').where('j.id = :id', { id }).getOne();
    if (!posting) throw new NotFoundError('Job posting');
    if (posting.status !== JobPostingStatus.OPEN) throw new ConflictError(`This posting is ${posting.status} and takes no more bids or invitations`);
    return posting;
  }

  /** Locks a posting row for an update later in the transaction (accepting a bid); NOT_FOUND when missing. */
  async lockForUpdate(manager: EntityManager, id: string): Promise<JobPostingEntity> {
    const posting = await manager.getRepository(JobPostingEntity).createQueryBuilder('j').setLock('pessimistic_write').where('j.id = :id', { id }).getOne();
    if (!posting) throw new NotFoundError('Job posting');
    return posting;
  }

  /**
   * Takes one position with a conditional UPDATE: only while OPEN and not full; the posting turns
   * FILLED with its last position. CONFLICT when no position is left.
   */
  async takePosition(manager: EntityManager, id: string): Promise<{ filled: boolean }> {
    const rows = await queryRows<{ status: JobPostingStatus }>(
      manager,
      `UPDATE job_postings
          SET positions_filled = positions_filled + 1,
              status = CASE WHEN positions_filled + 1 >= positions THEN 'FILLED'::job_posting_status ELSE status END,
              updated_at = now()
        WHERE id = $1 AND status = 'OPEN' AND positions_filled < positions
        RETURNING status`,
      [id],
    );
    if (!rows.length) throw new ConflictError('This posting has no open position left');
    return { filled: rows[0].status === JobPostingStatus.FILLED };
  }

  /**
   * Postings to recommend to a coder, from SQL: OPEN, every credential requirement group met by the
   * coder's counting credentials, not already bid on; newest first in one of the coder's specialties, then, when those are fewer
   * than `limit`, newest first in one of the coder's work types. Each step stops at its limit: the
   * planner walks (status, created_at) newest first, or reads the open postings of rare specialties
   * through the partial (specialty, created_at) index and sorts those few. (Ordering by "in a
   * specialty" first sorted every matching open posting.)
   */
  async recommendationCandidates(coder: { specialties: Specialty[]; workTypes: WorkType[]; credentials: CredentialType[]; excludeIds: string[] }, limit: number): Promise<JobPostingEntity[]> {
    const open = () =>
      this.postings
        .createQueryBuilder('j')
        .where('j.status = :open', { open: JobPostingStatus.OPEN })
        // Every group met: the single-type ones by the flat list, each "any of" group by one of its types.
        // What the coder's credentials meet depends on whether the posting accepts apprentices.
        .andWhere(
          `(CASE WHEN j.apprentices_accepted THEN CAST(:heldLenient AS credential_type[]) ELSE CAST(:heldStrict AS credential_type[]) END) @> j.required_credential_types
           AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(j.any_of_credential_groups) AS g(types)
                            WHERE NOT (g.types ?| CASE WHEN j.apprentices_accepted THEN CAST(:heldLenient AS text[]) ELSE CAST(:heldStrict AS text[]) END))`,
          { heldStrict: heldForRequirements(coder.credentials, false), heldLenient: heldForRequirements(coder.credentials, true) },
        )
        .andWhere('NOT (j.id = ANY(CAST(:excluded AS uuid[])))', { excluded: coder.excludeIds })
        .setParameters({ specialties: coder.specialties, workTypes: coder.workTypes })
        .orderBy('j.created_at', 'DESC')
        .addOrderBy('j.id', 'ASC');
    const inSpecialty = await open().andWhere('j.specialty = ANY(CAST(:specialties AS specialty[]))').limit(limit).getMany();
    if (inSpecialty.length >= limit) return inSpecialty;
    const byWorkType = await open()
      .andWhere('j.work_type = ANY(CAST(:workTypes AS work_type[]))')
      .andWhere('NOT (j.specialty = ANY(CAST(:specialties AS specialty[])))')
      .limit(limit - inSpecialty.length)
      .getMany();
    return [...inSpecialty, ...byWorkType];
  }

  /**
   * The postings of the organizations the caller is an active member of (`organization.hire`: the
   * members who post and close them), any status, newest first; with `organizationId`, that one
   * organization's (NOT_FOUND for an outsider, as for its postings). Nobody sees another tenant's
   * FILLED or CLOSED postings here.
   */
  async listForMember(actor: Actor, args: MyJobPostingsArgs): Promise<ConnectionShape<JobPostingEntity>> {
    if (args.organizationId) await this.access.require(actor, args.organizationId, 'organization.hire');
    const organizations = this.access.organizationsHolding('organization.hire', actor.id);
    const query = this.postings.createQueryBuilder('j').where(`j.organization_id IN (${organizations.sql})`, organizations.parameters);
    if (args.organizationId) query.andWhere('j.organization_id = :organizationId', { organizationId: args.organizationId });
    if (args.status) query.andWhere('j.status = :status', { status: args.status });
    return paginate(query, args, byCreatedAt<JobPostingEntity>('j', 'DESC'));
  }

  /**
   * Public job search: the directory's filters, newest first, or with text (RELEVANCE) best match
   * first among the JOB_RELEVANCE_WINDOW newest matches: ranking every match grew with the board (a
   * common word matches a good share of all postings), the window is an index walk that stops.
   */
  search(args: JobPostingsArgs): Promise<ConnectionShape<JobPostingEntity>> {
    const filter = args.filter ?? {};
    const build = () => {
      const query = this.postings.createQueryBuilder('j').where('j.status = :status', { status: filter.status ?? JobPostingStatus.OPEN });
      if (filter.specialties?.length) query.andWhere('j.specialty IN (:...specialties)', { specialties: filter.specialties });
      if (filter.codeSets?.length) query.andWhere('j.code_sets && CAST(:codeSets AS code_set[])', { codeSets: filter.codeSets });
      if (filter.workTypes?.length) query.andWhere('j.work_type IN (:...workTypes)', { workTypes: filter.workTypes });
      if (filter.payModels?.length) query.andWhere('j.pay_model IN (:...payModels)', { payModels: filter.payModels });
      if (filter.settings?.length) query.andWhere('j.setting IN (:...settings)', { settings: filter.settings });
      if (filter.text) query.andWhere("j.search_document @@ websearch_to_tsquery('english', :text)", { text: filter.text });
      if (filter.verifiedOnly) query.andWhere(`j.organization_id IN (${this.organizations.verifiedOrganizations().sql})`);
      return query;
    };
    const newest = <T extends SelectQueryBuilder<JobPostingEntity>>(query: T): T => query.addOrderBy('j.created_at', 'DESC').addOrderBy('j.id', 'ASC');
    if (!filter.text || args.sort === JobPostingSort.NEWEST) return paginateByOffset(pageOf(newest(build())), build(), args);
    const readPage = async (offset: number, limit: number) => {
      if (offset >= JOB_RELEVANCE_WINDOW) return [];
      const matches = newest(build().select('j.id', 'id').addSelect('j.created_at', 'created_at').addSelect("ts_rank_cd(j.search_document, websearch_to_tsquery('english', :text))", 'rank')).limit(
        JOB_RELEVANCE_WINDOW,
      );
      return joinRankedPage(this.postings.createQueryBuilder('j'), matches, 'rank DESC, created_at DESC, id', offset, limit).addOrderBy('j.created_at', 'DESC').addOrderBy('j.id', 'ASC').getMany();
    };
    return paginateByOffset(readPage, build(), args);
  }
}

/**
 * The posting's requirement groups: `credentialRequirements` as written, or the old flat list as one
 * group per type. Both at once is refused (which would win is a guess), and so is a repeated group.
 */
function requirementGroupsOf(input: CreateJobPostingInput): CredentialType[][] {
  const groups = input.credentialRequirements?.map((requirement) => requirement.anyOf);
  if (!groups?.length) return groupsOfRequiredTypes(input.requiredCredentialTypes);
  if (input.requiredCredentialTypes.length) {
    throw new BadUserInputError('Give input.requiredCredentialTypes or input.credentialRequirements, not both', ['input.requiredCredentialTypes', 'input.credentialRequirements']);
  }
  const seen = new Map<string, number>();
  groups.forEach((group, index) => {
    const key = [...group].sort().join(',');
    const first = seen.get(key);
    if (first !== undefined) throw new BadUserInputError(`input.credentialRequirements.${index} repeats input.credentialRequirements.${first}`, [`input.credentialRequirements.${index}`]);
    seen.set(key, index);
  });
  return groups;
}

/** Each pay model needs its own rate field and refuses the others'. */
function checkPay(input: CreateJobPostingInput): void {
  const needsRate = input.payModel === PayModel.HOURLY || input.payModel === PayModel.PER_CHART;
  const needsPercent = input.payModel === PayModel.PERCENT_OF_COLLECTIONS;
  if (needsRate && input.rateCents == null) throw new BadUserInputError(`input.rateCents is required for ${input.payModel}`, ['input.rateCents']);
  if (!needsRate && input.rateCents != null) throw new BadUserInputError(`input.rateCents is only for HOURLY and PER_CHART (use budgetCents or percentOfCollectionsBps)`, ['input.rateCents']);
  if (needsPercent && input.percentOfCollectionsBps == null) throw new BadUserInputError('input.percentOfCollectionsBps is required for PERCENT_OF_COLLECTIONS', ['input.percentOfCollectionsBps']);
  if (!needsPercent && input.percentOfCollectionsBps != null) throw new BadUserInputError('input.percentOfCollectionsBps is only for PERCENT_OF_COLLECTIONS', ['input.percentOfCollectionsBps']);
  if (input.payModel === PayModel.FIXED_PRICE && input.budgetCents == null) throw new BadUserInputError('input.budgetCents is required for FIXED_PRICE', ['input.budgetCents']);
  if (input.payModel !== PayModel.HOURLY && input.weeklyHourLimit != null) throw new BadUserInputError('input.weeklyHourLimit is only for HOURLY', ['input.weeklyHourLimit']);
}
