import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { Connection, ConnectionArgs } from '../../common/pagination/connection.js';
import { AuditOutcome } from '../audit-outcome.enum.js';

@ObjectType({ description: 'A PHI document on a contract (metadata; the content is downloaded from GET /documents/:id).' })
export class Document {
  @Field(() => ID, { description: 'The id for GET /documents/:id.' })
  id: string;

  @Field({ description: 'The uploaded file name, reduced to a safe last segment.' })
  filename: string;

  @Field({ description: 'Recognised from the first bytes (PDF, TIFF, PNG, JPEG, text or CSV).' })
  contentType: string;

  @Field(() => Int, { description: 'Size of the plaintext in bytes.' })
  sizeBytes: number;

  @Field({ description: 'When it was uploaded.' })
  createdAt: Date;
}

@ObjectType({ description: "A page of a contract's documents (`documentsConnection`)." })
export class DocumentConnection extends Connection(Document) {}

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

  @Field(() => Date, { nullable: true, description: "When the practice's side signed (OWNER or ADMIN); null until then." })
  providerSignedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When the coder's side signed; null until then." })
  coderSignedAt: Date | null;
}

@ObjectType({ description: 'One access (or attempt) to PHI, from the append-only, hash-chained audit log.' })
export class AuditEvent {
  @Field(() => ID, { description: 'Stable id of the event.' })
  id: string;

  @Field({ description: 'Position in the hash chain.' })
  seq: string;

  @Field(() => ID, { nullable: true, description: 'The user who acted; null for the system (the retention job).' })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: "The actor's role when it acted (PROVIDER, CODER, ADMIN); null for the system." })
  actorRole: string | null;

  @Field(() => ID, { nullable: true, description: 'The contract whose PHI was touched; null when the object asked for did not exist.' })
  contractId: string | null;

  @Field({ description: 'What was touched: document, batch, contract or subcontractor-baa.' })
  subjectType: string;

  @Field(() => String, { nullable: true, description: 'The id of what was touched, when there is one.' })
  subjectId: string | null;

  @Field({ description: 'What was done, e.g. UPLOAD, DOWNLOAD, LIST, SUBMIT_BATCH, SIGN_BAA, DESTROY_PHI.' })
  action: string;

  @Field(() => AuditOutcome, { description: 'ALLOWED, DENIED or FAILED.' })
  outcome: AuditOutcome;

  @Field(() => String, { nullable: true, description: 'Why a denial or failure happened, or what was destroyed (never PHI).' })
  detail: string | null;

  @Field(() => String, { nullable: true, description: 'Client address the request came from.' })
  ip: string | null;

  @Field(() => String, { nullable: true, description: 'The request id of the HTTP request (also in the server logs).' })
  requestId: string | null;

  @Field({ description: "SHA-256 over this event and the previous event's hash (hex): editing or deleting any event breaks the chain." })
  hash: string;

  @Field({ description: 'When it happened.' })
  createdAt: Date;
}

@ObjectType({ description: 'A page of AuditEvent items (Relay connection: pass pageInfo.endCursor as `after` for the next page).' })
export class AuditEventConnection extends Connection(AuditEvent) {}

@ArgsType()
export class AuditLogArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'A contract you are a party of.' })
  @IsUUID()
  contractId: string;
}

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only the events of this contract; all when omitted.' })
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
  @Field(() => ID, { description: 'Stable id of the agreement.' })
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

@ObjectType({ description: "A page of a coding company's subcontractor BAAs (`subcontractorBaas`)." })
export class SubcontractorBaaConnection extends Connection(SubcontractorBaa) {}

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

@ArgsType()
export class ContractDocumentsArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'A contract you are a party of.' })
  @IsUUID()
  contractId: string;
}

@ArgsType()
export class SubcontractorBaasArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The coding company.' })
  @IsUUID()
  organizationId: string;
}
