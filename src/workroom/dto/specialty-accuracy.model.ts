import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Specialty } from '../../domain/specialty.enum.js';

@ObjectType({ description: "Audited accuracy in one specialty: 1 - errors / sampled over the practices' audits of contracts that paid the coder, published from ACCURACY_MIN_SAMPLE charts." })
export class SpecialtyAccuracy {
  @Field(() => Specialty, { description: "The postings' specialty of the audited batches." })
  specialty: Specialty;

  @Field(() => Int, { description: 'Charts sampled in this specialty: the sample size behind score.' })
  sampled: number;

  @Field(() => Int, { description: 'Charts with a standing error (overturned findings not counted).' })
  errors: number;

  @Field(() => Float, { nullable: true, description: 'Accuracy, 0..1; null until the audits in this specialty sampled ACCURACY_MIN_SAMPLE charts (30 by default).' })
  score: number | null;
}
