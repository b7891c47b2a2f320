import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { NotFoundError } from '../common/errors/app-error.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { paginate } from '../common/pagination/paginate.js';
import { NotificationEntity } from './notification.entity.js';
import { NotificationKind } from './notification-kind.enum.js';

@Injectable()
export class NotificationsService {
  constructor(@InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>) {}

  /** Records a notification inside the caller's transaction, so it exists exactly when the event does. */
  async notify(manager: EntityManager, userId: string, kind: NotificationKind, message: string, data: Record<string, string>): Promise<void> {
    await manager.getRepository(NotificationEntity).insert({ userId, kind, message, data });
  }

  listFor(actor: Actor, args: ConnectionArgs & { unreadOnly?: boolean }): Promise<ConnectionShape<NotificationEntity>> {
    const query = this.notifications.createQueryBuilder('n').where('n.user_id = :userId', { userId: actor.id });
    if (args.unreadOnly) query.andWhere('n.read_at IS NULL');
    return paginate(query, args, { sortColumn: 'n.createdAt', idColumn: 'n.id', direction: 'DESC', sortValue: (n) => n.createdAt, idValue: (n) => n.id });
  }

  async markRead(actor: Actor, id: string): Promise<NotificationEntity> {
    await this.notifications.update({ id, userId: actor.id, readAt: IsNull() }, { readAt: new Date() });
    const notification = await this.notifications.findOneBy({ id, userId: actor.id });
    if (!notification) throw new NotFoundError('Notification');
    return notification;
  }
}
