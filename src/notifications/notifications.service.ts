import { Inject, Injectable } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import { PUB_SUB } from '../common/pubsub/pubsub.module.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { NotFoundError } from '../common/errors/app-error.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { byCreatedAt, paginate } from '../common/pagination/paginate.js';
import { OrganizationAccess } from '../organizations/organization-access.service.js';
import { NotificationEntity } from './notification.entity.js';
import { NotificationKind } from './notification-kind.enum.js';

const notificationTopic = (userId: string) => `notification:${userId}`;

@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly transactions: TransactionRunner,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly organizations: OrganizationAccess,
  ) {}

  /** Live notifications of one user (the GraphQL subscription). */
  subscribe(userId: string): AsyncIterableIterator<unknown> {
    return this.pubSub.asyncIterableIterator(notificationTopic(userId));
  }

  /**
   * Records a notification inside the caller's transaction, so it exists exactly when the event
   * does, and delivers it to the user's `notificationAdded` subscriptions once committed.
   */
  async notify(manager: EntityManager, userId: string, kind: NotificationKind, message: string, data: Record<string, string>): Promise<void> {
    const notification = await manager.getRepository(NotificationEntity).save({ userId, kind, message, data, readAt: null });
    this.transactions.afterCommit(manager, () => void this.pubSub.publish(notificationTopic(userId), { notificationAdded: notification }));
  }

  /**
   * `notify`, while `userId` is still an ACTIVE member of `organizationId`, the organization they hear
   * of the event through (the practice of a posting they made, the coding company of a contract they
   * work on; null: none, they are told in their own right). Someone removed from an organization
   * hears nothing more of its postings and contracts.
   */
  async notifyMember(manager: EntityManager, userId: string, organizationId: string | null, kind: NotificationKind, message: string, data: Record<string, string>): Promise<void> {
    if (organizationId && !(await this.organizations.isActiveMember(userId, organizationId, manager))) return;
    await this.notify(manager, userId, kind, message, data);
  }

  listFor(actor: Actor, args: ConnectionArgs & { unreadOnly?: boolean }): Promise<ConnectionShape<NotificationEntity>> {
    const query = this.notifications.createQueryBuilder('n').where('n.user_id = :userId', { userId: actor.id });
    if (args.unreadOnly) query.andWhere('n.read_at IS NULL');
    return paginate(query, args, byCreatedAt('n', 'DESC'));
  }

  async markRead(actor: Actor, id: string): Promise<NotificationEntity> {
    await this.notifications.update({ id, userId: actor.id, readAt: IsNull() }, { readAt: new Date() });
    const notification = await this.notifications.findOneBy({ id, userId: actor.id });
    if (!notification) throw new NotFoundError('Notification');
    return notification;
  }
}
