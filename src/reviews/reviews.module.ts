import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractsModule } from '../contracts/contracts.module.js';
import { CodersModule } from '../coders/coders.module.js';
import { ReviewEntity } from './review.entity.js';
import { CoderReviewsResolver, ReviewsResolver } from './reviews.resolver.js';
import { ReviewsService } from './reviews.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ReviewEntity]), ContractsModule, CodersModule],
  providers: [ReviewsService, ReviewsResolver, CoderReviewsResolver],
  exports: [ReviewsService],
})
export class ReviewsModule {}
