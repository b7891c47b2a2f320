import { Args, ArgsType, Field, ID, ObjectType, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { Connection, ConnectionArgs, connectionComplexity } from '../common/pagination/connection.js';
import { Trim } from '../common/validation/trim.decorator.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { MessagingService } from './messaging.service.js';

@ObjectType({ description: 'A message between the parties of a contract.' })
export class Message {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  contractId: string;

  @Field(() => ID)
  senderId: string;

  @Field()
  body: string;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class MessageConnection extends Connection(Message) {}

@ArgsType()
class SendMessageArgs {
  @Field(() => ID)
  @IsUUID()
  contractId: string;

  @Field({ description: '1..5000 characters. No PHI: reference charts by id.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  body: string;
}

@ArgsType()
class MessagesArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  contractId: string;
}

@Resolver(() => Message)
export class MessagingResolver {
  constructor(private readonly messaging: MessagingService) {}

  @Mutation(() => Message, { description: "Writes to the contract's other party." })
  sendMessage(@CurrentUser() actor: Actor, @Args() args: SendMessageArgs): Promise<Message> {
    return this.messaging.send(actor, args.contractId, args.body);
  }

  @Query(() => MessageConnection, { description: "A contract's messages, newest first (its parties).", complexity: connectionComplexity })
  messages(@CurrentUser() actor: Actor, @Args() args: MessagesArgs): Promise<MessageConnection> {
    return this.messaging.list(actor, args.contractId, args);
  }

  @Subscription(() => Message, { description: "New messages on a contract you are party to (graphql-ws; connectionParams.authorization = 'Bearer <token>')." })
  messageAdded(@CurrentUser() actor: Actor, @IdArg('contractId') contractId: string): Promise<AsyncIterableIterator<unknown>> {
    return this.messaging.subscribe(actor, contractId);
  }
}
