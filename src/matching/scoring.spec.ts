import { describe, expect, it } from '@jest/globals';
import { CredentialType } from '../domain/credential-type.enum.js';
import { Specialty } from '../domain/specialty.enum.js';
import { CareSetting, CodeSet, PayModel, WorkType } from '../domain/work.enums.js';
import {
  availabilityFactor,
  capacityFactor,
  chartsPerHour,
  codeSetsFactor,
  credentialsFactor,
  ehrFactor,
  MatchCoder,
  MatchJob,
  qualityFactor,
  rateFactor,
  scoreMatch,
  specialtyFactor,
  timezoneFactor,
  WEIGHTS,
  workTypeFactor,
} from './scoring.js';

const job = (overrides: Partial<MatchJob> = {}): MatchJob => ({
  specialty: Specialty.CARDIOLOGY,
  codeSets: [CodeSet.ICD10CM, CodeSet.CPT],
  workType: WorkType.CODING,
  setting: CareSetting.OUTPATIENT,
  ehrSystem: 'Epic',
  requiredCredentialTypes: [CredentialType.CPC],
  anyOfCredentialGroups: [],
  apprenticesAccepted: false,
  chartsPerWeek: 200,
  accuracyTargetBps: 9500,
  payModel: PayModel.HOURLY,
  rateCents: 5000,
  timezone: 'America/Chicago',
  ...overrides,
});

const coder = (overrides: Partial<MatchCoder> = {}): MatchCoder => ({
  specialtyYears: { CARDIOLOGY: 7 },
  codeSets: [CodeSet.ICD10CM, CodeSet.CPT],
  workTypes: [WorkType.CODING],
  ehrSystems: ['Epic'],
  weeklyCapacityHours: 30,
  hourlyRateCents: 4500,
  perChartRateCents: 350,
  available: true,
  timezone: 'America/Chicago',
  ratingAverage: 4.8,
  ratingCount: 12,
  accuracyScore: 0.97,
  credentials: [CredentialType.CPC],
  ...overrides,
});

const JANUARY = new Date('2026-01-15T12:00:00Z');

