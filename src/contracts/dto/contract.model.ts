import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { PayModel } from '../../domain/work.enums.js';
import { PayeeKind } from '../../payments/payee.js';
import { ContractPauseReason, ContractStatus } from '../contract-status.enum.js';

@ObjectType({ description: 'The engagement created when a provider accepts a bid.' })
export class Contract {
  @Field(() => ID, { description: 'Stable id of the contract.' })
  id: string;

  jobPostingId: string;
  bidId: string;
  organizationId: string;
  coderId: string;
  codingCompanyId: string | null;
  /** Shown as `baa.required` (src/workroom). */
  baaRequired: boolean;

  @Field(() => ContractStatus, { description: 'ACTIVE, PAUSED, ENDED or DISPUTED.' })
  status: ContractStatus;

  @Field(() => Date, { nullable: true, description: 'Since when the contract is PAUSED (kept while a dispute opened on a paused contract runs).' })
  pausedAt: Date | null;

  @Field(() => ContractPauseReason, { nullable: true, description: 'Why it is paused; null unless paused.' })
  pauseReason: ContractPauseReason | null;

  @Field(() => PayModel, { description: 'How the work is paid (from the accepted bid).' })
  payModel: PayModel;

  @Field(() => Int, { nullable: true, description: 'Cents per hour or per chart, or the total for FIXED_PRICE.' })
  rateCents: number | null;

  @Field(() => Int, { nullable: true, description: 'PERCENT_OF_COLLECTIONS contracts: the share of reported collections in basis points; null otherwise.' })
  percentOfCollectionsBps: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'HOURLY: the most hours the coder may log in one ISO week (Monday to Sunday, UTC), agreed in the bid or else the posting; null for the other pay models.',
  })
  weeklyHourLimit: number | null;

  @Field(() => Int, { description: 'Platform fee in basis points, frozen when the contract was made.' })
  platformFeeBps: number;

  @Field({ description: 'When the bid was accepted.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When either party ended it; null while it runs.' })
  endedAt: Date | null;
}

@ObjectType('Payee', {
  description:
    "Who a contract pays: the coder personally (USER), or the coding company the contract was made through (ORGANIZATION: the company's own Stripe account, whichever member works the contract).",
})
export class ContractPayee {
  @Field(() => PayeeKind, { description: 'USER (the coder) or ORGANIZATION (a coding company).' })
  kind: PayeeKind;

  /** The user or organization paid. */
  id: string;
}

@ObjectType({ description: 'A page of Contract items (Relay connection: pass pageInfo.endCursor as `after` for the next page).' })
export class ContractConnection extends Connection(Contract) {}
