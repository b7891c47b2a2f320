import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { CredentialInactiveReason } from '../../domain/credential-rules.js';
import { CredentialType } from '../../domain/credential-type.enum.js';

@ObjectType({
  description: "A requirement group of the contract's posting that no counting credential of the coder meets any more (computed now, from the dates), with the credential that stopped counting.",
})
export class CredentialAlert {
  @Field({ description: 'The requirement no longer met, as the posting\'s credentialRequirements label it: "CPC", "any of CPC, CCS-P".' })
  requirement: string;

  @Field(() => CredentialType, { description: "The coder's credential type that no longer counts toward the requirement (e.g. CPC_A where the posting accepts apprentices)." })
  credentialType: CredentialType;

  @Field({ description: 'Display name, e.g. "CPC".' })
  label: string;

  @Field(() => CredentialInactiveReason, { description: 'Why it does not count: EXPIRED, MEMBERSHIP_LAPSED, PENDING_REVIEW (sent back to review), REJECTED, DATES_MISSING.' })
  reason: CredentialInactiveReason;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The first day it no longer counted (EXPIRED, MEMBERSHIP_LAPSED).' })
  since: string | null;

  @Field(() => ID, { nullable: true, description: "The coder's credential that no longer counts, if any." })
  credentialId: string | null;
}
