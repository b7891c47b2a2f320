import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { PayModel } from '../../domain/work.enums.js';
import { PayeeKind } from '../../payments/payee.js';
import { ContractPauseReason, ContractStatus } from '../contract-status.enum.js';

@ObjectType({ description: 'The engagement created when a provider accepts a bid.' })
export class Contract {
  @Field(() => ID)
  id: string;

  jobPostingId: string;
  bidId: string;
  organizationId: string;
  coderId: string;
  codingCompanyId: string | null;
  /** Shown as `baa.required` (src/workroom). */
  baaRequired: boolean;

  @Field(() => ContractStatus)
  status: ContractStatus;

  @Field(() => Date, { nullable: true, description: 'Since when the contract is PAUSED (kept while a dispute opened on a paused contract runs).' })
  pausedAt: Date | null;

  @Field(() => ContractPauseReason, { nullable: true, description: 'Why it is paused; null unless paused.' })
  pauseReason: ContractPauseReason | null;

  @Field(() => PayModel)
  payModel: PayModel;

  @Field(() => Int, { nullable: true, description: 'Cents per hour or per chart, or the total for FIXED_PRICE.' })
  rateCents: number | null;

  @Field(() => Int, { nullable: true })
  percentOfCollectionsBps: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'HOURLY: the most hours the coder may log in one ISO week (Monday to Sunday, UTC), agreed in the bid or else the posting; null for the other pay models.',
  })
  weeklyHourLimit: number | null;

  @Field(() => Int, { description: 'Platform fee in basis points, frozen when the contract was made.' })
  platformFeeBps: number;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  endedAt: Date | null;
}

@ObjectType('Payee', {
  description:
    "Who a contract pays: the coder personally (USER), or the coding company the contract was made through (ORGANIZATION: the company's own Stripe account, whichever member works the contract).",
})
export class ContractPayee {
  @Field(() => PayeeKind)
  kind: PayeeKind;

  /** The user or organization paid. */
  id: string;
}

@ObjectType()
export class ContractConnection extends Connection(Contract) {}
