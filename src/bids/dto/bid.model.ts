import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { PayModel } from '../../domain/work.enums.js';
import { BidStatus, InvitationStatus } from '../bid-status.enum.js';

@ObjectType({ description: 'An offer on a posting.' })
export class Bid {
  @Field(() => ID)
  id: string;

  jobPostingId: string;
  coderId: string;
  organizationId: string | null;

  @Field(() => PayModel)
  payModel: PayModel;

  @Field(() => Int, { nullable: true })
  rateCents: number | null;

  @Field(() => Int, { nullable: true })
  percentOfCollectionsBps: number | null;

  @Field()
  coverLetter: string;

  @Field(() => Int, { nullable: true })
  estimatedTurnaroundHours: number | null;

  @Field(() => Int, { nullable: true, description: 'HOURLY: the weekly hour cap offered.' })
  weeklyHourLimit: number | null;

  @Field(() => BidStatus)
  status: BidStatus;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class BidConnection extends Connection(Bid) {}

@ObjectType({ description: 'A provider asking a coder to bid.' })
export class Invitation {
  @Field(() => ID)
  id: string;

  jobPostingId: string;
  coderProfileId: string;

  @Field(() => String, { nullable: true })
  message: string | null;

  @Field(() => InvitationStatus)
  status: InvitationStatus;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  respondedAt: Date | null;
}

@ObjectType()
export class InvitationConnection extends Connection(Invitation) {}
