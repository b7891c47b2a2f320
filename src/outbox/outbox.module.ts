import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxJobEntity } from './outbox-job.entity.js';
import { OutboxService } from './outbox.service.js';

/**
 * The transactional outbox: side effects that leave the database (Stripe calls, mail) written in the
 * business transaction and carried out afterwards. General infrastructure: the modules that own a job
 * kind import this one and register their handler; it names no other module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxJobEntity])],
  providers: [OutboxService],
  exports: [OutboxService],
})
export class OutboxModule {}
