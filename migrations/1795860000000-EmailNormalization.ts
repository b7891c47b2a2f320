import { domainToASCII, domainToUnicode } from 'node:url';
import { isEmail } from 'class-validator';
import { MigrationInterface, QueryRunner } from 'typeorm';
import unhomoglyph from 'unhomoglyph';

/**
 * Emails in their new normal form (NFKC, domain in punycode; see src/domain/email-address.ts) and
 * `users.email_skeleton`, the TR39 skeleton behind a unique index, so a lookalike of an existing
 * account cannot sign up. Existing rows are rewritten here; none is merged, none makes this fail:
 * - an address already in normal form keeps it and claims its skeleton first (oldest account first);
 * - then the others, oldest first, take their normal form and skeleton when no other row has them;
 * - an address that collides (a fullwidth copy of an existing address, a whole-script lookalike of an
 *   older one) or that the new rules refuse (invisible characters, quoted, mixed scripts) is left as
 *   it is with a NULL skeleton, and reported by id. `SELECT id, email FROM users WHERE email_skeleton
 *   IS NULL` lists them for an operator to settle (docs/security.md, "Email addresses").
 * Memberships (invitations) get the same normal form, except where it would collide with another
 * live invitation or membership of the same organization.
 *
 * Migrations import nothing from src/, so the rule is copied below as it stands today: a later
 * change of `normalizeEmail` brings its own migration.
 */
export class EmailNormalization1795860000000 implements MigrationInterface {
  name = 'EmailNormalization1795860000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_email_normalized_check"`);
    await queryRunner.query(`ALTER TABLE "users" ADD "email_skeleton" text`);

    const users: { id: string; email: string }[] = await queryRunner.query(`SELECT "id", "email" FROM "users" ORDER BY "created_at", "id"`);
    const userPlan = plan(users, () => '');
    await rewrite(queryRunner, 'users', userPlan.changes);
    report('users', userPlan);

    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_email_normalized_check" CHECK (email = btrim(email) AND email !~ '[A-Z]' AND (email_skeleton IS NULL OR (email IS NFKC NORMALIZED AND email ~ '@[a-z0-9.-]+$')))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_skeleton_key" ON "users" ("email_skeleton")`);

    const memberships: { id: string; email: string; scope: string }[] = await queryRunner.query(
      `SELECT "id", "email", CASE WHEN "status" IN ('INVITED', 'ACTIVE') THEN "organization_id"::text ELSE "id"::text END AS "scope" FROM "memberships" ORDER BY "created_at", "id"`,
    );
    const membershipPlan = plan(memberships, (row) => row.scope, false);
    await rewrite(queryRunner, 'memberships', membershipPlan.changes);
    report('memberships', membershipPlan);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The normal forms stay (they are valid emails); the old rule only asked for lower-case and trimmed.
    await queryRunner.query(`DROP INDEX "users_email_skeleton_key"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_email_normalized_check"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_skeleton"`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "users_email_normalized_check" CHECK (email = lower(btrim(email)))`);
  }
}

interface Change {
  id: string;
  email: string;
  skeleton: string | null;
}

interface Plan {
  changes: Change[];
  refused: string[];
  collided: string[];
}

/**
 * What each row becomes. `scope` groups rows whose emails must differ (memberships: the live ones of
 * one organization); with `skeletons`, rows that look alike must differ too (users).
 */
function plan<T extends { id: string; email: string }>(rows: T[], scope: (row: T) => string, skeletons = true): Plan {
  const taken = new Set(rows.map((row) => `${scope(row)} ${row.email}`));
  const claimed = new Set<string>();
  const result: Plan = { changes: [], refused: [], collided: [] };
  const pending: { row: T; email: string }[] = [];
  for (const row of rows) {
    const email = normalizeEmail(row.email);
    if (email === null) result.refused.push(row.id);
    else if (email !== row.email) pending.push({ row, email });
    else if (!skeletons) continue;
    else if (claimed.has(emailSkeleton(email))) result.collided.push(row.id);
    else {
      claimed.add(emailSkeleton(email));
      result.changes.push({ id: row.id, email, skeleton: emailSkeleton(email) });
    }
  }
  for (const { row, email } of pending) {
    const key = `${scope(row)} ${email}`;
    const skeleton = skeletons ? emailSkeleton(email) : null;
    if (taken.has(key) || (skeleton !== null && claimed.has(skeleton))) {
      result.collided.push(row.id);
      continue;
    }
    taken.add(key);
    if (skeleton !== null) claimed.add(skeleton);
    result.changes.push({ id: row.id, email, skeleton });
  }
  return result;
}

async function rewrite(queryRunner: QueryRunner, table: 'users' | 'memberships', changes: Change[]): Promise<void> {
  for (let i = 0; i < changes.length; i += 1000) {
    const batch = changes.slice(i, i + 1000);
    const set = table === 'users' ? `"email" = v."email", "email_skeleton" = v."skeleton"` : `"email" = v."email"`;
    await queryRunner.query(`UPDATE "${table}" t SET ${set} FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v("id", "email", "skeleton") WHERE t."id" = v."id"`, [
      batch.map((c) => c.id),
      batch.map((c) => c.email),
      batch.map((c) => c.skeleton),
    ]);
  }
}

