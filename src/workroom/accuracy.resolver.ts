import { Float, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CoderProfile } from '../coders/dto/coder-profile.model.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { boundedListComplexity } from '../common/pagination/connection.js';
import { accuracyOf } from '../domain/accuracy.js';
import { Organization } from '../organizations/dto/organization.model.js';
import { CodedBatchesService } from './coded-batches.service.js';
import { SpecialtyAccuracy } from './dto/specialty-accuracy.model.js';
import { toSpecialtyAccuracy } from './workroom.mapper.js';

@Resolver(() => CoderProfile)
export class CoderAccuracyResolver {
  constructor(private readonly batches: CodedBatchesService) {}

  // At most one entry per specialty (26); a coder's audited work usually spans a few.
  @ResolveField(() => [SpecialtyAccuracy], { description: 'Audited accuracy per specialty of the audited work (public).', complexity: boundedListComplexity(3) })
  async accuracyBySpecialty(@Parent() profile: CoderProfile, @Loaders() loaders: RequestLoaders): Promise<SpecialtyAccuracy[]> {
    return (await this.batches.loadAuditsBySpecialty(loaders, profile.userId)).map(toSpecialtyAccuracy);
  }
}

@Resolver(() => Organization)
export class OrganizationAccuracyResolver {
  constructor(private readonly batches: CodedBatchesService) {}

  @ResolveField(() => Float, {
    nullable: true,
    description:
      "A coding company's audited accuracy, 0..1 (1 - errors / sampled charts) over the batches its members submitted on its contracts (each audit also counts for the member who did the work); null before the first audit.",
  })
  async accuracyScore(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    const { sampled, errors } = await this.batches.loadCompanyAudits(loaders, organization.id);
    return sampled > 0 ? accuracyOf(sampled, errors) : null;
  }

  @ResolveField(() => Int, { description: "Charts the practices audited on the coding company's contracts." })
  async auditedCharts(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await this.batches.loadCompanyAudits(loaders, organization.id)).sampled;
  }
}
