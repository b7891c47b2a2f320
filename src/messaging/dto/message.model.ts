import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';

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
