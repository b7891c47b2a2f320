import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

/** The side that wrote a review. The values are lower case: they were strings on the wire before this enum, and stay the same. */
export enum ReviewAuthorSide {
  provider = 'provider',
  coder = 'coder',
}

registerEnumType(ReviewAuthorSide, {
  name: 'ReviewAuthorSide',
  description: 'Which party of the contract wrote a review (lower-case values, as the field always answered).',
  valuesMap: {
    provider: { description: "The practice, reviewing the coder: counts in the coder's ratingAverage once published." },
    coder: { description: 'The coder, reviewing the practice: counts in its client reputation once published.' },
  },
});

@ObjectType({ description: 'A review left after a contract ended; double-blind until both parties reviewed or 14 days passed.' })
export class Review {
  @Field(() => ID, { description: 'Stable id of the review.' })
  id: string;

  @Field(() => ReviewAuthorSide, { description: 'provider (about the coder) or coder (about the practice).' })
  authorSide: ReviewAuthorSide;

  @Field(() => Int, { description: '1 (worst) to 5 (best).' })
  rating: number;

  @Field(() => String, { nullable: true, description: 'Free text; null when none.' })
  comment: string | null;

  @Field({ description: 'False while the review is still blind.' })
  published: boolean;

  @Field({ description: 'When it was written.' })
  createdAt: Date;
}
