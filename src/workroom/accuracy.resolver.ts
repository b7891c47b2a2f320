import { Field, Float, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CoderProfile } from '../coders/dto/coder-profile.model.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { boundedListComplexity } from '../common/pagination/connection.js';
import { Specialty } from '../domain/specialty.enum.js';
import { CodedBatchesService } from './coded-batches.service.js';

@ObjectType({ description: "Audited accuracy in one specialty: 1 - errors / sampled over the practices' audits." })
export class SpecialtyAccuracy {
  @Field(() => Specialty)
  specialty: Specialty;

  @Field(() => Int)
  sampled: number;

  @Field(() => Int)
  errors: number;

  @Field(() => Float)
  score: number;
}

@Resolver(() => CoderProfile)
export class CoderAccuracyResolver {
  constructor(private readonly batches: CodedBatchesService) {}

  // At most one entry per specialty (26); a coder's audited work usually spans a few.
  @ResolveField(() => [SpecialtyAccuracy], { description: 'Audited accuracy per specialty of the audited work (public).', complexity: boundedListComplexity(3) })
  accuracyBySpecialty(@Parent() profile: CoderProfile, @Loaders() loaders: RequestLoaders): Promise<SpecialtyAccuracy[]> {
    return this.batches.loadAccuracyBySpecialty(loaders, profile.userId);
  }
}
