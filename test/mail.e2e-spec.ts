import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { OutboxService } from '../src/outbox/outbox.service.js';
import { failed, given, ok, Session } from './support/given.js';
import { mailbox, MAIL_KINDS } from './support/mailbox.js';
import { startSmtpSink } from './support/smtp-sink.js';
import { TestApp } from './support/test-app.js';

const INVITE = `mutation($org: ID!, $email: String!, $role: MembershipRole!) { inviteMember(organizationId: $org, email: $email, role: $role) { id email role } }`;
const PRACTICE_NAME = 'Cardiology Partners of Springfield';

async function invite(app: TestApp, owner: Session, organizationId: string, email: string) {
  return ok(await app.gql<{ inviteMember: { id: string } }>(INVITE, { org: organizationId, email, role: 'MEMBER' }, owner.accessToken)).inviteMember;
}

async function outboxRows(app: TestApp, to: string) {
  return app.sql<{ id: string; status: string; attempts: number; payload: { to: string; template: string; sealed: string } }>(
    `SELECT id, status, attempts, payload FROM outbox_jobs WHERE kind = 'mail.send' AND payload->>'to' = $1 ORDER BY created_at`,
    [to],
  );
}

describe('mail without SMTP_URL (the offline default)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ APP_URL: 'https://app.chartbridge.test' });
  });
  afterAll(() => app?.close());

  it('writes an invitation as an .eml file under $DATA_DIR/mail, in text and HTML, with a link and no practice details', async () => {
    const { owner, organization } = await given(app).practice(undefined, PRACTICE_NAME);
    const invitee = 'Invitee@Example.test';
    const invitation = await invite(app, owner, organization.id, invitee);

    const box = mailbox(app);
    expect((await box.all()).filter((mail) => mail.to === 'invitee@example.test')).toEqual([]); // queued, not sent, until the outbox runs
    const [mail] = await box.to('invitee@example.test');
    expect(mail).toMatchObject({ from: 'no-reply@chartbridge.localhost', subject: 'You are invited to an organization on ChartBridge' });
    expect(mail.text).toContain('https://app.chartbridge.test/invitations');
    expect(mail.text).toContain(invitation.id);
    expect(mail.html).toContain('<a href="https://app.chartbridge.test/invitations">');
    for (const content of [mail.text, mail.html]) {
      expect(content).not.toContain('Cardiology');
      expect(content).not.toContain(owner.user.email);
      expect(content).not.toContain(owner.user.name);
    }

    const [job] = await outboxRows(app, 'invitee@example.test');
    expect(job.status).toBe('DONE');
    expect(mail.messageId).toBe(`<${job.id}@chartbridge.localhost>`);
    const files = await readdir(box.dir);
    expect(files).toContain(`${job.id}.eml`);
    expect((await stat(`${box.dir}/${job.id}.eml`)).mode & 0o777).toBe(0o600);
  });

  it('queues no mail when the write it tells about fails', async () => {
    const { owner, organization } = await given(app).practice();
    await invite(app, owner, organization.id, 'twice@example.test');
    failed(await app.gql(INVITE, { org: organization.id, email: 'twice@example.test', role: 'MEMBER' }, owner.accessToken), 'CONFLICT');
    expect(await outboxRows(app, 'twice@example.test')).toHaveLength(1);
  });

  it('keeps what a queued mail carries sealed in the database', async () => {
    const { owner, organization } = await given(app).practice();
    const invitation = await invite(app, owner, organization.id, 'sealed@example.test');
    const [job] = await outboxRows(app, 'sealed@example.test');
    expect(job.payload.template).toBe('membership-invitation');
    expect(JSON.stringify(job.payload)).not.toContain(invitation.id);
  });

  it('runs no other job kind when only mail is delivered', async () => {
    // A Stripe transfer waiting in the outbox (written as the money flows write it): a test helper that delivers mail must not run it.
    const [{ id }] = await app.sql<{ id: string }>(
      `INSERT INTO outbox_jobs (kind, idempotency_key, payload) VALUES ('stripe.transfer', $1, '{"coderId": "00000000-0000-0000-0000-000000000000", "amountCents": 1, "source": "test"}') RETURNING id`,
      [`transfer:test:${randomUUID()}`],
    );
    await mailbox(app).deliver();
    expect(await app.sql(`SELECT status, attempts FROM outbox_jobs WHERE id = $1`, [id])).toEqual([{ status: 'PENDING', attempts: 0 }]);
    await app.sql(`DELETE FROM outbox_jobs WHERE id = $1`, [id]);
  });

  it('delivers only mail when asked to, and sends a mail once however often the outbox runs', async () => {
    const { owner, organization } = await given(app).practice();
    await invite(app, owner, organization.id, 'once@example.test');
    const outbox = app.app.get(OutboxService);
    await Promise.all([outbox.drain(MAIL_KINDS), outbox.drain(MAIL_KINDS), outbox.drain()]);
    await outbox.drain(MAIL_KINDS);
    expect(await mailbox(app).to('once@example.test')).toHaveLength(1);
    expect((await outboxRows(app, 'once@example.test')).map((job) => [job.status, job.attempts])).toEqual([['DONE', 1]]);
  });
});

