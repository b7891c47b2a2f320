import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { GatewayEvent } from './gateway/payments-gateway.js';

export type StripeEventHandler = (event: GatewayEvent, manager: EntityManager) => Promise<void>;

/**
 * Applies Stripe events exactly once: the event is stored by id and handled in one transaction,
 * so a redelivery (even a concurrent one, which waits on the id's unique key) finds it processed.
 * Handlers re-read what they change and make only forward moves, so any delivery order ends well.
 */
@Injectable()
export class StripeEventsService {
  private readonly logger = new Logger(StripeEventsService.name);
  private readonly handlers = new Map<string, StripeEventHandler[]>();

  constructor(private readonly transactions: TransactionRunner) {}

  on(type: string, handler: StripeEventHandler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  /** Returns false for an event seen before. */
  async apply(event: GatewayEvent): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const [inserted] = await queryRows<{ id: string }>(manager, `INSERT INTO stripe_events (id, type, payload) VALUES ($1, $2, $3::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`, [
        event.id,
        event.type,
        JSON.stringify(event),
      ]);
      if (!inserted) return false;
      // Every object our handlers act on (intents, accounts) has an id, and they look rows up by it.
      if (this.handlers.has(event.type) && typeof event.data.object.id !== 'string') {
        this.logger.error(`event ${event.id} (${event.type}) has no data.object.id: stored, not applied`);
      } else {
        for (const handler of this.handlers.get(event.type) ?? []) await handler(event, manager);
      }
      await manager.query(`UPDATE stripe_events SET processed_at = now() WHERE id = $1`, [event.id]);
      if (!this.handlers.has(event.type)) this.logger.debug(`stored unhandled event ${event.type}`);
      return true;
    });
  }
}
