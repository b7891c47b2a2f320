import { createHash } from 'node:crypto';
import { BAA_2026_11 } from './baa-2026-11.js';

/** A published version of the BAA and the SHA-256 (hex) of its UTF-8 text, which signatures record. */
export interface BaaAgreement {
  version: string;
  effectiveOn: string;
  text: string;
  sha256: string;
}

const published = (agreement: Omit<BaaAgreement, 'sha256'>): BaaAgreement => ({ ...agreement, sha256: createHash('sha256').update(agreement.text, 'utf8').digest('hex') });

/** The BAA served to and signed by new signers. Signatures name the version (and hash) they signed. */
export const CURRENT_BAA: BaaAgreement = published(BAA_2026_11);