describe('mail over SMTP (SMTP_URL)', () => {
  let app: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });

  it('is sent once when the SMTP server was down and comes back, and never lost meanwhile', async () => {
    // A port nothing listens on yet: the server is "down".
    const probe = await startSmtpSink();
    const port = probe.port;
    await probe.close();
    app = await TestApp.start({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'ChartBridge Notices <notices@chartbridge.test>', APP_URL: 'https://app.chartbridge.test' });
    // Over SMTP the test cannot read the verification mail from disk: inviting needs no verified address.
    const { owner, organization } = await given(app).practice(await given(app).provider({ verified: false }), PRACTICE_NAME);
    await invite(app, owner, organization.id, 'down-then-up@example.test');

    const outbox = app.app.get(OutboxService);
    await outbox.drain(MAIL_KINDS);
    const [waiting] = await outboxRows(app, 'down-then-up@example.test');
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1 });
    await outbox.drain(MAIL_KINDS);
    expect((await outboxRows(app, 'down-then-up@example.test'))[0].attempts).toBe(1); // backing off: not retried at once

    sink = await startSmtpSink({ port });
    await app.sql(`UPDATE outbox_jobs SET run_after = now() WHERE id = $1`, [waiting.id]); // the backoff has passed
    await outbox.drain(MAIL_KINDS);
    await outbox.drain(MAIL_KINDS);

    const mails = sink.mails.filter((mail) => mail.to === 'down-then-up@example.test');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({ to: 'down-then-up@example.test', from: 'notices@chartbridge.test', messageId: `<${waiting.id}@chartbridge.test>` });
    expect(mail.text).toContain('https://app.chartbridge.test/invitations');
    expect(mail.html).toContain('https://app.chartbridge.test/invitations');
    expect(mail.text).not.toContain('Cardiology');
    expect((await outboxRows(app, 'down-then-up@example.test')).map((job) => [job.status, job.attempts])).toEqual([['DONE', 2]]);
    // Nothing was written to disk: with SMTP_URL set, mail leaves over SMTP only.
    expect(await readdir(mailbox(app).dir).catch(() => [])).toEqual([]);
  });

  it('does not retry a recipient the server refuses for good', async () => {
    await sink.close();
    sink = await startSmtpSink({ port: sink.port, refuse: ['nobody@example.test'] });
    const { owner, organization } = await given(app).practice(await given(app).provider({ verified: false }));
    await invite(app, owner, organization.id, 'nobody@example.test');
    await app.app.get(OutboxService).drain(MAIL_KINDS);
    const [job] = await outboxRows(app, 'nobody@example.test');
    expect(job).toMatchObject({ status: 'DONE', attempts: 1 });
    expect(sink.mails.filter((mail) => mail.to === 'nobody@example.test')).toEqual([]);
    const [{ result }] = await app.sql<{ result: { rejected: string } }>('SELECT result FROM outbox_jobs WHERE id = $1', [job.id]);
    expect(result.rejected).toMatch(/550/);
  });
});
