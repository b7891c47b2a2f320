import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../common/validation/trim.decorator.js';

@ArgsType()
export class LeaveReviewArgs {
  @Field(() => ID, { description: 'The ENDED contract reviewed.' })
  @IsUUID()
  contractId: string;

  @Field(() => Int, { description: '1..5' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @Field(() => String, { nullable: true, description: 'Free text; optional.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  comment?: string | null;
}
