import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { emailSkeleton, normalizeEmail } from './email-address.js';

const normalized = (raw: string) => {
  const verdict = normalizeEmail(raw);
  if (!verdict.ok) throw new Error(`${JSON.stringify(raw)} was refused: ${verdict.problem}`);
  return verdict.email;
};
const problemOf = (raw: string) => {
  const verdict = normalizeEmail(raw);
  return verdict.ok ? null : verdict.problem;
};

describe('email addresses', () => {
  describe(normalizeEmail.name, () => {
    it('trims and lower-cases the whole address', () => {
      expect(normalized('  Dana.Coder@Example.TEST ')).toBe('dana.coder@example.test');
    });

    it('folds compatibility forms with NFKC: fullwidth letters and @ are the plain ones', () => {
      expect(normalized('ｊｏｈｎ@example.test')).toBe('john@example.test');
      expect(normalized('ＪＯＨＮ＠ＥＸＡＭＰＬＥ．ＴＥＳＴ')).toBe('john@example.test');
    });

    it('writes an IDN domain in punycode, and leaves a punycode domain as it is', () => {
      expect(normalized('user@Bücher.Example')).toBe('user@xn--bcher-kva.example');
      expect(normalized('user@xn--bcher-kva.example')).toBe('user@xn--bcher-kva.example');
      expect(normalized('иван@пример.рф')).toBe('иван@xn--e1afmkfd.xn--p1ai');
    });

    it('keeps addresses written in one script, whatever the script', () => {
      expect(normalized('Δοκιμή@example.test')).toBe('δοκιμή@example.test');
      expect(normalized('田中たなか@example.jp')).toBe('田中たなか@example.jp');
      expect(normalized('сосоа@example.test')).toBe('сосоа@example.test');
      expect(normalized('jane.doe+work-2@mail.example.test')).toBe('jane.doe+work-2@mail.example.test');
    });

    it('refuses combining marks that hide (a dot above i or j) or pile up, and keeps those a language needs', () => {
      for (const raw of [
        'admi\u0307n@example.test',
        'ADMİN@example.test',
        'adm\u0131\u0307n@example.test',
        'ma\u0458\u0307a@example.test',
        'admin@gmai\u0307l.example',
        'jose\u0301\u0301@example.test',
        'a\u0300\u0301\u0302\u0303\u0304@example.test',
      ]) {
        expect(problemOf(raw)).toBe('HIDDEN_MARKS');
      }
      expect(normalized('Nguye\u0302\u0303n@example.test')).toBe('nguyễn@example.test');
      expect(normalized('í@example.test')).toBe('í@example.test');
      expect(normalized('अनिल@example.in')).toBe('अनिल@example.in');
    });

    it('refuses invisible, formatting, bidi and control characters anywhere', () => {
      for (const char of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u2066', '\u200f', '\u061c', '\u3164', '\ufe0f', '\u0007', '\u0085', '\ue000']) {
        expect([char, problemOf(`ap${char}ple@example.test`)]).toEqual([char, 'INVISIBLE_CHARACTER']);
        expect([char, problemOf(`apple@exam${char}ple.test`)]).toEqual([char, 'INVISIBLE_CHARACTER']);
      }
      expect(problemOf('apple@example.test\u202e')).toBe('INVISIBLE_CHARACTER');
      expect(problemOf('app le@example.test')).toBe('INVISIBLE_CHARACTER');
    });

    it('refuses quoted local parts', () => {
      expect(problemOf('"john doe"@example.test')).toBe('QUOTED_LOCAL_PART');
      expect(problemOf('"a@b"@example.test')).toBe('QUOTED_LOCAL_PART');
      expect(problemOf('"john"@example.test')).toBe('QUOTED_LOCAL_PART');
    });

    it('refuses Latin mixed with Cyrillic or Greek in the local part or in one domain label', () => {
      expect(problemOf('аpple@example.test')).toBe('MIXED_SCRIPTS'); // Cyrillic а
      expect(problemOf('pαypal@example.test')).toBe('MIXED_SCRIPTS'); // Greek α
      expect(problemOf('ivan.иванов@example.test')).toBe('MIXED_SCRIPTS');
      expect(problemOf('apple@exаmple.test')).toBe('MIXED_SCRIPTS');
      expect(problemOf('apple@xn--exmple-4nf.test')).toBe('MIXED_SCRIPTS'); // the same label in punycode
    });

    it('lets each domain label have its own script', () => {
      expect(normalized('ivan@пример.example')).toBe('ivan@xn--e1afmkfd.example');
    });

    it('refuses what is not an address', () => {
      for (const raw of ['not-an-email', 'a@b', '@example.test', 'a@', 'a@127.0.0.1', 'a@@example.test', 'a@example.test.', `${'a'.repeat(65)}@example.test`, '']) {
        expect([raw, problemOf(raw)]).toEqual([raw, 'INVALID']);
      }
    });

    it('is idempotent: a normalized address normalizes to itself', () => {
      const local = fc.stringMatching(/^[A-Za-z0-9._+-]{1,20}$/).filter((s) => !s.startsWith('.') && !s.endsWith('.') && !s.includes('..'));
      const unicodeLocal = fc.constantFrom('ｊｏｈｎ', 'Δοκιμή', 'сосоа', 'İstanbul', 'ǅemal', 'straße', '田中');
      const domain = fc.constantFrom('example.test', 'Bücher.Example', 'пример.рф', 'EXAMPLE.COM', 'xn--bcher-kva.example');
      fc.assert(
        fc.property(fc.oneof(local, unicodeLocal), domain, (l, d) => {
          const verdict = normalizeEmail(`${l}@${d}`);
          if (!verdict.ok) return;
          expect(normalizeEmail(verdict.email)).toEqual(verdict);
        }),
      );
    });
  });

  describe(emailSkeleton.name, () => {
    it('gives a whole-script lookalike the skeleton of the address it imitates', () => {
      expect(emailSkeleton(normalized('сосоа@example.test'))).toBe(emailSkeleton(normalized('cocoa@example.test')));
      expect(emailSkeleton(normalized('cocoa@сосоа.test'))).toBe(emailSkeleton(normalized('cocoa@cocoa.test')));
    });

    it('keeps different ASCII addresses apart, however alike they look', () => {
      expect(emailSkeleton('bob1@example.test')).not.toBe(emailSkeleton('bobl@example.test'));
      expect(emailSkeleton('rn@example.test')).not.toBe(emailSkeleton('m@example.test'));
    });

    it('maps Latin lookalike letters outside ASCII onto ASCII (dotless ı)', () => {
      expect(emailSkeleton(normalized('pıpe@example.test'))).toBe('pipe@example.test');
    });
  });
});
