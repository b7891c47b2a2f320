/** Unicode scripts (TR39 section 5.1): whether a piece of text mixes them. Pure. */

const ASCII = /^\p{ASCII}*$/u;

// Script property values (ISO 15924 codes) up to Unicode 17; a code this engine does not know is skipped.
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
// TR39's augmented script sets: Han is written with Japanese kana and with Hangul, so those mix freely.
const AUGMENTED: Record<string, string[]> = { Hani: ['Hanb', 'Jpan', 'Kore'], Hira: ['Jpan'], Kana: ['Jpan'], Hang: ['Kore'], Bopo: ['Hanb'] };
const scriptsOfCodePoint = new Map<string, Set<string> | null>();

/**
 * True when no one script covers every letter of `label` (TR39's resolved script set is empty):
 * characters used by every script (digits, `.`, `-`, `+`, combining marks) count for any.
 */
export function mixesScripts(label: string): boolean {
  if (ASCII.test(label)) return false;
  let common: string[] | null = null;
  for (const char of label) {
    const scripts = scriptsOf(char);
    if (!scripts) continue;
    common = common === null ? [...scripts] : common.filter((code: string) => scripts.has(code));
    if (common.length === 0) return true;
  }
  return false;
}

/** The augmented Script_Extensions of one character; null for Common and Inherited (any script). */
function scriptsOf(char: string): Set<string> | null {
  if (scriptsOfCodePoint.has(char)) return scriptsOfCodePoint.get(char)!;
  const codes = SCRIPT_TESTS.filter((test) => test.pattern.test(char)).flatMap((test) => [test.code, ...(AUGMENTED[test.code] ?? [])]);
  const scripts = codes.length ? new Set(codes) : null;
  // Bounded, so a client sending many distinct code points cannot grow it without end.
  if (scriptsOfCodePoint.size < 20_000) scriptsOfCodePoint.set(char, scripts);
  return scripts;
}
