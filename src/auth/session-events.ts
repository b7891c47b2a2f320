import { Inject, Injectable, Logger } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import { SESSION_ENDED, SessionEnded } from '../common/auth/sessions.js';
import { PUB_SUB } from '../common/pubsub/pubsub.module.js';

/** The "session ended" signal: open WebSockets of the session close on every instance (through the app's PubSub). */
@Injectable()
export class SessionEvents {
  private readonly logger = new Logger(SessionEvents.name);

  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  /**
   * Announces that one session (`sessionId`, a refresh-token family) or every session of `userId` has
   * ended: log-out, a revoked refresh family, a password change. Call it after the change is committed.
   * Never throws: if the announcement is lost, the sockets still close when their access tokens expire.
   */
  async ended(event: SessionEnded): Promise<void> {
    try {
      await this.pubSub.publish(SESSION_ENDED, event);
    } catch (error) {
      this.logger.warn({ err: error, userId: event.userId }, 'could not announce an ended session; its sockets close when their access tokens expire');
    }
  }
}
