import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { OutboxJob, OutboxOutcome, OutboxService } from '../outbox/outbox.service.js';
import { MailTemplateName, MailTemplates, renderMail } from './mail-templates.js';
import { isPermanentRejection, MailTransport } from './mail-transport.js';
import { PayloadSealer } from './sealed-payload.js';

/** A queued mail: its recipient and template, and the template's data sealed (it may hold a one-time token). */
export interface MailJobPayload {
  to: string;
  template: MailTemplateName;
  sealed: string;
}

declare module '../outbox/outbox.service.js' {
  interface OutboxJobPayloads {
    /** Enqueued through `MailService.enqueue` in the transaction of the write the mail tells about; run by MailService. */
    'mail.send': MailJobPayload;
  }
}

/** The outbox job kinds that deliver mail (tests drain just these). */
export const MAIL_JOB_KINDS = ['mail.send'] as const;

// Transient failures (SMTP unreachable, 4xx, authentication) are retried with the outbox's backoff, at
// most 10 minutes apart, for about three days before the job is marked FAILED (logged as an error).
const MAIL_RETRY = { maxAttempts: 440 };

/**
 * Outgoing mail. `enqueue` writes the mail as an outbox job in the caller's transaction, so it is sent
 * only if the write it tells about commits, and never lost when the SMTP server is down: the outbox
 * retries it with backoff. Sent once per job: the job's idempotency key is unique, the outbox runs it
 * on one worker at a time, and its Message-ID is made from the job id, so a resend after a crash
 * between the server's acceptance and our commit carries the same Message-ID.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger(MailService.name);
  private readonly sealer: PayloadSealer;
  private readonly messageIdDomain: string;

  constructor(
    private readonly outbox: OutboxService,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
  ) {
    this.sealer = new PayloadSealer(config.documentKey);
    this.messageIdDomain = /@([^>\s]+)>?$/.exec(config.env.MAIL_FROM)?.[1] ?? 'chartbridge.localhost';
  }

  onModuleInit(): void {
    this.outbox.register('mail.send', (job) => this.deliver(job), MAIL_RETRY);
  }

  /**
   * Queues one mail in the caller's transaction. `key` names the mail for good (e.g.
   * `password-reset:<token id>`): a second mail with the same key is ignored.
   */
  async enqueue<K extends MailTemplateName>(manager: EntityManager, key: string, to: string, template: K, data: MailTemplates[K]): Promise<void> {
    const idempotencyKey = `mail:${key}`;
    await this.outbox.enqueue(manager, 'mail.send', idempotencyKey, { to, template, sealed: this.sealer.seal(JSON.stringify(data), idempotencyKey) });
  }

  private async deliver(job: OutboxJob<'mail.send'>): Promise<OutboxOutcome> {
    const { to, template, sealed } = job.payload;
    const data = JSON.parse(this.sealer.open(sealed, job.idempotencyKey)) as MailTemplates[typeof template];
    const content = renderMail(template, data, this.config.env.APP_URL);
    try {
      const result = await this.transport.send({ id: job.id, messageId: `<${job.id}@${this.messageIdDomain}>`, from: this.config.env.MAIL_FROM, to, ...content });
      return { done: { template, ...result } };
    } catch (error) {
      if (!isPermanentRejection(error)) throw error;
      // The server refused the address for good: retrying would not change its answer.
      this.logger.warn(`mail ${job.id} (${template}) refused by the SMTP server for good: ${(error as Error).message}`);
      return { done: { template, rejected: (error as Error).message.slice(0, 500) } };
    }
  }
}
