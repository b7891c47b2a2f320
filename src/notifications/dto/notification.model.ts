import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Connection } from '../../common/pagination/connection.js';
import { NotificationKind } from '../notification-kind.enum.js';

@ObjectType({ description: 'Something the user should know about (an invitation, a bid, ...).' })
export class Notification {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field()
  message: string;

  @Field(() => GraphQLJSONObject, { description: 'Ids of the objects concerned, e.g. { "jobPostingId": "..." }.' })
  data: Record<string, string>;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class NotificationConnection extends Connection(Notification) {}
