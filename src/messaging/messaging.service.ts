import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PubSubEngine } from 'graphql-subscriptions';
import { Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError } from '../common/errors/app-error.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { byCreatedAt, paginate } from '../common/pagination/paginate.js';
import { PUB_SUB } from '../common/pubsub/pubsub.module.js';
import { whileAllowed } from '../common/pubsub/while-allowed.js';
import { ContractAccess } from '../contracts/contract-access.service.js';
import { ContractStatus } from '../contracts/contract-status.enum.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationKind } from '../notifications/notification-kind.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { MessageEntity } from './message.entity.js';

const messageTopic = (contractId: string) => `message:${contractId}`;

@Injectable()
export class MessagingService {
  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly access: ContractAccess,
    private readonly notifications: NotificationsService,
    private readonly transactions: TransactionRunner,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  /** A party writes on the contract; the other party is notified and subscribers receive it once committed. */
  async send(actor: Actor, contractId: string, body: string): Promise<MessageEntity> {
    const { contract } = await this.access.require(actor, contractId, 'contract.message');
    if (contract.status === ContractStatus.ENDED) throw new ConflictError('This contract has ENDED: messaging is closed');
    return this.transactions.run(async (manager) => {
      const message = await manager.getRepository(MessageEntity).save({ contractId, senderId: actor.id, body });
      if (actor.id !== contract.coderId) {
        await this.notifications.notifyMember(manager, contract.coderId, contract.codingCompanyId, NotificationKind.MESSAGE_RECEIVED, 'New message on your contract', {
          contractId,
          messageId: message.id,
        });
      }
      this.transactions.afterCommit(manager, () => void this.pubSub.publish(messageTopic(contractId), { messageAdded: message }));
      return message;
    });
  }

  async list(actor: Actor, contractId: string, args: ConnectionArgs): Promise<ConnectionShape<MessageEntity>> {
    await this.access.require(actor, contractId, 'contract.message');
    const query = this.messages.createQueryBuilder('m').where('m.contract_id = :contractId', { contractId });
    return paginate(query, args, byCreatedAt('m', 'DESC'));
  }

  /**
   * Live messages of one contract, for its parties only: checked when subscribing and again before
   * each message, so a member removed from the practice (or the company) stops receiving at once;
   * they get that message's NOT_FOUND instead, and the subscription completes.
   */
  async subscribe(actor: Actor, contractId: string): Promise<AsyncIterableIterator<unknown>> {
    const check = () => this.access.require(actor, contractId, 'contract.message');
    await check();
    return whileAllowed(this.pubSub.asyncIterableIterator(messageTopic(contractId)), check);
  }
}
