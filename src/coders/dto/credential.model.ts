import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CredentialInactiveReason } from '../../domain/credential-rules.js';
import { CredentialChangeKind, CredentialChangeStatus } from '../credential-change.entity.js';
import { Connection } from '../../common/pagination/connection.js';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { CredentialType } from '../../domain/credential-type.enum.js';

export enum CredentialStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(CredentialStatus, {
  name: 'CredentialStatus',
  description:
    'PENDING until staff check it with the issuer; VERIFIED or REJECTED after; a verified credential past expiresOn reads EXPIRED. A VERIFIED credential counts only while `active` (AAPC membership kept, dates on file).',
  valuesMap: {
    PENDING: { description: 'Waiting for an admin to check it with the issuer.' },
    VERIFIED: { description: 'Checked with the issuer; counts while `active`.' },
    REJECTED: { description: 'An admin could not confirm it.' },
    EXPIRED: { description: 'A verified credential past expiresOn.' },
  },
});

registerEnumType(CredentialChangeKind, {
  name: 'CredentialChangeKind',
  description: 'RENEWAL: new cycle and/or membership dates. APPRENTICE_CONVERSION: the "A" comes off (CPC_A -> CPC, COC_A -> COC).',
  valuesMap: { RENEWAL: { description: 'New CEU cycle and/or membership dates.' }, APPRENTICE_CONVERSION: { description: 'The "A" comes off (CPC_A -> CPC, COC_A -> COC).' } },
});
registerEnumType(CredentialChangeStatus, {
  name: 'CredentialChangeStatus',
  description: 'PENDING while an admin reviews it (a renewal under review is what the issue calls RENEWAL_PENDING); APPROVED (in effect) or REJECTED (the credential stays as it was).',
  valuesMap: {
    PENDING: { description: 'An admin is reviewing it.' },
    APPROVED: { description: 'In effect: the new dates or designation apply.' },
    REJECTED: { description: 'Refused: the credential stays as it was.' },
  },
});

@ObjectType({ description: 'A certificate a coder uploaded (encrypted at rest); downloaded with GET /credential-documents/:id by its coder and ADMINs.' })
export class CredentialDocument {
  @Field(() => ID, { description: 'The id to pass as evidenceDocumentId.' })
  id: string;

  @Field({ description: 'The uploaded file name, reduced to a safe last segment.' })
  filename: string;

  @Field({ description: 'Recognised from the first bytes: PDF, TIFF, PNG, JPEG, text or CSV.' })
  contentType: string;

  @Field(() => Int, { description: 'Size of the plaintext in bytes.' })
  sizeBytes: number;

  @Field({ description: 'When it was uploaded.' })
  createdAt: Date;
}

@ObjectType({ description: 'A renewal or apprentice conversion of a verified credential, with its review.' })
export class CredentialChange {
  @Field(() => ID, { description: 'The id reviewCredentialChange takes.' })
  id: string;

  credentialId: string;
  evidenceDocumentId: string;

  @Field(() => CredentialChangeKind, { description: 'Renewal or apprentice conversion.' })
  kind: CredentialChangeKind;

  @Field(() => CredentialChangeStatus, { description: 'PENDING under review, then APPROVED or REJECTED.' })
  status: CredentialChangeStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: 'RENEWAL: the new end of the CEU cycle (null: unchanged).' })
  expiresOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'RENEWAL: the new end of the AAPC membership (null: unchanged).' })
  membershipExpiresOn: string | null;

  @Field(() => CredentialType, { nullable: true, description: 'APPRENTICE_CONVERSION: the full designation.' })
  toType: CredentialType | null;

  @Field(() => String, { nullable: true, description: "The coder's note." })
  note: string | null;

  @Field(() => String, { nullable: true, description: "The reviewer's note." })
  reviewNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When an admin reviewed it.' })
  reviewedAt: Date | null;

  @Field({ description: 'When the coder submitted it.' })
  createdAt: Date;
}

@ObjectType({ description: 'A page of CredentialChange items (Relay connection: pass pageInfo.endCursor as `after` for the next page).' })
export class CredentialChangeConnection extends Connection(CredentialChange) {}

@ObjectType({ description: 'A certification held by a coder.' })
export class Credential {
  @Field(() => ID, { description: 'Stable id of the credential.' })
  id: string;

  coderId: string;

  @Field(() => CredentialType, { description: 'Which certification it is.' })
  type: CredentialType;

  @Field({ description: 'Display name, e.g. "CPC-A (apprentice)".' })
  label: string;

  @Field({ description: 'True for the apprentice designations CPC_A and COC_A (requestApprenticeConversion removes the "A").' })
  apprentice: boolean;

  @Field(() => CredentialStatus, { description: 'PENDING, VERIFIED, REJECTED or EXPIRED.' })
  status: CredentialStatus;

  @Field({ description: 'Whether it counts now (directory, matching, bids, contracts): VERIFIED, before expiresOn, and for AAPC before membershipExpiresOn.' })
  active: boolean;

  @Field(() => CredentialInactiveReason, { nullable: true, description: 'Why it does not count; null while active.' })
  inactiveReason: CredentialInactiveReason | null;

  @Field(() => String, { nullable: true, description: 'Certificate number: only for its holder and admins.' })
  number: string | null;

  @Field(() => LocalDateScalar, { description: 'Date the issuer granted it (YYYY-MM-DD).' })
  issuedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'End of the current CEU cycle.' })
  expiresOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'End of the yearly AAPC membership (AAPC credentials).' })
  membershipExpiresOn: string | null;

  /** Only for its holder and admins (null otherwise). */
  evidenceDocumentId: string | null;

  @Field(() => String, { nullable: true, description: "The reviewer's note: only for its holder and admins." })
  reviewNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When an admin verified or rejected it; null while pending.' })
  reviewedAt: Date | null;

  @Field({ description: 'When the coder added it.' })
  createdAt: Date;
}

@ObjectType({ description: 'A page of Credential items (Relay connection: pass pageInfo.endCursor as `after` for the next page).' })
export class CredentialConnection extends Connection(Credential) {}
