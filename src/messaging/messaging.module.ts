import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractsModule } from '../contracts/contracts.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { MessageEntity } from './message.entity.js';
import { MessagingResolver } from './messaging.resolver.js';
import { MessagingService } from './messaging.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([MessageEntity]), ContractsModule, NotificationsModule],
  providers: [MessagingService, MessagingResolver],
})
export class MessagingModule {}
