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

registerEnumType(CodeSet, { name: 'CodeSet', description: 'Code sets a coder works in: ICD-10-CM/PCS, CPT, HCPCS Level II, MS-DRG, HCC.' });
registerEnumType(WorkType, { name: 'WorkType', description: 'Kind of revenue-cycle work.' });
registerEnumType(CareSetting, { name: 'CareSetting', description: 'Where the care being coded took place.' });
registerEnumType(PayModel, { name: 'PayModel', description: 'How the work is paid: per hour, per chart, fixed price (milestones) or a percentage of collections.' });
