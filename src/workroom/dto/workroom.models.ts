import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { Connection, ConnectionArgs } from '../../common/pagination/connection.js';

@ObjectType({ description: 'A PHI document on a contract (metadata; the content is downloaded from GET /documents/:id).' })
export class Document {
  @Field(() => ID)
  id: string;

  @Field()
  filename: string;

  @Field()
  contentType: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: 'The Business Associate Agreement on a contract.' })
export class BaaStatus {
  @Field({ description: "True when both parties must sign before PHI moves: decided by the work type when the contract was made (every work type reads PHI), not by a posting's option." })
  required: boolean;

  @Field({ description: 'Both parties signed the same version.' })
  complete: boolean;

  @Field({ description: 'The version both parties signed; the current version (businessAssociateAgreement) until they have.' })
  agreementVersion: string;

  @Field({ description: 'SHA-256 (hex) of the text of that version.' })
  agreementSha256: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "For a contract worked through a coding company: whether the coder's subcontractor BAA with the company is signed and countersigned (PHI waits for it). Null for a coder working directly.",
  })
  subcontractorBaa: boolean | null;

  @Field(() => Date, { nullable: true })
  providerSignedAt: Date | null;

  @Field(() => Date, { nullable: true })
  coderSignedAt: Date | null;
}

@ObjectType({ description: 'One access (or attempt) to PHI, from the append-only, hash-chained audit log.' })
export class AuditEvent {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Position in the hash chain.' })
  seq: string;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true })
  actorRole: string | null;

  @Field(() => ID, { nullable: true })
  contractId: string | null;

  @Field()
  subjectType: string;

  @Field(() => String, { nullable: true })
  subjectId: string | null;

  @Field()
  action: string;

  @Field({ description: 'ALLOWED, DENIED or FAILED.' })
  outcome: string;

  @Field(() => String, { nullable: true })
  detail: string | null;

  @Field(() => String, { nullable: true })
  ip: string | null;

  @Field(() => String, { nullable: true })
  requestId: string | null;

  @Field()
  hash: string;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class AuditEventConnection extends Connection(AuditEvent) {}

@ArgsType()
export class AuditLogArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  contractId: string;
}

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  contractId?: string;
}

@ObjectType({ description: 'A published version of the Business Associate Agreement, as signed by signBaa and signSubcontractorBaa.' })
export class BusinessAssociateAgreement {
  @Field({ description: 'The version name a signature records.' })
  version: string;

  @Field({ description: 'The full text, word for word.' })
  text: string;

  @Field({ description: 'SHA-256 (hex) of the UTF-8 text: a signature records it.' })
  sha256: string;

  @Field({ description: 'The day this version took effect (YYYY-MM-DD).' })
  effectiveOn: string;
}

@ObjectType({ description: "A coding company's subcontractor BAA with one of its coders: the coder signs, an OWNER or ADMIN of the company countersigns." })
export class SubcontractorBaa {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The coding company.' })
  organizationId: string;

  @Field(() => ID, { description: 'The coder who signed.' })
  coderId: string;

  @Field({ description: 'The version signed.' })
  agreementVersion: string;

  @Field({ description: 'SHA-256 (hex) of the text signed.' })
  agreementSha256: string;

  @Field({ description: 'When the coder signed.' })
  coderSignedAt: Date;

  @Field(() => Date, { nullable: true, description: "When the company's OWNER or ADMIN countersigned; null until then (the coder does no PHI act before)." })
  countersignedAt: Date | null;
}

@ObjectType({ description: 'What another PHI store destroyed for the contract.' })
export class PhiStoreCount {
  @Field({ description: 'The store (e.g. claim-data payloads).' })
  store: string;

  @Field(() => Int, { description: 'Payloads destroyed.' })
  count: number;
}

@ObjectType({ description: "The record that a contract's PHI was destroyed after its retention period (counts only, no PHI)." })
export class PhiDestruction {
  @Field({ description: 'When it was destroyed.' })
  destroyedAt: Date;

  @Field({ description: 'When the contract ended.' })
  contractEndedAt: Date;

  @Field(() => Int, { description: 'The retention period after the end, in days (PHI_RETENTION_DAYS then).' })
  retentionDays: number;

  @Field(() => Int, { description: 'Documents whose stored file and data key were destroyed.' })
  documents: number;

  @Field(() => Int, { description: 'Coded batches whose encounters and review comments were destroyed.' })
  batches: number;

  @Field(() => Int, { description: 'Encounters (charts) those batches held.' })
  encounters: number;

  @Field(() => [PhiStoreCount], { description: 'What other PHI stores destroyed.' })
  otherStores: PhiStoreCount[];

  @Field(() => [String], { description: 'What remains, none of it PHI.' })
  remains: string[];
}
