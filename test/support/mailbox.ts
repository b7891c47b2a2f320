import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';
import { expect } from '@jest/globals';
import { AddressObject, ParsedMail, simpleParser } from 'mailparser';
import { OutboxJobKind, OutboxService } from '../../src/outbox/outbox.service.js';
import { TestApp } from './test-app.js';

/** A mail as its reader sees it, parsed with mailparser from what was written or received over SMTP. */
export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** The outbox job kinds that end in a mail (a reset request looks its account up first): draining these runs no Stripe job. */
export const MAIL_KINDS: OutboxJobKind[] = ['account.password-reset', 'mail.send'];

/** An address as the app stores it: mailparser shows an IDN domain in Unicode, the app keeps it in punycode. */
const asStored = (address: string) => {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : `${address.slice(0, at)}@${domainToASCII(address.slice(at + 1))}`;
};

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((object) => object.value.map((address) => asStored(address.address ?? ''))).join(', ');

export function received(parsed: ParsedMail): ReceivedMail {
  return {
    to: addresses(parsed.to),
    from: addresses(parsed.from),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    messageId: parsed.messageId ?? '',
  };
}

const linkPattern = (path: string) => new RegExp(`https?://[^\\s]+${path}\\?token=([\\w-]+)`);

/** The token of the link to `APP_URL<path>?token=...` in a mail's text. */
export function linkToken(mail: ReceivedMail, path: string): string {
  const match = linkPattern(path).exec(mail.text);
  expect(match).not.toBeNull();
  return match![1];
}

const parsedFiles = new WeakMap<TestApp, Map<string, { mtimeMs: number; mail: ReceivedMail }>>();

/**
 * The offline mailbox of an app started without SMTP_URL: the .eml files under $DATA_DIR/mail,
 * each parsed once, oldest first. `deliver` runs the outbox's mail jobs (only those).
 */
export function mailbox(app: TestApp) {
  const dir = join(app.config.env.DATA_DIR, 'mail');
  const deliver = () => app.app.get(OutboxService).drain(MAIL_KINDS);
  const all = async (): Promise<ReceivedMail[]> => {
    const cache = parsedFiles.get(app) ?? new Map<string, { mtimeMs: number; mail: ReceivedMail }>();
    parsedFiles.set(app, cache);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((file) => file.endsWith('.eml'))) {
      const { mtimeMs } = await stat(join(dir, name));
      if (cache.get(name)?.mtimeMs === mtimeMs) continue;
      cache.set(name, { mtimeMs, mail: received(await simpleParser(await readFile(join(dir, name)))) });
    }
    return [...cache.values()].sort((a, b) => a.mtimeMs - b.mtimeMs).map((entry) => entry.mail);
  };
  /**
   * Delivers the queued mail and answers the mails to `address` that `match`. An app started with a
   * background worker (WORKER_POLL_MS > 0) may be sending that mail right then: looked for again until
   * it is written.
   */
  const find = async (address: string, match: (mail: ReceivedMail) => boolean): Promise<ReceivedMail[]> => {
    for (let attempt = 0; ; attempt++) {
      await deliver();
      const mails = (await all()).filter((mail) => mail.to === address && match(mail));
      if (mails.length > 0 || app.config.env.WORKER_POLL_MS === 0 || attempt >= 100) return mails;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    dir,
    deliver,
    all,
    /** Delivers the queued mail, then answers every mail to `address`, oldest first. */
    to: async (address: string): Promise<ReceivedMail[]> => {
      await deliver();
      return (await all()).filter((mail) => mail.to === address);
    },
    /** Delivers the queued mail, then answers the newest mail to `address` (failing when there is none). */
    latest: async (address: string): Promise<ReceivedMail> => {
      const mails = await find(address, () => true);
      expect(mails.length).toBeGreaterThan(0);
      return mails[mails.length - 1];
    },
    /** Delivers the queued mail, then answers the token of the newest link to `APP_URL<path>` mailed to `address`. */
    token: async (address: string, path: string): Promise<string> => {
      const mails = await find(address, (mail) => linkPattern(path).test(mail.text));
      expect(mails.length).toBeGreaterThan(0);
      return linkToken(mails[mails.length - 1], path);
    },
  };
}
