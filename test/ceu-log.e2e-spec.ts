import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { CeusService } from '../src/coders/ceus/ceus.service.js';
import { coders, failed, given, inMonths, ok, Session } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';
import { eventually } from './support/wait.js';

const LOG = `mutation($input: LogCeuInput!) { logCeu(input: $input) { id issuer title provider completedOn ceus category certificateDocumentId } }`;
const DELETE = `mutation($id: ID!) { deleteCeu(id: $id) { id } }`;
const CYCLES = `query($coderId: ID) { ceuCycles(coderId: $coderId) { issuer startsOn endsOn credentialTypes required logged remaining onTrack entries { id title ceus completedOn } } }`;
const RENEW = `mutation($id: ID!, $input: RenewCredentialInput!) { renewCredential(id: $id, input: $input) { id pendingChange { id } } }`;
const REVIEW_CHANGE = `mutation($id: ID!, $approve: Boolean!) { reviewCredentialChange(id: $id, approve: $approve) { id status } }`;
const NOTIFICATIONS = `{ myNotifications(first: 50) { edges { node { kind message data } } } }`;

describe('CEU log (issue 17, item 2)', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let c: ReturnType<typeof coders>;
  let db: DataSource;
  let admin: Session;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
    c = coders(app);
    db = app.app.get(DataSource);
    admin = await a.admin();
  });
  afterAll(() => app?.close());

  /** A coder holding these credentials, verified, their cycle ending on `expiresOn` (AAPC ones with a membership a year out). */
  const holder = async (types: string[], expiresOn = inMonths(20)) => {
    const coder = await a.coder();
    const credentials: Record<string, string> = {};
    for (const type of types) {
      const credential = await c.addCredential(coder, { type, number: `${type.replace('_', '-')}-${Math.floor(Math.random() * 1e8)}`, issuedOn: '2022-01-15', expiresOn });
      await c.verify(credential.id);
      credentials[type] = credential.id;
    }
    return { coder, credentials };
  };
  const cyclesOf = async (session: Session, coderId?: string) => ok(await app.gql(CYCLES, { coderId }, session.accessToken)).ceuCycles as Untyped[];
  const entry = (overrides: Record<string, unknown> = {}) => ({
    issuer: 'AAPC',
    title: 'ICD-10-CM 2027 update',
    provider: 'AAPC local chapter 1042',
    completedOn: inMonths(-1),
    ceus: 1.5,
    category: 'CORE_A',
    ...overrides,
  });
  const log = (coder: Session, overrides: Record<string, unknown> = {}) => app.gql(LOG, { input: entry(overrides) }, coder.accessToken);
  const entriesInDb = async (coderId: string) => (await db.query(`SELECT count(*)::int AS n FROM ceu_entries WHERE coder_id = $1`, [coderId]))[0].n as number;
  const shortReminders = async (coder: Session) =>
    (ok(await app.gql(NOTIFICATIONS, {}, coder.accessToken)).myNotifications.edges as Untyped[]).map((e) => e.node).filter((n) => n.kind === 'CEU_CYCLE_SHORT');
  const shortMails = async (coder: Session) =>
    (await db.query(`SELECT count(*)::int AS n FROM outbox_jobs WHERE idempotency_key LIKE 'mail:ceu-short:%' AND payload->>'to' = $1`, [coder.user.email]))[0].n as number;

  describe('required CEUs per cycle', () => {
    it.each([
      [['CPC'], 36],
      [['CPC', 'COC'], 40],
      [['CPC', 'COC', 'CIC', 'CPB', 'CRC'], 52],
      [['CPC', 'COC', 'CIC', 'CPB', 'CRC', 'CPMA'], 52],
      [['CPC', 'CEMC'], 44],
      [['CPC_A'], 36],
    ])("asks an AAPC holder of %j for %d CEUs, over the two years that end at the credentials' expiry", async (types, required) => {
      const expiresOn = inMonths(20);
      const { coder } = await holder(types, expiresOn);
      expect(await cyclesOf(coder)).toEqual([
        { issuer: 'AAPC', startsOn: inMonths(-4, 1), endsOn: expiresOn, credentialTypes: expect.arrayContaining(types), required, logged: 0, remaining: required, onTrack: false, entries: [] },
      ]);
    });

    it.each([
      [['CCS'], 20],
      [['RHIA'], 30],
      [['RHIT', 'CCS'], 30],
      [['RHIA', 'CCS'], 40],
      [['RHIA', 'CCS', 'CDIP', 'CHDA'], 50],
    ])('asks an AHIMA holder of %j for %d CEUs', async (types, required) => {
      const { coder } = await holder(types);
      expect(await cyclesOf(coder)).toEqual([expect.objectContaining({ issuer: 'AHIMA', required, remaining: required })]);
    });

    it('keeps one cycle per issuer, and counts only credentials that count (not a pending one)', async () => {
      const { coder } = await holder(['CPC', 'CCS']);
      await c.addCredential(coder, { type: 'COC', number: 'COC-PENDING-1', issuedOn: '2022-01-15', expiresOn: inMonths(20) });
      expect((await cyclesOf(coder)).map((cycle) => [cycle.issuer, cycle.required])).toEqual([
        ['AAPC', 36],
        ['AHIMA', 20],
      ]);
      const pendingOnly = await a.coder();
      await c.addCredential(pendingOnly, { type: 'CPC', number: 'CPC-PENDING-2', issuedOn: '2022-01-15', expiresOn: inMonths(20) });
      expect(await cyclesOf(pendingOnly)).toEqual([]);
      failed(await log(pendingOnly), 'BAD_USER_INPUT');
    });
  });

  describe('logging', () => {
    it('counts logged CEUs against the requirement, in tenths, and tells whether the coder is on track', async () => {
      const { coder } = await holder(['CPC']);
      // Four months into a 24-month cycle: about 6 of 36 CEUs are due by now.
      const first = ok(await log(coder, { ceus: 1.5 })).logCeu;
      expect(first).toMatchObject({ issuer: 'AAPC', ceus: 1.5, category: 'CORE_A', certificateDocumentId: null });
      expect(await cyclesOf(coder)).toEqual([expect.objectContaining({ required: 36, logged: 1.5, remaining: 34.5, onTrack: false })]);
      const certificateDocumentId = await c.uploadCertificate(coder);
      ok(await log(coder, { title: 'E/M 2027 guidelines', ceus: 10.3, category: 'SPECIALTY', certificateDocumentId, completedOn: inMonths(-2) }));
      const [cycle] = await cyclesOf(coder);
      expect(cycle).toMatchObject({ logged: 11.8, remaining: 24.2, onTrack: true });
      expect(cycle.entries.map((e: Untyped) => e.ceus)).toEqual([1.5, 10.3]);
      expect(await db.query(`SELECT ceu_tenths FROM ceu_entries WHERE coder_id = $1 ORDER BY ceu_tenths`, [coder.user.id])).toEqual([{ ceu_tenths: 15 }, { ceu_tenths: 103 }]);
    });

    it('refuses a day outside the cycle or in the future, bad CEUs, a foreign category, issuer or certificate, naming the field and writing nothing', async () => {
      const { coder } = await holder(['CPC']);
      const stranger = await a.coder();
      const strangersDocument = await c.uploadCertificate(stranger);
      const fieldsOf = async (overrides: Record<string, unknown>) => failed(await log(coder, overrides), 'BAD_USER_INPUT').extensions.fields;
      expect(await fieldsOf({ completedOn: inMonths(0, 1) })).toEqual(['input.completedOn']);
      expect(await fieldsOf({ completedOn: inMonths(-5) })).toEqual(['input.completedOn']);
      for (const ceus of [0, -1, 1.25, 40.1, 1000]) expect(await fieldsOf({ ceus })).toEqual(['input.ceus']);
      expect(await fieldsOf({ category: 'AHIMA' })).toEqual(['input.category']);
      expect(await fieldsOf({ issuer: 'AHIMA', category: 'AHIMA' })).toEqual(['input.issuer']);
      expect(await fieldsOf({ certificateDocumentId: strangersDocument })).toEqual(['input.certificateDocumentId']);
      expect(await fieldsOf({ title: '   ' })).toEqual(['input.title']);
      expect(await entriesInDb(coder.user.id)).toBe(0);
      // The first day of the cycle and 40 CEUs are taken.
      ok(await log(coder, { completedOn: inMonths(-4, 1), ceus: 40 }));
    });

    it('refuses the same activity twice (title, provider and day, whatever the case and spacing) and makes one entry of concurrent identical requests', async () => {
      const { coder } = await holder(['CPC']);
      const results = await Promise.all(Array.from({ length: 6 }, () => log(coder)));
      expect(results.filter((r) => !r.errors).length).toBe(1);
      for (const r of results.filter((x) => x.errors)) expect(r.errors![0].extensions?.code).toBe('CONFLICT');
      failed(await log(coder, { title: '  icd-10-cm   2027 UPDATE ', provider: 'aapc LOCAL chapter 1042' }), 'CONFLICT');
      expect(await entriesInDb(coder.user.id)).toBe(1);
      // The same course on another day is another entry.
      ok(await log(coder, { completedOn: inMonths(-2) }));
      expect(await entriesInDb(coder.user.id)).toBe(2);
    });

    it('keeps at most 200 entries per cycle, also when concurrent requests all count 199 before any writes', async () => {
      const { coder } = await holder(['CPC']);
      await db.query(
        `INSERT INTO ceu_entries (coder_id, issuer, category, title, provider, completed_on, ceu_tenths, dedupe_key)
         SELECT $1, 'AAPC', 'CORE_B', 'Webinar ' || k, 'Vendor', CURRENT_DATE - 30, 1, 'webinar ' || k || E'\\nvendor' FROM generate_series(1, 199) k`,
        [coder.user.id],
      );
      // A connection of our own holds inserts into ceu_entries (reads go on), so the four requests pile
      // up at their insert (or at the per-coder lock before their count) until we let go.
      const locker = new pg.Client({ connectionString: app.config.databaseUrl });
      await locker.connect();
      let results: Awaited<ReturnType<typeof log>>[];
      try {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE ceu_entries IN SHARE MODE');
        const logging = Promise.all([1, 2, 3, 4].map((k) => log(coder, { title: `Course ${k}` })));
        const waiting = async () => (await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n;
        await eventually(async () => (await waiting()) === 4, 'the four requests waiting');
        await locker.query('COMMIT');
        results = await logging;
      } finally {
        await locker.end();
      }
      expect(results.filter((r) => !r.errors).length).toBe(1);
      for (const r of results.filter((x) => x.errors)) expect(r.errors![0].extensions?.code).toBe('CONFLICT');
      expect(await entriesInDb(coder.user.id)).toBe(200);
    });

    it('deletes an entry while its cycle is open, not once the cycle is over (a renewal moved it)', async () => {
      const { coder, credentials } = await holder(['CPC']);
      const open = ok(await log(coder, { completedOn: inMonths(-1) })).logCeu;
      const older = ok(await log(coder, { completedOn: inMonths(-3), title: 'Risk adjustment basics' })).logCeu;
      expect(ok(await app.gql(DELETE, { id: open.id }, coder.accessToken)).deleteCeu.id).toBe(open.id);
      failed(await app.gql(DELETE, { id: open.id }, coder.accessToken), 'NOT_FOUND');
      // The renewal is approved: the new cycle starts a month ago, the older entry belongs to the closed one.
      const evidenceDocumentId = await c.uploadCertificate(coder);
      const change = ok(await app.gql(RENEW, { id: credentials.CPC, input: { expiresOn: inMonths(23), evidenceDocumentId } }, coder.accessToken)).renewCredential.pendingChange;
      ok(await app.gql(REVIEW_CHANGE, { id: change.id, approve: true }, admin.accessToken));
      expect((await cyclesOf(coder))[0]).toMatchObject({ startsOn: inMonths(-1, 1), endsOn: inMonths(23), logged: 0, entries: [] });
      failed(await app.gql(DELETE, { id: older.id }, coder.accessToken), 'CONFLICT');
      expect(await entriesInDb(coder.user.id)).toBe(1);
    });
  });

  describe('privacy', () => {
    it('shows entries to their coder and admins only; another coder cannot read or delete them, a practice is refused', async () => {
      const { coder } = await holder(['CPC']);
      const logged = ok(await log(coder)).logCeu;
      const other = (await holder(['CPC'])).coder;
      const { owner } = await a.practice();
      failed(await app.gql(CYCLES, { coderId: coder.user.id }, other.accessToken), 'NOT_FOUND');
      failed(await app.gql(DELETE, { id: logged.id }, other.accessToken), 'NOT_FOUND');
      failed(await app.gql(CYCLES, { coderId: coder.user.id }, owner.accessToken), 'FORBIDDEN');
      failed(await app.gql(DELETE, { id: logged.id }, owner.accessToken), 'FORBIDDEN');
      failed(await app.gql(LOG, { input: entry() }, owner.accessToken), 'FORBIDDEN');
      failed(await app.gql(CYCLES, { coderId: coder.user.id }), 'UNAUTHENTICATED');
      // The other coder's own view shows their cycle, without the first coder's entry.
      expect((await cyclesOf(other))[0].entries).toEqual([]);
      expect((await cyclesOf(admin, coder.user.id))[0].entries.map((e: Untyped) => e.id)).toEqual([logged.id]);
      expect((await cyclesOf(coder, coder.user.id))[0].entries.map((e: Untyped) => e.id)).toEqual([logged.id]);
      expect(await entriesInDb(coder.user.id)).toBe(1);
    });
  });

  describe('reminders', () => {
    const run = () => app.app.get(CeusService).remindShort();
    /** Time passing: the cycle now ends `days` from today. */
    const cycleEndsIn = (credentialId: string, days: number) => db.query(`UPDATE credentials SET expires_on = CURRENT_DATE + $2::int WHERE id = $1`, [credentialId, days]);

    it('reminds a short coder once at 90 days (two concurrent runs and a third make one), then once at 30 days, by notification and mail', async () => {
      const { coder, credentials } = await holder(['CPC'], inMonths(0, 80));
      ok(await log(coder, { ceus: 6 }));
      await Promise.all([run(), run()]);
      await run();
      expect(await shortReminders(coder)).toEqual([
        { kind: 'CEU_CYCLE_SHORT', message: expect.stringContaining(`ends on ${inMonths(0, 80)}`), data: { issuer: 'AAPC', cycleEndsOn: inMonths(0, 80), remaining: '30', thresholdDays: '90' } },
      ]);
      expect(await shortMails(coder)).toBe(1);

      await cycleEndsIn(credentials.CPC, 20);
      await Promise.all([run(), run()]);
      await run();
      expect((await shortReminders(coder)).map((n) => n.data.thresholdDays)).toEqual(['30', '90']);
      expect(await shortMails(coder)).toBe(2);
    });

    it('sends nothing when the cycle is complete, or still more than 90 days off', async () => {
      const complete = await holder(['CPC'], inMonths(0, 60));
      ok(await log(complete.coder, { ceus: 36 }));
      const early = await holder(['CPC'], inMonths(0, 120));
      await run();
      expect(await shortReminders(complete.coder)).toEqual([]);
      expect(await shortReminders(early.coder)).toEqual([]);
      expect(await shortMails(complete.coder)).toBe(0);
    });

    it('sends only the 30-day reminder to a coder first found short inside 30 days, for an AHIMA cycle too', async () => {
      const { coder } = await holder(['RHIA'], inMonths(0, 25));
      await run();
      expect((await shortReminders(coder)).map((n) => n.data)).toEqual([{ issuer: 'AHIMA', cycleEndsOn: inMonths(0, 25), remaining: '30', thresholdDays: '30' }]);
    });
  });
});
