import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar.js';
import { CeuCategory } from '../../../domain/ceu-rules.js';
import { CredentialIssuer } from '../../../domain/credential-rules.js';
import { CredentialType } from '../../../domain/credential-type.enum.js';

registerEnumType(CredentialIssuer, {
  name: 'CredentialIssuer',
  description: 'Who issues a credential and runs its CEU cycle: AAPC or AHIMA.',
  valuesMap: {
    AAPC: { description: 'American Academy of Professional Coders (CPC, COC, specialty credentials...).' },
    AHIMA: { description: 'American Health Information Management Association (CCA, CCS, RHIT...).' },
  },
});

@ObjectType({ description: 'A continuing-education activity a coder logged. Visible to that coder and ADMINs only.' })
export class CeuEntry {
  @Field(() => ID, { description: 'The id deleteCeu takes.' })
  id: string;

  coderId: string;

  @Field(() => CredentialIssuer, { description: 'The issuer whose cycle it counts towards.' })
  issuer: CredentialIssuer;

  @Field({ description: 'The activity.' })
  title: string;

  @Field({ description: 'Who gave it.' })
  provider: string;

  @Field(() => LocalDateScalar, { description: 'The day it was completed.' })
  completedOn: string;

  @Field(() => Float, { description: 'CEUs earned (multiples of 0.1).' })
  ceus: number;

  @Field(() => CeuCategory, { description: 'The kind of education.' })
  category: CeuCategory;

  @Field(() => String, { nullable: true, description: "The issuer's approval code (AAPC index number, AHIMA approval code), upper-cased, when given." })
  approvalCode: string | null;

  @Field(() => ID, { nullable: true, description: 'The certificate of completion (GET /credential-documents/:id), when one was given.' })
  certificateDocumentId: string | null;

  @Field({ description: 'Whether it counts toward the cycle: true with its certificate of completion; false while pending (no certificate yet).' })
  counts: boolean;

  @Field({ description: 'When it was logged.' })
  createdAt: Date;
}

@ObjectType({ description: "A coder's current CEU cycle with one issuer: what the held credentials ask, and what is logged." })
export class CeuCycle {
  @Field(() => CredentialIssuer, { description: 'AAPC or AHIMA.' })
  issuer: CredentialIssuer;

  @Field(() => LocalDateScalar, { description: 'First day of the cycle (two years before it ends).' })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: "The day the CEUs are due: the counting credentials' expiresOn." })
  endsOn: string;

  @Field(() => [CredentialType], { description: 'The counting credentials of this issuer the requirement is computed from.' })
  credentialTypes: CredentialType[];

  @Field(() => Float, { description: 'CEUs the cycle asks (AAPC 36/40/44/48/52 for 1-5+ core credentials, +8 per specialty credential; AHIMA 20 or 30, +10 per further credential, at most 50).' })
  required: number;

  @Field(() => Float, { description: 'CEUs logged with a completion day inside the cycle (counted and pending).' })
  logged: number;

  @Field(() => Float, { description: 'CEUs of the entries with their certificate of completion: what counts toward `required`.' })
  counted: number;

  @Field(() => Float, { description: 'CEUs of the entries still without a certificate: they do not count until one is attached (attachCeuCertificate).' })
  pending: number;

  @Field(() => Float, { description: 'CEUs still missing, counted ones only (0 when complete).' })
  remaining: number;

  @Field({ description: 'Complete, or at least the share of the requirement that the share of the cycle already passed asks for (counted CEUs only).' })
  onTrack: boolean;

  @Field(() => [CeuEntry], { description: 'The entries of the cycle, newest completion first.' })
  entries: CeuEntry[];
}
