/** Share of sampled charts coded without errors, 0..1 to four decimals (`sampled` > 0). */
export const accuracyOf = (sampled: number, errors: number): number => Math.round((1 - errors / sampled) * 10000) / 10000;

/**
 * Accuracy as it is published: only once the audits behind it sampled at least `minSample` charts
 * (`ACCURACY_MIN_SAMPLE`), so a one-chart audit cannot publish 100 %; null below it.
 */
export const publishedAccuracy = (sampled: number, errors: number, minSample: number): number | null => (sampled > 0 && sampled >= minSample ? accuracyOf(sampled, errors) : null);

/** What an auditor found wrong in a chart or a code (the categories of a coding audit). */
export enum AuditErrorCategory {
  WRONG_CODE = 'WRONG_CODE',
  MISSING_CODE = 'MISSING_CODE',
  UNSUPPORTED_CODE = 'UNSUPPORTED_CODE',
  SEQUENCING = 'SEQUENCING',
  MODIFIER = 'MODIFIER',
}
