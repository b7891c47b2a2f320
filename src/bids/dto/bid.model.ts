import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { PayModel } from '../../domain/work.enums.js';
import { BidStatus, InvitationStatus } from '../bid-status.enum.js';

@ObjectType({ description: 'An offer on a posting.' })
export class Bid {
  @Field(() => ID, { description: 'Stable id of the bid.' })
  id: string;

  jobPostingId: string;
  coderId: string;
  organizationId: string | null;

  @Field(() => PayModel, { description: "How the coder proposes to be paid; the posting's pay model unless the bid says otherwise." })
  payModel: PayModel;

  @Field(() => Int, { nullable: true, description: 'Proposed rate in US cents: per hour (HOURLY), per chart (PER_CHART) or the total (FIXED_PRICE).' })
  rateCents: number | null;

  @Field(() => Int, { nullable: true, description: 'PERCENT_OF_COLLECTIONS bids: the share of collections in basis points (1000 = 10%); null otherwise.' })
  percentOfCollectionsBps: number | null;

  @Field({ description: "The coder's pitch to the practice." })
  coverLetter: string;

  @Field(() => Int, { nullable: true, description: 'The turnaround the coder proposes, in hours; null when not given.' })
  estimatedTurnaroundHours: number | null;

  @Field(() => Int, { nullable: true, description: 'HOURLY: the weekly hour cap offered.' })
  weeklyHourLimit: number | null;

  @Field(() => BidStatus, { description: 'Where the bid stands.' })
  status: BidStatus;

  @Field({ description: 'When it was submitted.' })
  createdAt: Date;
}

@ObjectType({ description: 'A page of Bid items (Relay connection: pass pageInfo.endCursor as `after` for the next page).' })
export class BidConnection extends Connection(Bid) {}

@ObjectType({ description: 'A provider asking a coder to bid.' })
export class Invitation {
  @Field(() => ID, { description: 'Stable id of the invitation.' })
  id: string;

  jobPostingId: string;
  coderProfileId: string;

  @Field(() => String, { nullable: true, description: "The practice's note to the coder; null when none." })
  message: string | null;

  @Field(() => InvitationStatus, { description: 'PENDING, ACCEPTED (the coder bid) or DECLINED.' })
  status: InvitationStatus;

  @Field({ description: 'When it was sent.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the coder bid or declined; null while pending.' })
  respondedAt: Date | null;
}

@ObjectType({ description: 'A page of Invitation items (Relay connection: pass pageInfo.endCursor as `after` for the next page).' })
export class InvitationConnection extends Connection(Invitation) {}