describe('matching factors', () => {
  it('weights sum to 1', () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  describe(credentialsFactor.name, () => {
    it('is eligible with every required credential, naming them', () => {
      expect(credentialsFactor(job(), coder())).toEqual({ eligible: true, reasons: ['Verified CPC'] });
    });
    it('is not eligible when one is missing', () => {
      expect(credentialsFactor(job({ requiredCredentialTypes: [CredentialType.CPC, CredentialType.CCC] }), coder()).eligible).toBe(false);
    });
    it('meets an "any of" group with any one of its types, saying which', () => {
      const anyOf = job({ requiredCredentialTypes: [], anyOfCredentialGroups: [[CredentialType.CPC, CredentialType.CCS_P]] });
      expect(credentialsFactor(anyOf, coder({ credentials: [CredentialType.CCS_P] }))).toEqual({ eligible: true, reasons: ["Verified CCS-P meets 'any of CPC, CCS-P'"] });
      expect(credentialsFactor(anyOf, coder({ credentials: [CredentialType.COC] }))).toEqual({ eligible: false, reasons: [] });
    });
    it('needs every group', () => {
      const two = job({ requiredCredentialTypes: [CredentialType.CRC], anyOfCredentialGroups: [[CredentialType.CPC, CredentialType.CCS_P]] });
      expect(credentialsFactor(two, coder({ credentials: [CredentialType.CPC] })).eligible).toBe(false);
      expect(credentialsFactor(two, coder({ credentials: [CredentialType.CPC, CredentialType.CRC] }))).toEqual({ eligible: true, reasons: ['Verified CRC', "Verified CPC meets 'any of CPC, CCS-P'"] });
    });
    it('counts an apprentice designation only where apprentices are accepted', () => {
      const apprentice = coder({ credentials: [CredentialType.CPC_A] });
      expect(credentialsFactor(job(), apprentice).eligible).toBe(false);
      expect(credentialsFactor(job({ apprenticesAccepted: true }), apprentice)).toEqual({ eligible: true, reasons: ["Verified CPC-A (apprentice) meets 'CPC'"] });
    });
  });

  describe(specialtyFactor.name, () => {
    it('gives full credit for 5+ years in the specialty', () => {
      expect(specialtyFactor(job(), coder())).toEqual({ value: 1, reason: '7 years in cardiology' });
    });
    it('gives 0.6 plus years for a newcomer', () => {
      expect(specialtyFactor(job(), coder({ specialtyYears: { CARDIOLOGY: 1 } }))).toEqual({ value: 0.6 + 0.08, reason: '1 year in cardiology' });
    });
    it('counts a specialty credential as the specialty', () => {
      expect(specialtyFactor(job(), coder({ specialtyYears: {}, credentials: [CredentialType.CCC] }))).toEqual({ value: 1, reason: 'Certified CCC (cardiology)' });
    });
    it('gives nothing for another specialty', () => {
      expect(specialtyFactor(job(), coder({ specialtyYears: { ORTHOPEDICS: 10 } }))).toEqual({ value: 0 });
    });
  });

  describe(codeSetsFactor.name, () => {
    it('is the covered share of the job code sets', () => {
      expect(codeSetsFactor(job(), coder({ codeSets: [CodeSet.ICD10CM] }))).toEqual({ value: 0.5, reason: 'Codes ICD-10-CM' });
      expect(codeSetsFactor(job(), coder({ codeSets: [CodeSet.HCC] })).value).toBe(0);
    });
  });

  describe(workTypeFactor.name, () => {
    it('matches the work type', () => {
      expect(workTypeFactor(job(), coder())).toEqual({ value: 1, reason: 'Does coding' });
      expect(workTypeFactor(job({ workType: WorkType.AR_FOLLOW_UP }), coder()).value).toBe(0);
    });
  });

  describe(ehrFactor.name, () => {
    it('rewards experience in the job EHR and is neutral when none is named', () => {
      expect(ehrFactor(job(), coder())).toEqual({ value: 1, reason: 'Epic experience' });
      expect(ehrFactor(job(), coder({ ehrSystems: ['Meditech'] })).value).toBe(0);
      expect(ehrFactor(job({ ehrSystem: null }), coder({ ehrSystems: [] })).value).toBe(1);
    });
  });

  describe(capacityFactor.name, () => {
    it('uses the productivity norm of the setting', () => {
      expect(chartsPerHour({ setting: CareSetting.INPATIENT, specialty: Specialty.CARDIOLOGY })).toBe(3);
      expect(chartsPerHour({ setting: CareSetting.OUTPATIENT, specialty: Specialty.EVALUATION_AND_MANAGEMENT })).toBe(12);
    });
    it('is full when the hours cover the volume', () => {
      expect(capacityFactor(job(), coder())).toEqual({ value: 1, reason: '30 h/week covers ~300 charts/week' });
    });
    it('is partial when they do not', () => {
      expect(capacityFactor(job({ setting: CareSetting.INPATIENT }), coder())).toEqual({ value: 90 / 200, reason: '30 h/week covers ~90 of 200 charts/week' });
    });
  });

  describe(rateFactor.name, () => {
    it('is full within the offered rate and falls above it', () => {
      expect(rateFactor(job(), coder())).toEqual({ value: 1, reason: '$45/h within the $50/h offered' });
      expect(rateFactor(job(), coder({ hourlyRateCents: 10000 }))).toEqual({ value: 0.5, reason: 'Asks $100/h, above the $50/h offered' });
    });
    it('compares per-chart rates for PER_CHART work', () => {
      expect(rateFactor(job({ payModel: PayModel.PER_CHART, rateCents: 400 }), coder()).reason).toBe('$3.50/chart within the $4/chart offered');
    });
    it('is neutral without comparable rates', () => {
      expect(rateFactor(job(), coder({ hourlyRateCents: null })).value).toBe(0.5);
      expect(rateFactor(job({ payModel: PayModel.FIXED_PRICE, rateCents: null }), coder()).value).toBe(1);
    });
  });

  describe(qualityFactor.name, () => {
    it('combines rating and audited accuracy', () => {
      const result = qualityFactor(job(), coder());
      expect(result.value).toBeCloseTo((4.8 / 5 + 1) / 2);
      expect(result.reason).toBe('Rated 4.8 (12 reviews); Audited 97.0% accuracy (target 95%)');
    });
    it('is neutral for a newcomer and penalises accuracy under target', () => {
      expect(qualityFactor(job(), coder({ ratingAverage: null, ratingCount: 0, accuracyScore: null }))).toEqual({ value: 0.5, reason: undefined });
      expect(qualityFactor(job(), coder({ ratingAverage: null, ratingCount: 0, accuracyScore: 0.9 })).value).toBeCloseTo((0.5 + 0.5) / 2);
    });
    it('trusts few reviews less', () => {
      expect(qualityFactor(job(), coder({ ratingCount: 1, ratingAverage: 5, accuracyScore: null })).value).toBeCloseTo((0.5 * 0.8 + 1 * 0.2 + 0.5) / 2);
    });
  });

  describe(timezoneFactor.name, () => {
    it('scores the hours apart', () => {
      expect(timezoneFactor(job(), coder(), JANUARY)).toEqual({ value: 1, reason: 'Same time zone' });
      expect(timezoneFactor(job(), coder({ timezone: 'America/New_York' }), JANUARY)).toEqual({ value: 1 - 1 / 8, reason: '1 h from your time zone' });
      expect(timezoneFactor(job(), coder({ timezone: 'Asia/Kolkata' }), JANUARY).value).toBe(0);
      expect(timezoneFactor(job({ timezone: null }), coder({ timezone: 'Asia/Kolkata' }), JANUARY).value).toBe(1);
    });
  });

  describe(availabilityFactor.name, () => {
    it('prefers coders taking work', () => {
      expect(availabilityFactor(coder()).value).toBe(1);
      expect(availabilityFactor(coder({ available: false }))).toEqual({ value: 0, reason: 'Not taking new work' });
    });
  });

  describe(scoreMatch.name, () => {
    it('gives a perfect fit a score near 1 with readable reasons', () => {
      const result = scoreMatch(job(), coder(), JANUARY);
      expect(result.eligible).toBe(true);
      expect(result.score).toBeGreaterThan(0.95);
      expect(result.score).toBeLessThanOrEqual(1);
      expect(result.reasons.slice(0, 3)).toEqual(['Verified CPC', '7 years in cardiology', 'Codes ICD-10-CM, CPT']);
    });

    it('ranks the qualified specialist above a wrong-specialty coder', () => {
      const specialist = scoreMatch(job(), coder(), JANUARY).score;
      const wrongSpecialty = scoreMatch(job(), coder({ specialtyYears: { ORTHOPEDICS: 9 } }), JANUARY).score;
      expect(specialist - wrongSpecialty).toBeCloseTo(WEIGHTS.specialty);
    });
  });
});
