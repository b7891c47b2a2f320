import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Specialty } from '../../domain/specialty.enum.js';

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
