import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { CredentialInactiveReason } from '../../domain/credential-rules.js';
import { CredentialType } from '../../domain/credential-type.enum.js';

@ObjectType({ description: "A credential the contract's posting required that the coder no longer holds as counting (computed now, from the dates)." })
export class CredentialAlert {
  @Field(() => CredentialType, { description: 'The required credential type that no longer counts.' })
  credentialType: CredentialType;

  @Field({ description: 'Display name, e.g. "CPC".' })
  label: string;

  @Field(() => CredentialInactiveReason, { description: 'Why it does not count: EXPIRED, MEMBERSHIP_LAPSED, PENDING_REVIEW (sent back to review), REJECTED, DATES_MISSING.' })
  reason: CredentialInactiveReason;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The first day it no longer counted (EXPIRED, MEMBERSHIP_LAPSED).' })
  since: string | null;

  @Field(() => ID, { nullable: true, description: "The coder's credential of that type, if any." })
  credentialId: string | null;
}
