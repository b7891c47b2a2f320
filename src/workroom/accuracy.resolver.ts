import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CoderProfile } from '../coders/dto/coder-profile.model.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { boundedListComplexity } from '../common/pagination/connection.js';
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
