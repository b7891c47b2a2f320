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
  @Field({ description: 'True when the posting requires a BAA before PHI moves.' })
  required: boolean;

  @Field({ description: 'Both parties signed.' })
  complete: boolean;

  @Field()
  agreementVersion: string;

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
