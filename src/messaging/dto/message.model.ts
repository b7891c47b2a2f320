import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';

@ObjectType({ description: 'A message between the parties of a contract.' })
export class Message {
  @Field(() => ID, { description: 'Stable id of the message.' })
  id: string;

  @Field(() => ID, { description: 'The contract it was sent on.' })
  contractId: string;

  @Field(() => ID, { description: 'The user id of the sender.' })
  senderId: string;

  @Field({ description: 'The text (contract parties only).' })
  body: string;

  @Field({ description: 'When it was sent.' })
  createdAt: Date;
}

@ObjectType({ description: 'A page of Message items (Relay connection: pass pageInfo.endCursor as `after` for the next page).' })
export class MessageConnection extends Connection(Message) {}
