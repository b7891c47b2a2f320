import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { connectionComplexity, ListArgs } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { CoderProfile } from '../coders/dto/coder-profile.model.js';
import { LeaveReviewArgs } from './dto/leave-review.args.js';
import { Review } from './dto/review.model.js';
import { toReview } from './reviews.mapper.js';
import { ReviewsService } from './reviews.service.js';

@Resolver(() => Review)
export class ReviewsResolver {
  constructor(private readonly reviews: ReviewsService) {}

  @Mutation(() => Review, { description: 'Reviews the other party once the contract ENDED (once per party).' })
  async leaveReview(@CurrentUser() actor: Actor, @Args() args: LeaveReviewArgs): Promise<Review> {
    return toReview(await this.reviews.leave(actor, args.contractId, args.rating, args.comment || null));
  }

  @Query(() => [Review], { description: "A contract's reviews: yours, and the other party's once published." })
  async contractReviews(@CurrentUser() actor: Actor, @IdArg('contractId', 'A contract you are a party of.') contractId: string): Promise<Review[]> {
    return (await this.reviews.forContract(actor, contractId)).map(toReview);
  }
}

@Resolver(() => CoderProfile)
export class CoderReviewsResolver {
  constructor(private readonly reviewsService: ReviewsService) {}

  @ResolveField(() => [Review], { description: 'Published reviews by practices, newest first.', complexity: connectionComplexity })
  async reviews(@Parent() profile: CoderProfile, @Args() args: ListArgs, @Loaders() loaders: RequestLoaders): Promise<Review[]> {
    return (await this.reviewsService.loadPublishedForCoder(loaders, profile.userId, args.first)).map(toReview);
  }
}
