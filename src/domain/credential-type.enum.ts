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
  valuesMap: {
    CPC: { description: 'AAPC Certified Professional Coder (physician office).' },
    CPC_A: { description: 'CPC apprentice: passed the exam, experience still to show.' },
    COC: { description: 'AAPC Certified Outpatient Coder (facility).' },
    COC_A: { description: 'COC apprentice.' },
    CIC: { description: 'AAPC Certified Inpatient Coder.' },
    CPC_P: { description: 'AAPC Certified Professional Coder, payer.' },
    CPB: { description: 'AAPC Certified Professional Biller.' },
    CRC: { description: 'AAPC Certified Risk Adjustment Coder.' },
    CPMA: { description: 'AAPC Certified Professional Medical Auditor.' },
    CPCO: { description: 'AAPC Certified Professional Compliance Officer.' },
    CPPM: { description: 'AAPC Certified Physician Practice Manager.' },
    CDEO: { description: 'AAPC Certified Documentation Expert Outpatient.' },
    CEMC: { description: 'AAPC Certified Evaluation and Management Coder.' },
    CANPC: { description: 'AAPC Certified Anesthesia and Pain Management Coder.' },
    CIRCC: { description: 'AAPC Certified Interventional Radiology Cardiovascular Coder.' },
    CASCC: { description: 'AAPC Certified Ambulatory Surgery Center Coder.' },
    CCC: { description: 'AAPC Certified Cardiology Coder.' },
    COSC: { description: 'AAPC Certified Orthopaedic Surgery Coder.' },
    CGSC: { description: 'AAPC Certified General Surgery Coder.' },
    CEDC: { description: 'AAPC Certified Emergency Department Coder.' },
    CFPC: { description: 'AAPC Certified Family Practice Coder.' },
    CHONC: { description: 'AAPC Certified Hematology and Oncology Coder.' },
    COBGC: { description: 'AAPC Certified Obstetrics Gynecology Coder.' },
    CPEDC: { description: 'AAPC Certified Pediatrics Coder.' },
    CUC: { description: 'AAPC Certified Urology Coder.' },
    CCA: { description: 'AHIMA Certified Coding Associate.' },
    CCS: { description: 'AHIMA Certified Coding Specialist (facility).' },
    CCS_P: { description: 'AHIMA Certified Coding Specialist, physician-based.' },
    RHIT: { description: 'AHIMA Registered Health Information Technician.' },
    RHIA: { description: 'AHIMA Registered Health Information Administrator.' },
    CDIP: { description: 'AHIMA Certified Documentation Integrity Practitioner.' },
    CHDA: { description: 'AHIMA Certified Health Data Analyst.' },
    CHPS: { description: 'AHIMA Certified in Healthcare Privacy and Security.' },
  },
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
