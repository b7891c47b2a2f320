import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SafeIntScalar } from '../../common/scalars/safe-int.scalar.js';
import { PayeeKind } from '../payee.js';

registerEnumType(PayeeKind, {
  name: 'PayeeKind',
  description: 'USER: a coder paid personally. ORGANIZATION: a coding company, paid as a company (its own Stripe account), whichever member works the contract.',
  valuesMap: { USER: { description: 'A coder paid personally.' }, ORGANIZATION: { description: 'A coding company, paid to its own Stripe account.' } },
});

export enum PayoutAccountStatus {
  NOT_STARTED = 'NOT_STARTED',
  ONBOARDING = 'ONBOARDING',
  ENABLED = 'ENABLED',
}

registerEnumType(PayoutAccountStatus, {
  name: 'PayoutAccountStatus',
  description: 'How far the payee got with Stripe Connect onboarding.',
  valuesMap: {
    NOT_STARTED: { description: 'No onboarding link asked for yet (startPayoutOnboarding).' },
    ONBOARDING: { description: 'Started; Stripe still needs details before it pays out.' },
    ENABLED: { description: 'Stripe pays out to this account: released money reaches it.' },
  },
});

@ObjectType({ description: "A payee's Stripe Connect account: the calling coder's, or a coding company's." })
export class PayoutAccount {
  @Field(() => PayoutAccountStatus, { description: 'NOT_STARTED, ONBOARDING (details missing) or ENABLED.' })
  status: PayoutAccountStatus;

  @Field({ description: 'True once Stripe enables payouts to the account (status ENABLED).' })
  payoutsEnabled: boolean;
}

@ObjectType({ description: "A payee's money, derived from the ledger: a coder's own, or a coding company's." })
export class Earnings {
  @Field(() => SafeIntScalar, { description: 'Funded into escrow on the contracts paying you, not yet released (net of the platform fee).' })
  pendingCents: number;

  @Field(() => SafeIntScalar, { description: 'Released to you, waiting to be transferred (e.g. until payout onboarding is complete).' })
  availableCents: number;

  @Field(() => SafeIntScalar, { description: 'Transferred to your Stripe account.' })
  paidOutCents: number;
}

@ArgsType()
export class PayeeArgs {
  @Field(() => ID, {
    nullable: true,
    description: "A coding company you manage (OWNER or ADMIN): its account or money instead of your own. A company's contracts pay the company, not the member working them.",
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;
}

@ArgsType()
export class StartPayoutOnboardingArgs extends PayeeArgs {
  @Field({ description: 'Where Stripe sends the coder after onboarding.' })
  @IsString()
  @MaxLength(2000)
  returnUrl: string;

  @Field({ description: 'Where Stripe sends the coder when the link expired.' })
  @IsString()
  @MaxLength(2000)
  refreshUrl: string;
}
