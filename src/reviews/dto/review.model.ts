import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A review left after a contract ended; double-blind until both parties reviewed or 14 days passed.' })
export class Review {
  @Field(() => ID)
  id: string;

  @Field({ description: 'provider (about the coder) or coder (about the practice).' })
  authorSide: string;

  @Field(() => Int)
  rating: number;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field({ description: 'False while the review is still blind.' })
  published: boolean;

  @Field()
  createdAt: Date;
}
