import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ObjectType({ description: "The calling coder's Stripe Connect account." })
export class PayoutAccount {
  @Field({ description: 'NOT_STARTED, ONBOARDING (details missing) or ENABLED.' })
  status: string;

  @Field()
  payoutsEnabled: boolean;
}

@ObjectType({ description: "A coder's money, derived from the ledger." })
export class Earnings {
  @Field(() => Int, { description: 'Funded into escrow on your contracts, not yet released (net of the platform fee).' })
  pendingCents: number;

  @Field(() => Int, { description: 'Released to you, waiting to be transferred (e.g. until payout onboarding is complete).' })
  availableCents: number;

  @Field(() => Int, { description: 'Transferred to your Stripe account.' })
  paidOutCents: number;
}

@ArgsType()
export class StartPayoutOnboardingArgs {
  @Field({ description: 'Where Stripe sends the coder after onboarding.' })
  @IsString()
  @MaxLength(2000)
  returnUrl: string;

  @Field({ description: 'Where Stripe sends the coder when the link expired.' })
  @IsString()
  @MaxLength(2000)
  refreshUrl: string;
}
