import { Extensions, Float, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CoderProfilesService } from '../coders/coder-profiles.service.js';
import { PRELOADABLE } from '../common/graphql/preloaded-fields.js';
import { CoderProfile } from '../coders/dto/coder-profile.model.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { boundedListComplexity } from '../common/pagination/connection.js';
import { AppConfig } from '../config/app-config.js';
import { publishedAccuracy } from '../domain/accuracy.js';
import { Organization } from '../organizations/dto/organization.model.js';
import { CodedBatchesService, SpecialtyAudits, totalOf } from './coded-batches.service.js';
import { SpecialtyAccuracy } from './dto/specialty-accuracy.model.js';
import { toSpecialtyAccuracy } from './workroom.mapper.js';

/**
 * Accuracy is published only from `ACCURACY_MIN_SAMPLE` charts audited (default 30), per coder, per
 * specialty and per coding company, always beside its sample size: a one-chart audit publishes nothing.
 * Only audits of contracts that paid the coder count (`paidTheCoder`, in the page's statement), so an
 * unpaid hire (a friend posing as a practice) cannot publish a coder's accuracy.
 */
@Resolver(() => CoderProfile)
export class CoderAccuracyResolver {
  constructor(
    private readonly batches: CodedBatchesService,
    private readonly config: AppConfig,
    profiles: CoderProfilesService,
  ) {
    // Directory pages carry these three fields on their rows (preloaded-fields.ts), from the same loader and rules.
    profiles.preloadOnDirectoryPages({
      fields: ['accuracyScore', 'accuracySampleSize', 'accuracyBySpecialty'],
      preload: async (coderIds, loaders) => {
        const audits = await Promise.all(coderIds.map((id) => this.batches.loadAuditsBySpecialty(loaders, id)));
        return new Map(coderIds.map((id, k) => [id, this.accuracyOf(audits[k])]));
      },
    });
  }

  /** The three published accuracy fields of a coder from their audits by specialty. */
  private accuracyOf(bySpecialty: SpecialtyAudits[]): { accuracyScore: number | null; accuracySampleSize: number; accuracyBySpecialty: SpecialtyAccuracy[] } {
    const { sampled, errors } = totalOf(bySpecialty);
    const minSample = this.config.env.ACCURACY_MIN_SAMPLE;
    return {
      accuracyScore: publishedAccuracy(sampled, errors, minSample),
      accuracySampleSize: sampled,
      accuracyBySpecialty: bySpecialty.map((audits) => toSpecialtyAccuracy(audits, minSample)),
    };
  }

  @Extensions(PRELOADABLE)
  @ResolveField(() => Float, {
    nullable: true,
    description:
      'Audited accuracy, 0..1 (1 - errors / sampled charts, overturned findings not counted), from the audits of contracts that paid the coder (a milestone released, or an invoice paid): an audit on a contract nobody has paid on yet counts once it pays. Null until those audits sampled ACCURACY_MIN_SAMPLE charts (30 by default): see accuracySampleSize.',
  })
  async accuracyScore(@Parent() profile: CoderProfile, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return this.accuracyOf(await this.batches.loadAuditsBySpecialty(loaders, profile.userId)).accuracyScore;
  }

  @Extensions(PRELOADABLE)
  @ResolveField(() => Int, { description: "Charts the practices' audits sampled on contracts that paid the coder: the sample behind accuracyScore." })
  async accuracySampleSize(@Parent() profile: CoderProfile, @Loaders() loaders: RequestLoaders): Promise<number> {
    return this.accuracyOf(await this.batches.loadAuditsBySpecialty(loaders, profile.userId)).accuracySampleSize;
  }

  // At most one entry per specialty (26); a coder's audited work usually spans a few.
  @Extensions(PRELOADABLE)
  @ResolveField(() => [SpecialtyAccuracy], {
    description: 'Audited accuracy per specialty of the audited work (public), from the audits of contracts that paid the coder, as accuracyScore.',
    complexity: boundedListComplexity(3),
  })
  async accuracyBySpecialty(@Parent() profile: CoderProfile, @Loaders() loaders: RequestLoaders): Promise<SpecialtyAccuracy[]> {
    return this.accuracyOf(await this.batches.loadAuditsBySpecialty(loaders, profile.userId)).accuracyBySpecialty;
  }
}

@Resolver(() => Organization)
export class OrganizationAccuracyResolver {
  constructor(
    private readonly batches: CodedBatchesService,
    private readonly config: AppConfig,
  ) {}

  @ResolveField(() => Float, {
    nullable: true,
    description:
      "A coding company's audited accuracy, 0..1 (1 - errors / sampled charts) over the batches its members submitted on its contracts that paid (a milestone released, or an invoice paid; each audit also counts for the member who did the work); null until those audits sampled ACCURACY_MIN_SAMPLE charts (see auditedCharts).",
  })
  async accuracyScore(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    const { sampled, errors } = await this.batches.loadCompanyAudits(loaders, organization.id);
    return publishedAccuracy(sampled, errors, this.config.env.ACCURACY_MIN_SAMPLE);
  }

  @ResolveField(() => Int, { description: "Charts the practices audited on the coding company's contracts that paid: the sample behind accuracyScore." })
  async auditedCharts(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await this.batches.loadCompanyAudits(loaders, organization.id)).sampled;
  }
}
