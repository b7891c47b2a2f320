import { domainToASCII, domainToUnicode } from 'node:url';
import { isEmail } from 'class-validator';
import unhomoglyph from 'unhomoglyph';
import { mixesScripts } from './unicode-scripts.js';

/** Longest email accepted anywhere (RFC 5321's path limit less the angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

/** Why an address is refused; each has its own message (`EMAIL_PROBLEMS`). */
export type EmailProblem = 'INVALID' | 'INVISIBLE_CHARACTER' | 'QUOTED_LOCAL_PART' | 'MIXED_SCRIPTS' | 'HIDDEN_MARKS';

/** What a client is told, after the field's name (class-validator style: "email must ..."). */
export const EMAIL_PROBLEMS: Record<EmailProblem, string> = {
  INVALID: 'must be a valid email address',
  INVISIBLE_CHARACTER: 'must not contain invisible, formatting, direction or control characters (zero-width spaces, bidi marks and the like)',
  QUOTED_LOCAL_PART: 'must not have a quoted local part ("...")',
  MIXED_SCRIPTS: 'must not mix scripts (e.g. Latin with Cyrillic or Greek letters) within the part before the @ or within one part of the domain',
  HIDDEN_MARKS: 'must not stack combining marks (the same mark twice, more than four in a row) or put a dot above a letter that already has one (i, j), where it cannot be seen',
};

export type EmailVerdict = { ok: true; email: string } | { ok: false; problem: EmailProblem };

// Anything a reader cannot see or that reorders what they see: controls, format characters (zero-width
// space and joiners, bidi marks, embeddings and isolates, soft hyphen, BOM), every other default-ignorable
// code point (Hangul fillers, variation selectors), separators (spaces inside the address), private-use,
// surrogate and unassigned code points. Checked after NFKC, which maps none of these to something visible.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Z}\p{Default_Ignorable_Code_Point}]/u;
const EDGE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;
// Combining marks NFKC leaves as they are, checked as UTS #39 (section 5.4) advises: a dot above a
// soft-dotted letter (i, j, Cyrillic і, ј...) or a dotless one (ı, ȷ) draws over or as the letter's own
// dot (`admi̇n` reads `admin`); the same nonspacing mark twice in a row; more than four in a row.
const HIDDEN_MARKS = [/[\p{Soft_Dotted}\u0131\u0237]\p{Mn}*[\u0307\u0358]/u, /(\p{Mn})\1/u, /\p{Mn}{5}/u];
const NON_ASCII_RUN = /\P{ASCII}+/gu;
// After the checks above, the syntax (dot-atoms, label lengths, a real TLD) is validator.js's, on the
// address as it will be stored: the domain already in ASCII (punycode).
const SYNTAX = { allow_utf8_local_part: true, require_tld: true, allow_ip_domain: false, allow_display_name: false } as const;

/**
 * The one normal form of an email address, or why it is refused. Used for every address that
 * comes in (sign-up, log-in, invitations, the bootstrap admin), so one person has one form:
 * - NFKC (fullwidth `ｊｏｈｎ` is `john`), then surrounding white space trimmed;
 * - the domain lower-cased and IDN labels in punycode (`bücher.example` is `xn--bcher-kva.example`),
 *   as `node:url` `domainToASCII` (UTS #46) makes them;
 * - the local part lower-cased too. RFC 5321 lets a mail server treat `Dana` and `dana` as two
 *   mailboxes, but no mainstream provider does, and people expect `Dana@` and `dana@` to be one
 *   account: one account per address in any case, and the address shown as it was normalized.
 * Refused: invisible or control characters anywhere, quoted local parts, combining marks that hide
 * (a dot above `i` or `j`) or pile up (`HIDDEN_MARKS`), and scripts mixed within the local part or
 * within one domain label (Latin with Cyrillic: `pаypal`). A whole-script lookalike
 * (all-Cyrillic `аpple`) is a valid address; `emailSkeleton` is what keeps it from passing for `apple`.
 */
export function normalizeEmail(raw: string): EmailVerdict {
  const text = raw.normalize('NFKC').replace(EDGE_SPACE, '');
  const at = text.lastIndexOf('@');
  const rawLocal = text.slice(0, Math.max(at, 0));
  if (rawLocal.includes('"') || rawLocal.includes('\\')) return refuse('QUOTED_LOCAL_PART');
  if (INVISIBLE.test(text)) return refuse('INVISIBLE_CHARACTER');
  if (at <= 0 || at === text.length - 1 || rawLocal.includes('@')) return refuse('INVALID');
  const local = rawLocal.toLowerCase().normalize('NFKC');
  const domain = domainToASCII(text.slice(at + 1));
  const email = `${local}@${domain}`;
  // Lengths first, so the script check below never reads more than an address's worth of text.
  if (!domain || local.length > 64 || email.length > EMAIL_MAX_LENGTH) return refuse('INVALID');
  const readableDomain = domainToUnicode(domain);
  // Judged on the decomposed form: `é` followed by another acute is the same acute twice.
  const [localMarks, domainMarks] = [local.normalize('NFD'), readableDomain.normalize('NFD')];
  if (HIDDEN_MARKS.some((pattern) => pattern.test(localMarks) || pattern.test(domainMarks))) return refuse('HIDDEN_MARKS');
  if (mixesScripts(local) || readableDomain.split('.').some(mixesScripts)) return refuse('MIXED_SCRIPTS');
  if (!isEmail(email, SYNTAX)) return refuse('INVALID');
  return { ok: true, email };
}

/**
 * The Unicode TR39 skeleton of a normalized address (its domain read back from punycode), for
 * "looks the same as" checks: two addresses that render alike have one skeleton (`аpple@x.test`
 * in Cyrillic and `apple@x.test`). The confusable mapping (confusables.txt, through `unhomoglyph`)
 * is applied to non-ASCII characters only: ASCII addresses such as `bob1@` and `bobl@`, or `rn@` and
 * `m@`, have always been different mailboxes and stay different accounts. Internal: never shown.
 */
export function emailSkeleton(normalizedEmail: string): string {
  const at = normalizedEmail.lastIndexOf('@');
  const readable = `${normalizedEmail.slice(0, at)}@${domainToUnicode(normalizedEmail.slice(at + 1))}`;
  return readable
    .normalize('NFD')
    .replace(NON_ASCII_RUN, (run) => unhomoglyph(run))
    .normalize('NFD')
    .toLowerCase();
}

function refuse(problem: EmailProblem): EmailVerdict {
  return { ok: false, problem };
}