function report(table: string, { refused, collided }: Plan): void {
  // Ids only: addresses are personal data and stay out of logs.
  if (refused.length)
    console.warn(`EmailNormalization: ${refused.length} ${table} row(s) kept their email, which the new rules refuse (invisible characters, quoted, mixed scripts or invalid): ${refused.join(', ')}`);
  if (collided.length) console.warn(`EmailNormalization: ${collided.length} ${table} row(s) kept their email, whose normal form or lookalike belongs to an older row: ${collided.join(', ')}`);
}

// --- normalizeEmail and emailSkeleton of src/domain/email-address.ts, as of this migration ---

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Z}\p{Default_Ignorable_Code_Point}]/u;
const EDGE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;
const ASCII = /^\p{ASCII}*$/u;
const NON_ASCII_RUN = /\P{ASCII}+/gu;
const SYNTAX = { allow_utf8_local_part: true, require_tld: true, allow_ip_domain: false, allow_display_name: false } as const;

function normalizeEmail(raw: string): string | null {
  const text = raw.normalize('NFKC').replace(EDGE_SPACE, '');
  const at = text.lastIndexOf('@');
  const rawLocal = text.slice(0, Math.max(at, 0));
  if (rawLocal.includes('"') || rawLocal.includes('\\') || INVISIBLE.test(text)) return null;
  if (at <= 0 || at === text.length - 1 || rawLocal.includes('@')) return null;
  const local = rawLocal.toLowerCase().normalize('NFKC');
  const domain = domainToASCII(text.slice(at + 1));
  if (!domain || mixesScripts(local) || domainToUnicode(domain).split('.').some(mixesScripts)) return null;
  const email = `${local}@${domain}`;
  return email.length <= 254 && isEmail(email, SYNTAX) ? email : null;
}

function emailSkeleton(normalizedEmail: string): string {
  const at = normalizedEmail.lastIndexOf('@');
  const readable = `${normalizedEmail.slice(0, at)}@${domainToUnicode(normalizedEmail.slice(at + 1))}`;
  return readable
    .normalize('NFD')
    .replace(NON_ASCII_RUN, (run) => unhomoglyph(run))
    .normalize('NFD')
    .toLowerCase();
}

const SCRIPT_CODES =
  'Adlm Aghb Ahom Arab Armi Armn Avst Bali Bamu Bass Batk Beng Berf Bhks Bopo Brah Brai Bugi Buhd Cakm Cans Cari Cham Cher Chrs Copt Cpmn Cprt Cyrl Deva Diak Dogr Dsrt Dupl Egyp Elba Elym Ethi Gara Geor Glag Gong Gonm Goth Gran Grek Gujr Gukh Guru Hang Hani Hano Hatr Hebr Hira Hluw Hmng Hmnp Hung Ital Java Kali Kana Kawi Khar Khmr Khoj Kits Knda Krai Kthi Lana Laoo Latn Lepc Limb Lina Linb Lisu Lyci Lydi Mahj Maka Mand Mani Marc Medf Mend Merc Mero Mlym Modi Mong Mroo Mtei Mult Mymr Nagm Nand Narb Nbat Newa Nkoo Nshu Ogam Olck Onao Orkh Orya Osge Osma Ougr Palm Pauc Perm Phag Phli Phlp Phnx Plrd Prti Rjng Rohg Runr Samr Sarb Saur Sgnw Shaw Shrd Sidd Sidt Sind Sinh Sogd Sogo Sora Soyo Sund Sunu Sylo Syrc Tagb Takr Tale Talu Taml Tang Tavt Tayo Telu Tfng Tglg Thaa Thai Tibt Tirh Tnsa Todr Tols Toto Tutg Ugar Vaii Vith Wara Wcho Xpeo Xsux Yezi Yiii Zanb'.split(
    ' ',
  );
const SCRIPT_TESTS = SCRIPT_CODES.flatMap((code) => {
  try {
    return [{ code, pattern: new RegExp(`\\p{Script_Extensions=${code}}`, 'u') }];
  } catch {
    return [];
  }
});
const AUGMENTED: Record<string, string[]> = { Hani: ['Hanb', 'Jpan', 'Kore'], Hira: ['Jpan'], Kana: ['Jpan'], Hang: ['Kore'], Bopo: ['Hanb'] };

function mixesScripts(label: string): boolean {
  if (ASCII.test(label)) return false;
  let common: string[] | null = null;
  for (const char of label) {
    const codes = SCRIPT_TESTS.filter((test) => test.pattern.test(char)).flatMap((test) => [test.code, ...(AUGMENTED[test.code] ?? [])]);
    if (!codes.length) continue;
    common = common === null ? codes : common.filter((code: string) => codes.includes(code));
    if (common.length === 0) return true;
  }
  return false;
}
