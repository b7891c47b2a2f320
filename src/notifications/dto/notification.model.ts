import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Connection } from '../../common/pagination/connection.js';
import { NotificationKind } from '../notification-kind.enum.js';

@ObjectType({ description: 'Something the user should know about (an invitation, a bid, ...).' })
export class Notification {
  @Field(() => ID, { description: 'The id markNotificationRead takes.' })
  id: string;

  @Field(() => NotificationKind, { description: 'What the notification is about.' })
  kind: NotificationKind;

  @Field({ description: 'A sentence for people (English).' })
  message: string;

  @Field(() => GraphQLJSONObject, { description: 'Ids of the objects concerned, e.g. { "jobPostingId": "..." } (untyped JSON, kept for the contract; typedData has the same values typed).' })
  data: Record<string, string>;

  @Field(() => Date, { nullable: true, description: 'When the user marked it read; null while unread.' })
  readAt: Date | null;

  @Field({ description: 'When it happened.' })
  createdAt: Date;
}

@ObjectType({ description: 'A page of Notification items (Relay connection: pass pageInfo.endCursor as `after` for the next page).' })
export class NotificationConnection extends Connection(Notification) {}
