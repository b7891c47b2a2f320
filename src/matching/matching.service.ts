import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor.js';
import { BidsService } from '../bids/bids.service.js';
import { ProfileRow } from '../coders/coder-profile.entity.js';
import { CoderProfilesService } from '../coders/coder-profiles.service.js';
import { certifiedSpecialties, ratingAverage } from '../coders/coders.mapper.js';
import { AppConfig } from '../config/app-config.js';
import { publishedAccuracy } from '../domain/accuracy.js';
import { CredentialsService } from '../coders/credentials.service.js';
import { CredentialType } from '../domain/credential-type.enum.js';
import { Specialty } from '../domain/specialty.enum.js';
import { JobPostingEntity } from '../jobs/job-posting.entity.js';
import { JobPostingsService } from '../jobs/job-postings.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { CodedBatchesService } from '../workroom/coded-batches.service.js';
import { MatchCoder, scoreMatch } from './scoring.js';

/**
 * How many SQL candidates get scored: four times `first` (at least 100, so small pages still choose
 * among many), enough headroom for the score to reorder what the SQL order (specialty, availability,
 * rating) proposes. See docs/matching.md.
 */
const candidateLimit = (first: number) => Math.max(100, first * 4);

/** The reason a recommended posting carries when an admin verified its practice. */
export const VERIFIED_PRACTICE = 'Verified practice (NPI checked by ChartBridge)';

/** A scored coder, with the reasons behind the score. */
export interface RankedCoder {
  profile: ProfileRow;
  score: number;
  reasons: string[];
}

/** A scored posting, with the reasons behind the score. */
export interface RankedJob {
  job: JobPostingEntity;
  score: number;
  reasons: string[];
}

@Injectable()
export class MatchingService {
  constructor(
    private readonly profiles: CoderProfilesService,
    private readonly credentials: CredentialsService,
    private readonly postings: JobPostingsService,
    private readonly bids: BidsService,
    private readonly organizations: OrganizationsService,
    private readonly config: AppConfig,
    private readonly batches: CodedBatchesService,
  ) {}

  /** Coders for a posting, best first (members of the posting's organization only). */
  async matchCoders(actor: Actor, jobPostingId: string, first: number): Promise<RankedCoder[]> {
    const job = await this.postings.findForMemberOrFail(actor, jobPostingId);
    const candidates = await this.profiles.matchCandidates(job, candidateLimit(first));
    // Accuracy as published: the candidates' audits of contracts that paid them, in one statement.
    const audits = await this.batches.publishedAuditsOf(candidates.map(({ profile }) => profile.userId));
    const now = new Date();
    return candidates
      .map(({ profile, countingTypes }) => ({ profile, result: scoreMatch(job, toMatchCoder(profile, countingTypes, audits.get(profile.userId)!, this.config.env.ACCURACY_MIN_SAMPLE), now) }))
      .filter(({ result }) => result.eligible)
      .sort((x, y) => y.result.score - x.result.score || y.profile.ratingCount - x.profile.ratingCount || x.profile.id.localeCompare(y.profile.id))
      .slice(0, first)
      .map(({ profile, result }) => ({ profile, score: result.score, reasons: result.reasons }));
  }

  /** Open postings for the calling coder, best first; none before the coder has a profile. */
  async recommendedJobs(actor: Actor, first: number): Promise<RankedJob[]> {
    const profile = await this.profiles.findByUserId(actor.id);
    // A coder held by exclusion screening cannot bid: nothing to recommend.
    if (!profile || profile.screeningHeld) return [];
    const held = await this.credentials.countingTypes(actor.id);
    const specialties = [...new Set([...profile.specialties, ...certifiedSpecialties(held)])] as Specialty[];
    const candidates = await this.postings.recommendationCandidates(
      { specialties, workTypes: profile.workTypes, credentials: held, excludeIds: await this.bids.liveBidPostingIds(actor.id) },
      candidateLimit(first),
    );
    const audits = await this.batches.publishedAuditsOf([profile.userId]);
    const coder = toMatchCoder(profile, held, audits.get(profile.userId)!, this.config.env.ACCURACY_MIN_SAMPLE);
    const now = new Date();
    const ranked = candidates
      .map((job: JobPostingEntity) => ({ job, result: scoreMatch(job, coder, now) }))
      .filter(({ result }) => result.eligible)
      .sort((x, y) => y.result.score - x.result.score || y.job.createdAt.getTime() - x.job.createdAt.getTime() || x.job.id.localeCompare(y.job.id))
      .slice(0, first);
    // Whether the practice is verified is told, not scored: the score is the fit of the work (docs/matching.md).
    const verified = await this.organizations.verifiedAmong(ranked.map(({ job }) => job.organizationId));
    return ranked.map(({ job, result }) => ({ job, score: result.score, reasons: verified.has(job.organizationId) ? [...result.reasons, VERIFIED_PRACTICE] : result.reasons }));
  }
}

/**
 * A coder as scoring sees it: accuracy only as published (`ACCURACY_MIN_SAMPLE` charts audited on
 * contracts that paid the coder), never a one-chart figure nor an unpaid hire's audit.
 */
function toMatchCoder(profile: ProfileRow, credentials: CredentialType[], audits: { sampled: number; errors: number }, minSample: number): MatchCoder {
  return {
    specialtyYears: profile.specialtyYears,
    codeSets: profile.codeSets,
    workTypes: profile.workTypes,
    ehrSystems: profile.ehrSystems,
    weeklyCapacityHours: profile.weeklyCapacityHours,
    hourlyRateCents: profile.hourlyRateCents,
    perChartRateCents: profile.perChartRateCents,
    available: profile.available,
    timezone: profile.timezone,
    ratingAverage: ratingAverage(profile.ratingTotal, profile.ratingCount),
    ratingCount: profile.ratingCount,
    accuracyScore: publishedAccuracy(audits.sampled, audits.errors, minSample),
    credentials,
  };
}
