import { registerEnumType } from '@nestjs/graphql';

export enum CodeSet {
  ICD10CM = 'ICD10CM',
  ICD10PCS = 'ICD10PCS',
  CPT = 'CPT',
  HCPCS = 'HCPCS',
  MSDRG = 'MSDRG',
  HCC = 'HCC',
}

export enum WorkType {
  CODING = 'CODING',
  BILLING = 'BILLING',
  AUDITING = 'AUDITING',
  CDI = 'CDI',
  DENIAL_MANAGEMENT = 'DENIAL_MANAGEMENT',
  AR_FOLLOW_UP = 'AR_FOLLOW_UP',
  CHARGE_ENTRY = 'CHARGE_ENTRY',
  PAYMENT_POSTING = 'PAYMENT_POSTING',
}

export enum CareSetting {
  OUTPATIENT = 'OUTPATIENT',
  INPATIENT = 'INPATIENT',
  EMERGENCY = 'EMERGENCY',
  AMBULATORY_SURGERY = 'AMBULATORY_SURGERY',
  HOME_HEALTH = 'HOME_HEALTH',
  SKILLED_NURSING = 'SKILLED_NURSING',
  TELEHEALTH = 'TELEHEALTH',
}

export enum PayModel {
  HOURLY = 'HOURLY',
  PER_CHART = 'PER_CHART',
  FIXED_PRICE = 'FIXED_PRICE',
  PERCENT_OF_COLLECTIONS = 'PERCENT_OF_COLLECTIONS',
}

registerEnumType(CodeSet, {
  name: 'CodeSet',
  description: 'Code sets a coder works in: ICD-10-CM/PCS, CPT, HCPCS Level II, MS-DRG, HCC.',
  valuesMap: {
    ICD10CM: { description: 'ICD-10-CM diagnosis codes.' },
    ICD10PCS: { description: 'ICD-10-PCS inpatient procedure codes.' },
    CPT: { description: 'CPT procedure codes (AMA).' },
    HCPCS: { description: 'HCPCS Level II codes (supplies, drugs, services not in CPT).' },
    MSDRG: { description: 'MS-DRG inpatient grouping.' },
    HCC: { description: 'Hierarchical condition categories (risk adjustment).' },
  },
});
registerEnumType(WorkType, {
  name: 'WorkType',
  description: 'Kind of revenue-cycle work.',
  valuesMap: {
    CODING: { description: 'Assigning diagnosis and procedure codes from the chart (reads PHI: a BAA is always required).' },
    BILLING: { description: 'Preparing and submitting claims.' },
    AUDITING: { description: "Reviewing other coders' work for accuracy." },
    CDI: { description: 'Clinical documentation improvement: queries to providers.' },
    DENIAL_MANAGEMENT: { description: 'Working denied claims and appeals.' },
    AR_FOLLOW_UP: { description: 'Following up unpaid claims (accounts receivable).' },
    CHARGE_ENTRY: { description: 'Entering charges into the billing system.' },
    PAYMENT_POSTING: { description: 'Posting payer remittances and patient payments.' },
  },
});
registerEnumType(CareSetting, {
  name: 'CareSetting',
  description: 'Where the care being coded took place.',
  valuesMap: {
    OUTPATIENT: { description: 'Clinic or office visits.' },
    INPATIENT: { description: 'Hospital admissions.' },
    EMERGENCY: { description: 'Emergency department.' },
    AMBULATORY_SURGERY: { description: 'Ambulatory surgery center.' },
    HOME_HEALTH: { description: "Care in the patient's home." },
    SKILLED_NURSING: { description: 'Skilled nursing facility.' },
    TELEHEALTH: { description: 'Visits over video or phone.' },
  },
});
registerEnumType(PayModel, {
  name: 'PayModel',
  description: 'How the work is paid: per hour, per chart, fixed price (milestones) or a percentage of collections.',
  valuesMap: {
    HOURLY: { description: 'rateCents per hour worked, invoiced weekly from work logs.' },
    PER_CHART: { description: 'rateCents per chart coded, invoiced weekly from work logs.' },
    FIXED_PRICE: { description: 'A budget paid through milestones funded into escrow.' },
    PERCENT_OF_COLLECTIONS: { description: 'percentOfCollectionsBps of the collections the practice reports, invoiced as they are reported.' },
  },
});
