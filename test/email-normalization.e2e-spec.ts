import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { EmailNormalization1795860000000 } from '../migrations/1795860000000-EmailNormalization.js';
import { typeOrmOptions } from '../src/bootstrap/typeorm-options.js';
import { emailSkeleton, normalizeEmail } from '../src/domain/email-address.js';
import { AUTH_FIELDS, failed, given, ok, PASSWORD, Session } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { ${AUTH_FIELDS} } }`;
const INVITE = `mutation($org: ID!, $email: String!, $role: MembershipRole!) { inviteMember(organizationId: $org, email: $email, role: $role) { id email } }`;
const MY_INVITATIONS = `{ myMembershipInvitations { edges { node { id organization { id } } } } }`;
const TAKEN = 'An account with this email already exists';

describe('email normalization and lookalikes', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
  });
  afterAll(() => app?.close());

  const signUp = (email: string, role = 'CODER') => app.gql<{ signUp: Session }>(SIGN_UP, { input: { email, password: PASSWORD, name: 'Lookalike', role } });
  const logIn = (email: string, password = PASSWORD) => app.gql<{ logIn: Session }>(LOG_IN, { input: { email, password } });

  describe('signUp', () => {
    it('maps fullwidth letters (NFKC) to the existing account: CONFLICT, as for the same address', async () => {
      await a.coder({ email: 'fullwidth@example.test' });
      // Fullwidth letters before a plain @ used to make a second account.
      expect(failed(await signUp('ｆｕｌｌｗｉｄｔｈ@example.test'), 'CONFLICT').message).toBe(TAKEN);
      const fullwidth = failed(await signUp('ｆｕｌｌｗｉｄｔｈ＠ｅｘａｍｐｌｅ．ｔｅｓｔ'), 'CONFLICT');
      const same = failed(await signUp('FullWidth@Example.test'), 'CONFLICT');
      expect(fullwidth.message).toBe(TAKEN);
      expect(fullwidth).toEqual(same);
      expect(await app.sql(`SELECT 1 FROM users WHERE email_skeleton = 'fullwidth@example.test'`)).toHaveLength(1);
    });

    it('refuses an all-Cyrillic lookalike of an existing account with the same CONFLICT as a taken email', async () => {
      await a.coder({ email: 'cocoa@example.test' });
      const lookalike = failed(await signUp('сосоа@example.test'), 'CONFLICT'); // Cyrillic с, о, а
      expect(lookalike.message).toBe(TAKEN);
      const domainLookalike = failed(await signUp('cocoa@ехаmple.test'), 'BAD_USER_INPUT'); // Cyrillic е, х, а among Latin letters
      expect(domainLookalike.extensions.fields).toEqual(['input.email']);
      expect(await app.sql(`SELECT email FROM users WHERE email LIKE '%@example.test' AND email_skeleton = 'cocoa@example.test'`)).toEqual([{ email: 'cocoa@example.test' }]);
    });

    it('lets an address in one non-Latin script sign up when nothing looks like it', async () => {
      const { signUp: greek } = ok(await signUp('Δοκιμή@example.test'));
      expect(greek.user.email).toBe('δοκιμή@example.test');
    });

    it('refuses Latin mixed with Cyrillic or Greek within the local part or a domain label, naming input.email', async () => {
      for (const email of ['аpple@example.test', 'pαypal@example.test', 'ivan.иванов@example.test', 'apple@exаmple.test']) {
        const error = failed(await signUp(email), 'BAD_USER_INPUT');
        expect([email, error.extensions.fields, error.message]).toEqual([email, ['input.email'], expect.stringMatching(/^input\.email must not mix scripts/)]);
      }
    });

    it('refuses zero-width, bidi and other invisible characters anywhere in the address', async () => {
      for (const email of [
        'zero\u200bwidth@example.test',
        'joiner\u200d@example.test',
        'bidi\u202e@example.test',
        'isolate@exa\u2066mple.test',
        'soft\u00adhyphen@example.test',
        '\ufeffbom@example.test',
      ]) {
        const error = failed(await signUp(email), 'BAD_USER_INPUT');
        expect([JSON.stringify(email), error.extensions.fields, error.message]).toEqual([JSON.stringify(email), ['input.email'], expect.stringMatching(/^input\.email must not contain invisible/)]);
      }
      expect(await app.sql(`SELECT 1 FROM users WHERE email ~ '[\u200b-\u200f\u202a-\u202e\u2060-\u2069\u00ad\ufeff]'`)).toHaveLength(0);
    });

    it('refuses a quoted local part', async () => {
      for (const email of ['"john doe"@example.test', '"john"@example.test', '"a@b"@example.test']) {
        const error = failed(await signUp(email), 'BAD_USER_INPUT');
        expect([email, error.extensions.fields, error.message]).toEqual([email, ['input.email'], 'input.email must not have a quoted local part ("...")']);
      }
    });

    it('stores an IDN domain in punycode; logging in works with either form', async () => {
      const { signUp: created } = ok(await signUp('Reader@Bücher.Example'));
      expect(created.user.email).toBe('reader@xn--bcher-kva.example');
      expect(await app.sql('SELECT email FROM users WHERE id = $1', [created.user.id])).toEqual([{ email: 'reader@xn--bcher-kva.example' }]);
      expect(ok(await logIn('reader@bücher.example')).logIn.user.id).toBe(created.user.id);
      expect(ok(await logIn('READER@XN--BCHER-KVA.EXAMPLE')).logIn.user.id).toBe(created.user.id);
      failed(await signUp('reader@xn--bcher-kva.example'), 'CONFLICT');
    });

    it('lets exactly one of an address and its lookalike through when they sign up at the same time', async () => {
      // Latin, all-Cyrillic and fullwidth: one skeleton, one unique index.
      const racers = await Promise.all(['coco@example.test', 'сосо@example.test', 'ｃｏｃｏ@example.test'].map((email) => signUp(email)));
      expect(racers.filter((r) => !r.errors)).toHaveLength(1);
      expect(racers.flatMap((r) => r.errors?.map((e) => [e.extensions.code, e.message]) ?? [])).toEqual([
        ['CONFLICT', TAKEN],
        ['CONFLICT', TAKEN],
      ]);
    });
  });

  describe('logIn', () => {
    it('finds the account from its fullwidth or upper-case form', async () => {
      const coder = await a.coder({ email: 'wide-login@example.test' });
      expect(ok(await logIn('ｗｉｄｅ－ｌｏｇｉｎ＠ｅｘａｍｐｌｅ．ｔｅｓｔ')).logIn.user.id).toBe(coder.user.id);
      expect(ok(await logIn('WIDE-LOGIN@EXAMPLE.TEST')).logIn.user.id).toBe(coder.user.id);
    });

    it('refuses invisible characters and mixed scripts with BAD_USER_INPUT, not a password check', async () => {
      await a.coder({ email: 'visible@example.test' });
      for (const email of ['visible\u200b@example.test', 'vіsible@example.test']) {
        expect(failed(await logIn(email), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.email']);
      }
    });

    it('does not log the lookalike into the account it imitates', async () => {
      await a.coder({ email: 'oops@example.test' });
      failed(await logIn('оорѕ@example.test'), 'UNAUTHENTICATED'); // all Cyrillic: another address, and no account has it
      failed(await logIn('oорs@example.test'), 'BAD_USER_INPUT'); // Cyrillic о р among Latin letters
    });
  });

  describe('inviteMember', () => {
    it('stores the invitation under the normal form, so the invitee signing up in another form sees it', async () => {
      const { owner, organization } = await a.practice();
      const { inviteMember } = ok(await app.gql(INVITE, { org: organization.id, email: 'ＮＥＷ.Member@Bücher.Example', role: 'MEMBER' }, owner.accessToken));
      expect(inviteMember.email).toBe('new.member@xn--bcher-kva.example');
      failed(await app.gql(INVITE, { org: organization.id, email: 'new.member@xn--bcher-kva.example', role: 'MEMBER' }, owner.accessToken), 'CONFLICT');
      const invitee = await a.provider({ email: 'New.Member@bücher.example' });
      expect(ok(await app.gql(MY_INVITATIONS, {}, invitee.accessToken)).myMembershipInvitations.edges.map((edge: Untyped) => edge.node)).toEqual([
        { id: inviteMember.id, organization: { id: organization.id } },
      ]);
    });

    it('refuses invisible characters, quoted local parts and mixed scripts, naming the email argument', async () => {
      const { owner, organization } = await a.practice();
      for (const email of ['in\u200bvisible@example.test', '"quoted"@example.test', 'mіxed@example.test']) {
        expect(failed(await app.gql(INVITE, { org: organization.id, email, role: 'MEMBER' }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['email']);
      }
      expect(await app.sql(`SELECT 1 FROM memberships WHERE organization_id = $1 AND status = 'INVITED'`, [organization.id])).toHaveLength(0);
    });
  });

  describe('migration of existing rows (1795860000000-EmailNormalization)', () => {
    it('normalizes existing users and memberships, and leaves collisions and refused addresses as they were, without failing', async () => {
      const { organization, owner } = await a.practice();
      const dataSource = new DataSource(typeOrmOptions(app.config.databaseUrl, { migrationsRun: false, poolSize: 1 }));
      await dataSource.initialize();
      const runner = dataSource.createQueryRunner();
      const migration = new EmailNormalization1795860000000();
      try {
        await runner.startTransaction();
        // Back to the schema before the migration, then rows as the old rule (trim + lower-case) let them in.
        await migration.down(runner);
        const legacy = [
          ['legacy-plain@example.test', '2020-01-01'],
          ['ｌｅｇａｃｙ－ｐｌａｉｎ@example.test', '2019-01-01'], // older, but a fullwidth copy of the one above
          ['ｗｉｄｅ－ｏｎｌｙ@example.test', '2020-01-02'],
          ['someone@bücher.example', '2020-01-03'],
          ['legacy-cocoa@example.test', '2020-01-04'],
          ['lеgасу-cocoa@example.test', '2020-01-05'], // Cyrillic е, а, с, у among Latin letters: refused by the new rules
          ['сосоа@legacy.test', '2020-01-06'],
          ['cocoa@legacy.test', '2020-01-07'], // an all-Cyrillic lookalike came first
          ['zero\u200bwidth@example.test', '2020-01-08'],
        ];
        const ids: string[] = [];
        for (const [email, createdAt] of legacy) {
          const [row] = await runner.query(`INSERT INTO users (email, name, role, password_hash, created_at) VALUES ($1, 'Legacy', 'CODER', 'x', $2) RETURNING id`, [email, createdAt]);
          ids.push(row.id);
        }
        const [invitation] = await runner.query(
          `INSERT INTO memberships (organization_id, email, role, status, invited_by_id) VALUES ($1, 'Ｉｎｖｉｔｅｅ@Bücher.Example', 'MEMBER', 'INVITED', $2) RETURNING id`,
          [organization.id, owner.user.id],
        );

        const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
        let reported: string[];
        try {
          await migration.up(runner);
        } finally {
          reported = warn.mock.calls.map((call) => String(call[0]));
          warn.mockRestore();
        }
        // Reported by id, never by address (personal data stays out of logs).
        expect(reported).toEqual([
          expect.stringMatching(new RegExp(`^EmailNormalization: 2 users row\\(s\\) kept their email, which the new rules refuse .*: ${ids[5]}, ${ids[8]}$`)),
          expect.stringMatching(new RegExp(`^EmailNormalization: 2 users row\\(s\\) kept their email, whose normal form or lookalike belongs to an older row: ${ids[7]}, ${ids[1]}$`)),
        ]);
        expect(reported.join(' ')).not.toMatch(/@/);

        const rows: { id: string; email: string; email_skeleton: string | null }[] = await runner.query(`SELECT id, email, email_skeleton FROM users WHERE id = ANY($1)`, [ids]);
        const byId = new Map(rows.map((row) => [row.id, row]));
        const expected = [
          ['legacy-plain@example.test', 'legacy-plain@example.test'], // already in normal form: kept, skeleton claimed
          ['ｌｅｇａｃｙ－ｐｌａｉｎ@example.test', null], // its normal form is taken: left as it was, reported
          ['wide-only@example.test', 'wide-only@example.test'],
          ['someone@xn--bcher-kva.example', emailSkeleton('someone@xn--bcher-kva.example')],
          ['legacy-cocoa@example.test', 'legacy-cocoa@example.test'],
          [legacy[5][0], null], // refused by the new rules: kept, reported
          ['сосоа@legacy.test', emailSkeleton('сосоа@legacy.test')],
          ['cocoa@legacy.test', null], // a lookalike of an older account: both kept, no merge
          ['zero\u200bwidth@example.test', null],
        ];
        expect(ids.map((id) => [byId.get(id)!.email, byId.get(id)!.email_skeleton])).toEqual(expected);
        // Every migrated address is what the app's own rule makes of it.
        for (const row of rows.filter((r) => r.email_skeleton !== null)) {
          expect(normalizeEmail(row.email)).toEqual({ ok: true, email: row.email });
          expect(row.email_skeleton).toBe(emailSkeleton(row.email));
        }
        expect(await runner.query(`SELECT email FROM memberships WHERE id = $1`, [invitation.id])).toEqual([{ email: 'invitee@xn--bcher-kva.example' }]);
        // The revised constraint and the skeleton index hold for the migrated rows.
        await expect(runner.query(`INSERT INTO users (email, email_skeleton, name, role, password_hash) VALUES ('ｘ@example.test', 'x@example.test', 'X', 'CODER', 'x')`)).rejects.toThrow(
          /users_email_normalized_check/,
        );
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
        await dataSource.destroy();
      }
    });
  });
});
