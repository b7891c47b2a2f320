import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { connectionComplexity } from '../common/pagination/connection.js';
import { eventOrRefusal } from '../common/pubsub/while-allowed.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { Message, MessageConnection } from './dto/message.model.js';
import { MessagesArgs } from './dto/messages.args.js';
import { SendMessageArgs } from './dto/send-message.args.js';
import { MessagingService } from './messaging.service.js';

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

  @Subscription(() => Message, {
    description:
      "New messages on a contract you are party to (graphql-ws; connectionParams.authorization = 'Bearer <token>'). Access is checked again for each message: a caller who is no longer a party gets one NOT_FOUND error, then the subscription completes.",
    resolve: eventOrRefusal('messageAdded'),
  })
  messageAdded(@CurrentUser() actor: Actor, @IdArg('contractId', 'A contract you are a party of.') contractId: string): Promise<AsyncIterableIterator<unknown>> {
    return this.messaging.subscribe(actor, contractId);
  }
}
