import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
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
  description: 'PENDING until staff check it with the issuer; VERIFIED or REJECTED after; a verified credential past expiresOn reads EXPIRED. Only VERIFIED counts.',
});

@ObjectType({ description: 'A certification held by a coder.' })
export class Credential {
  @Field(() => ID)
  id: string;

  coderId: string;

  @Field(() => CredentialType)
  type: CredentialType;

  @Field({ description: 'Display name, e.g. "CPC-A (apprentice)".' })
  label: string;

  @Field({ description: 'True for CPC_A, the apprentice designation.' })
  apprentice: boolean;

  @Field(() => CredentialStatus)
  status: CredentialStatus;

  @Field(() => String, { nullable: true, description: 'Certificate number: only for its holder and admins.' })
  number: string | null;

  @Field(() => LocalDateScalar)
  issuedOn: string;

  @Field(() => LocalDateScalar, { nullable: true })
  expiresOn: string | null;

  @Field(() => String, { nullable: true, description: "The reviewer's note: only for its holder and admins." })
  reviewNote: string | null;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class CredentialConnection extends Connection(Credential) {}
