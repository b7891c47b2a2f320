/**
 * EHR systems are free-text tags, normalized so "EPIC", "epic systems" and "Epic" are one tag
 * and known vendors keep one canonical spelling. Unknown systems keep their trimmed text.
 */
const CANONICAL: [RegExp, string][] = [
  [/^epic( systems)?$/i, 'Epic'],
  [/^(oracle( health)?|cerner|oracle health\s*\/\s*cerner|oracle cerner)$/i, 'Oracle Health/Cerner'],
  [/^athena(health| health|one)?$/i, 'athenahealth'],
  [/^(eclinicalworks|ecw|e-clinicalworks)$/i, 'eClinicalWorks'],
  [/^nextgen( healthcare)?$/i, 'NextGen'],
  [/^meditech( expanse)?$/i, 'Meditech'],
  [/^(allscripts|veradigm)$/i, 'Veradigm/Allscripts'],
  [/^(greenway|intergy)( health)?$/i, 'Greenway'],
  [/^(kareo|tebra)$/i, 'Tebra/Kareo'],
  [/^advancedmd$/i, 'AdvancedMD'],
  [/^practice ?fusion$/i, 'Practice Fusion'],
  [/^drchrono$/i, 'DrChrono'],
];

export function normalizeEhr(raw: string): string {
  const text = raw.trim().replace(/\s+/g, ' ');
  for (const [pattern, canonical] of CANONICAL) if (pattern.test(text)) return canonical;
  return text;
}

/** Normalized, de-duplicated (case-insensitively), in first-seen order. */
export function normalizeEhrList(raw: string[]): string[] {
  const seen = new Map<string, string>();
  for (const item of raw.map(normalizeEhr)) if (item && !seen.has(item.toLowerCase())) seen.set(item.toLowerCase(), item);
  return [...seen.values()];
}
