import { Float, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CoderProfile } from '../coders/dto/coder-profile.model.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { boundedListComplexity } from '../common/pagination/connection.js';
import { AppConfig } from '../config/app-config.js';
import { publishedAccuracy } from '../domain/accuracy.js';
import { Organization } from '../organizations/dto/organization.model.js';
import { CodedBatchesService } from './coded-batches.service.js';
import { SpecialtyAccuracy } from './dto/specialty-accuracy.model.js';
import { toSpecialtyAccuracy } from './workroom.mapper.js';

/**
 * Accuracy is published only from `ACCURACY_MIN_SAMPLE` charts audited (default 30), per coder, per
 * specialty and per coding company, always beside its sample size: a one-chart audit publishes nothing.
 */
@Resolver(() => CoderProfile)
export class CoderAccuracyResolver {
  constructor(
    private readonly batches: CodedBatchesService,
    private readonly config: AppConfig,
  ) {}

  @ResolveField(() => Float, {
    nullable: true,
    description:
      "Audited accuracy, 0..1 (1 - errors / sampled charts, overturned findings not counted); null until the practices' audits sampled ACCURACY_MIN_SAMPLE charts (30 by default): see accuracySampleSize.",
  })
  accuracyScore(@Parent() profile: CoderProfile): number | null {
    return publishedAccuracy(profile.auditedCharts, profile.auditErrors, this.config.env.ACCURACY_MIN_SAMPLE);
  }

  @ResolveField(() => Int, { description: "Charts the practices' audits sampled: the sample behind accuracyScore." })
  accuracySampleSize(@Parent() profile: CoderProfile): number {
    return profile.auditedCharts;
  }

  // At most one entry per specialty (26); a coder's audited work usually spans a few.
  @ResolveField(() => [SpecialtyAccuracy], { description: 'Audited accuracy per specialty of the audited work (public).', complexity: boundedListComplexity(3) })
  async accuracyBySpecialty(@Parent() profile: CoderProfile, @Loaders() loaders: RequestLoaders): Promise<SpecialtyAccuracy[]> {
    return (await this.batches.loadAuditsBySpecialty(loaders, profile.userId)).map((audits) => toSpecialtyAccuracy(audits, this.config.env.ACCURACY_MIN_SAMPLE));
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
      "A coding company's audited accuracy, 0..1 (1 - errors / sampled charts) over the batches its members submitted on its contracts (each audit also counts for the member who did the work); null until those audits sampled ACCURACY_MIN_SAMPLE charts (see auditedCharts).",
  })
  async accuracyScore(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    const { sampled, errors } = await this.batches.loadCompanyAudits(loaders, organization.id);
    return publishedAccuracy(sampled, errors, this.config.env.ACCURACY_MIN_SAMPLE);
  }

  @ResolveField(() => Int, { description: "Charts the practices audited on the coding company's contracts: the sample behind accuracyScore." })
  async auditedCharts(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await this.batches.loadCompanyAudits(loaders, organization.id)).sampled;
  }
}
