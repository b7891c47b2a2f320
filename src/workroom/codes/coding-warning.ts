/** What a coding warning is about. */
export enum CodingWarningKind {
  /** Two codes of an NCCI procedure-to-procedure edit billed on the same date without a modifier that bypasses it. */
  NCCI_PTP = 'NCCI_PTP',
  /** More units of a code than its medically unlikely edit allows on one date. */
  MUE = 'MUE',
}

/** An edit that does not refuse the batch (NCCI PTP pair, units over an MUE), stored with it for the practice to see. */
export interface CodingWarning {
  /** Index of the encounter in the batch. */
  encounter: number;
  chartRef: string;
  kind: CodingWarningKind;
  /** The codes involved: column 1 and column 2 of a PTP edit; the code of an MUE. */
  codes: string[];
  /** Path of the line the warning is about, relative to the batch (`encounters.3.cpt.1`). */
  path: string;
  message: string;
}

/**
 * NCCI PTP-associated modifiers (NCCI Policy Manual, chapter I): on the column 2 line they bypass an
 * edit whose modifier indicator is 1. Anatomic, global surgery and the distinct-service modifiers.
 */
export const NCCI_ASSOCIATED_MODIFIERS = new Set([
  ...['E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'],
  ...['LT', 'RT', 'LC', 'LD', 'RC', 'LM', 'RI'],
  ...['24', '25', '57', '58', '78', '79'],
  ...['27', '59', '91', 'XE', 'XS', 'XP', 'XU'],
]);
