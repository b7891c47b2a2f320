import { domainToUnicode } from 'node:url';
import { MigrationInterface, QueryRunner } from 'typeorm';

// The rule added to normalizeEmail (src/domain/email-address.ts, `HIDDEN_MARKS`), copied as it stands
// today (migrations import nothing from src/): a dot above a soft-dotted or dotless i or j, the same
// nonspacing mark twice in a row, more than four in a row; on the decomposed local part and domain.
const HIDDEN_MARKS = [/[\p{Soft_Dotted}\u0131\u0237]\p{Mn}*[\u0307\u0358]/u, /(\p{Mn})\1/u, /\p{Mn}{5}/u];

const hidesMarks = (email: string) => {
  const at = email.lastIndexOf('@');
  const parts = [email.slice(0, at), domainToUnicode(email.slice(at + 1)) || email.slice(at + 1)].map((part) => part.normalize('NFD'));
  return parts.some((part) => HIDDEN_MARKS.some((pattern) => pattern.test(part)));
};

/**
 * Addresses that now answer `BAD_USER_INPUT` (a dot above `i` or `j`, where it cannot be seen:
 * `admi̇n@` reads `admin@`; marks repeated or piled up) are treated as the email normalization
 * treated the addresses it refused: the row is left as it is, its skeleton set NULL (so it no longer
 * holds the lookalike slot of the address it imitates), and its id reported. `SELECT id, email FROM
 * users WHERE email_skeleton IS NULL` lists them for an operator (docs/security.md, "Email addresses").
 */
export class HiddenMarkEmails1795914000001 implements MigrationInterface {
  name = 'HiddenMarkEmails1795914000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Only a non-ASCII address can carry a combining mark (a domain in punycode is read back first).
    const candidates: { id: string; email: string }[] = await queryRunner.query(
      `SELECT "id", "email" FROM "users" WHERE "email_skeleton" IS NOT NULL AND ("email" ~ '[^\\x01-\\x7f]' OR "email" LIKE '%xn--%') ORDER BY "created_at", "id"`,
    );
    const refused = candidates.filter((row) => hidesMarks(row.email)).map((row) => row.id);
    if (!refused.length) return;
    await queryRunner.query(`UPDATE "users" SET "email_skeleton" = NULL WHERE "id" = ANY($1::uuid[])`, [refused]);
    console.warn(`HiddenMarkEmails: ${refused.length} users row(s) kept their email, which the new rules refuse (hidden or piled-up combining marks), with a NULL skeleton: ${refused.join(', ')}`);
  }

  public async down(): Promise<void> {
    // The skeletons set NULL are not restored: they named lookalikes the rules now refuse.
  }
}
