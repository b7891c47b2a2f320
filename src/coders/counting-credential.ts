import { CredentialType } from '../domain/credential-type.enum.js';
import { CYCLED_TYPES, MEMBERSHIP_TYPES } from '../domain/credential-rules.js';

const typeArray = (types: CredentialType[]) => `CAST('{${types.join(',')}}' AS credential_type[])`;

/**
 * THE rule of a credential that counts, in SQL, on a `credentials` row aliased `alias`: the same rule as
 * `credentialStanding` (src/domain/credential-rules.ts); test/credential-lifecycle.e2e-spec.ts checks the two
 * agree (directory and matching read this, bids read `credentialStanding`).
 * Verified; a CEU-cycle expiry (required for AAPC and AHIMA) not passed; for AAPC a membership not
 * lapsed. Computed from the dates at query time, so a lapse stops counting the day it happens. A
 * renewal under review changes none of these columns: the credential counts on its old dates.
 * Every query that asks "does this coder hold X" (directory, matching, bids) goes through this.
 */
export function countingCredentialSql(alias: string): string {
  // Never NULL (a missing date is a plain false), so callers may negate it.
  const expiry = `((${alias}.expires_on IS NOT NULL AND ${alias}.expires_on >= CURRENT_DATE) OR (${alias}.expires_on IS NULL AND ${alias}.type <> ALL(${typeArray(CYCLED_TYPES)})))`;
  const membership = `((${alias}.membership_expires_on IS NOT NULL AND ${alias}.membership_expires_on >= CURRENT_DATE) OR ${alias}.type <> ALL(${typeArray(MEMBERSHIP_TYPES)}))`;
  return `(${alias}.status = 'VERIFIED' AND ${expiry} AND ${membership})`;
}
