/** Share of sampled charts coded without errors, 0..1 to four decimals (`sampled` > 0). */
export const accuracyOf = (sampled: number, errors: number): number => Math.round((1 - errors / sampled) * 10000) / 10000;
