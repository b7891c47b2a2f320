import { describe, expect, it } from '@jest/globals';
import { CredentialType } from './credential-type.enum.js';
import { addToDate, credentialDateProblem, credentialIssuer, CredentialIssuer, credentialStanding, isApprentice } from './credential-rules.js';

const TODAY = '2026-11-30';
const verified = (type: CredentialType, expiresOn: string | null, membershipExpiresOn: string | null) => ({ type, status: 'VERIFIED', expiresOn, membershipExpiresOn });

describe(credentialStanding.name, () => {
  it('counts a verified AAPC credential in its cycle with its membership kept', () => {
    expect(credentialStanding(verified(CredentialType.CPC, '2027-06-30', '2027-01-31'), TODAY)).toEqual({ active: true, reason: null, since: null });
  });

  it('stops counting the day after the membership ends, and says since when', () => {
    expect(credentialStanding(verified(CredentialType.CPC, '2027-06-30', '2026-11-29'), TODAY)).toEqual({ active: false, reason: 'MEMBERSHIP_LAPSED', since: '2026-11-30' });
    expect(credentialStanding(verified(CredentialType.CPC, '2027-06-30', TODAY), TODAY).active).toBe(true);
  });

  it('reads the earlier end: expiry before a lapsed membership is EXPIRED', () => {
    expect(credentialStanding(verified(CredentialType.CPC, '2026-10-31', '2026-11-15'), TODAY)).toEqual({ active: false, reason: 'EXPIRED', since: '2026-11-01' });
  });

  it('needs no membership for AHIMA, and an expiry for both issuers', () => {
    expect(credentialStanding(verified(CredentialType.CCS, '2027-06-30', null), TODAY).active).toBe(true);
    expect(credentialStanding(verified(CredentialType.CCS, null, null), TODAY)).toEqual({ active: false, reason: 'DATES_MISSING', since: null });
    expect(credentialStanding(verified(CredentialType.CPC, '2027-06-30', null), TODAY).reason).toBe('DATES_MISSING');
  });

  it('never counts pending or rejected credentials', () => {
    expect(credentialStanding({ ...verified(CredentialType.CPC, '2027-06-30', '2027-01-31'), status: 'PENDING' }, TODAY).reason).toBe('PENDING_REVIEW');
    expect(credentialStanding({ ...verified(CredentialType.CPC, '2027-06-30', '2027-01-31'), status: 'REJECTED' }, TODAY).reason).toBe('REJECTED');
  });
});

describe(credentialDateProblem.name, () => {
  const dates = (expiresOn: string | null, membershipExpiresOn: string | null = null) => ({ issuedOn: '2024-03-01', expiresOn, membershipExpiresOn });

  it('requires an expiry within one cycle and grace of today', () => {
    expect(credentialDateProblem(CredentialType.CCS, dates(null), TODAY)?.field).toBe('expiresOn');
    expect(credentialDateProblem(CredentialType.CCS, dates('2036-11-30'), TODAY)?.field).toBe('expiresOn');
    expect(credentialDateProblem(CredentialType.CCS, dates(addToDate(TODAY, 24, 92)), TODAY)).toBeNull();
    expect(credentialDateProblem(CredentialType.CCS, dates(addToDate(TODAY, 24, 93)), TODAY)?.field).toBe('expiresOn');
  });

  it('requires a membership date for AAPC only, within a year and grace', () => {
    expect(credentialDateProblem(CredentialType.CPC, dates('2027-06-30'), TODAY)?.field).toBe('membershipExpiresOn');
    expect(credentialDateProblem(CredentialType.CPC, dates('2027-06-30', '2027-06-30'), TODAY)).toBeNull();
    expect(credentialDateProblem(CredentialType.CPC, dates('2027-06-30', '2029-06-30'), TODAY)?.field).toBe('membershipExpiresOn');
    expect(credentialDateProblem(CredentialType.CCS, dates('2027-06-30', '2027-06-30'), TODAY)?.field).toBe('membershipExpiresOn');
  });

  it('refuses a future issue date and an expiry before issue', () => {
    expect(credentialDateProblem(CredentialType.CCS, { issuedOn: '2026-12-01', expiresOn: '2027-06-30', membershipExpiresOn: null }, TODAY)?.field).toBe('issuedOn');
    expect(credentialDateProblem(CredentialType.CCS, dates('2024-02-01'), TODAY)).toEqual({ field: 'expiresOn', message: 'must be after issuedOn' });
  });
});

describe('issuers and apprentices', () => {
  it('knows the issuer and the apprentice designations', () => {
    expect(credentialIssuer(CredentialType.CCS_P)).toBe(CredentialIssuer.AHIMA);
    expect(credentialIssuer(CredentialType.CEMC)).toBe(CredentialIssuer.AAPC);
    expect([CredentialType.CPC_A, CredentialType.COC_A, CredentialType.CPC].map(isApprentice)).toEqual([true, true, false]);
  });
});
