import { Logger } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

/** One mail, ready to go: `id` names it once (the outbox job), `messageId` is its RFC 5322 Message-ID. */
export interface OutgoingMail {
  id: string;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where mail goes: an SMTP server, or files when none is configured. Throws when the mail could not be handed over (it is retried). */
export abstract class MailTransport {
  /** What the receiving side answered, kept as the outbox job's result. */
  abstract send(mail: OutgoingMail): Promise<Record<string, string>>;
}

// Well under the outbox lease (120 s), so a hanging server cannot let a second worker send the same mail.
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 45_000 };

/** Mail over SMTP (`SMTP_URL`), one connection per mail. */
export class SmtpMailTransport extends MailTransport {
  private readonly transporter;

  constructor(url: string) {
    super();
    this.transporter = createTransport({ url, ...SMTP_TIMEOUTS });
  }

  async send(mail: OutgoingMail): Promise<Record<string, string>> {
    const { id: _id, ...message } = mail;
    const info = await this.transporter.sendMail(message);
    return { messageId: info.messageId, response: String(info.response ?? '') };
  }
}

/**
 * The offline default (no SMTP_URL): each mail is composed exactly as it would be sent (RFC 822,
 * with both parts) and written to `<dir>/<id>.eml`, atomically, readable by its owner only; a warning
 * says so for every mail. A retry of the same mail rewrites the same file.
 */
export class FileMailTransport extends MailTransport {
  private readonly logger = new Logger('Mail');
  private readonly composer = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(private readonly dir: string) {
    super();
  }

  async send(mail: OutgoingMail): Promise<Record<string, string>> {
    const { id, ...message } = mail;
    const info = await this.composer.sendMail(message);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, `${id}.eml`);
    await writeFile(`${path}.tmp`, info.message as Buffer, { mode: 0o600 });
    await rename(`${path}.tmp`, path);
    this.logger.warn(`!!! SMTP_URL is not set: mail "${mail.subject}" was NOT sent; it is in ${path} !!!`);
    return { messageId: info.messageId, file: path };
  }
}

/** Whether an SMTP failure will not get better by retrying: the server refused the recipient for good (5xx to RCPT TO). */
export function isPermanentRejection(error: unknown): boolean {
  const { code, command, responseCode } = (error ?? {}) as { code?: unknown; command?: unknown; responseCode?: unknown };
  return code === 'EENVELOPE' && command === 'RCPT TO' && typeof responseCode === 'number' && responseCode >= 500;
}
