import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CoderProfile } from '../../coders/dto/coder-profile.model.js';
import { JobPosting } from '../../jobs/dto/job-posting.model.js';

@ObjectType({ description: 'A coder proposed for a posting, with the score and the reasons behind it.' })
export class CoderMatch {
  @Field(() => CoderProfile, { description: "The matched coder's public profile." })
  coder: CoderProfile;

  @Field(() => Float, { description: '0..1; see docs/matching.md for the formula.' })
  score: number;

  @Field(() => [String], { description: 'Why, strongest evidence first ("Verified CPC", "7 years in cardiology", ...).' })
  reasons: string[];
}

@ObjectType({ description: 'A posting recommended to a coder, with the score and the reasons behind it.' })
export class JobMatch {
  @Field(() => JobPosting, { description: 'The recommended posting.' })
  job: JobPosting;

  @Field(() => Float, { description: 'How well it fits, 0..1 (1 is best).' })
  score: number;

  @Field(() => [String], { description: 'Why it fits, in words for the coder (e.g. "holds the required CPC").' })
  reasons: string[];
}

@ArgsType()
export class RecommendedJobsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: '1..100' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;
}

@ArgsType()
export class MatchCodersArgs extends RecommendedJobsArgs {
  @Field(() => ID, { description: "Your organization's posting." })
  @IsUUID()
  jobPostingId: string;
}
