import { Args, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { connectionComplexity } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { NotificationData, toNotificationData } from './dto/notification-data.model.js';
import type { NotificationDataShape } from './dto/notification-data.model.js';
import { Notification, NotificationConnection } from './dto/notification.model.js';
import { NotificationsArgs } from './dto/notifications.args.js';
import { NotificationsService } from './notifications.service.js';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Query(() => NotificationConnection, { description: "The caller's notifications, newest first.", complexity: connectionComplexity })
  myNotifications(@CurrentUser() actor: Actor, @Args() args: NotificationsArgs): Promise<NotificationConnection> {
    return this.notifications.listFor(actor, args);
  }

  @Subscription(() => Notification, { description: "The caller's notifications as they happen (graphql-ws; send the access token as connectionParams.authorization)." })
  notificationAdded(@CurrentUser() actor: Actor): AsyncIterableIterator<unknown> {
    return this.notifications.subscribe(actor.id);
  }

  @Mutation(() => Notification, { description: 'Marks one of your notifications read (sets readAt); NOT_FOUND for anyone else’s.' })
  markNotificationRead(@CurrentUser() actor: Actor, @IdArg('id', 'Your notification to mark read.') id: string): Promise<Notification> {
    return this.notifications.markRead(actor, id);
  }

  @ResolveField(() => NotificationData, { description: 'The same ids and values as `data`, typed by the notification kind.' })
  typedData(@Parent() notification: Notification): NotificationDataShape {
    return toNotificationData(notification.kind, notification.data);
  }
}
