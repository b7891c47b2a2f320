import { Review, ReviewAuthorSide } from './dto/review.model.js';
import { ReviewEntity } from './review.entity.js';

export const toReview = (review: ReviewEntity): Review => ({
  id: review.id,
  authorSide: ReviewAuthorSide[review.authorSide],
  rating: review.rating,
  comment: review.comment,
  published: review.publishedAt !== null,
  createdAt: review.createdAt,
});
