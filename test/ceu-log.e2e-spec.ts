import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { CeusService } from '../src/coders/ceus/ceus.service.js';
import { coders, failed, given, inMonths, ok, Session, uniqueCertificatePdf } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';
import { eventually } from './support/wait.js';

const LOG = `mutation($input: LogCeuInput!) { logCeu(input: $input) { id issuer title provider completedOn ceus category approvalCode certificateDocumentId counts } }`;
const ATTACH = `mutation($id: ID!, $doc: ID!) { attachCeuCertificate(id: $id, certificateDocumentId: $doc) { id certificateDocumentId counts } }`;
const DELETE = `mutation($id: ID!) { deleteCeu(id: $id) { id } }`;
const CYCLES = `query($coderId: ID) { ceuCycles(coderId: $coderId) { issuer startsOn endsOn credentialTypes required logged counted pending remaining onTrack entries { id title ceus completedOn counts } } }`;
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
  /** An entry with its certificate of completion: one that counts. */
  const logCertified = async (coder: Session, overrides: Record<string, unknown> = {}) => ok(await log(coder, { certificateDocumentId: await c.uploadCertificate(coder), ...overrides })).logCeu;
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
        {
          issuer: 'AAPC',
          startsOn: inMonths(-4, 1),
          endsOn: expiresOn,
          credentialTypes: expect.arrayContaining(types),
          required,
          logged: 0,
          counted: 0,
          pending: 0,
          remaining: required,
          onTrack: false,
          entries: [],
        },
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
      // Without its certificate an entry is pending: logged, not counted.
      expect(first).toMatchObject({ issuer: 'AAPC', ceus: 1.5, category: 'CORE_A', certificateDocumentId: null, counts: false });
      expect(await cyclesOf(coder)).toEqual([expect.objectContaining({ required: 36, logged: 1.5, counted: 0, pending: 1.5, remaining: 36, onTrack: false })]);
      const certificateDocumentId = await c.uploadCertificate(coder);
      ok(await log(coder, { title: 'E/M 2027 guidelines', ceus: 10.3, category: 'SPECIALTY', certificateDocumentId, completedOn: inMonths(-2) }));
      const [cycle] = await cyclesOf(coder);
      expect(cycle).toMatchObject({ logged: 11.8, counted: 10.3, pending: 1.5, remaining: 25.7, onTrack: true });
      expect(cycle.entries.map((e: Untyped) => [e.ceus, e.counts])).toEqual([
        [1.5, false],
        [10.3, true],
      ]);
      expect(await db.query(`SELECT ceu_tenths FROM ceu_entries WHERE coder_id = $1 ORDER BY ceu_tenths`, [coder.user.id])).toEqual([{ ceu_tenths: 15 }, { ceu_tenths: 103 }]);
    });

    it('refuses a day outside the cycle or in the future, bad CEUs, a foreign category, issuer or certificate, naming the field and writing nothing', async () => {
      const { coder } = await holder(['CPC']);
      const stranger = await a.coder();
      const strangersDocument = await c.uploadCertificate(stranger);
      const fieldsOf = async (overrides: Record<string, unknown>) => failed(await log(coder, overrides), 'BAD_USER_INPUT').extensions.fields;
      expect(await fieldsOf({ completedOn: inMonths(0, 1) })).toEqual(['input.completedOn']);
      expect(await fieldsOf({ completedOn: inMonths(-5) })).toEqual(['input.completedOn']);
      for (const ceus of [0, -1, 1.25, 16.1, 40, 1000]) expect(await fieldsOf({ ceus })).toEqual(['input.ceus']);
      expect(await fieldsOf({ category: 'AHIMA' })).toEqual(['input.category']);
      expect(await fieldsOf({ issuer: 'AHIMA', category: 'AHIMA' })).toEqual(['input.issuer']);
      expect(await fieldsOf({ certificateDocumentId: strangersDocument })).toEqual(['input.certificateDocumentId']);
      expect(await fieldsOf({ title: '   ' })).toEqual(['input.title']);
      expect(await entriesInDb(coder.user.id)).toBe(0);
      // The first day of the cycle and 16 CEUs (one entry's most) are taken.
      ok(await log(coder, { completedOn: inMonths(-4, 1), ceus: 16 }));
    });

    it('refuses the same activity twice (title and provider, whatever the case, spacing and day) and makes one entry of concurrent identical requests', async () => {
      const { coder } = await holder(['CPC']);
      const results = await Promise.all(Array.from({ length: 6 }, () => log(coder)));
      expect(results.filter((r) => !r.errors).length).toBe(1);
      for (const r of results.filter((x) => x.errors)) expect(r.errors![0].extensions?.code).toBe('CONFLICT');
      failed(await log(coder, { title: '  icd-10-cm   2027 UPDATE ', provider: 'aapc LOCAL chapter 1042' }), 'CONFLICT');
      expect(await entriesInDb(coder.user.id)).toBe(1);
      // The same course on another day of the cycle is the same course: it counts once.
      expect(failed(await log(coder, { completedOn: inMonths(-2) }), 'CONFLICT').message).toContain('input.title');
      expect(await entriesInDb(coder.user.id)).toBe(1);
      // Concurrent logs of one course on different days make one entry too.
      const days = await Promise.all([-2, -3].map((months) => log(coder, { title: 'Modifier 25 deep dive', completedOn: inMonths(months) })));
      expect(days.filter((r) => !r.errors)).toHaveLength(1);
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

  describe('red team: CEUs that cannot be padded', () => {
    it('counts a course once per cycle: the same title and provider on another day, or the same approval code under another title, is CONFLICT naming it, and nothing is written', async () => {
      const { coder } = await holder(['CPC']);
      await logCertified(coder, { approvalCode: 'aapc-12345', completedOn: inMonths(-3) });
      // Logged again a month later, with a fresh certificate: the same course.
      const again = failed(await log(coder, { completedOn: inMonths(-2), certificateDocumentId: await c.uploadCertificate(coder) }), 'CONFLICT');
      expect(again.message).toContain('input.title');
      // Renamed, but the same approval code (AAPC index number), whatever its case.
      const renamed = failed(await log(coder, { title: 'ICD-10 refresher', approvalCode: 'AAPC-12345', completedOn: inMonths(-1) }), 'CONFLICT');
      expect(renamed.message).toContain('input.approvalCode');
      expect(await entriesInDb(coder.user.id)).toBe(1);
      expect(await cyclesOf(coder)).toEqual([expect.objectContaining({ logged: 1.5, counted: 1.5, remaining: 34.5 })]);
      expect(failed(await log(coder, { title: 'Other course', approvalCode: 'not a code!' }), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.approvalCode']);
    });

    it('refuses one entry claiming a whole cycle (over 16 CEUs), naming input.ceus', async () => {
      const { coder } = await holder(['CPC']);
      for (const ceus of [40, 36, 16.5])
        expect(failed(await log(coder, { ceus, certificateDocumentId: await c.uploadCertificate(coder) }), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.ceus']);
      expect(await entriesInDb(coder.user.id)).toBe(0);
      expect(await cyclesOf(coder)).toEqual([expect.objectContaining({ required: 36, logged: 0, remaining: 36 })]);
    });

    it('counts an entry only with its certificate: pending until one is attached, one certificate per entry, only the coder own entry and document', async () => {
      const { coder } = await holder(['CPC']);
      const first = ok(await log(coder, { ceus: 8 })).logCeu;
      const second = ok(await log(coder, { title: 'Coding for sepsis', ceus: 4 })).logCeu;
      expect([first.counts, second.counts]).toEqual([false, false]);
      expect(await cyclesOf(coder)).toEqual([expect.objectContaining({ required: 36, logged: 12, counted: 0, pending: 12, remaining: 36, onTrack: false })]);

      const certificate = await c.uploadCertificate(coder);
      // Another coder can neither attach to this coder's entry nor use this coder's certificate.
      const other = (await holder(['CPC'])).coder;
      failed(await app.gql(ATTACH, { id: first.id, doc: await c.uploadCertificate(other) }, other.accessToken), 'NOT_FOUND');
      const othersEntry = ok(await log(other)).logCeu;
      expect(failed(await app.gql(ATTACH, { id: othersEntry.id, doc: certificate }, other.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['certificateDocumentId']);

      // One certificate attached to both entries at once: it backs one of them.
      const raced = await Promise.all([first, second].map((e) => app.gql(ATTACH, { id: e.id, doc: certificate }, coder.accessToken)));
      expect(raced.filter((r) => !r.errors)).toHaveLength(1);
      expect(raced.filter((r) => r.errors).map((r) => r.errors![0].extensions.code)).toEqual(['CONFLICT']);
      // Nor can it back a new entry.
      failed(await log(coder, { title: 'Third course', certificateDocumentId: certificate }), 'CONFLICT');
      const [cycle] = await cyclesOf(coder);
      const attachedTo = raced.findIndex((r) => !r.errors);
      const counted = [8, 4][attachedTo];
      expect(cycle).toMatchObject({ logged: 12, counted, pending: 12 - counted, remaining: 36 - counted });
      // An entry keeps its certificate: attaching another is CONFLICT.
      const attached = [first, second][attachedTo];
      failed(await app.gql(ATTACH, { id: attached.id, doc: await c.uploadCertificate(coder) }, coder.accessToken), 'CONFLICT');
      const pendingOne = [first, second][1 - attachedTo];
      expect(ok(await app.gql(ATTACH, { id: pendingOne.id, doc: await c.uploadCertificate(coder) }, coder.accessToken)).attachCeuCertificate.counts).toBe(true);
      expect(await cyclesOf(coder)).toEqual([expect.objectContaining({ logged: 12, counted: 12, pending: 0, remaining: 24 })]);
    });
  });

  describe('red team: one certificate file counts once', () => {
    const webinar = { title: 'Risk adjustment webinar', provider: 'AAPC', ceus: 16, category: 'CORE_A' };

    it('refuses the same PDF uploaded again under a new id for another entry, by logCeu or attachCeuCertificate, naming the certificate field', async () => {
      const { coder } = await holder(['CPC']);
      const pdf = uniqueCertificatePdf();
      const copies = [await c.uploadCertificate(coder, pdf), await c.uploadCertificate(coder, pdf), await c.uploadCertificate(coder, pdf)];
      expect(new Set(copies).size).toBe(3);
      ok(await log(coder, { ...webinar, certificateDocumentId: copies[0] }));
      // Another course, but the same certificate file.
      const again = failed(await log(coder, { ...webinar, title: 'Evaluation and management audit', certificateDocumentId: copies[1] }), 'CONFLICT');
      expect(again.message).toContain('input.certificateDocumentId');
      const pending = ok(await log(coder, { ...webinar, title: 'Hierarchical condition categories' })).logCeu;
      const attached = failed(await app.gql(ATTACH, { id: pending.id, doc: copies[2] }, coder.accessToken), 'CONFLICT');
      expect(attached.message).toContain('certificateDocumentId');
      expect(await cyclesOf(coder)).toEqual([expect.objectContaining({ logged: 32, counted: 16, pending: 16 })]);
      expect(await entriesInDb(coder.user.id)).toBe(2);
    });

    it('counts "webinar", "webinar." and "Webinár!" as one course, whatever the punctuation, symbols, case or accents', async () => {
      const { coder } = await holder(['CPC']);
      ok(await log(coder, { ...webinar, certificateDocumentId: await c.uploadCertificate(coder) }));
      for (const title of ['Risk adjustment webinar.', 'Risk adjustment webinar..', 'RISK-ADJUSTMENT  Webinár!', 'Risk adjustment: webinar'])
        expect(failed(await log(coder, { ...webinar, title, certificateDocumentId: await c.uploadCertificate(coder) }), 'CONFLICT').message).toContain('input.title');
      expect(failed(await log(coder, { ...webinar, provider: 'A.A.P.C.', certificateDocumentId: await c.uploadCertificate(coder) }), 'CONFLICT').message).toContain('input.title');
      expect(await cyclesOf(coder)).toEqual([expect.objectContaining({ logged: 16, counted: 16 })]);
    });

    it('refuses a credential evidence document (or the same file uploaded again) as a CEU certificate', async () => {
      const coder = await a.coder();
      const evidence = uniqueCertificatePdf();
      const evidenceDocumentId = await c.uploadCertificate(coder, evidence);
      const cpc = await c.addCredential(coder, { type: 'CPC', number: 'CPC-77012', issuedOn: '2022-01-15', expiresOn: inMonths(20), evidenceDocumentId });
      await c.verify(cpc.id);
      for (const certificateDocumentId of [evidenceDocumentId, await c.uploadCertificate(coder, evidence)])
        expect(failed(await log(coder, { ...webinar, certificateDocumentId }), 'CONFLICT').message).toContain('input.certificateDocumentId');
      const pending = ok(await log(coder, webinar)).logCeu;
      expect(failed(await app.gql(ATTACH, { id: pending.id, doc: evidenceDocumentId }, coder.accessToken), 'CONFLICT').message).toContain('certificateDocumentId');
      expect(await cyclesOf(coder)).toEqual([expect.objectContaining({ logged: 16, counted: 0 })]);
    });

    it('takes one of two entries racing with copies of one file', async () => {
      const { coder } = await holder(['CPC']);
      const pdf = uniqueCertificatePdf();
      const copies = [await c.uploadCertificate(coder, pdf), await c.uploadCertificate(coder, pdf)];
      const raced = await Promise.all(copies.map((certificateDocumentId, k) => log(coder, { ...webinar, title: `Course ${k === 0 ? 'one' : 'two'}`, certificateDocumentId })));
      expect(raced.filter((r) => !r.errors)).toHaveLength(1);
      expect(raced.filter((r) => r.errors).map((r) => r.errors![0].extensions.code)).toEqual(['CONFLICT']);
      expect(await cyclesOf(coder)).toEqual([expect.objectContaining({ counted: 16 })]);
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
      await logCertified(coder, { ceus: 6 });
      ok(await log(coder, { title: 'No certificate yet', ceus: 10 })); // pending: it does not make the cycle less short
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
      for (const [title, ceus] of [
        ['Conference day 1-2', 16],
        ['Boot camp', 16],
        ['Webinar', 4],
      ] as const)
        await logCertified(complete.coder, { title, ceus });
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
