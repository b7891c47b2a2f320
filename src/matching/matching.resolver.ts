import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { connectionComplexity } from '../common/pagination/connection.js';
import { UserRole } from '../domain/user-role.enum.js';
import { CoderMatch, JobMatch, MatchCodersArgs, RecommendedJobsArgs } from './dto/match.models.js';
import { toCoderMatch } from './matching.mapper.js';
import { MatchingService } from './matching.service.js';

@Resolver()
export class MatchingResolver {
  constructor(private readonly matching: MatchingService) {}

  @Query(() => [CoderMatch], { description: "Coders for a posting, best first, with reasons (members of the posting's organization).", complexity: connectionComplexity })
  async matchCoders(@CurrentUser() actor: Actor, @Args() args: MatchCodersArgs): Promise<CoderMatch[]> {
    return (await this.matching.matchCoders(actor, args.jobPostingId, args.first)).map(toCoderMatch);
  }

  @Roles(UserRole.CODER)
  @Query(() => [JobMatch], { description: 'Open postings for the calling coder, best first, with reasons.', complexity: connectionComplexity })
  recommendedJobs(@CurrentUser() actor: Actor, @Args() args: RecommendedJobsArgs): Promise<JobMatch[]> {
    return this.matching.recommendedJobs(actor, args.first);
  }
}
