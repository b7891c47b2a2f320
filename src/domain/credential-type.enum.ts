import { registerEnumType } from '@nestjs/graphql';
import { Specialty } from './specialty.enum.js';

/** AAPC and AHIMA certifications (domain.md). */
export enum CredentialType {
  // AAPC core
  CPC = 'CPC',
  CPC_A = 'CPC_A',
  COC = 'COC',
  COC_A = 'COC_A',
  CIC = 'CIC',
  CPC_P = 'CPC_P',
  CPB = 'CPB',
  CRC = 'CRC',
  CPMA = 'CPMA',
  CPCO = 'CPCO',
  CPPM = 'CPPM',
  CDEO = 'CDEO',
  // AAPC specialty
  CEMC = 'CEMC',
  CANPC = 'CANPC',
  CIRCC = 'CIRCC',
  CASCC = 'CASCC',
  CCC = 'CCC',
  COSC = 'COSC',
  CGSC = 'CGSC',
  CEDC = 'CEDC',
  CFPC = 'CFPC',
  CHONC = 'CHONC',
  COBGC = 'COBGC',
  CPEDC = 'CPEDC',
  CUC = 'CUC',
  // AHIMA
  CCA = 'CCA',
  CCS = 'CCS',
  CCS_P = 'CCS_P',
  RHIT = 'RHIT',
  RHIA = 'RHIA',
  CDIP = 'CDIP',
  CHDA = 'CHDA',
  CHPS = 'CHPS',
}

registerEnumType(CredentialType, {
  name: 'CredentialType',
  description: 'AAPC (CPC, CPC_A apprentice, COC, COC_A apprentice, CIC, specialty credentials...) and AHIMA (CCA, CCS, RHIT...) certifications.',
});

/** Credentials that certify a specialty: matching treats them as proof of that specialty. */
export const CREDENTIAL_SPECIALTY: Partial<Record<CredentialType, Specialty>> = {
  [CredentialType.CEMC]: Specialty.EVALUATION_AND_MANAGEMENT,
  [CredentialType.CANPC]: Specialty.ANESTHESIA,
  [CredentialType.CIRCC]: Specialty.INTERVENTIONAL_RADIOLOGY,
  [CredentialType.CASCC]: Specialty.AMBULATORY_SURGERY,
  [CredentialType.CCC]: Specialty.CARDIOLOGY,
  [CredentialType.COSC]: Specialty.ORTHOPEDICS,
  [CredentialType.CGSC]: Specialty.GENERAL_SURGERY,
  [CredentialType.CEDC]: Specialty.EMERGENCY_MEDICINE,
  [CredentialType.CFPC]: Specialty.FAMILY_PRACTICE,
  [CredentialType.CHONC]: Specialty.HEMATOLOGY_ONCOLOGY,
  [CredentialType.COBGC]: Specialty.OBSTETRICS_GYNECOLOGY,
  [CredentialType.CPEDC]: Specialty.PEDIATRICS,
  [CredentialType.CUC]: Specialty.UROLOGY,
  [CredentialType.CRC]: Specialty.RISK_ADJUSTMENT,
  [CredentialType.CIC]: Specialty.INPATIENT_FACILITY,
  [CredentialType.COC]: Specialty.OUTPATIENT_FACILITY,
};

/** Human-readable name: "CPC_A" -> "CPC-A (apprentice)", "COC_A" -> "COC-A (apprentice)", "CCS_P" -> "CCS-P". */
export function credentialLabel(type: CredentialType): string {
  if (type === CredentialType.CPC_A || type === CredentialType.COC_A) return `${type.replace('_', '-')} (apprentice)`;
  return type.replace('_', '-');
}
