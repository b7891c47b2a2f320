import { describe, expect, it } from '@jest/globals';
import { ceuCycles, ceuOnTrack, ceuReminderThreshold, ceuTenthsOf, requiredCeuTenths } from './ceu-rules.js';
import { CredentialIssuer } from './credential-rules.js';
import { CredentialType as T } from './credential-type.enum.js';

describe(requiredCeuTenths.name, () => {
  it('asks AAPC 36/40/44/48/52 CEUs for 1-5+ core credentials and 8 more per specialty credential', () => {
    const aapc = (types: T[]) => requiredCeuTenths(CredentialIssuer.AAPC, types) / 10;
    expect([[T.CPC], [T.CPC, T.COC], [T.CPC, T.COC, T.CIC], [T.CPC, T.COC, T.CIC, T.CPB], [T.CPC, T.COC, T.CIC, T.CPB, T.CRC], [T.CPC, T.COC, T.CIC, T.CPB, T.CRC, T.CPMA]].map(aapc)).toEqual([
      36, 40, 44, 48, 52, 52,
    ]);
    expect(aapc([T.CPC, T.CEMC, T.CCC])).toBe(52);
    expect(aapc([T.CEMC])).toBe(36);
    expect(aapc([T.CEMC, T.CCC])).toBe(44);
    // Another issuer's credentials do not count.
    expect(aapc([T.CPC, T.CCS])).toBe(36);
    expect(aapc([T.CCS])).toBe(0);
  });

  it('asks AHIMA 20 or 30 by credential, 10 more per further credential, at most 50', () => {
    const ahima = (types: T[]) => requiredCeuTenths(CredentialIssuer.AHIMA, types) / 10;
    expect([[T.CCA], [T.CCS_P], [T.RHIT], [T.RHIA], [T.CHPS], [T.CDIP], [T.CHDA]].map(ahima)).toEqual([20, 20, 20, 30, 30, 30, 30]);
    expect(ahima([T.CCS, T.CCS_P])).toBe(30);
    expect(ahima([T.RHIA, T.CCS])).toBe(40);
    expect(ahima([T.RHIA, T.CCS, T.CDIP, T.CHDA])).toBe(50);
  });
});

describe(ceuCycles.name, () => {
  const verified = (type: T, expiresOn: string, membershipExpiresOn: string | null = '2027-06-30') => ({ type, status: 'VERIFIED', expiresOn, membershipExpiresOn });

  it('keeps one cycle per issuer, ending at the earliest expiry of its counting credentials', () => {
    expect(ceuCycles([verified(T.CPC, '2027-12-31'), verified(T.COC, '2027-10-31'), verified(T.CCS, '2028-03-31', null)], '2026-11-30')).toEqual([
      { issuer: 'AAPC', startsOn: '2025-11-01', endsOn: '2027-10-31', credentialTypes: [T.CPC, T.COC], requiredTenths: 400 },
      { issuer: 'AHIMA', startsOn: '2026-04-01', endsOn: '2028-03-31', credentialTypes: [T.CCS], requiredTenths: 200 },
    ]);
  });

  it('ignores credentials that do not count (pending, expired, membership lapsed)', () => {
    const today = '2026-11-30';
    expect(ceuCycles([{ ...verified(T.CPC, '2027-12-31'), status: 'PENDING' }, verified(T.COC, '2026-11-29'), verified(T.CIC, '2027-12-31', '2026-11-01')], today)).toEqual([]);
  });
});

describe(ceuOnTrack.name, () => {
  const cycle = { startsOn: '2026-01-01', endsOn: '2027-12-31', requiredTenths: 360 };
  it('asks the share of the CEUs that the share of the cycle passed asks', () => {
    expect(ceuOnTrack(cycle, 0, '2026-01-01')).toBe(false);
    expect(ceuOnTrack(cycle, 180, '2026-12-31')).toBe(true);
    expect(ceuOnTrack(cycle, 170, '2026-12-31')).toBe(false);
    expect(ceuOnTrack(cycle, 360, '2027-12-31')).toBe(true);
  });
});

describe(ceuReminderThreshold.name, () => {
  it('reaches 90 days, then 30, and nothing past the end', () => {
    expect(ceuReminderThreshold('2027-03-31', '2026-12-30')).toBeNull();
    expect(ceuReminderThreshold('2027-03-31', '2026-12-31')).toBe(90);
    expect(ceuReminderThreshold('2027-03-31', '2027-03-01')).toBe(30);
    expect(ceuReminderThreshold('2027-03-31', '2027-03-31')).toBe(30);
    expect(ceuReminderThreshold('2027-03-31', '2027-04-01')).toBeNull();
  });
});

describe(ceuTenthsOf.name, () => {
  it('takes positive multiples of 0.1 up to 16 (one entry) as integer tenths', () => {
    expect([0.1, 1.5, 0.3, 16].map(ceuTenthsOf)).toEqual([1, 15, 3, 160]);
    expect([0, -0.5, 0.25, 16.1, 40, Number.NaN, Number.POSITIVE_INFINITY].map(ceuTenthsOf)).toEqual([null, null, null, null, null, null, null]);
  });
});
