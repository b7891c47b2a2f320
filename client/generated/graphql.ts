/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, ISO-8601 `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  /** A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format. */
  DateTime: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: any; output: any; }
  /** The `SafeInt` scalar type represents non-fractional signed whole numeric values that are considered safe as defined by the ECMAScript specification. */
  SafeInt: { input: number; output: number; }
};

/** A certification to be verified by ChartBridge staff against the issuer (AAPC or AHIMA). */
export type AddCredentialInput = {
  /** The certificate, uploaded first with POST /credential-documents. A credential without one cannot be verified. */
  evidenceDocumentId?: InputMaybe<Scalars['ID']['input']>;
  /** End of the current CEU cycle, after issuedOn and at most 24 months (+ grace) from today. Required for AAPC and AHIMA credentials (BAD_USER_INPUT naming input.expiresOn without it). */
  expiresOn?: InputMaybe<Scalars['Date']['input']>;
  /** Date of issue, not in the future. */
  issuedOn: Scalars['Date']['input'];
  /** End of the yearly AAPC membership: required for AAPC credentials, refused for AHIMA ones. Past it, the credential stops counting. */
  membershipExpiresOn?: InputMaybe<Scalars['Date']['input']>;
  /** Member or certificate number (3..40 letters, digits, dashes). Never shown publicly. */
  number: Scalars['String']['input'];
  /** Which certification. */
  type: CredentialType;
};

/** The result of an accuracy audit of a batch. */
export type AuditCodedBatchInput = {
  /** The credential the auditor audits under (CPMA, CPC, CCS...). A coder account must hold it (verified, unexpired); a practice user's is recorded as stated. */
  auditorCredential?: InputMaybe<CredentialType>;
  /** Codes sampled (every code of the sampled charts, as the auditor counted them); at least the code-level findings. */
  codesSampled?: InputMaybe<Scalars['Int']['input']>;
  /** Charts with at least one coding error, 0..sampled. */
  errors: Scalars['Int']['input'];
  /** The errors found, by category, each naming its chart (chartRef or encounterIndex). `errors` must equal the distinct charts they name: every error counted is a finding the coder can rebut, so errors above 0 without findings is BAD_USER_INPUT naming input.findings; omitted or empty means no error. */
  findings?: InputMaybe<Array<AuditFindingInput>>;
  /** The auditor's notes on the whole audit. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Charts sampled, 1..the number of encounters. */
  sampled: Scalars['Int']['input'];
};

/** What an auditor found wrong in a chart or a code. */
export type AuditErrorCategory =
  /** A code the documentation supports was not reported. */
  | 'MISSING_CODE'
  /** A modifier is wrong, missing or not supported. */
  | 'MODIFIER'
  /** The codes are right but in the wrong order (first-listed diagnosis, principal procedure). */
  | 'SEQUENCING'
  /** A code was reported that the documentation does not support at all. */
  | 'UNSUPPORTED_CODE'
  /** A code was reported that the documentation does not describe (another code was right). */
  | 'WRONG_CODE';

/** One access (or attempt) to PHI, from the append-only, hash-chained audit log. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** What was done, e.g. UPLOAD, DOWNLOAD, LIST, SUBMIT_BATCH, SIGN_BAA, DESTROY_PHI. */
  action: Scalars['String']['output'];
  /** The user who acted; null for the system (the retention job). */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** The actor's role when it acted (PROVIDER, CODER, ADMIN); null for the system. */
  actorRole?: Maybe<Scalars['String']['output']>;
  /** The contract whose PHI was touched; null when the object asked for did not exist. */
  contractId?: Maybe<Scalars['ID']['output']>;
  /** When it happened. */
  createdAt: Scalars['DateTime']['output'];
  /** Why a denial or failure happened, or what was destroyed (never PHI). */
  detail?: Maybe<Scalars['String']['output']>;
  /** SHA-256 over this event and the previous event's hash (hex): editing or deleting any event breaks the chain. */
  hash: Scalars['String']['output'];
  /** Stable id of the event. */
  id: Scalars['ID']['output'];
  /** Client address the request came from. */
  ip?: Maybe<Scalars['String']['output']>;
  /** ALLOWED, DENIED or FAILED. */
  outcome: AuditOutcome;
  /** The request id of the HTTP request (also in the server logs). */
  requestId?: Maybe<Scalars['String']['output']>;
  /** Position in the hash chain. */
  seq: Scalars['String']['output'];
  /** The id of what was touched, when there is one. */
  subjectId?: Maybe<Scalars['String']['output']>;
  /** What was touched: document, batch, contract or subcontractor-baa. */
  subjectType: Scalars['String']['output'];
};

/** A page of AuditEvent items (Relay connection: pass pageInfo.endCursor as `after` for the next page). */
export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<AuditEventEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one AuditEvent. */
export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The AuditEvent itself. */
  node: AuditEvent;
};

/** An error an audit found, with the coder's rebuttal and the practice's answer (the contract's parties). */
export type AuditFinding = {
  __typename?: 'AuditFinding';
  /** The practice's answer to the rebuttal (once). */
  answer?: Maybe<Scalars['String']['output']>;
  /** When the practice answered the rebuttal. */
  answeredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The audited batch. */
  batchId: Scalars['ID']['output'];
  /** What was wrong. */
  category: AuditErrorCategory;
  /** The encounter's chartRef, when the finding names one. */
  chartRef?: Maybe<Scalars['String']['output']>;
  /** The code at fault; null for a chart-level finding. */
  code?: Maybe<Scalars['String']['output']>;
  /** Whether the finding counts against the coder (false once overturned). */
  counts: Scalars['Boolean']['output'];
  /** When the audit recorded it. */
  createdAt: Scalars['DateTime']['output'];
  /** The encounter's index in the batch, when the finding names one. */
  encounterIndex?: Maybe<Scalars['Int']['output']>;
  /** Financial impact in cents, when known. */
  financialImpactCents?: Maybe<Scalars['SafeInt']['output']>;
  /** The id rebutAuditFinding and answerAuditRebuttal take. */
  id: Scalars['ID']['output'];
  /** The auditor's explanation. */
  note?: Maybe<Scalars['String']['output']>;
  /** The coder's rebuttal (once); null until rebutted. */
  rebuttal?: Maybe<Scalars['String']['output']>;
  /** When the coder rebutted the finding. */
  rebuttedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The answer's verdict: true keeps the finding, false overturns it (it no longer counts as an error); null until answered. */
  upheld?: Maybe<Scalars['Boolean']['output']>;
};

/** One error the audit found: chart-level, or code-level when `code` is given; it names the encounter of the batch it is about (chartRef or encounterIndex, BAD_USER_INPUT naming chartRef without either). */
export type AuditFindingInput = {
  /** What was wrong. */
  category: AuditErrorCategory;
  /** The encounter the finding is about, by its chartRef (with encounterIndex, both must name the same encounter). */
  chartRef?: InputMaybe<Scalars['String']['input']>;
  /** The code at fault (as reported, or the missing one): makes the finding code-level. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** The encounter the finding is about, by its index in the batch's encounters (0-based). */
  encounterIndex?: InputMaybe<Scalars['Int']['input']>;
  /** The error's financial impact in cents (>= 0), when known. */
  financialImpactCents?: InputMaybe<Scalars['SafeInt']['input']>;
  /** The auditor's explanation. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** How an access to PHI ended. */
export type AuditOutcome =
  /** The access happened (a document read or written, a batch submitted, PHI destroyed). */
  | 'ALLOWED'
  /** Refused: the caller had no right to it (or it did not exist). */
  | 'DENIED'
  /** Allowed but did not complete (a refused file, an unreadable document). */
  | 'FAILED';

/** Tokens for a session. Send `accessToken` as `Authorization: Bearer ...`; trade `refreshToken` for a new pair before it expires. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Short-lived JWT. */
  accessToken: Scalars['String']['output'];
  /** Seconds until `accessToken` expires. */
  expiresIn: Scalars['Int']['output'];
  /** Opaque, single use: each refresh returns a new one and retires this one. */
  refreshToken: Scalars['String']['output'];
  /** The account the tokens belong to. */
  user: User;
};

/** The Business Associate Agreement on a contract. */
export type BaaStatus = {
  __typename?: 'BaaStatus';
  /** SHA-256 (hex) of the text of that version. */
  agreementSha256: Scalars['String']['output'];
  /** The version both parties signed; the current version (businessAssociateAgreement) until they have. */
  agreementVersion: Scalars['String']['output'];
  /** When the coder's side signed; null until then. */
  coderSignedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Both parties signed the same version. */
  complete: Scalars['Boolean']['output'];
  /** When the practice's side signed (OWNER or ADMIN); null until then. */
  providerSignedAt?: Maybe<Scalars['DateTime']['output']>;
  /** True when both parties must sign before PHI moves: decided by the work type when the contract was made (every work type reads PHI), not by a posting's option. */
  required: Scalars['Boolean']['output'];
  /** For a contract worked through a coding company: whether the coder's subcontractor BAA with the company is signed and countersigned (PHI waits for it). Null for a coder working directly. */
  subcontractorBaa?: Maybe<Scalars['Boolean']['output']>;
};

/** An offer on a posting. */
export type Bid = {
  __typename?: 'Bid';
  /** The coder who will do the work. */
  coder: CoderProfile;
  /** The coder's pitch to the practice. */
  coverLetter: Scalars['String']['output'];
  /** When it was submitted. */
  createdAt: Scalars['DateTime']['output'];
  /** The turnaround the coder proposes, in hours; null when not given. */
  estimatedTurnaroundHours?: Maybe<Scalars['Int']['output']>;
  /** Stable id of the bid. */
  id: Scalars['ID']['output'];
  /** The posting bid on. */
  jobPosting: JobPosting;
  /** The coding company bidding, if any. */
  organization?: Maybe<Organization>;
  /** How the coder proposes to be paid; the posting's pay model unless the bid says otherwise. */
  payModel: PayModel;
  /** PERCENT_OF_COLLECTIONS bids: the share of collections in basis points (1000 = 10%); null otherwise. */
  percentOfCollectionsBps?: Maybe<Scalars['Int']['output']>;
  /** Proposed rate in US cents: per hour (HOURLY), per chart (PER_CHART) or the total (FIXED_PRICE). */
  rateCents?: Maybe<Scalars['Int']['output']>;
  /** Where the bid stands. */
  status: BidStatus;
  /** HOURLY: the weekly hour cap offered. */
  weeklyHourLimit?: Maybe<Scalars['Int']['output']>;
};

/** A page of Bid items (Relay connection: pass pageInfo.endCursor as `after` for the next page). */
export type BidConnection = {
  __typename?: 'BidConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<BidEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one Bid. */
export type BidEdge = {
  __typename?: 'BidEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Bid itself. */
  node: Bid;
};

/** PENDING until the provider accepts or rejects it, or the coder withdraws it; DECLINED when the posting filled or closed without it. */
export type BidStatus =
  /** Accepted: a contract started. */
  | 'ACCEPTED'
  /** The posting filled or closed without it. */
  | 'DECLINED'
  /** Waiting for the practice. */
  | 'PENDING'
  /** Rejected by the practice. */
  | 'REJECTED'
  /** Withdrawn by the coder. */
  | 'WITHDRAWN';

/** A published version of the Business Associate Agreement, as signed by signBaa and signSubcontractorBaa. */
export type BusinessAssociateAgreement = {
  __typename?: 'BusinessAssociateAgreement';
  /** The day this version took effect (YYYY-MM-DD). */
  effectiveOn: Scalars['String']['output'];
  /** SHA-256 (hex) of the UTF-8 text: a signature records it. */
  sha256: Scalars['String']['output'];
  /** The full text, word for word. */
  text: Scalars['String']['output'];
  /** The version name a signature records. */
  version: Scalars['String']['output'];
};

/** Where the care being coded took place. */
export type CareSetting =
  /** Ambulatory surgery center. */
  | 'AMBULATORY_SURGERY'
  /** Emergency department. */
  | 'EMERGENCY'
  /** Care in the patient's home. */
  | 'HOME_HEALTH'
  /** Hospital admissions. */
  | 'INPATIENT'
  /** Clinic or office visits. */
  | 'OUTPATIENT'
  /** Skilled nursing facility. */
  | 'SKILLED_NURSING'
  /** Visits over video or phone. */
  | 'TELEHEALTH';

/** CORE_A (AAPC-approved, coding-related), CORE_B (other organizations, healthcare-related) and SPECIALTY (a specialty credential's subject) are AAPC categories; AHIMA is for AHIMA cycles. */
export type CeuCategory =
  /** Education counted towards an AHIMA cycle. */
  | 'AHIMA'
  /** AAPC: AAPC-approved, coding-related education. */
  | 'CORE_A'
  /** AAPC: education from other organizations, healthcare-related. */
  | 'CORE_B'
  /** AAPC: the subject of a specialty credential. */
  | 'SPECIALTY';

/** A coder's current CEU cycle with one issuer: what the held credentials ask, and what is logged. */
export type CeuCycle = {
  __typename?: 'CeuCycle';
  /** CEUs of the entries with their certificate of completion: what counts toward `required`. */
  counted: Scalars['Float']['output'];
  /** The counting credentials of this issuer the requirement is computed from. */
  credentialTypes: Array<CredentialType>;
  /** The day the CEUs are due: the counting credentials' expiresOn. */
  endsOn: Scalars['Date']['output'];
  /** The entries of the cycle, newest completion first. */
  entries: Array<CeuEntry>;
  /** AAPC or AHIMA. */
  issuer: CredentialIssuer;
  /** CEUs logged with a completion day inside the cycle (counted and pending). */
  logged: Scalars['Float']['output'];
  /** Complete, or at least the share of the requirement that the share of the cycle already passed asks for (counted CEUs only). */
  onTrack: Scalars['Boolean']['output'];
  /** CEUs of the entries still without a certificate: they do not count until one is attached (attachCeuCertificate). */
  pending: Scalars['Float']['output'];
  /** CEUs still missing, counted ones only (0 when complete). */
  remaining: Scalars['Float']['output'];
  /** CEUs the cycle asks (AAPC 36/40/44/48/52 for 1-5+ core credentials, +8 per specialty credential; AHIMA 20 or 30, +10 per further credential, at most 50). */
  required: Scalars['Float']['output'];
  /** First day of the cycle (two years before it ends). */
  startsOn: Scalars['Date']['output'];
};

/** A continuing-education activity a coder logged. Visible to that coder and ADMINs only. */
export type CeuEntry = {
  __typename?: 'CeuEntry';
  /** The issuer's approval code (AAPC index number, AHIMA approval code), upper-cased, when given. */
  approvalCode?: Maybe<Scalars['String']['output']>;
  /** The kind of education. */
  category: CeuCategory;
  /** The certificate of completion (GET /credential-documents/:id), when one was given. */
  certificateDocumentId?: Maybe<Scalars['ID']['output']>;
  /** CEUs earned (multiples of 0.1). */
  ceus: Scalars['Float']['output'];
  /** The day it was completed. */
  completedOn: Scalars['Date']['output'];
  /** Whether it counts toward the cycle: true with its certificate of completion; false while pending (no certificate yet). */
  counts: Scalars['Boolean']['output'];
  /** When it was logged. */
  createdAt: Scalars['DateTime']['output'];
  /** The id deleteCeu takes. */
  id: Scalars['ID']['output'];
  /** The issuer whose cycle it counts towards. */
  issuer: CredentialIssuer;
  /** Who gave it. */
  provider: Scalars['String']['output'];
  /** The activity. */
  title: Scalars['String']['output'];
};

/** A CEU cycle short of CEUs (CEU_CYCLE_SHORT): the coder's cycle, how many CEUs are missing and which reminder this is. */
export type CeuNotificationData = {
  __typename?: 'CeuNotificationData';
  /** Last day of the cycle (YYYY-MM-DD). */
  cycleEndsOn?: Maybe<Scalars['String']['output']>;
  /** AAPC or AHIMA: whose cycle. */
  issuer?: Maybe<Scalars['String']['output']>;
  /** The kind of the notification. */
  kind: NotificationKind;
  /** CEUs still missing, a decimal number as text (e.g. "4.5"). */
  remaining?: Maybe<Scalars['String']['output']>;
  /** The reminder: "90" or "30" days before the cycle ends. */
  thresholdDays?: Maybe<Scalars['String']['output']>;
};

/** A new password for the caller's account. */
export type ChangePasswordInput = {
  /** The password in use now. */
  currentPassword: Scalars['String']['input'];
  /** At least 12 characters. */
  newPassword: Scalars['String']['input'];
};

/** Administrative gender on a claim (DMG03). */
export type ClaimGender =
  /** Female. */
  | 'F'
  /** Male. */
  | 'M'
  /** Unknown. */
  | 'U';

/** A person on a claim. */
export type ClaimPerson = {
  __typename?: 'ClaimPerson';
  /** Home address. */
  address: PostalAddress;
  /** Date of birth. */
  dateOfBirth: Scalars['Date']['output'];
  /** First name. */
  firstName: Scalars['String']['output'];
  /** Administrative gender. */
  gender: ClaimGender;
  /** Last name. */
  lastName: Scalars['String']['output'];
  /** Middle name or initial. */
  middleName?: Maybe<Scalars['String']['output']>;
};

/** A person on a claim: the patient, or the subscriber when not the patient. */
export type ClaimPersonInput = {
  /** Home address. */
  address: PostalAddressInput;
  /** Date of birth (not in the future). */
  dateOfBirth: Scalars['Date']['input'];
  /** First name, 1..35 characters. */
  firstName: Scalars['String']['input'];
  /** F, M or U. */
  gender: ClaimGender;
  /** Last name, 1..60 characters. */
  lastName: Scalars['String']['input'];
  /** Middle name or initial, up to 25 characters. */
  middleName?: InputMaybe<Scalars['String']['input']>;
};

/** Code sets a coder works in: ICD-10-CM/PCS, CPT, HCPCS Level II, MS-DRG, HCC. */
export type CodeSet =
  /** CPT procedure codes (AMA). */
  | 'CPT'
  /** Hierarchical condition categories (risk adjustment). */
  | 'HCC'
  /** HCPCS Level II codes (supplies, drugs, services not in CPT). */
  | 'HCPCS'
  /** ICD-10-CM diagnosis codes. */
  | 'ICD10CM'
  /** ICD-10-PCS inpatient procedure codes. */
  | 'ICD10PCS'
  /** MS-DRG inpatient grouping. */
  | 'MSDRG';

/** Coded work returned by the coder. */
export type CodedBatch = {
  __typename?: 'CodedBatch';
  /** Codes the audit sampled, when the auditor counted them. */
  auditCodesSampled?: Maybe<Scalars['Int']['output']>;
  /** Charts the audit found with at least one error that still stand (an overturned finding no longer counts). */
  auditErrors?: Maybe<Scalars['Int']['output']>;
  /** The audit's findings with their rebuttals and answers (the contract's parties); empty before the audit. */
  auditFindings: Array<AuditFinding>;
  /** Charts the audit sampled; null before its audit. */
  auditSampled?: Maybe<Scalars['Int']['output']>;
  /** When the batch was audited; null before its audit. */
  auditedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The credential the auditor audited under. */
  auditorCredential?: Maybe<CredentialType>;
  /** Whether auditorCredential was checked against the auditor's own verified credentials (a coder account); false when a practice user only stated it. */
  auditorCredentialVerified?: Maybe<Scalars['Boolean']['output']>;
  /** When the coder submitted it. */
  createdAt: Scalars['DateTime']['output'];
  /** How many encounters the batch holds (kept after PHI is destroyed). */
  encounterCount: Scalars['Int']['output'];
  /** The coded encounters (PHI: contract parties only; empty after the contract's PHI was destroyed). */
  encounters: Array<CodedEncounter>;
  /** Stable id of the batch. */
  id: Scalars['ID']['output'];
  /** The practice's comments per chart when it returned the batch; empty otherwise. */
  reviewComments: Array<EncounterComment>;
  /** SUBMITTED, then ACCEPTED or RETURNED by the practice. */
  status: CodedBatchStatus;
  /** NCCI PTP pairs and units over an MUE found on submission, against the edits in force on each service date. They do not refuse the batch. */
  warnings: Array<CodingWarning>;
  /** The work request this batch answers; null when none was named. */
  workRequestId?: Maybe<Scalars['ID']['output']>;
};

/** A page of a contract's coded batches (`codedBatches`). */
export type CodedBatchConnection = {
  __typename?: 'CodedBatchConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<CodedBatchEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one CodedBatch. */
export type CodedBatchEdge = {
  __typename?: 'CodedBatchEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The CodedBatch itself. */
  node: CodedBatch;
};

/** What codedBatchExport writes. */
export type CodedBatchExportFormat =
  /** One row per code line (chart_ref, code_set, code, modifiers, units); either party. */
  | 'CSV'
  /** An ASC X12 005010X222A1 professional claim file, one claim per encounter, for the practice's own clearinghouse (the practice only: it holds patient demographics). */
  | 'X12_837P';

/** SUBMITTED by the coder; ACCEPTED or RETURNED (with comments) by the practice. */
export type CodedBatchStatus =
  /** Accepted by the practice; its charts count as done. */
  | 'ACCEPTED'
  /** Sent back with comments; the coder submits a corrected batch. */
  | 'RETURNED'
  /** Waiting for the practice to review it. */
  | 'SUBMITTED';

/** One coded chart with its claim data. */
export type CodedEncounter = {
  __typename?: 'CodedEncounter';
  /** NPI of the billing provider, when given (else the practice's NPI bills). */
  billingNpi?: Maybe<Scalars['String']['output']>;
  /** The practice's reference of the chart. */
  chartRef: Scalars['String']['output'];
  /** CPT procedure lines with modifiers and units. */
  cpt: Array<CodedLine>;
  /** HCPCS Level II lines with modifiers and units. */
  hcpcs: Array<CodedLine>;
  /** ICD-10-CM diagnosis codes, in claim order (first is primary). */
  icd10cm: Array<Scalars['String']['output']>;
  /** ICD-10-PCS procedure codes (inpatient). */
  icd10pcs: Array<Scalars['String']['output']>;
  /** CMS two-digit place of service code, when given. */
  placeOfService?: Maybe<Scalars['String']['output']>;
  /** NPI of the rendering clinician, when given. */
  renderingNpi?: Maybe<Scalars['String']['output']>;
  /** Date of service (null on batches submitted before encounters carried claim data). */
  serviceDate?: Maybe<Scalars['Date']['output']>;
};

/** One coded chart with its claim data. chartRef is an identifier, never PHI. */
export type CodedEncounterInput = {
  /** NPI of the billing provider (10 digits, Luhn-checked); absent, a claim bills under the practice's NPI. */
  billingNpi?: InputMaybe<Scalars['String']['input']>;
  /** The practice's reference of the chart: 1..64 letters, digits, dots, dashes or underscores. */
  chartRef: Scalars['String']['input'];
  /** CPT lines, up to 50. */
  cpt?: Array<CodedLineInput>;
  /** HCPCS Level II lines, up to 50. */
  hcpcs?: Array<CodedLineInput>;
  /** ICD-10-CM diagnoses, dotted or undotted (stored dotted), 1..25; at most 12 when the encounter has CPT or HCPCS lines (a professional claim). */
  icd10cm: Array<Scalars['String']['input']>;
  /** ICD-10-PCS procedures (inpatient). */
  icd10pcs?: Array<Scalars['String']['input']>;
  /** CMS two-digit place of service code (e.g. "11" office). */
  placeOfService?: InputMaybe<Scalars['String']['input']>;
  /** NPI of the clinician who rendered the services (10 digits, Luhn-checked). */
  renderingNpi?: InputMaybe<Scalars['String']['input']>;
  /** Date of service, from 2015-10-01 (ICD-10) to today in any timezone: codes are checked against the code tables in force that day. */
  serviceDate: Scalars['Date']['input'];
};

/** A CPT or HCPCS line as stored (normalized). */
export type CodedLine = {
  __typename?: 'CodedLine';
  /** The code, normalized. */
  code: Scalars['String']['output'];
  /** 1-based pointers into the encounter's icd10cm (null on batches submitted before encounters carried claim data). */
  diagnosisPointers?: Maybe<Array<Scalars['Int']['output']>>;
  /** Modifiers in billing order. */
  modifiers: Array<Scalars['String']['output']>;
  /** The drug of a drug line, when given. */
  ndc?: Maybe<CodedLineNdc>;
  /** Service units. */
  units: Scalars['Int']['output'];
};

/** A CPT or HCPCS line: code, up to 4 modifiers, units, 1..4 diagnosis pointers, and the NDC of a drug line. */
export type CodedLineInput = {
  /** The CPT or HCPCS Level II code. */
  code: Scalars['String']['input'];
  /** Required: 1..4 distinct 1-based positions in the encounter's icd10cm, the first the line's primary diagnosis (837P SV107). A claim line without one is refused. */
  diagnosisPointers?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Up to 4 two-character modifiers, in billing order. */
  modifiers?: Array<Scalars['String']['input']>;
  /** The drug given, on a drug line. */
  ndc?: InputMaybe<NdcInput>;
  /** Service units, 1..999. */
  units?: Scalars['Int']['input'];
};

/** The drug of a drug line. */
export type CodedLineNdc = {
  __typename?: 'CodedLineNdc';
  /** National Drug Code, 11 digits (5-4-2) without hyphens. */
  code: Scalars['String']['output'];
  /** Quantity given, in `unit`. */
  quantity: Scalars['Float']['output'];
  /** Unit of the quantity. */
  unit: NdcUnit;
};

/** Directory filters; all given filters must hold. */
export type CoderFilterInput = {
  /** Only coders taking new work. */
  availableOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Coders working in all of these code sets. */
  codeSets?: InputMaybe<Array<CodeSet>>;
  /** Coders meeting every group, each with any one of its types, verified and unexpired ([{ anyOf: [CPC, CCS_P] }, { anyOf: [CRC] }]: CPC or CCS-P, and CRC); at most 5 groups. An apprentice designation meets only a group naming it; a full one also meets a group naming its apprentice designation. */
  credentialRequirements?: InputMaybe<Array<CredentialRequirementInput>>;
  /** Coders holding any of these credentials, verified and unexpired. */
  credentialTypes?: InputMaybe<Array<CredentialType>>;
  /** Hourly rate at most this many cents (coders without an hourly rate are left out). */
  maxHourlyRateCents?: InputMaybe<Scalars['Int']['input']>;
  /** Average rating at least this (1..5); unrated coders are left out. */
  minRating?: InputMaybe<Scalars['Float']['input']>;
  /** Coders with any of these specialties. */
  specialties?: InputMaybe<Array<Specialty>>;
  /** Free text over headline, bio, specialties and EHR systems (web-search syntax: "quoted phrases", -exclusions, or). */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Coders doing any of these kinds of work. */
  workTypes?: InputMaybe<Array<WorkType>>;
};

/** A coder proposed for a posting, with the score and the reasons behind it. */
export type CoderMatch = {
  __typename?: 'CoderMatch';
  /** The matched coder's public profile. */
  coder: CoderProfile;
  /** Why, strongest evidence first ("Verified CPC", "7 years in cardiology", ...). */
  reasons: Array<Scalars['String']['output']>;
  /** 0..1; see docs/matching.md for the formula. */
  score: Scalars['Float']['output'];
};

/** A coder's public profile. Credential numbers and emails are never part of it. */
export type CoderProfile = {
  __typename?: 'CoderProfile';
  /** Audited accuracy per specialty of the audited work (public), from the audits of contracts that paid the coder, as accuracyScore. */
  accuracyBySpecialty: Array<SpecialtyAccuracy>;
  /** Charts the practices' audits sampled on contracts that paid the coder: the sample behind accuracyScore. */
  accuracySampleSize: Scalars['Int']['output'];
  /** Audited accuracy, 0..1 (1 - errors / sampled charts, overturned findings not counted), from the audits of contracts that paid the coder (a milestone released, or an invoice paid): an audit on a contract nobody has paid on yet counts once it pays. Null until those audits sampled ACCURACY_MIN_SAMPLE charts (30 by default): see accuracySampleSize. */
  accuracyScore?: Maybe<Scalars['Float']['output']>;
  /** Whether the coder takes new work now (the directory can show available coders only). */
  available: Scalars['Boolean']['output'];
  /** Free-text introduction. */
  bio: Scalars['String']['output'];
  /** Code sets the coder works in. */
  codeSets: Array<CodeSet>;
  /** When the profile was first written. */
  createdAt: Scalars['DateTime']['output'];
  /** Verified and expired credentials; the coder and admins also see pending and rejected ones. */
  credentials: Array<Credential>;
  /** EHR systems the coder knows, normalized (e.g. "Epic", "Cerner"). */
  ehrSystems: Array<Scalars['String']['output']>;
  /** One-line summary shown in the directory. */
  headline: Scalars['String']['output'];
  /** Asking rate per hour in US cents; null when the coder does not work by the hour. */
  hourlyRateCents?: Maybe<Scalars['Int']['output']>;
  /** Stable id of the profile (not the user id). */
  id: Scalars['ID']['output'];
  /** When the coder was last screened against the OIG List of Excluded Individuals/Entities (LEIE); null before the first screen. Public; the outcome of a screen never is. */
  lastScreenedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Asking rate per chart in US cents; null when the coder does not work per chart. */
  perChartRateCents?: Maybe<Scalars['Int']['output']>;
  /** The coder's public profile page (absolute, from APP_URL: APP_URL/coders/<slug>, server-rendered HTML); null until the coder opts in with UpsertCoderProfileInput.publicProfile, after opting out, and while the profile is held by exclusion screening. The slug is kept across opting out and back in. */
  publicUrl?: Maybe<Scalars['String']['output']>;
  /** Average review stars (1..5); null before the first review. */
  ratingAverage?: Maybe<Scalars['Float']['output']>;
  /** How many published practice reviews the rating averages. */
  ratingCount: Scalars['Int']['output'];
  /** Published reviews by practices, newest first. */
  reviews: Array<Review>;
  /** Exclusion screening: the identity screened and whether the profile is held. The coder and admins only; null for anyone else. */
  screening?: Maybe<CoderScreening>;
  /** Specialties with years of experience in each. */
  specialties: Array<SpecialtyExperience>;
  /** IANA time zone. */
  timezone: Scalars['String']['output'];
  /** When the profile last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The coder (id and name; the email only for the coder and admins). */
  user: User;
  /** Hours a week the coder can take on. */
  weeklyCapacityHours: Scalars['Int']['output'];
  /** Kinds of work the coder does. */
  workTypes: Array<WorkType>;
  /** Years of coding experience overall. */
  yearsExperience: Scalars['Int']['output'];
};


/** A coder's public profile. Credential numbers and emails are never part of it. */
export type CoderProfileReviewsArgs = {
  first?: Scalars['Int']['input'];
};

/** A page of CoderProfile items (Relay connection: pass pageInfo.endCursor as `after` for the next page). */
export type CoderProfileConnection = {
  __typename?: 'CoderProfileConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<CoderProfileEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one CoderProfile. */
export type CoderProfileEdge = {
  __typename?: 'CoderProfileEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The CoderProfile itself. */
  node: CoderProfile;
};

/** What OIG exclusion screening knows of a coder, and whether it holds the profile. The coder's and admins' eyes only. */
export type CoderScreening = {
  __typename?: 'CoderScreening';
  /** Date of birth. */
  dateOfBirth?: Maybe<Scalars['Date']['output']>;
  /** Legal first name (the account name is screened when absent). */
  legalFirstName?: Maybe<Scalars['String']['output']>;
  /** Legal last name. */
  legalLastName?: Maybe<Scalars['String']['output']>;
  /** Individual NPI. */
  npi?: Maybe<Scalars['String']['output']>;
  /** The profile is held pending an admin review of a screening match: out of the directory and matching, no bids, no new contracts. */
  onHold: Scalars['Boolean']['output'];
  /** US state of residence. */
  state?: Maybe<Scalars['String']['output']>;
};

/** RELEVANCE: best text match first, ranked among the 300 best-rated matches (pages end there; rating order when there is no text). RATING: highest average first. RATE: lowest hourly rate first. */
export type CoderSort =
  /** Lowest hourly rate first. */
  | 'RATE'
  /** Highest average rating first. */
  | 'RATING'
  /** Best text match first among the 300 best-rated matches; rating order without text. */
  | 'RELEVANCE';

/** An NCCI edit the batch trips, against the practitioner edits in force on the service date. A warning, not a refusal: the payer may deny the line. */
export type CodingWarning = {
  __typename?: 'CodingWarning';
  /** The encounter’s chart reference. */
  chartRef: Scalars['String']['output'];
  /** The codes involved: column 1 then column 2 of a PTP edit; the code of an MUE. */
  codes: Array<Scalars['String']['output']>;
  /** Index of the encounter in the batch (0-based). */
  encounter: Scalars['Int']['output'];
  /** NCCI_PTP or MUE. */
  kind: CodingWarningKind;
  /** What the edit says, with the CMS rationale. */
  message: Scalars['String']['output'];
  /** Path of the line the warning is about, relative to the batch (encounters.0.cpt.1). */
  path: Scalars['String']['output'];
};

/** What a coding warning is about. */
export type CodingWarningKind =
  /** More units of a code than its CMS practitioner medically unlikely edit (MUE) allows. */
  | 'MUE'
  /** A column 1 / column 2 pair of a CMS NCCI procedure-to-procedure edit billed on the same date without a modifier that bypasses it. */
  | 'NCCI_PTP';

/** The engagement created when a provider accepts a bid. */
export type Contract = {
  __typename?: 'Contract';
  /** The Business Associate Agreement on the contract: required or not, who signed which version. */
  baa: BaaStatus;
  /** The coder doing the work. */
  coder: CoderProfile;
  /** The coding company the contract was made through (it bid for its member, and it is paid); null for a coder hired directly. */
  codingCompany?: Maybe<Organization>;
  /** When the bid was accepted. */
  createdAt: Scalars['DateTime']['output'];
  /** The posting's requirement groups that the coder's counting credentials no longer meet ('any of CPC, CCS-P' only once neither counts; apprentice designations where the posting accepts them), each with the credential that stopped counting (expired, AAPC membership lapsed, ...), computed now; empty when every group is met. The practice's managers are also notified once per lapse. */
  credentialAlerts: Array<CredentialAlert>;
  /** The contract's first `first` disputes, newest first, open and resolved: the admin's decision and where the held money went (both parties and admins). Kept as a plain list for compatibility; page with `disputesConnection`. */
  disputes: Array<Dispute>;
  /** The contract's disputes as a connection, newest first, open and resolved (both parties and admins). `disputes` stays a plain list for compatibility; page with this one. */
  disputesConnection: DisputeConnection;
  /** When either party ended it; null while it runs. */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable id of the contract. */
  id: Scalars['ID']['output'];
  /** The posting the contract came from. */
  jobPosting: JobPosting;
  /** Fixed-price milestones, oldest first. */
  milestones: Array<Milestone>;
  /** The practice paying. */
  organization: Organization;
  /** Why it is paused; null unless paused. */
  pauseReason?: Maybe<ContractPauseReason>;
  /** Since when the contract is PAUSED (kept while a dispute opened on a paused contract runs). */
  pausedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How the work is paid (from the accepted bid). */
  payModel: PayModel;
  /** Who is paid: the coding company for a contract made through one, otherwise the coder. */
  payee: Payee;
  /** PERCENT_OF_COLLECTIONS contracts: the share of reported collections in basis points; null otherwise. */
  percentOfCollectionsBps?: Maybe<Scalars['Int']['output']>;
  /** How the contract's work goes: on-time rate, turnaround, charts per week, audited accuracy (its parties). */
  performance: ContractPerformance;
  /** The record of the destruction of the contract's PHI after its retention period (its two parties; FORBIDDEN or NOT_FOUND to others); null while the PHI is kept. */
  phiDestruction?: Maybe<PhiDestruction>;
  /** Platform fee in basis points, frozen when the contract was made. */
  platformFeeBps: Scalars['Int']['output'];
  /** Cents per hour or per chart, or the total for FIXED_PRICE. */
  rateCents?: Maybe<Scalars['Int']['output']>;
  /** ACTIVE, PAUSED, ENDED or DISPUTED. */
  status: ContractStatus;
  /** HOURLY: the most hours the coder may log in one ISO week (Monday to Sunday, UTC), agreed in the bid or else the posting; null for the other pay models. */
  weeklyHourLimit?: Maybe<Scalars['Int']['output']>;
  /** Days of work logged, newest first. */
  workLogs: Array<WorkLog>;
};


/** The engagement created when a provider accepts a bid. */
export type ContractDisputesArgs = {
  first?: Scalars['Int']['input'];
};


/** The engagement created when a provider accepts a bid. */
export type ContractDisputesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The engagement created when a provider accepts a bid. */
export type ContractMilestonesArgs = {
  first?: Scalars['Int']['input'];
};


/** The engagement created when a provider accepts a bid. */
export type ContractWorkLogsArgs = {
  first?: Scalars['Int']['input'];
};

/** A page of Contract items (Relay connection: pass pageInfo.endCursor as `after` for the next page). */
export type ContractConnection = {
  __typename?: 'ContractConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<ContractEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one Contract. */
export type ContractEdge = {
  __typename?: 'ContractEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Contract itself. */
  node: Contract;
};

/** What a contract notification is about: the contract, and the milestone, invoice, dispute, batch, message, work request or credential of it that changed (null when the kind has none). */
export type ContractNotificationData = {
  __typename?: 'ContractNotificationData';
  /** The coded batch (BATCH_*). */
  batchId?: Maybe<Scalars['ID']['output']>;
  /** The accepted bid (BID_ACCEPTED, CONTRACT_STARTED). */
  bidId?: Maybe<Scalars['ID']['output']>;
  /** The contract concerned. */
  contractId?: Maybe<Scalars['ID']['output']>;
  /** The coder's credential that lapsed (CREDENTIAL_LAPSED). */
  credentialId?: Maybe<Scalars['ID']['output']>;
  /** The dispute (DISPUTE_*). */
  disputeId?: Maybe<Scalars['ID']['output']>;
  /** The invoice (INVOICE_*). */
  invoiceId?: Maybe<Scalars['ID']['output']>;
  /** The posting the contract came from (BID_ACCEPTED, CONTRACT_STARTED, CONTRACT_REASSIGNED). */
  jobPostingId?: Maybe<Scalars['ID']['output']>;
  /** The kind of the notification. */
  kind: NotificationKind;
  /** The message (MESSAGE_RECEIVED). */
  messageId?: Maybe<Scalars['ID']['output']>;
  /** The milestone (MILESTONE_*). */
  milestoneId?: Maybe<Scalars['ID']['output']>;
  /** The work request (WORK_REQUEST*). */
  workRequestId?: Maybe<Scalars['ID']['output']>;
};

/** PROVIDER: the practice paused the contract; PAYMENT_FAILED: an invoice could not be charged after every retry (paying it resumes the contract). */
export type ContractPauseReason =
  /** An invoice could not be charged after every retry; paying it resumes the contract. */
  | 'PAYMENT_FAILED'
  /** The practice paused it (pauseContract); it resumes it (resumeContract). */
  | 'PROVIDER';

/** How a contract's work goes, computed from its work requests and coded batches (both parties). A figure is null when there is no data for it yet. */
export type ContractPerformance = {
  __typename?: 'ContractPerformance';
  /** Audited accuracy of the contract's batches, 0..1 (1 - errors / sampled charts); null before the first audit. */
  auditedAccuracy?: Maybe<Scalars['Float']['output']>;
  /** Charts sampled by the audits behind auditedAccuracy. */
  auditedCharts: Scalars['Int']['output'];
  /** Accepted charts per week: encounters of batches accepted in the last 4 weeks (or since the contract started, if sooner, counted as at least one week), per week; null before any batch is accepted. */
  chartsPerWeek?: Maybe<Scalars['Float']['output']>;
  /** Completed requests. */
  completedRequests: Scalars['Int']['output'];
  /** Median hours from a request being made to its completion, over completed requests. */
  medianTurnaroundHours?: Maybe<Scalars['Float']['output']>;
  /** Completed requests completed by their due time, over completed plus open overdue requests, 0..1; cancelled requests do not count. */
  onTimeRate?: Maybe<Scalars['Float']['output']>;
  /** Completed requests completed by their due time. */
  onTimeRequests: Scalars['Int']['output'];
  /** Open requests past their due time. */
  overdueRequests: Scalars['Int']['output'];
};

/** ACTIVE while work runs; PAUSED (no work logged or submitted; see pauseReason); ENDED by either party; DISPUTED while an admin resolves a dispute (nothing held is released or charged). */
export type ContractStatus =
  /** Work runs: logs, batches, milestones and invoices. */
  | 'ACTIVE'
  /** An admin is resolving a dispute; nothing held is released or charged. */
  | 'DISPUTED'
  /** Ended by either party; money still held may be disputed. */
  | 'ENDED'
  /** No work is logged or submitted until it resumes (see pauseReason). */
  | 'PAUSED';

/** Coding work to post for a PROVIDER_PRACTICE the caller belongs to. The pay model decides which rate field is required. */
export type CreateJobPostingInput = {
  /** Accuracy target in basis points, 5000..10000 (9500 = 95%). */
  accuracyTargetBps: Scalars['Int']['input'];
  /** Whether an apprentice designation meets a requirement for the full credential (CPC-A for CPC, COC-A for COC). A full credential always meets a requirement naming the apprentice one. */
  apprenticesAccepted?: Scalars['Boolean']['input'];
  /** Total budget in cents (required for FIXED_PRICE), 100..100000000. */
  budgetCents?: InputMaybe<Scalars['Int']['input']>;
  /** Expected volume, 1..100000 charts a week. */
  chartsPerWeek?: InputMaybe<Scalars['Int']['input']>;
  /** At least one. */
  codeSets: Array<CodeSet>;
  /** Credential requirement groups, at most 5, none repeated: a bidder must meet every group, each with any one of its types ("any of CPC, CCS-P" and "CRC"). Give this or requiredCredentialTypes, not both. */
  credentialRequirements?: InputMaybe<Array<CredentialRequirementInput>>;
  /** What the work is. */
  description: Scalars['String']['input'];
  /** 1..260 weeks. */
  durationWeeks?: InputMaybe<Scalars['Int']['input']>;
  /** EHR the work is done in (normalized like coder EHR tags). */
  ehrSystem?: InputMaybe<Scalars['String']['input']>;
  /** The PROVIDER_PRACTICE posting the work (the caller must be a member). */
  organizationId: Scalars['ID']['input'];
  /** How the work is paid: the matching rate field is required. */
  payModel: PayModel;
  /** PERCENT_OF_COLLECTIONS: share of collections in basis points, 1..5000 (billing is commonly 400..900). */
  percentOfCollectionsBps?: InputMaybe<Scalars['Int']['input']>;
  /** Coders wanted, 1..50. */
  positions?: Scalars['Int']['input'];
  /** HOURLY: cents an hour; PER_CHART: cents a chart (100..100000). Required for those models, refused for others. */
  rateCents?: InputMaybe<Scalars['Int']['input']>;
  /** Credentials a bidder must hold, verified and unexpired: each type is a requirement group of its own. Give this or credentialRequirements, not both. */
  requiredCredentialTypes?: Array<CredentialType>;
  /** Kept for older clients. It cannot turn the BAA off: a signed Business Associate Agreement is required on every contract whose work type reads PHI (all of them today), whatever this says. */
  requiresBaa?: InputMaybe<Scalars['Boolean']['input']>;
  /** Where the care being coded took place. */
  setting: CareSetting;
  /** The clinical specialty of the charts. */
  specialty: Specialty;
  /** Not in the past. */
  startsOn?: InputMaybe<Scalars['Date']['input']>;
  /** The practice's IANA time zone (e.g. America/New_York), used to favour coders with overlapping hours. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** Short title shown in search (up to 200 characters). */
  title: Scalars['String']['input'];
  /** Turnaround per batch in hours, 1..720. */
  turnaroundHours: Scalars['Int']['input'];
  /** HOURLY only: the most hours a week the practice pays for, 1..168 (a bid may agree another; 40 when neither names one). Work logged beyond it in an ISO week is refused. */
  weeklyHourLimit?: InputMaybe<Scalars['Int']['input']>;
  /** Kind of work. */
  workType: WorkType;
};

/** A fixed-price milestone to add to a contract. */
export type CreateMilestoneInput = {
  /** Cents, 100..1000000000 (at most $10M per milestone). */
  amountCents: Scalars['Int']['input'];
  /** Due date (YYYY-MM-DD); optional. */
  dueOn?: InputMaybe<Scalars['Date']['input']>;
  /** What the milestone delivers. */
  title: Scalars['String']['input'];
};

/** A new practice or coding company; the caller becomes its OWNER. */
export type CreateOrganizationInput = {
  /** PROVIDER_PRACTICE is created by a PROVIDER user, CODING_COMPANY by a CODER. */
  kind: OrganizationKind;
  /** Display name. */
  name: Scalars['String']['input'];
  /** The practice's 10-digit National Provider Identifier (Luhn check digit with prefix 80840). Practices only. */
  npi?: InputMaybe<Scalars['String']['input']>;
};

/** What the practice asks of its coder: charts by a due time. */
export type CreateWorkRequestInput = {
  /** How many charts, 1..5000. */
  chartCount: Scalars['Int']['input'];
  /** When the charts are due: in the future, at most a year ahead. */
  dueAt: Scalars['DateTime']['input'];
  /** NORMAL unless given. */
  priority?: WorkRequestPriority;
  /** What the work is, 1..200 characters (no PHI: name the batch, not the patients). */
  title: Scalars['String']['input'];
};

/** A certification held by a coder. */
export type Credential = {
  __typename?: 'Credential';
  /** Whether it counts now (directory, matching, bids, contracts): VERIFIED, before expiresOn, and for AAPC before membershipExpiresOn. */
  active: Scalars['Boolean']['output'];
  /** True for the apprentice designations CPC_A and COC_A (requestApprenticeConversion removes the "A"). */
  apprentice: Scalars['Boolean']['output'];
  /** Whose credential it is. */
  coder: User;
  /** The holder's coder profile (headline, specialties, rates), as the admin review queue shows it; null before the coder wrote one, and for a profile held by exclusion screening unless the viewer is its coder or an admin. */
  coderProfile?: Maybe<CoderProfile>;
  /** When the coder added it. */
  createdAt: Scalars['DateTime']['output'];
  /** The certificate on file: only for its holder and admins. */
  evidence?: Maybe<CredentialDocument>;
  /** End of the current CEU cycle. */
  expiresOn?: Maybe<Scalars['Date']['output']>;
  /** Stable id of the credential. */
  id: Scalars['ID']['output'];
  /** Why it does not count; null while active. */
  inactiveReason?: Maybe<CredentialInactiveReason>;
  /** Date the issuer granted it (YYYY-MM-DD). */
  issuedOn: Scalars['Date']['output'];
  /** Display name, e.g. "CPC-A (apprentice)". */
  label: Scalars['String']['output'];
  /** End of the yearly AAPC membership (AAPC credentials). */
  membershipExpiresOn?: Maybe<Scalars['Date']['output']>;
  /** Certificate number: only for its holder and admins. */
  number?: Maybe<Scalars['String']['output']>;
  /** The renewal or conversion under review: only for its holder and admins. */
  pendingChange?: Maybe<CredentialChange>;
  /** The reviewer's note: only for its holder and admins. */
  reviewNote?: Maybe<Scalars['String']['output']>;
  /** When an admin verified or rejected it; null while pending. */
  reviewedAt?: Maybe<Scalars['DateTime']['output']>;
  /** PENDING, VERIFIED, REJECTED or EXPIRED. */
  status: CredentialStatus;
  /** Which certification it is. */
  type: CredentialType;
};

/** A requirement group of the contract's posting that no counting credential of the coder meets any more (computed now, from the dates), with the credential that stopped counting. */
export type CredentialAlert = {
  __typename?: 'CredentialAlert';
  /** The coder's credential that no longer counts, if any. */
  credentialId?: Maybe<Scalars['ID']['output']>;
  /** The coder's credential type that no longer counts toward the requirement (e.g. CPC_A where the posting accepts apprentices). */
  credentialType: CredentialType;
  /** Display name, e.g. "CPC". */
  label: Scalars['String']['output'];
  /** Why it does not count: EXPIRED, MEMBERSHIP_LAPSED, PENDING_REVIEW (sent back to review), REJECTED, DATES_MISSING. */
  reason: CredentialInactiveReason;
  /** The requirement no longer met, as the posting's credentialRequirements label it: "CPC", "any of CPC, CCS-P". */
  requirement: Scalars['String']['output'];
  /** The first day it no longer counted (EXPIRED, MEMBERSHIP_LAPSED). */
  since?: Maybe<Scalars['Date']['output']>;
};

/** A renewal or apprentice conversion of a verified credential, with its review. */
export type CredentialChange = {
  __typename?: 'CredentialChange';
  /** When the coder submitted it. */
  createdAt: Scalars['DateTime']['output'];
  /** The credential it changes (with its holder). */
  credential: Credential;
  /** The evidence submitted with it. */
  evidence: CredentialDocument;
  /** RENEWAL: the new end of the CEU cycle (null: unchanged). */
  expiresOn?: Maybe<Scalars['Date']['output']>;
  /** The id reviewCredentialChange takes. */
  id: Scalars['ID']['output'];
  /** Renewal or apprentice conversion. */
  kind: CredentialChangeKind;
  /** RENEWAL: the new end of the AAPC membership (null: unchanged). */
  membershipExpiresOn?: Maybe<Scalars['Date']['output']>;
  /** The coder's note. */
  note?: Maybe<Scalars['String']['output']>;
  /** The reviewer's note. */
  reviewNote?: Maybe<Scalars['String']['output']>;
  /** When an admin reviewed it. */
  reviewedAt?: Maybe<Scalars['DateTime']['output']>;
  /** PENDING under review, then APPROVED or REJECTED. */
  status: CredentialChangeStatus;
  /** APPRENTICE_CONVERSION: the full designation. */
  toType?: Maybe<CredentialType>;
};

/** A page of CredentialChange items (Relay connection: pass pageInfo.endCursor as `after` for the next page). */
export type CredentialChangeConnection = {
  __typename?: 'CredentialChangeConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<CredentialChangeEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one CredentialChange. */
export type CredentialChangeEdge = {
  __typename?: 'CredentialChangeEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The CredentialChange itself. */
  node: CredentialChange;
};

/** RENEWAL: new cycle and/or membership dates. APPRENTICE_CONVERSION: the "A" comes off (CPC_A -> CPC, COC_A -> COC). */
export type CredentialChangeKind =
  /** The "A" comes off (CPC_A -> CPC, COC_A -> COC). */
  | 'APPRENTICE_CONVERSION'
  /** New CEU cycle and/or membership dates. */
  | 'RENEWAL';

/** PENDING while an admin reviews it (a renewal under review is what the issue calls RENEWAL_PENDING); APPROVED (in effect) or REJECTED (the credential stays as it was). */
export type CredentialChangeStatus =
  /** In effect: the new dates or designation apply. */
  | 'APPROVED'
  /** An admin is reviewing it. */
  | 'PENDING'
  /** Refused: the credential stays as it was. */
  | 'REJECTED';

/** A page of Credential items (Relay connection: pass pageInfo.endCursor as `after` for the next page). */
export type CredentialConnection = {
  __typename?: 'CredentialConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<CredentialEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** A certificate a coder uploaded (encrypted at rest); downloaded with GET /credential-documents/:id by its coder and ADMINs. */
export type CredentialDocument = {
  __typename?: 'CredentialDocument';
  /** Recognised from the first bytes: PDF, TIFF, PNG, JPEG, text or CSV. */
  contentType: Scalars['String']['output'];
  /** When it was uploaded. */
  createdAt: Scalars['DateTime']['output'];
  /** The uploaded file name, reduced to a safe last segment. */
  filename: Scalars['String']['output'];
  /** The id to pass as evidenceDocumentId. */
  id: Scalars['ID']['output'];
  /** Size of the plaintext in bytes. */
  sizeBytes: Scalars['Int']['output'];
};

/** An edge holding one Credential. */
export type CredentialEdge = {
  __typename?: 'CredentialEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Credential itself. */
  node: Credential;
};

/** Why a credential does not count: PENDING_REVIEW (not verified yet), REJECTED, EXPIRED (past expiresOn), MEMBERSHIP_LAPSED (AAPC membership past membershipExpiresOn), DATES_MISSING (an AAPC or AHIMA credential on file from before expiry dates were required: the holder must add them). */
export type CredentialInactiveReason =
  /** On file from before expiry dates were required: the holder must add them. */
  | 'DATES_MISSING'
  /** Past expiresOn. */
  | 'EXPIRED'
  /** AAPC membership past membershipExpiresOn. */
  | 'MEMBERSHIP_LAPSED'
  /** Not verified yet. */
  | 'PENDING_REVIEW'
  /** An admin rejected it. */
  | 'REJECTED';

/** Who issues a credential and runs its CEU cycle: AAPC or AHIMA. */
export type CredentialIssuer =
  /** American Academy of Professional Coders (CPC, COC, specialty credentials...). */
  | 'AAPC'
  /** American Health Information Management Association (CCA, CCS, RHIT...). */
  | 'AHIMA';

/** What a credential notification is about (CREDENTIAL_REVIEWED, CREDENTIAL_EXPIRING, CREDENTIAL_CHANGE_REVIEWED): one of the coder's credentials. */
export type CredentialNotificationData = {
  __typename?: 'CredentialNotificationData';
  /** The renewal or conversion reviewed (CREDENTIAL_CHANGE_REVIEWED). */
  changeId?: Maybe<Scalars['ID']['output']>;
  /** The credential concerned. */
  credentialId?: Maybe<Scalars['ID']['output']>;
  /** The kind of the notification. */
  kind: NotificationKind;
};

/** One credential requirement group of a posting: a bidder needs any one of its types, verified and unexpired. */
export type CredentialRequirement = {
  __typename?: 'CredentialRequirement';
  /** The types that meet the group (as the practice wrote them). */
  anyOf: Array<CredentialType>;
  /** How matching and bid errors name the group: "CPC", or "any of CPC, CCS-P". */
  label: Scalars['String']['output'];
};

/** One credential requirement group ("any of CPC, CCS-P"): a coder meets it with any one of its types, verified and unexpired. */
export type CredentialRequirementInput = {
  /** 1..6 credential types, none repeated; any one of them meets the group. */
  anyOf: Array<CredentialType>;
};

/** PENDING until staff check it with the issuer; VERIFIED or REJECTED after; a verified credential past expiresOn reads EXPIRED. A VERIFIED credential counts only while `active` (AAPC membership kept, dates on file). */
export type CredentialStatus =
  /** A verified credential past expiresOn. */
  | 'EXPIRED'
  /** Waiting for an admin to check it with the issuer. */
  | 'PENDING'
  /** An admin could not confirm it. */
  | 'REJECTED'
  /** Checked with the issuer; counts while `active`. */
  | 'VERIFIED';

/** AAPC (CPC, CPC_A apprentice, COC, COC_A apprentice, CIC, specialty credentials...) and AHIMA (CCA, CCS, RHIT...) certifications. */
export type CredentialType =
  /** AAPC Certified Anesthesia and Pain Management Coder. */
  | 'CANPC'
  /** AAPC Certified Ambulatory Surgery Center Coder. */
  | 'CASCC'
  /** AHIMA Certified Coding Associate. */
  | 'CCA'
  /** AAPC Certified Cardiology Coder. */
  | 'CCC'
  /** AHIMA Certified Coding Specialist (facility). */
  | 'CCS'
  /** AHIMA Certified Coding Specialist, physician-based. */
  | 'CCS_P'
  /** AAPC Certified Documentation Expert Outpatient. */
  | 'CDEO'
  /** AHIMA Certified Documentation Integrity Practitioner. */
  | 'CDIP'
  /** AAPC Certified Emergency Department Coder. */
  | 'CEDC'
  /** AAPC Certified Evaluation and Management Coder. */
  | 'CEMC'
  /** AAPC Certified Family Practice Coder. */
  | 'CFPC'
  /** AAPC Certified General Surgery Coder. */
  | 'CGSC'
  /** AHIMA Certified Health Data Analyst. */
  | 'CHDA'
  /** AAPC Certified Hematology and Oncology Coder. */
  | 'CHONC'
  /** AHIMA Certified in Healthcare Privacy and Security. */
  | 'CHPS'
  /** AAPC Certified Inpatient Coder. */
  | 'CIC'
  /** AAPC Certified Interventional Radiology Cardiovascular Coder. */
  | 'CIRCC'
  /** AAPC Certified Obstetrics Gynecology Coder. */
  | 'COBGC'
  /** AAPC Certified Outpatient Coder (facility). */
  | 'COC'
  /** COC apprentice. */
  | 'COC_A'
  /** AAPC Certified Orthopaedic Surgery Coder. */
  | 'COSC'
  /** AAPC Certified Professional Biller. */
  | 'CPB'
  /** AAPC Certified Professional Coder (physician office). */
  | 'CPC'
  /** AAPC Certified Professional Compliance Officer. */
  | 'CPCO'
  /** CPC apprentice: passed the exam, experience still to show. */
  | 'CPC_A'
  /** AAPC Certified Professional Coder, payer. */
  | 'CPC_P'
  /** AAPC Certified Pediatrics Coder. */
  | 'CPEDC'
  /** AAPC Certified Professional Medical Auditor. */
  | 'CPMA'
  /** AAPC Certified Physician Practice Manager. */
  | 'CPPM'
  /** AAPC Certified Risk Adjustment Coder. */
  | 'CRC'
  /** AAPC Certified Urology Coder. */
  | 'CUC'
  /** AHIMA Registered Health Information Administrator. */
  | 'RHIA'
  /** AHIMA Registered Health Information Technician. */
  | 'RHIT';

/** A dispute over a contract; escrow stays frozen until an admin resolves it. Both parties see it, with the admin's decision and the amounts. */
export type Dispute = {
  __typename?: 'Dispute';
  /** What went to the coder, before the platform fee (for invoices: what is charged of them). */
  coderCents?: Maybe<Scalars['SafeInt']['output']>;
  /** When it was opened. */
  createdAt: Scalars['DateTime']['output'];
  /** What the dispute held when it was resolved (everything the resolution settled): the escrow on milestones, or the invoices it covered (not charged yet). */
  heldCents?: Maybe<Scalars['SafeInt']['output']>;
  /** Stable id of the dispute. */
  id: Scalars['ID']['output'];
  /** Who opened it: provider (the practice) or coder (the coder, or the coding company for its coder). */
  openedBySide: Scalars['String']['output'];
  /** The admin's decision; null while OPEN. */
  outcome?: Maybe<DisputeOutcome>;
  /** What went back to the practice (refunded, or for invoices never charged): heldCents - coderCents. */
  practiceCents?: Maybe<Scalars['SafeInt']['output']>;
  /** Why the opening party disputes (visible to both sides and admins). */
  reason: Scalars['String']['output'];
  /** The admin's explanation of the decision. */
  resolutionNote?: Maybe<Scalars['String']['output']>;
  /** When an admin resolved it; null while OPEN. */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** OPEN until an admin resolves it. */
  status: DisputeStatus;
};

/** A page of disputes (`openDisputes`, `Contract.disputesConnection`). */
export type DisputeConnection = {
  __typename?: 'DisputeConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<DisputeEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one Dispute. */
export type DisputeEdge = {
  __typename?: 'DisputeEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Dispute itself. */
  node: Dispute;
};

/** RELEASE: all held escrow to the coder; REFUND: all back to the practice; SPLIT: coderCents to the coder, the rest refunded. */
export type DisputeOutcome =
  /** All held escrow back to the practice. */
  | 'REFUND'
  /** All held escrow to the payee. */
  | 'RELEASE'
  /** coderCents to the payee, the rest back to the practice. */
  | 'SPLIT';

/** OPEN until an admin resolves it. */
export type DisputeStatus =
  /** Waiting for an admin; the money it holds stays in escrow. */
  | 'OPEN'
  /** An admin decided the outcome. */
  | 'RESOLVED';

/** A PHI document on a contract (metadata; the content is downloaded from GET /documents/:id). */
export type Document = {
  __typename?: 'Document';
  /** Recognised from the first bytes (PDF, TIFF, PNG, JPEG, text or CSV). */
  contentType: Scalars['String']['output'];
  /** When it was uploaded. */
  createdAt: Scalars['DateTime']['output'];
  /** The uploaded file name, reduced to a safe last segment. */
  filename: Scalars['String']['output'];
  /** The id for GET /documents/:id. */
  id: Scalars['ID']['output'];
  /** Size of the plaintext in bytes. */
  sizeBytes: Scalars['Int']['output'];
};

/** A page of a contract's documents (`documentsConnection`). */
export type DocumentConnection = {
  __typename?: 'DocumentConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<DocumentEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one Document. */
export type DocumentEdge = {
  __typename?: 'DocumentEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Document itself. */
  node: Document;
};

/** A payee's money, derived from the ledger: a coder's own, or a coding company's. */
export type Earnings = {
  __typename?: 'Earnings';
  /** Released to you, waiting to be transferred (e.g. until payout onboarding is complete). */
  availableCents: Scalars['SafeInt']['output'];
  /** Transferred to your Stripe account. */
  paidOutCents: Scalars['SafeInt']['output'];
  /** Funded into escrow on the contracts paying you, not yet released (net of the platform fee). */
  pendingCents: Scalars['SafeInt']['output'];
};

/** An encounter's claim data as the practice supplied it (PHI: the practice only; every read is audited). */
export type EncounterClaimData = {
  __typename?: 'EncounterClaimData';
  /** The encounter. */
  chartRef: Scalars['String']['output'];
  /** Claim filing indicator (SBR09). */
  claimFilingIndicator: Scalars['String']['output'];
  /** Charge per CPT line, cents. */
  cptChargeCents: Array<Scalars['Int']['output']>;
  /** Group number. */
  groupNumber?: Maybe<Scalars['String']['output']>;
  /** Charge per HCPCS line, cents. */
  hcpcsChargeCents: Array<Scalars['Int']['output']>;
  /** Member ID. */
  memberId: Scalars['String']['output'];
  /** The patient. */
  patient: ClaimPerson;
  /** Patient account number (CLM01). */
  patientAccountNumber: Scalars['String']['output'];
  /** Payer ID. */
  payerId: Scalars['String']['output'];
  /** Payer name. */
  payerName: Scalars['String']['output'];
  /** The patient's relationship to the subscriber. */
  relationship: SubscriberRelationship;
  /** The rendering provider, when given. */
  renderingProvider?: Maybe<RenderingProvider>;
  /** The subscriber when not the patient. */
  subscriber?: Maybe<ClaimPerson>;
};

/** What an encounter's claim needs besides its codes: patient, subscriber, payer, account number and charges. PHI: stored encrypted, never logged. */
export type EncounterClaimDataInput = {
  /** The encounter of the batch this data is for. */
  chartRef: Scalars['String']['input'];
  /** Claim filing indicator (SBR09): CI commercial, MB Medicare Part B, MC Medicaid, BL Blue Cross/Blue Shield, HM HMO, ... (the 005010X222A1 code list). */
  claimFilingIndicator: Scalars['String']['input'];
  /** Charge per CPT line in cents, in the encounter's order; one per line when given, empty for 0.00 on every line (ChartBridge keeps no fee schedule). */
  cptChargeCents?: Array<Scalars['Int']['input']>;
  /** Group or policy number, up to 50 letters, digits or dashes. */
  groupNumber?: InputMaybe<Scalars['String']['input']>;
  /** Charge per HCPCS line in cents, in the encounter's order; one per line when given, empty for 0.00. */
  hcpcsChargeCents?: Array<Scalars['Int']['input']>;
  /** The subscriber's member ID on the insurance card, 2..50 letters, digits or dashes. */
  memberId: Scalars['String']['input'];
  /** The patient. */
  patient: ClaimPersonInput;
  /** Patient account number (CLM01), 1..20 letters, digits or dashes. Left out: an opaque reference issued once per encounter (never the chart reference). */
  patientAccountNumber?: InputMaybe<Scalars['String']['input']>;
  /** The payer's ID at your clearinghouse, 2..80 letters or digits. */
  payerId: Scalars['String']['input'];
  /** Payer name (loop 2010BB). */
  payerName: Scalars['String']['input'];
  /** The patient's relationship to the subscriber. */
  relationship: SubscriberRelationship;
  /** The rendering provider, when the encounter names a renderingNpi other than the billing NPI. */
  renderingProvider?: InputMaybe<RenderingProviderInput>;
  /** The subscriber: required unless relationship is SELF, refused when it is. */
  subscriber?: InputMaybe<ClaimPersonInput>;
};

/** Whether an encounter of a batch has its claim data (the practice's view; no PHI). */
export type EncounterClaimDataStatus = {
  __typename?: 'EncounterClaimDataStatus';
  /** The encounter. */
  chartRef: Scalars['String']['output'];
  /** true once the practice supplied the claim data. */
  supplied: Scalars['Boolean']['output'];
  /** When it was last set; null while missing. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of a batch's encounters and whether each has its claim data (`encounterClaimDataStatus`). */
export type EncounterClaimDataStatusConnection = {
  __typename?: 'EncounterClaimDataStatusConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<EncounterClaimDataStatusEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one EncounterClaimDataStatus. */
export type EncounterClaimDataStatusEdge = {
  __typename?: 'EncounterClaimDataStatusEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The EncounterClaimDataStatus itself. */
  node: EncounterClaimDataStatus;
};

/** A comment of the practice on one chart of a returned batch. */
export type EncounterComment = {
  __typename?: 'EncounterComment';
  /** The chart the comment is about (the encounter's chartRef). */
  chartRef: Scalars['String']['output'];
  /** What the practice wants changed. */
  comment: Scalars['String']['output'];
};

/** A comment on one chart of a batch being returned. */
export type EncounterCommentInput = {
  /** The chartRef of an encounter in the batch. */
  chartRef: Scalars['String']['input'];
  /** What should change in it. */
  comment: Scalars['String']['input'];
};

/** How the coder's first name matched the entry's. */
export type FirstNameComparison =
  /** The whole first-name field. */
  | 'EXACT'
  /** Its first word (middle names or initials aside). */
  | 'FIRST_WORD'
  /** Weaker: the coder's first word is the initial of the entry's first name (counted only with the last name and the birth date or the state). */
  | 'INITIAL'
  /** Weaker: the coder's first word is the entry's middle name (counted only with the last name and the birth date or the state). */
  | 'MIDDLE_NAME'
  /** Weaker: the coder's first word starts with the entry's first name run together with more, e.g. JohnRobert (counted only with the last name and the birth date or the state). */
  | 'RUN_TOGETHER';

/** What the provider needs to pay a milestone into escrow (Stripe.js confirms the payment with clientSecret). */
export type FundingIntent = {
  __typename?: 'FundingIntent';
  /** Stripe PaymentIntent client secret for Stripe.js to confirm the payment; a simulated value without Stripe. */
  clientSecret: Scalars['String']['output'];
  /** The milestone being funded. */
  milestoneId: Scalars['ID']['output'];
  /** The milestone's status: FUNDING until Stripe reports the payment succeeded, then FUNDED. */
  status: MilestoneStatus;
};

/** A provider asking a coder to bid. */
export type Invitation = {
  __typename?: 'Invitation';
  /** The invited coder's profile. */
  coder: CoderProfile;
  /** When it was sent. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable id of the invitation. */
  id: Scalars['ID']['output'];
  /** The posting the coder is invited to bid on. */
  jobPosting: JobPosting;
  /** The practice's note to the coder; null when none. */
  message?: Maybe<Scalars['String']['output']>;
  /** When the coder bid or declined; null while pending. */
  respondedAt?: Maybe<Scalars['DateTime']['output']>;
  /** PENDING, ACCEPTED (the coder bid) or DECLINED. */
  status: InvitationStatus;
};

/** A page of Invitation items (Relay connection: pass pageInfo.endCursor as `after` for the next page). */
export type InvitationConnection = {
  __typename?: 'InvitationConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<InvitationEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one Invitation. */
export type InvitationEdge = {
  __typename?: 'InvitationEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Invitation itself. */
  node: Invitation;
};

/** PENDING; ACCEPTED once the coder bids; DECLINED by the coder. */
export type InvitationStatus =
  /** The coder bid on the posting. */
  | 'ACCEPTED'
  /** The coder declined. */
  | 'DECLINED'
  /** Waiting for the coder. */
  | 'PENDING';

/** A charge to the practice: issued IN_REVIEW with its lines, charged after dueAt unless disputed, paid into escrow and released to the coder. */
export type Invoice = {
  __typename?: 'Invoice';
  /** Total charged to the practice, in US cents (the platform fee comes out of it). */
  amountCents: Scalars['SafeInt']['output'];
  /** Charges tried so far. */
  chargeAttempts: Scalars['Int']['output'];
  /** When it was issued. */
  createdAt: Scalars['DateTime']['output'];
  /** End of the review window: the practice may dispute the invoice until then; it is charged after it. */
  dueAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable id of the invoice. */
  id: Scalars['ID']['output'];
  /** WORK (logged hours or charts) or COLLECTIONS (a share of collections). */
  kind: InvoiceKind;
  /** What the invoice bills: days and minutes (HOURLY) or accepted coded batches and their charts (PER_CHART); none for COLLECTIONS. */
  lines: Array<InvoiceLine>;
  /** FAILED: when the charge is tried again (null once every retry is spent: the contract is then paused). */
  nextChargeAt?: Maybe<Scalars['DateTime']['output']>;
  /** Last day the invoice covers (YYYY-MM-DD, UTC). */
  periodEnd: Scalars['Date']['output'];
  /** First day the invoice covers (YYYY-MM-DD, UTC). */
  periodStart: Scalars['Date']['output'];
  /** Minutes or charts (WORK), or cents collected (COLLECTIONS). */
  quantity: Scalars['Int']['output'];
  /** When the paid money may be released to the payee (unless the contract is in dispute); null before it is paid. */
  releaseAfter?: Maybe<Scalars['DateTime']['output']>;
  /** Where the invoice stands in review, charge and payout. */
  status: InvoiceStatus;
};

/** A page of a contract's invoices (`invoicesConnection`). */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<InvoiceEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one Invoice. */
export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Invoice itself. */
  node: Invoice;
};

/** WORK: hours or charts logged in a week; COLLECTIONS: a share of reported collections. */
export type InvoiceKind =
  /** A share of the collections the practice reported. */
  | 'COLLECTIONS'
  /** Hours or charts logged in one week. */
  | 'WORK';

/** What a work invoice bills: a day of logged minutes (HOURLY), or an accepted coded batch and its encounters (PER_CHART). */
export type InvoiceLine = {
  __typename?: 'InvoiceLine';
  /** The batch's encounters (charts). */
  charts?: Maybe<Scalars['Int']['output']>;
  /** The accepted coded batch billed (PER_CHART); each batch is billed once. */
  codedBatchId?: Maybe<Scalars['ID']['output']>;
  /** Minutes of the work log (HOURLY); null for charts. */
  minutes?: Maybe<Scalars['Int']['output']>;
  /** The day worked (HOURLY). */
  workedOn?: Maybe<Scalars['Date']['output']>;
};

/** IN_REVIEW (the practice may dispute it until dueAt) -> OPEN (being charged) -> PAID (in escrow) -> RELEASED (to the coder); OPEN -> FAILED (declined; retried) -> OPEN; VOID: settled by a dispute, never charged. */
export type InvoiceStatus =
  /** The charge was declined: tried again on the retry schedule, or at once when the practice saves a new card. */
  | 'FAILED'
  /** Issued: the practice may review or dispute it until dueAt, when it is charged. */
  | 'IN_REVIEW'
  /** Being charged to the practice's saved payment method (waits for one to be saved). */
  | 'OPEN'
  /** Paid into escrow; released to the payee unless the contract is in dispute. */
  | 'PAID'
  /** Paid out to the payee, minus the platform fee. */
  | 'RELEASED'
  /** Settled by a dispute before it was charged: never charged. */
  | 'VOID';

/** A posting recommended to a coder, with the score and the reasons behind it. */
export type JobMatch = {
  __typename?: 'JobMatch';
  /** The recommended posting. */
  job: JobPosting;
  /** Why it fits, in words for the coder (e.g. "holds the required CPC"). */
  reasons: Array<Scalars['String']['output']>;
  /** How well it fits, 0..1 (1 is best). */
  score: Scalars['Float']['output'];
};

/** What a job, bid or invitation notification is about (JOB_INVITATION, BID_RECEIVED, BID_REJECTED, BID_WITHDRAWN, BID_DECLINED, INVITATION_DECLINED). */
export type JobNotificationData = {
  __typename?: 'JobNotificationData';
  /** The bid concerned; null for invitations. */
  bidId?: Maybe<Scalars['ID']['output']>;
  /** The invitation concerned; null for bids. */
  invitationId?: Maybe<Scalars['ID']['output']>;
  /** The posting concerned. */
  jobPostingId?: Maybe<Scalars['ID']['output']>;
  /** The kind of the notification. */
  kind: NotificationKind;
};

/** Coding work posted by a provider practice. */
export type JobPosting = {
  __typename?: 'JobPosting';
  /** Basis points: 9500 = 95%. */
  accuracyTargetBps: Scalars['Int']['output'];
  /** Whether an apprentice designation meets a requirement for the full credential (CPC-A for CPC). */
  apprenticesAccepted: Scalars['Boolean']['output'];
  /** Bids, newest first: members of the posting's organization only (null with a NOT_FOUND error for others). */
  bids?: Maybe<BidConnection>;
  /** FIXED_PRICE: the budget in US cents; null for other pay models. */
  budgetCents?: Maybe<Scalars['Int']['output']>;
  /** Expected charts per week; null when not given. */
  chartsPerWeek?: Maybe<Scalars['Int']['output']>;
  /** When the practice closed it; null otherwise. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Code sets the work uses. */
  codeSets: Array<CodeSet>;
  /** When it was posted. */
  createdAt: Scalars['DateTime']['output'];
  /** Every credential requirement group a bidder must meet (the groups of one type first, then the "any of" groups); empty when the posting requires none. */
  credentialRequirements: Array<CredentialRequirement>;
  /** What the work is, in the practice's words. */
  description: Scalars['String']['output'];
  /** Expected length in weeks; null when open-ended. */
  durationWeeks?: Maybe<Scalars['Int']['output']>;
  /** EHR the coder works in, normalized; null when not given. */
  ehrSystem?: Maybe<Scalars['String']['output']>;
  /** Stable id of the posting. */
  id: Scalars['ID']['output'];
  /** Invitations sent: members of the posting's organization only. */
  invitations?: Maybe<InvitationConnection>;
  /** The practice that posted the work. */
  organization: Organization;
  /** How the work is paid. */
  payModel: PayModel;
  /** PERCENT_OF_COLLECTIONS: the share in basis points (1000 = 10%); null otherwise. */
  percentOfCollectionsBps?: Maybe<Scalars['Int']['output']>;
  /** How many coders the practice hires for it. */
  positions: Scalars['Int']['output'];
  /** How many positions have a contract; FILLED when it reaches positions. */
  positionsFilled: Scalars['Int']['output'];
  /** HOURLY / PER_CHART: the rate in US cents; null for other pay models. */
  rateCents?: Maybe<Scalars['Int']['output']>;
  /** The credential types every bidder must hold (the requirement groups of one type). Groups of several types ("any of") are in credentialRequirements only. */
  requiredCredentialTypes: Array<CredentialType>;
  /** Whether the work reads PHI, so that a signed Business Associate Agreement is required on its contracts: decided by the work type (true for every work type today). */
  requiresBaa: Scalars['Boolean']['output'];
  /** Where the care being coded took place. */
  setting: CareSetting;
  /** The clinical specialty of the charts. */
  specialty: Specialty;
  /** When the work starts (YYYY-MM-DD); null when open. */
  startsOn?: Maybe<Scalars['Date']['output']>;
  /** OPEN, FILLED or CLOSED. */
  status: JobPostingStatus;
  /** IANA time zone of the practice. */
  timezone?: Maybe<Scalars['String']['output']>;
  /** Short title shown in search. */
  title: Scalars['String']['output'];
  /** The turnaround the practice expects, in hours. */
  turnaroundHours: Scalars['Int']['output'];
  /** HOURLY: the most hours a week the practice pays for. */
  weeklyHourLimit?: Maybe<Scalars['Int']['output']>;
  /** Kind of work. */
  workType: WorkType;
};


/** Coding work posted by a provider practice. */
export type JobPostingBidsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Coding work posted by a provider practice. */
export type JobPostingInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of JobPosting items (Relay connection: pass pageInfo.endCursor as `after` for the next page). */
export type JobPostingConnection = {
  __typename?: 'JobPostingConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<JobPostingEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one JobPosting. */
export type JobPostingEdge = {
  __typename?: 'JobPostingEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The JobPosting itself. */
  node: JobPosting;
};

/** Job search filters; all given filters must hold. */
export type JobPostingFilterInput = {
  /** Postings using any of these code sets. */
  codeSets?: InputMaybe<Array<CodeSet>>;
  /** Postings paid in any of these ways. */
  payModels?: InputMaybe<Array<PayModel>>;
  /** Postings in any of these care settings. */
  settings?: InputMaybe<Array<CareSetting>>;
  /** Any of these specialties. */
  specialties?: InputMaybe<Array<Specialty>>;
  /** Defaults to OPEN. */
  status?: InputMaybe<JobPostingStatus>;
  /** Free text over title, description, specialty and EHR, ranked. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Only postings of practices an admin verified (`Organization.verified`). */
  verifiedOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Postings of any of these kinds of work. */
  workTypes?: InputMaybe<Array<WorkType>>;
};

/** RELEVANCE: best text match first, ranked among the 300 newest matches (pages end there; newest first when there is no text). NEWEST: newest first. */
export type JobPostingSort =
  /** Newest first, through every match. */
  | 'NEWEST'
  /** Best text match first among the 300 newest matches; newest first without text. */
  | 'RELEVANCE';

/** OPEN for bids; FILLED when every position has a contract; CLOSED by the provider. */
export type JobPostingStatus =
  /** Closed by the practice; no more bids. */
  | 'CLOSED'
  /** Every position has a contract; no more bids. */
  | 'FILLED'
  /** Taking bids. */
  | 'OPEN';

/** How the coder's last name matched the entry's. */
export type LastNameComparison =
  /** The whole last name. */
  | 'EXACT'
  /** One part of a compound (hyphenated or spaced) last name. */
  | 'PART';

/** The LEIE row a coder matched, as it was when matched. */
export type LeieEntrySnapshot = {
  __typename?: 'LeieEntrySnapshot';
  /** BUSNAME (entities). */
  businessName: Scalars['String']['output'];
  /** DOB. */
  dateOfBirth?: Maybe<Scalars['Date']['output']>;
  /** EXCLDATE. */
  excludedOn?: Maybe<Scalars['Date']['output']>;
  /** EXCLTYPE: the authority excluding (e.g. 1128a1). */
  exclusionType: Scalars['String']['output'];
  /** FIRSTNAME. */
  firstName: Scalars['String']['output'];
  /** GENERAL: the general category (e.g. NURSING PROFESSION). */
  general: Scalars['String']['output'];
  /** LASTNAME. */
  lastName: Scalars['String']['output'];
  /** MIDNAME. */
  middleName: Scalars['String']['output'];
  /** NPI; null when the file has none. */
  npi?: Maybe<Scalars['String']['output']>;
  /** REINDATE (a date to come: the exclusion is still in force). */
  reinstatedOn?: Maybe<Scalars['Date']['output']>;
  /** SPECIALTY. */
  specialty: Scalars['String']['output'];
  /** STATE. */
  state?: Maybe<Scalars['String']['output']>;
  /** WAIVERDATE: a waiver (for one state program) does not lift the hold; the admin decides. */
  waiverOn?: Maybe<Scalars['Date']['output']>;
};

/** How the coder matched the LEIE entry, strongest first. NPI: the same NPI, whatever the name. NAME_AND_DOB: a name of the coder matches and so does the birth date. NAME_AND_STATE: a name and the state. NAME_ONLY: a name matches and no other detail agrees (missing on one side, or different: see differingDetails). Details the coder typed never clear a name match. */
export type LeieMatchKind =
  /** A name of the coder matches, and so does the birth date. */
  | 'NAME_AND_DOB'
  /** A name of the coder matches, and so does the state. */
  | 'NAME_AND_STATE'
  /** A name matches and no other detail agrees (missing on one side, or different: see differingDetails). */
  | 'NAME_ONLY'
  /** The same NPI, whatever the name. */
  | 'NPI';

/** A continuing-education activity completed in the current CEU cycle of one of your issuers. */
export type LogCeuInput = {
  /** The issuer's approval printed on the certificate (AAPC index number, AHIMA approval code), 1..40 letters, digits and dashes: one approval code counts once per cycle (CONFLICT naming input.approvalCode). */
  approvalCode?: InputMaybe<Scalars['String']['input']>;
  /** CORE_A, CORE_B or SPECIALTY for AAPC; AHIMA for AHIMA. */
  category: CeuCategory;
  /** The certificate of completion, uploaded first with POST /credential-documents (encrypted like workroom documents). Without it the entry is pending: it does not count toward the cycle until attachCeuCertificate gives one. One certificate backs one entry. */
  certificateDocumentId?: InputMaybe<Scalars['ID']['input']>;
  /** CEUs earned, a positive multiple of 0.1, at most 16 (one course or event; a longer program is logged per certificate). */
  ceus: Scalars['Float']['input'];
  /** The day it was completed: within the current cycle and not in the future. */
  completedOn: Scalars['Date']['input'];
  /** Whose cycle it counts towards: you must hold a counting credential of this issuer (BAD_USER_INPUT naming input.issuer otherwise). */
  issuer: CredentialIssuer;
  /** Who gave it (AAPC, a chapter, a vendor...), 1..200 characters. */
  provider: Scalars['String']['input'];
  /** The activity (course, webinar, chapter meeting), 1..200 characters. */
  title: Scalars['String']['input'];
};

/** Credentials to log in with. */
export type LogInInput = {
  /** Normalized as at sign-up: any case, fullwidth letters and the IDN or punycode form of the domain reach the same account. */
  email: Scalars['String']['input'];
  /** For an account with MFA: a current code from the authenticator app or an unused recovery code. Without it such an account answers UNAUTHENTICATED with `extensions.reason` MFA_REQUIRED. */
  mfaCode?: InputMaybe<Scalars['String']['input']>;
  /** The account password. */
  password: Scalars['String']['input'];
};

/** A day of work on an HOURLY or PER_CHART contract. */
export type LogWorkInput = {
  /** Not accepted any more: PER_CHART work is invoiced from the encounters of accepted coded batches (submitCodedBatch), not from typed-in counts. */
  charts?: InputMaybe<Scalars['Int']['input']>;
  /** HOURLY contracts: minutes worked that day, 1..1440; the ISO week's total stays within the contract's weeklyHourLimit. */
  minutes?: InputMaybe<Scalars['Int']['input']>;
  /** No PHI: reference charts by id. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The day worked, a UTC calendar date: from the contract's start (the day its bid was accepted), not in the future, not after it ended, at most 60 days ago, and not a day the contract was paused all day. */
  workedOn: Scalars['Date']['input'];
};

/** A person's role in an organization; an invitation while INVITED. */
export type Membership = {
  __typename?: 'Membership';
  /** When the invitation was sent. */
  createdAt: Scalars['DateTime']['output'];
  /** The address the invitation was sent to. Shown to the organization's OWNERs and ADMINs (and admins), and to the member or invitee themself; null for other members. */
  email?: Maybe<Scalars['String']['output']>;
  /** When the invitation was revoked or the membership removed or left. */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The id acceptMembershipInvitation, declineMembershipInvitation and revokeMembershipInvitation take. */
  id: Scalars['ID']['output'];
  /** The organization joined (or invited to). */
  organization: Organization;
  /** When the invitee accepted or declined; null while INVITED. */
  respondedAt?: Maybe<Scalars['DateTime']['output']>;
  /** OWNER, ADMIN or MEMBER. */
  role: MembershipRole;
  /** INVITED, ACTIVE or how it ended. */
  status: MembershipStatus;
  /** The member; null while the invitation is pending. */
  user?: Maybe<User>;
};

/** A page of Membership items (Relay connection: pass pageInfo.endCursor as `after` for the next page). */
export type MembershipConnection = {
  __typename?: 'MembershipConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<MembershipEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one Membership. */
export type MembershipEdge = {
  __typename?: 'MembershipEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Membership itself. */
  node: Membership;
};

/** OWNER: everything, including managing admins and owners (an organization always keeps one). ADMIN: the organization's money and PHI acts, and managing MEMBERs. MEMBER: reads, messages and does coding-side work; no money or PHI acts for a practice. */
export type MembershipRole =
  /** The organization's money and PHI acts; manages MEMBERs. */
  | 'ADMIN'
  /** Reads, messages, recruits and does coding-side work; no money or PHI acts for a practice. */
  | 'MEMBER'
  /** Everything, including managing admins and other owners. */
  | 'OWNER';

/** INVITED until the invitee accepts (ACTIVE) or declines (DECLINED), or an OWNER or ADMIN revokes it (REVOKED). An ACTIVE membership ends REMOVED (by an OWNER or ADMIN) or LEFT. */
export type MembershipStatus =
  /** A member with the access of its role. */
  | 'ACTIVE'
  /** The invitee declined. */
  | 'DECLINED'
  /** Invited; waiting for the invitee. */
  | 'INVITED'
  /** The member left the organization. */
  | 'LEFT'
  /** Removed by an OWNER or ADMIN; access ended at once. */
  | 'REMOVED'
  /** The invitation was withdrawn before it was answered. */
  | 'REVOKED';

/** A message between the parties of a contract. */
export type Message = {
  __typename?: 'Message';
  /** The text (contract parties only). */
  body: Scalars['String']['output'];
  /** The contract it was sent on. */
  contractId: Scalars['ID']['output'];
  /** When it was sent. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable id of the message. */
  id: Scalars['ID']['output'];
  /** The user id of the sender. */
  senderId: Scalars['ID']['output'];
};

/** A page of Message items (Relay connection: pass pageInfo.endCursor as `after` for the next page). */
export type MessageConnection = {
  __typename?: 'MessageConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<MessageEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one Message. */
export type MessageEdge = {
  __typename?: 'MessageEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Message itself. */
  node: Message;
};

/** A pending TOTP enrollment: add it to an authenticator app, then confirm with a code (`confirmMfaEnrollment`). Not active until confirmed. */
export type MfaEnrollment = {
  __typename?: 'MfaEnrollment';
  /** `otpauth://totp/ChartBridge:<email>?secret=...&issuer=ChartBridge` (SHA-1, 6 digits, 30 s), for a QR code. */
  otpauthUrl: Scalars['String']['output'];
  /** The shared secret, base32 (for typing into an app by hand). Shown once; stored encrypted. */
  secret: Scalars['String']['output'];
};

/** A fixed-price deliverable paid through escrow. */
export type Milestone = {
  __typename?: 'Milestone';
  /** Amount in US cents funded into escrow and released to the payee minus the platform fee. */
  amountCents: Scalars['SafeInt']['output'];
  /** When a submitted milestone is released if the provider neither approves, sends it back, nor disputes it. */
  autoReleaseAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it was cancelled before any money arrived (CANCELLED). */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the practice last sent it back for changes; null if never. */
  changesRequestedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the practice asked to change the last time it sent the milestone back (requestMilestoneChanges). */
  changesRequestedNote?: Maybe<Scalars['String']['output']>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Due date (YYYY-MM-DD); null when none. */
  dueOn?: Maybe<Scalars['Date']['output']>;
  /** When the coder first delivered it. From then on the practice cannot refund it alone: it approves, requests changes, or opens a dispute. */
  firstSubmittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable id of the milestone. */
  id: Scalars['ID']['output'];
  /** Where the milestone stands in escrow. */
  status: MilestoneStatus;
  /** The coder's note with the latest delivery. */
  submissionNote?: Maybe<Scalars['String']['output']>;
  /** What the milestone delivers. */
  title: Scalars['String']['output'];
};

/** CREATED -> FUNDING (payment started) -> FUNDED (money in escrow) -> SUBMITTED (work delivered) -> RELEASED (paid to the coder). SUBMITTED goes back to FUNDED when the practice requests changes. REFUNDED: given back to the practice, by the practice only while FUNDED and never delivered, otherwise through a dispute. CANCELLED: given up before any money arrived (CREATED or FUNDING; its payment is cancelled at Stripe). */
export type MilestoneStatus =
  /** Given up before any money arrived. */
  | 'CANCELLED'
  /** Agreed, not paid for yet. */
  | 'CREATED'
  /** The money is in escrow: the coder may work and submit. */
  | 'FUNDED'
  /** The practice started paying; waiting for the payment to succeed. */
  | 'FUNDING'
  /** Given back to the practice. */
  | 'REFUNDED'
  /** Paid out to the payee, minus the platform fee. */
  | 'RELEASED'
  /** The coder delivered; waiting for the practice to approve or ask for changes. */
  | 'SUBMITTED';

export type Mutation = {
  __typename?: 'Mutation';
  /** Accepts a PENDING bid (members of the posting's organization): creates the contract; the posting turns FILLED with its last position. */
  acceptBid: Contract;
  /** Accepts an invitation addressed to the caller. */
  acceptMembershipInvitation: Membership;
  /** Adds a credential for review (PENDING). CODER only. */
  addCredential: Credential;
  /** Answers the coder's rebuttal of a finding (the practice), once: upheld false overturns it, and it no longer counts as an error. */
  answerAuditRebuttal: AuditFinding;
  /** Releases escrow to the coder minus the platform fee (the paying practice). */
  approveMilestone: Milestone;
  /** Attaches the certificate of completion (uploaded with POST /credential-documents) to one of your pending CEU entries, so it counts (CODER). Another coder's entry is NOT_FOUND; an entry with a certificate, or a certificate backing another entry, is CONFLICT. */
  attachCeuCertificate: CeuEntry;
  /** Records an accuracy audit of a batch (the practice), once; it feeds the coder's published accuracyScore once the contract has paid the coder (a milestone released, or an invoice paid): recorded and shown to both parties before that. */
  auditCodedBatch: CodedBatch;
  /** Cancels a milestone no money arrived for (CREATED, or FUNDING with the payment abandoned) so the contract can end; its PaymentIntent is cancelled at Stripe. CONFLICT when the payment already went through (the milestone then becomes FUNDED). */
  cancelMilestone: Milestone;
  /** Cancels an OPEN work request (the practice's OWNER or ADMIN); the coder is notified. CONFLICT once it is COMPLETED or CANCELLED. */
  cancelWorkRequest: WorkRequest;
  /** Changes a member's role (OWNER; an ADMIN may only keep MEMBERs MEMBERs). The last OWNER cannot be demoted. */
  changeMemberRole: Membership;
  /** Changes the caller's password and ends the account's other sessions; the caller's own session keeps working. */
  changePassword: Scalars['Boolean']['output'];
  /** An OPEN hold was a false positive: CLEARED with the admin and note recorded; the profile returns once no other hold is OPEN or CONFIRMED. CONFLICT once reviewed (ADMIN). */
  clearScreeningHold: ScreeningHold;
  /** Closes an OPEN posting (members of the posting's organization). */
  closeJobPosting: JobPosting;
  /** Turns MFA on with a current code from the app. Answers ten single-use recovery codes, shown only this once. Ends the account's other sessions. BAD_USER_INPUT (`code`) for a wrong code. */
  confirmMfaEnrollment: Array<Scalars['String']['output']>;
  /** An OPEN hold is the excluded person: CONFIRMED; the profile stays held (no directory, matching, bids or new contracts) and the managers of practices with a live contract with the coder are notified (CODER_EXCLUDED). CONFLICT once reviewed (ADMIN). */
  confirmScreeningHold: ScreeningHold;
  /** Countersigns a coder's signed subcontractor BAA for the coding company (its OWNER or ADMIN). */
  countersignSubcontractorBaa: SubcontractorBaa;
  /** Posts coding work for a PROVIDER_PRACTICE the caller belongs to (status OPEN). */
  createJobPosting: JobPosting;
  /** Adds a milestone to a FIXED_PRICE contract (the paying practice). */
  createMilestone: Milestone;
  /** Creates an organization with the caller as OWNER. */
  createOrganization: Organization;
  /** Asks the coder for charts by a due time (the practice's OWNER or ADMIN) on an ACTIVE PER_CHART or HOURLY contract; the coder is notified. BAD_USER_INPUT names the offending input field. */
  createWorkRequest: WorkRequest;
  /** Declines an invitation addressed to you. */
  declineInvitation: Invitation;
  /** Declines an invitation addressed to the caller. */
  declineMembershipInvitation: Membership;
  /** Deletes one of your CEU entries while its cycle is open (CONFLICT once the cycle is over); returns the deleted entry. */
  deleteCeu: CeuEntry;
  /** Turns MFA off with a current code from the app or an unused recovery code; ends the account's other sessions. BAD_USER_INPUT (`code`) for a wrong code, which counts toward the wrong-code block (TOO_MANY_REQUESTS). */
  disableMfa: Scalars['Boolean']['output'];
  /** Ends an ACTIVE or PAUSED contract (either party). */
  endContract: Contract;
  /** Starts paying a milestone into escrow; it becomes FUNDED when Stripe confirms the payment. */
  fundMilestone: FundingIntent;
  /** Invites a coder to bid on an OPEN posting of your organization; the coder is notified. */
  inviteCoder: Invitation;
  /** Invites someone by email (OWNER or ADMIN of the organization). The invitee accepts with `acceptMembershipInvitation`. */
  inviteMember: Membership;
  /** The caller leaves the organization (LEFT). The last OWNER must appoint another OWNER first (CONFLICT). */
  leaveOrganization: Scalars['Boolean']['output'];
  /** Reviews the other party once the contract ENDED (once per party). */
  leaveReview: Review;
  /** Logs a continuing-education activity towards your current cycle with an issuer (CODER). BAD_USER_INPUT names the field (no cycle for the issuer, a day outside the cycle or in the future, CEUs not a positive multiple of 0.1 or over 16 for one entry); CONFLICT naming it for a course already logged in the cycle (same title and provider, or same approval code, whatever the day), a certificate backing another entry, or a cycle with 200 entries. Without a certificate the entry is pending: it does not count toward the cycle. */
  logCeu: CeuEntry;
  /** Opens a session. Failed attempts slow further ones down, per account and client address: a throttled attempt answers TOO_MANY_REQUESTS with `retryAfterSeconds`, whether or not the account exists, without the password being checked. */
  logIn: AuthPayload;
  /** Ends all of the caller's sessions. */
  logOut: Scalars['Boolean']['output'];
  /** Logs a day of work (minutes on HOURLY, charts on PER_CHART); logging the same day again replaces it until it is invoiced. */
  logWork: WorkLog;
  /** Marks one of your notifications read (sets readAt); NOT_FOUND for anyone else’s. */
  markNotificationRead: Notification;
  /** Disputes a contract (either party): escrow releases freeze until an admin resolves it. */
  openDispute: Dispute;
  /** Pauses an ACTIVE contract (the practice's OWNER or ADMIN): the coder logs no work and submits no coded batches until it is resumed; work done before the pause is still invoiced. */
  pauseContract: Contract;
  /** A coding company's OWNER or ADMIN gives the company's contract to another ACTIVE member holding the posting's required credentials. The contract keeps paying the company; the previous coder loses it at once. */
  reassignContractCoder: Contract;
  /** Rebuts an audit finding, once (CONFLICT after): only the coder who coded the batch; the rest of the coder's side (a coding company's OWNER or ADMIN) and the practice FORBIDDEN; others NOT_FOUND. */
  rebutAuditFinding: AuditFinding;
  /** Trades a refresh token for a new pair. A refresh token works once; reusing one ends its whole session family. */
  refreshToken: AuthPayload;
  /** Refunds a FUNDED milestone the coder has not delivered yet to the practice. A delivered one (SUBMITTED, or sent back for changes) answers CONFLICT: approve it, request changes, or open a dispute. */
  refundMilestone: Milestone;
  /** Rejects a PENDING bid (members of the posting's organization). */
  rejectBid: Bid;
  /** Removes a member (OWNER: anyone but the last OWNER; ADMIN: MEMBERs). They lose access at once to everything of the organization, live subscriptions included. The membership stays in the history as REMOVED. */
  removeMember: Scalars['Boolean']['output'];
  /** Submits the renewal of one of your VERIFIED credentials (new dates + certificate). It stays VERIFIED and counts on its old dates while the renewal is reviewed (pendingChange); CONFLICT when a change is already under review. */
  renewCredential: Credential;
  /** Reports collections for a period on a PERCENT_OF_COLLECTIONS contract; invoices the contract's share. */
  reportCollections: Invoice;
  /** Asks for the "A" to come off one of your VERIFIED apprentice credentials (CPC_A -> CPC, COC_A -> COC), with evidence; an admin reviews it. */
  requestApprenticeConversion: Credential;
  /** Mails a link to a new address (needs the current password). The account keeps its address, and logs in with it, until that link is used with `verifyEmail`. CONFLICT when another account has the address. */
  requestEmailChange: Scalars['Boolean']['output'];
  /** Mails a new verification link to the caller's address (valid 24 hours). CONFLICT once the address is verified. */
  requestEmailVerification: Scalars['Boolean']['output'];
  /** Sends a SUBMITTED milestone back to the coder with what to change (the paying practice): FUNDED again, the money still held; the review window starts over at the next submission. */
  requestMilestoneChanges: Milestone;
  /** Mails a password-reset link (`APP_URL/reset-password?token=...`, valid one hour) if an account has this address. Always answers true. */
  requestPasswordReset: Scalars['Boolean']['output'];
  /** Sets a new password with a reset link's token (once, within the hour) and ends every session of the account. */
  resetPassword: Scalars['Boolean']['output'];
  /** Settles the escrow held on a disputed contract: release, refund, or a split in cents (ADMIN). */
  resolveDispute: Dispute;
  /** Resumes a PAUSED contract (the practice's OWNER or ADMIN); one paused for a failed payment resumes only once its failed invoices are paid (CONFLICT until then). */
  resumeContract: Contract;
  /** Accepts a submitted batch or returns it with comments per encounter (the practice). */
  reviewCodedBatch: CodedBatch;
  /** Approves (the new dates or designation take effect) or rejects a pending renewal or conversion (ADMIN). */
  reviewCredentialChange: CredentialChange;
  /** Revokes a pending invitation (OWNER, or ADMIN for a MEMBER invitation); it stays in the history as REVOKED and the address may be invited again. CONFLICT once answered. */
  revokeMembershipInvitation: Scalars['Boolean']['output'];
  /** Writes to the contract's other party. */
  sendMessage: Message;
  /** Sets an encounter's claim data (patient, subscriber, payer, account number, charges): PHI, stored encrypted, audited; the practice's OWNER or ADMIN only. */
  setEncounterClaimData: EncounterClaimDataStatus;
  /** Requires MFA for the members' PHI and money acts through the organization (FORBIDDEN, reason MFA_REQUIRED, for a member without it). On: OWNER or ADMIN with MFA on their own account; off: OWNER. */
  setOrganizationRequireMfa: Organization;
  /** Sets the practice's billing details for 837P files (OWNER or ADMIN of a PROVIDER_PRACTICE). */
  setPracticeBillingProfile: PracticeBillingProfile;
  /** Signs the Business Associate Agreement for your side of the contract (recorded with version, time and IP). */
  signBaa: Contract;
  /** Signs the coding company's subcontractor BAA (the current version; recorded with its hash, time and IP): the coder, a member of the company. An OWNER or ADMIN of the company then countersigns; until then the coder does no PHI act on the company's contracts. */
  signSubcontractorBaa: SubcontractorBaa;
  /** Creates a PROVIDER or CODER account and logs it in. */
  signUp: AuthPayload;
  /** Starts (or restarts) TOTP enrollment for the caller's account: a new secret, not active until confirmed. Needs the current password (BAD_USER_INPUT naming `currentPassword`; tries limited per hour like changePassword). CONFLICT when MFA is already on. */
  startMfaEnrollment: MfaEnrollment;
  /** A Stripe SetupIntent client secret to save the practice's card for weekly invoices (owners and admins). */
  startPaymentMethodSetup: Scalars['String']['output'];
  /** A Stripe Connect onboarding link for the calling coder's Express account, or with `organizationId` for a coding company's own (a company account, onboarded by its OWNER or ADMIN). The account is created once. */
  startPayoutOnboarding: Scalars['String']['output'];
  /** Bids on an OPEN posting (CODER). Needs every credential the posting requires, verified and unexpired. */
  submitBid: Bid;
  /** Returns coded charts (the coder). Every code is validated: BAD_USER_INPUT lists each offending path in extensions.fields. */
  submitCodedBatch: CodedBatch;
  /** Delivers a FUNDED milestone (the coder); it is released automatically after the review window unless approved or disputed. */
  submitMilestone: Milestone;
  /** Changes one of your credentials; it goes back to PENDING review. To renew a verified credential without leaving the directory, use renewCredential. */
  updateCredential: Credential;
  /** Creates or replaces the calling coder's profile (CODER only). */
  upsertCoderProfile: CoderProfile;
  /** Approves (VERIFIED) or rejects (REJECTED) a pending credential after checking it with the issuer (ADMIN). Approving a credential without evidence answers CONFLICT. */
  verifyCredential: Credential;
  /** Uses the token of a verification link (`APP_URL/verify-email?token=...`): the address is verified; for an email-change link, the account moves to the new address. Each link works once, within 24 hours. */
  verifyEmail: User;
  /** Admin review: marks the organization verified (for a practice, the holder of the NPI it claims). One verified organization per NPI: CONFLICT when another one already is; the other claimants stay unverified. ADMIN only. */
  verifyOrganization: Organization;
  /** Withdraws your PENDING bid. */
  withdrawBid: Bid;
};


export type MutationAcceptBidArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAcceptMembershipInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAddCredentialArgs = {
  input: AddCredentialInput;
};


export type MutationAnswerAuditRebuttalArgs = {
  findingId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
  upheld: Scalars['Boolean']['input'];
};


export type MutationApproveMilestoneArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAttachCeuCertificateArgs = {
  certificateDocumentId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};


export type MutationAuditCodedBatchArgs = {
  batchId: Scalars['ID']['input'];
  input: AuditCodedBatchInput;
};


export type MutationCancelMilestoneArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelWorkRequestArgs = {
  id: Scalars['ID']['input'];
};


export type MutationChangeMemberRoleArgs = {
  organizationId: Scalars['ID']['input'];
  role: MembershipRole;
  userId: Scalars['ID']['input'];
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationClearScreeningHoldArgs = {
  id: Scalars['ID']['input'];
  note: Scalars['String']['input'];
};


export type MutationCloseJobPostingArgs = {
  id: Scalars['ID']['input'];
};


export type MutationConfirmMfaEnrollmentArgs = {
  code: Scalars['String']['input'];
};


export type MutationConfirmScreeningHoldArgs = {
  id: Scalars['ID']['input'];
  note: Scalars['String']['input'];
};


export type MutationCountersignSubcontractorBaaArgs = {
  coderId: Scalars['ID']['input'];
  organizationId: Scalars['ID']['input'];
};


export type MutationCreateJobPostingArgs = {
  input: CreateJobPostingInput;
};


export type MutationCreateMilestoneArgs = {
  contractId: Scalars['ID']['input'];
  input: CreateMilestoneInput;
};


export type MutationCreateOrganizationArgs = {
  input: CreateOrganizationInput;
};


export type MutationCreateWorkRequestArgs = {
  contractId: Scalars['ID']['input'];
  input: CreateWorkRequestInput;
};


export type MutationDeclineInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeclineMembershipInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteCeuArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDisableMfaArgs = {
  code: Scalars['String']['input'];
};


export type MutationEndContractArgs = {
  id: Scalars['ID']['input'];
};


export type MutationFundMilestoneArgs = {
  id: Scalars['ID']['input'];
};


export type MutationInviteCoderArgs = {
  coderProfileId: Scalars['ID']['input'];
  jobPostingId: Scalars['ID']['input'];
  message?: InputMaybe<Scalars['String']['input']>;
};


export type MutationInviteMemberArgs = {
  email: Scalars['String']['input'];
  organizationId: Scalars['ID']['input'];
  role: MembershipRole;
};


export type MutationLeaveOrganizationArgs = {
  organizationId: Scalars['ID']['input'];
};


export type MutationLeaveReviewArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  contractId: Scalars['ID']['input'];
  rating: Scalars['Int']['input'];
};


export type MutationLogCeuArgs = {
  input: LogCeuInput;
};


export type MutationLogInArgs = {
  input: LogInInput;
};


export type MutationLogWorkArgs = {
  contractId: Scalars['ID']['input'];
  input: LogWorkInput;
};


export type MutationMarkNotificationReadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationOpenDisputeArgs = {
  contractId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationPauseContractArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReassignContractCoderArgs = {
  coderId: Scalars['ID']['input'];
  contractId: Scalars['ID']['input'];
};


export type MutationRebutAuditFindingArgs = {
  findingId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationRefreshTokenArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRefundMilestoneArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRejectBidArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveMemberArgs = {
  organizationId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRenewCredentialArgs = {
  id: Scalars['ID']['input'];
  input: RenewCredentialInput;
};


export type MutationReportCollectionsArgs = {
  collectedCents: Scalars['Int']['input'];
  contractId: Scalars['ID']['input'];
  periodEnd: Scalars['Date']['input'];
  periodStart: Scalars['Date']['input'];
};


export type MutationRequestApprenticeConversionArgs = {
  id: Scalars['ID']['input'];
  input: RequestApprenticeConversionInput;
};


export type MutationRequestEmailChangeArgs = {
  input: RequestEmailChangeInput;
};


export type MutationRequestMilestoneChangesArgs = {
  id: Scalars['ID']['input'];
  note: Scalars['String']['input'];
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


export type MutationResetPasswordArgs = {
  input: ResetPasswordInput;
};


export type MutationResolveDisputeArgs = {
  id: Scalars['ID']['input'];
  input: ResolveDisputeInput;
};


export type MutationResumeContractArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReviewCodedBatchArgs = {
  batchId: Scalars['ID']['input'];
  input: ReviewCodedBatchInput;
};


export type MutationReviewCredentialChangeArgs = {
  approve: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRevokeMembershipInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSendMessageArgs = {
  body: Scalars['String']['input'];
  contractId: Scalars['ID']['input'];
};


export type MutationSetEncounterClaimDataArgs = {
  batchId: Scalars['ID']['input'];
  input: EncounterClaimDataInput;
};


export type MutationSetOrganizationRequireMfaArgs = {
  organizationId: Scalars['ID']['input'];
  requireMfa: Scalars['Boolean']['input'];
};


export type MutationSetPracticeBillingProfileArgs = {
  input: PracticeBillingProfileInput;
  organizationId: Scalars['ID']['input'];
};


export type MutationSignBaaArgs = {
  contractId: Scalars['ID']['input'];
};


export type MutationSignSubcontractorBaaArgs = {
  organizationId: Scalars['ID']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationStartMfaEnrollmentArgs = {
  currentPassword?: InputMaybe<Scalars['String']['input']>;
};


export type MutationStartPaymentMethodSetupArgs = {
  organizationId: Scalars['ID']['input'];
};


export type MutationStartPayoutOnboardingArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  refreshUrl: Scalars['String']['input'];
  returnUrl: Scalars['String']['input'];
};


export type MutationSubmitBidArgs = {
  input: SubmitBidInput;
};


export type MutationSubmitCodedBatchArgs = {
  contractId: Scalars['ID']['input'];
  input: SubmitCodedBatchInput;
};


export type MutationSubmitMilestoneArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateCredentialArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCredentialInput;
};


export type MutationUpsertCoderProfileArgs = {
  input: UpsertCoderProfileInput;
};


export type MutationVerifyCredentialArgs = {
  approve: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationVerifyEmailArgs = {
  token: Scalars['String']['input'];
};


export type MutationVerifyOrganizationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationWithdrawBidArgs = {
  id: Scalars['ID']['input'];
};

/** The drug of a drug line (HCPCS J-codes and the like): its National Drug Code and the quantity given (837P LIN/CTP). */
export type NdcInput = {
  /** NDC: 11 digits (bare or 5-4-2), or a 10-digit package code written with its hyphens (4-4-2, 5-3-2, 5-4-1); stored as 11 digits. */
  code: Scalars['String']['input'];
  /** Quantity of the drug given, in `unit`: more than 0, at most 99999.999, up to 3 decimals. */
  quantity: Scalars['Float']['input'];
  /** Unit of the quantity. */
  unit: NdcUnit;
};

/** Unit of a drug quantity on a claim (837P CTP05-1). */
export type NdcUnit =
  /** International unit. */
  | 'F2'
  /** Gram. */
  | 'GR'
  /** Milligram. */
  | 'ME'
  /** Milliliter. */
  | 'ML'
  /** Unit (each). */
  | 'UN';

/** Something the user should know about (an invitation, a bid, ...). */
export type Notification = {
  __typename?: 'Notification';
  /** When it happened. */
  createdAt: Scalars['DateTime']['output'];
  /** Ids of the objects concerned, e.g. { "jobPostingId": "..." } (untyped JSON, kept for the contract; typedData has the same values typed). */
  data: Scalars['JSONObject']['output'];
  /** The id markNotificationRead takes. */
  id: Scalars['ID']['output'];
  /** What the notification is about. */
  kind: NotificationKind;
  /** A sentence for people (English). */
  message: Scalars['String']['output'];
  /** When the user marked it read; null while unread. */
  readAt?: Maybe<Scalars['DateTime']['output']>;
  /** The same ids and values as `data`, typed by the notification kind. */
  typedData: NotificationData;
};

/** A page of Notification items (Relay connection: pass pageInfo.endCursor as `after` for the next page). */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<NotificationEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** A notification's data, typed by its kind: JobNotificationData, ContractNotificationData, CredentialNotificationData or CeuNotificationData. */
export type NotificationData = CeuNotificationData | ContractNotificationData | CredentialNotificationData | JobNotificationData;

/** An edge holding one Notification. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Notification itself. */
  node: Notification;
};

/** What a notification is about; its data (and typedData) depends on the kind. */
export type NotificationKind =
  /** The practice accepted a coded batch. */
  | 'BATCH_ACCEPTED'
  /** The practice returned a coded batch with comments. */
  | 'BATCH_RETURNED'
  /** The coder submitted a coded batch for the practice to review. */
  | 'BATCH_SUBMITTED'
  /** The practice accepted the coder's bid: a contract started (data: contractId). */
  | 'BID_ACCEPTED'
  /** The posting filled or closed without the coder's bid. */
  | 'BID_DECLINED'
  /** A coder bid on the practice's posting (sent to the practice's members). */
  | 'BID_RECEIVED'
  /** The practice rejected the coder's bid. */
  | 'BID_REJECTED'
  /** A coder withdrew a bid on the practice's posting. */
  | 'BID_WITHDRAWN'
  /** The coder's CEU cycle ends within 90 (then 30) days and is short of CEUs. */
  | 'CEU_CYCLE_SHORT'
  /** Exclusion screening confirmed that a contract's coder is on the OIG LEIE (sent to the practice's managers). */
  | 'CODER_EXCLUDED'
  /** A contract ended (sent to the other side). */
  | 'CONTRACT_ENDED'
  /** A contract was paused (by the practice or after failed charges). */
  | 'CONTRACT_PAUSED'
  /** A coding company gave its contract to another of its coders (sent to both coders). */
  | 'CONTRACT_REASSIGNED'
  /** A paused contract runs again. */
  | 'CONTRACT_RESUMED'
  /** A contract started (sent to both sides). */
  | 'CONTRACT_STARTED'
  /** A renewal or apprentice conversion of a credential was approved or rejected. */
  | 'CREDENTIAL_CHANGE_REVIEWED'
  /** One of the coder's verified credentials expires soon. */
  | 'CREDENTIAL_EXPIRING'
  /** A credential an ACTIVE contract's posting required expired or its membership lapsed (sent to the practice's managers). */
  | 'CREDENTIAL_LAPSED'
  /** An admin verified or rejected one of the coder's credentials (data: credentialId). */
  | 'CREDENTIAL_REVIEWED'
  /** The other side opened a dispute on a contract; held money waits for an admin. */
  | 'DISPUTE_OPENED'
  /** An admin resolved a dispute (sent to both sides). */
  | 'DISPUTE_RESOLVED'
  /** A coder declined the practice's invitation to bid. */
  | 'INVITATION_DECLINED'
  /** A weekly invoice was issued; the practice may review or dispute it before it is charged. */
  | 'INVOICE_ISSUED'
  /** The charge of an invoice was declined (sent to the practice's managers). */
  | 'INVOICE_PAYMENT_FAILED'
  /** A practice invited the coder to bid on a posting (data: jobPostingId, invitationId). */
  | 'JOB_INVITATION'
  /** A message arrived on a contract (data: contractId, messageId). */
  | 'MESSAGE_RECEIVED'
  /** The practice sent a submitted milestone back for changes. */
  | 'MILESTONE_CHANGES_REQUESTED'
  /** A milestone's money reached escrow: the coder may start. */
  | 'MILESTONE_FUNDED'
  /** A milestone's escrow went back to the practice. */
  | 'MILESTONE_REFUNDED'
  /** A milestone's escrow was released to the payee. */
  | 'MILESTONE_RELEASED'
  /** The practice asked the coder for work (a work request). */
  | 'WORK_REQUESTED'
  /** The practice cancelled a work request. */
  | 'WORK_REQUEST_CANCELLED'
  /** A work request's due time is near (24 h, STAT 2 h) and it is not complete. */
  | 'WORK_REQUEST_DUE_SOON'
  /** A work request passed its due time incomplete. */
  | 'WORK_REQUEST_OVERDUE';

/** A provider practice or a coding company. Members act on its behalf. */
export type Organization = {
  __typename?: 'Organization';
  /** A coding company's audited accuracy, 0..1 (1 - errors / sampled charts) over the batches its members submitted on its contracts that paid (a milestone released, or an invoice paid; each audit also counts for the member who did the work); null until those audits sampled ACCURACY_MIN_SAMPLE charts (see auditedCharts). */
  accuracyScore?: Maybe<Scalars['Float']['output']>;
  /** Charts the practices audited on the coding company's contracts that paid: the sample behind accuracyScore. */
  auditedCharts: Scalars['Int']['output'];
  /** Client reputation: contracts it started as the paying practice (accepted bids), ended ones included. */
  contractsCount: Scalars['Int']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Client reputation: share of its postings (0..1, two decimals) that led to at least one contract on which the coder was paid (a milestone released, an invoice paid): a hire nobody paid on does not count; null before the first posting. */
  hireRate?: Maybe<Scalars['Float']['output']>;
  /** Stable id of the organization. */
  id: Scalars['ID']['output'];
  /** PROVIDER_PRACTICE or CODING_COMPANY. */
  kind: OrganizationKind;
  /** Members and pending invitations, oldest first (with `includeEnded`, the whole history, for OWNERs and ADMINs); visible to members only (null with a NOT_FOUND error for others). Emails: see `Membership.email`. */
  members?: Maybe<MembershipConnection>;
  /** Display name. */
  name: Scalars['String']['output'];
  /** National Provider Identifier the practice claims. An NPI is public and may be claimed by several organizations: only `verified` says an admin checked it. */
  npi?: Maybe<Scalars['String']['output']>;
  /** Client reputation: contracts on which its coder was paid (a milestone released, an invoice paid): the ones hireRate counts. */
  paidContractsCount: Scalars['Int']['output'];
  /** Client reputation: the practice saved a payment method, or a payment of it reached escrow. */
  paymentVerified: Scalars['Boolean']['output'];
  /** Client reputation: job postings it published, of any status. */
  postingsCount: Scalars['Int']['output'];
  /** Client reputation: average stars (1..5, two decimals) of the published reviews its coders wrote; null before the first. */
  rating?: Maybe<Scalars['Float']['output']>;
  /** Whether the members' PHI and money acts through this organization (documents, coded batches, BAA, funding and approving, accepting bids, bidding as the company, the payment method) need an MFA-enabled account. */
  requireMfa: Scalars['Boolean']['output'];
  /** Client reputation: published reviews its coders wrote about it. */
  reviewCount: Scalars['Int']['output'];
  /** Client reputation: money released from escrow to its coders for accepted work, in cents (gross: the platform fee included). */
  totalPaidCents: Scalars['SafeInt']['output'];
  /** Whether an admin verified the organization (`verifyOrganization`): for a practice, that it holds the NPI it claims. Public. */
  verified: Scalars['Boolean']['output'];
  /** When an admin verified the organization; null while unverified. */
  verifiedAt?: Maybe<Scalars['DateTime']['output']>;
};


/** A provider practice or a coding company. Members act on its behalf. */
export type OrganizationMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeEnded?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of organizations (`myOrganizationsConnection`). */
export type OrganizationConnection = {
  __typename?: 'OrganizationConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<OrganizationEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one Organization. */
export type OrganizationEdge = {
  __typename?: 'OrganizationEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Organization itself. */
  node: Organization;
};

/** PROVIDER_PRACTICE: a practice, clinic or hospital department that posts work. CODING_COMPANY: an agency or clearinghouse whose coders work under one name. */
export type OrganizationKind =
  /** An agency or clearinghouse whose coders bid and work under its name; it is paid as a company. */
  | 'CODING_COMPANY'
  /** A practice, clinic or hospital department that posts work and pays for it. */
  | 'PROVIDER_PRACTICE';

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge; pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow `endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** How the work is paid: per hour, per chart, fixed price (milestones) or a percentage of collections. */
export type PayModel =
  /** A budget paid through milestones funded into escrow. */
  | 'FIXED_PRICE'
  /** rateCents per hour worked, invoiced weekly from work logs. */
  | 'HOURLY'
  /** percentOfCollectionsBps of the collections the practice reports, invoiced as they are reported. */
  | 'PERCENT_OF_COLLECTIONS'
  /** rateCents per chart coded, invoiced weekly from work logs. */
  | 'PER_CHART';

/** Who a contract pays: the coder personally (USER), or the coding company the contract was made through (ORGANIZATION: the company's own Stripe account, whichever member works the contract). */
export type Payee = {
  __typename?: 'Payee';
  /** The coder paid personally (kind USER). */
  coder?: Maybe<CoderProfile>;
  /** USER (the coder) or ORGANIZATION (a coding company). */
  kind: PayeeKind;
  /** The coding company paid (kind ORGANIZATION). */
  organization?: Maybe<Organization>;
  /** The payee's Stripe account: transfers wait until it is ENABLED. */
  payoutAccount: PayoutAccount;
};

/** USER: a coder paid personally. ORGANIZATION: a coding company, paid as a company (its own Stripe account), whichever member works the contract. */
export type PayeeKind =
  /** A coding company, paid to its own Stripe account. */
  | 'ORGANIZATION'
  /** A coder paid personally. */
  | 'USER';

/** A payee's Stripe Connect account: the calling coder's, or a coding company's. */
export type PayoutAccount = {
  __typename?: 'PayoutAccount';
  /** True once Stripe enables payouts to the account (status ENABLED). */
  payoutsEnabled: Scalars['Boolean']['output'];
  /** NOT_STARTED, ONBOARDING (details missing) or ENABLED. */
  status: PayoutAccountStatus;
};

/** How far the payee got with Stripe Connect onboarding. */
export type PayoutAccountStatus =
  /** Stripe pays out to this account: released money reaches it. */
  | 'ENABLED'
  /** No onboarding link asked for yet (startPayoutOnboarding). */
  | 'NOT_STARTED'
  /** Started; Stripe still needs details before it pays out. */
  | 'ONBOARDING';

/** The record that a contract's PHI was destroyed after its retention period (counts only, no PHI). */
export type PhiDestruction = {
  __typename?: 'PhiDestruction';
  /** Coded batches whose encounters and review comments were destroyed. */
  batches: Scalars['Int']['output'];
  /** When the contract ended. */
  contractEndedAt: Scalars['DateTime']['output'];
  /** When it was destroyed. */
  destroyedAt: Scalars['DateTime']['output'];
  /** Documents whose stored file and data key were destroyed. */
  documents: Scalars['Int']['output'];
  /** Encounters (charts) those batches held. */
  encounters: Scalars['Int']['output'];
  /** What other PHI stores destroyed. */
  otherStores: Array<PhiStoreCount>;
  /** What remains, none of it PHI. */
  remains: Array<Scalars['String']['output']>;
  /** The retention period after the end, in days (PHI_RETENTION_DAYS then). */
  retentionDays: Scalars['Int']['output'];
};

/** What another PHI store destroyed for the contract. */
export type PhiStoreCount = {
  __typename?: 'PhiStoreCount';
  /** Payloads destroyed. */
  count: Scalars['Int']['output'];
  /** The store (e.g. claim-data payloads). */
  store: Scalars['String']['output'];
};

/** A US postal address. */
export type PostalAddress = {
  __typename?: 'PostalAddress';
  /** City. */
  city: Scalars['String']['output'];
  /** Street line. */
  line1: Scalars['String']['output'];
  /** Second street line. */
  line2?: Maybe<Scalars['String']['output']>;
  /** Two-letter USPS state code. */
  state: Scalars['String']['output'];
  /** ZIP code, digits only (5 or 9). */
  zip: Scalars['String']['output'];
};

/** A US postal address (claims go to US payers). */
export type PostalAddressInput = {
  /** City, 2..30 characters. */
  city: Scalars['String']['input'];
  /** Street line, 1..55 characters. */
  line1: Scalars['String']['input'];
  /** Second street line (suite, unit), up to 55 characters. */
  line2?: InputMaybe<Scalars['String']['input']>;
  /** Two-letter USPS state, district or territory code (TX, DC, PR). */
  state: Scalars['String']['input'];
  /** ZIP code: 5 digits or ZIP+4 (12345-6789 or 123456789). */
  zip: Scalars['String']['input'];
};

/** A practice's billing details for 837P files (not PHI). Its members read it; its OWNERs and ADMINs set it. */
export type PracticeBillingProfile = {
  __typename?: 'PracticeBillingProfile';
  /** Billing provider address. */
  address: PostalAddress;
  /** The practice's name on claim files (1000A and 2010AA NM1), when it differs from the organization name; null: the organization name. */
  billingName?: Maybe<Scalars['String']['output']>;
  /** The clearinghouse's receiver ID. */
  clearinghouseId: Scalars['String']['output'];
  /** The clearinghouse the files are for. */
  clearinghouseName: Scalars['String']['output'];
  /** Contact email. */
  contactEmail?: Maybe<Scalars['String']['output']>;
  /** Contact name for the clearinghouse. */
  contactName: Scalars['String']['output'];
  /** Contact phone, 10 digits. */
  contactPhone: Scalars['String']['output'];
  /** Employer identification number, 9 digits. */
  ein: Scalars['String']['output'];
  /** The practice. */
  organizationId: Scalars['ID']['output'];
  /** Submitter ID assigned by the clearinghouse. */
  submitterId: Scalars['String']['output'];
  /** NUCC taxonomy code of the billing provider. */
  taxonomy?: Maybe<Scalars['String']['output']>;
  /** Last change. */
  updatedAt: Scalars['DateTime']['output'];
};

/** What the practice's 837P files need: billing address, tax ID, taxonomy, a contact and the clearinghouse the file is for. */
export type PracticeBillingProfileInput = {
  /** The billing provider address (loop 2010AA N3/N4): a street address, not a PO box. */
  address: PostalAddressInput;
  /** The practice's name on claim files (1000A and 2010AA NM1), at most 60 characters of the X12 basic set; needed when the organization name is longer or holds other characters. */
  billingName?: InputMaybe<Scalars['String']['input']>;
  /** The clearinghouse's receiver ID (ISA08, GS03, 1000B NM109): 2..15 letters or digits. */
  clearinghouseId: Scalars['String']['input'];
  /** Your clearinghouse (1000B receiver name). */
  clearinghouseName: Scalars['String']['input'];
  /** Contact email. */
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  /** Who the clearinghouse calls about the file (1000A PER). */
  contactName: Scalars['String']['input'];
  /** Contact phone: 10 digits, punctuation ignored. */
  contactPhone: Scalars['String']['input'];
  /** Employer identification number: 9 digits, with or without the dash (12-3456789). */
  ein: Scalars['String']['input'];
  /** The submitter ID your clearinghouse assigned to the practice (ISA06, GS02, 1000A NM109): 2..15 letters or digits. */
  submitterId: Scalars['String']['input'];
  /** NUCC provider taxonomy code of the billing provider (207Q00000X), sent as PRV*BI. */
  taxonomy?: InputMaybe<Scalars['String']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** Recomputes the audit hash chain: false when any event was altered or removed (ADMIN). */
  auditChainIntact: Scalars['Boolean']['output'];
  /** The PHI audit log across contracts, newest first (ADMIN). */
  auditEvents: AuditEventConnection;
  /** The PHI audit log of a contract, newest first (the contract's parties). */
  auditLog: AuditEventConnection;
  /** The current Business Associate Agreement: its version, full text, SHA-256 and effective date (what signBaa and signSubcontractorBaa sign). */
  businessAssociateAgreement: BusinessAssociateAgreement;
  /** The current CEU cycle per issuer (AAPC, AHIMA) from the coder's counting credentials, with required, logged and remaining CEUs. A coder reads their own; an ADMIN gives coderId. Another coder's id is NOT_FOUND. */
  ceuCycles: Array<CeuCycle>;
  /** A coded batch by id, for the parties of its contract (NOT_FOUND for others); reading it is recorded in the audit log. */
  codedBatch: CodedBatch;
  /** The batch as CSV text (chart_ref, code_set, code, modifiers, units). */
  codedBatchCsv: Scalars['String']['output'];
  /** A coded batch as text. CSV: as codedBatchCsv, either party. X12_837P: an ASC X12 005010X222A1 claim file of an ACCEPTED batch for the practice's own clearinghouse (the practice's OWNER or ADMIN; audited as a PHI read; CONFLICT naming the encounters that lack claim data). */
  codedBatchExport: Scalars['String']['output'];
  /** A contract's coded batches, newest first (its parties; listing is audited). */
  codedBatches: CodedBatchConnection;
  /** A coder profile by id; null when there is none (or it is held by exclusion screening, for anyone but the coder and admins). */
  coderProfile?: Maybe<CoderProfile>;
  /** The public coder directory. */
  coders: CoderProfileConnection;
  /** A contract you are party to (NOT_FOUND otherwise). */
  contract: Contract;
  /** A contract's reviews: yours, and the other party's once published. */
  contractReviews: Array<Review>;
  /** A contract's documents, newest first (its parties, while the contract is ACTIVE or DISPUTED); listing is audited. Kept as a plain list for compatibility; page with `documentsConnection`. */
  documents: Array<Document>;
  /** A contract's documents as a connection, newest first (its parties, while the contract is ACTIVE or DISPUTED); listing is audited. `documents` stays a plain list for compatibility. */
  documentsConnection: DocumentConnection;
  /** An encounter's claim data, decrypted (the practice's OWNER or ADMIN; audited as a PHI read). NOT_FOUND until set. */
  encounterClaimData: EncounterClaimData;
  /** Which encounters of a batch have their claim data, in the batch's order (the practice's OWNER or ADMIN; audited). */
  encounterClaimDataStatus: EncounterClaimDataStatusConnection;
  /** A contract's invoices, newest period first, with their lines (contract parties). Kept as a plain list for compatibility; page with `invoicesConnection`. */
  invoices: Array<Invoice>;
  /** A contract's invoices as a connection, most recently issued first, with their lines (contract parties). `invoices` stays a plain list for compatibility. */
  invoicesConnection: InvoiceConnection;
  /** A posting by id (public); null when there is none. */
  jobPosting?: Maybe<JobPosting>;
  /** Public job search (OPEN postings unless filter.status says otherwise). */
  jobPostings: JobPostingConnection;
  /** Coders for a posting, best first, with reasons (members of the posting's organization). */
  matchCoders: Array<CoderMatch>;
  /** The calling user. */
  me: User;
  /** A contract's messages, newest first (its parties). */
  messages: MessageConnection;
  /** Bids you will work on or submitted, newest first. */
  myBids: BidConnection;
  /** The calling coder's profile; null before the first upsertCoderProfile. */
  myCoderProfile?: Maybe<CoderProfile>;
  /** Contracts you are party to, newest first. */
  myContracts: ContractConnection;
  /** The calling coder's credentials, every status. */
  myCredentials: Array<Credential>;
  /** The calling coder's own money (contracts paying them personally), or with `organizationId` a coding company's (its OWNERs and ADMINs). */
  myEarnings: Earnings;
  /** Invitations addressed to you, newest first. */
  myInvitations: InvitationConnection;
  /** The postings of the organizations the caller is a member of (drafting side: OPEN, FILLED and CLOSED alike), newest first; filter by status or by one organization. Empty for a caller in no organization; another tenant's postings never appear. */
  myJobPostings: JobPostingConnection;
  /** Pending invitations addressed to the caller's verified email, newest first. */
  myMembershipInvitations: MembershipConnection;
  /** The caller's notifications, newest first. */
  myNotifications: NotificationConnection;
  /** Organizations the caller is an active member of, in the order they joined. Kept as a plain list for compatibility; page with `myOrganizationsConnection`. */
  myOrganizations: Array<Organization>;
  /** Organizations the caller is an active member of, as a connection, oldest organization first (`myOrganizations` is the same set as a plain list). */
  myOrganizationsConnection: OrganizationConnection;
  /** The caller's OPEN work requests across every client (ACTIVE contracts they work as the coder), soonest due first; with organizationId, a coding company's OWNER or ADMIN sees those of every contract the company works. */
  myWorkQueue: WorkRequestConnection;
  /** Open disputes, oldest first (ADMIN). */
  openDisputes: DisputeConnection;
  /** An organization the caller belongs to (NOT_FOUND for others). */
  organization: Organization;
  /** The calling coder's payout account, or with `organizationId` a coding company's (its OWNERs and ADMINs). */
  payoutAccount: PayoutAccount;
  /** Renewals and apprentice conversions awaiting review, oldest first (ADMIN). */
  pendingCredentialChanges: CredentialChangeConnection;
  /** Credentials awaiting review, oldest first (ADMIN). */
  pendingCredentials: CredentialConnection;
  /** The practice's billing details for 837P files (its members); null until set. */
  practiceBillingProfile?: Maybe<PracticeBillingProfile>;
  /** Open postings for the calling coder, best first, with reasons. */
  recommendedJobs: Array<JobMatch>;
  /** Coders held by OIG exclusion screening, oldest first: the review queue (OPEN) by default (ADMIN). */
  screeningHolds: ScreeningHoldConnection;
  /** A coding company's subcontractor BAAs, most recently signed first: all of them for its OWNERs and ADMINs, their own for a coder. */
  subcontractorBaas: SubcontractorBaaConnection;
  /** A contract's work requests, soonest due first (its parties). */
  workRequests: WorkRequestConnection;
};


export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  contractId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  contractId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCeuCyclesArgs = {
  coderId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryCodedBatchArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCodedBatchCsvArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCodedBatchExportArgs = {
  format: CodedBatchExportFormat;
  id: Scalars['ID']['input'];
};


export type QueryCodedBatchesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  contractId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCoderProfileArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCodersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CoderFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<CoderSort>;
};


export type QueryContractArgs = {
  id: Scalars['ID']['input'];
};


export type QueryContractReviewsArgs = {
  contractId: Scalars['ID']['input'];
};


export type QueryDocumentsArgs = {
  contractId: Scalars['ID']['input'];
};


export type QueryDocumentsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  contractId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryEncounterClaimDataArgs = {
  batchId: Scalars['ID']['input'];
  chartRef: Scalars['String']['input'];
};


export type QueryEncounterClaimDataStatusArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  batchId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryInvoicesArgs = {
  contractId: Scalars['ID']['input'];
};


export type QueryInvoicesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  contractId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryJobPostingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryJobPostingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<JobPostingFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<JobPostingSort>;
};


export type QueryMatchCodersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  jobPostingId: Scalars['ID']['input'];
};


export type QueryMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  contractId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyBidsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyContractsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyEarningsArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMyInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<InvitationStatus>;
};


export type QueryMyJobPostingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<JobPostingStatus>;
};


export type QueryMyMembershipInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryMyOrganizationsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyWorkQueueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryOpenDisputesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOrganizationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPayoutAccountArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPendingCredentialChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPendingCredentialsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPracticeBillingProfileArgs = {
  organizationId: Scalars['ID']['input'];
};


export type QueryRecommendedJobsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryScreeningHoldsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ScreeningHoldStatus>;
};


export type QuerySubcontractorBaasArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  organizationId: Scalars['ID']['input'];
};


export type QueryWorkRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  contractId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<WorkRequestStatus>;
};

/** The rendering provider named on a claim. */
export type RenderingProvider = {
  __typename?: 'RenderingProvider';
  /** First name. */
  firstName: Scalars['String']['output'];
  /** Last name. */
  lastName: Scalars['String']['output'];
};

/** The rendering provider, named on the claim (loop 2310B) when the encounter names a renderingNpi other than the billing NPI. */
export type RenderingProviderInput = {
  /** First name. */
  firstName: Scalars['String']['input'];
  /** Last name. */
  lastName: Scalars['String']['input'];
};

/** A renewal of a VERIFIED credential: the new dates and the new certificate. The credential keeps counting on its old dates until an admin approves (reviewCredentialChange). */
export type RenewCredentialInput = {
  /** The new certificate or membership card (POST /credential-documents). */
  evidenceDocumentId: Scalars['ID']['input'];
  /** The end of the new CEU cycle, after the current one. */
  expiresOn?: InputMaybe<Scalars['Date']['input']>;
  /** The new end of the AAPC membership, after the current one (AAPC only). */
  membershipExpiresOn?: InputMaybe<Scalars['Date']['input']>;
  /** For the reviewer. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** A request to remove the "A" from a VERIFIED apprentice credential (CPC_A -> CPC, COC_A -> COC). */
export type RequestApprenticeConversionInput = {
  /** Evidence of two years' coding experience or the issuer's substitutes (POST /credential-documents). */
  evidenceDocumentId: Scalars['ID']['input'];
  /** The experience or substitutes claimed, for the reviewer (1..1000 characters). */
  note: Scalars['String']['input'];
};

/** A new address for the caller's account; it replaces the current one once the link mailed to it is used. */
export type RequestEmailChangeInput = {
  /** The password in use now (proves the account holder asks). */
  currentPassword: Scalars['String']['input'];
  /** Stored in its normal form; refused like a sign-up address (invisible characters, mixed scripts, a lookalike of a taken one). */
  newEmail: Scalars['String']['input'];
};

/** A new password chosen with the link of a password-reset mail. */
export type ResetPasswordInput = {
  /** At least 12 characters. */
  newPassword: Scalars['String']['input'];
  /** The `token` parameter of the link (`APP_URL/reset-password?token=...`). */
  token: Scalars['String']['input'];
};

/** How an admin settles a dispute. */
export type ResolveDisputeInput = {
  /** SPLIT only: cents of the held escrow that go to the coder, at most what the dispute holds. */
  coderCents?: InputMaybe<Scalars['SafeInt']['input']>;
  /** Why, for both parties. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** RELEASE, REFUND or SPLIT. */
  outcome: DisputeOutcome;
};

/** A review left after a contract ended; double-blind until both parties reviewed or 14 days passed. */
export type Review = {
  __typename?: 'Review';
  /** provider (about the coder) or coder (about the practice). */
  authorSide: ReviewAuthorSide;
  /** Free text; null when none. */
  comment?: Maybe<Scalars['String']['output']>;
  /** When it was written. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable id of the review. */
  id: Scalars['ID']['output'];
  /** False while the review is still blind. */
  published: Scalars['Boolean']['output'];
  /** 1 (worst) to 5 (best). */
  rating: Scalars['Int']['output'];
};

/** Which party of the contract wrote a review (lower-case values, as the field always answered). */
export type ReviewAuthorSide =
  /** The coder, reviewing the practice: counts in its client reputation once published. */
  | 'coder'
  /** The practice, reviewing the coder: counts in the coder's ratingAverage once published. */
  | 'provider';

/** The practice's review of a submitted batch. */
export type ReviewCodedBatchInput = {
  /** true: ACCEPTED; false: RETURNED for rework. */
  accept: Scalars['Boolean']['input'];
  /** Comments per chart (required when returning the batch). */
  comments?: Array<EncounterCommentInput>;
};

/** A detail compared besides the names (when both sides have it). */
export type ScreeningDetail =
  /** The date of birth. */
  | 'DATE_OF_BIRTH'
  /** The middle name, or its initial. */
  | 'MIDDLE_NAME'
  /** The National Provider Identifier. */
  | 'NPI'
  /** The US state (postal code). */
  | 'STATE';

/** A coder held by OIG exclusion screening, for admin review (ADMIN only). */
export type ScreeningHold = {
  __typename?: 'ScreeningHold';
  /** Details both sides have and that agree. */
  agreeingDetails: Array<ScreeningDetail>;
  /** The coder (user id). */
  coderId: Scalars['ID']['output'];
  /** When the match was found. */
  createdAt: Scalars['DateTime']['output'];
  /** Details both sides have and that differ: what the coder typed; they never clear a match, the admin checks them. */
  differingDetails: Array<ScreeningDetail>;
  /** The LEIE entry matched. */
  entry: LeieEntrySnapshot;
  /** The hold. */
  id: Scalars['ID']['output'];
  /** How the coder matched. */
  matchKind: LeieMatchKind;
  /** The coder's name that matched and how; null when only the NPI matched (or for holds raised before this was recorded). */
  matchedName?: Maybe<ScreeningMatchedName>;
  /** The admin's note. */
  resolutionNote?: Maybe<Scalars['String']['output']>;
  /** When it was cleared or confirmed. */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The admin who cleared or confirmed it. */
  resolvedById?: Maybe<Scalars['ID']['output']>;
  /** OPEN, CLEARED or CONFIRMED. */
  status: ScreeningHoldStatus;
  /** What was compared on the coder side. */
  subject: ScreeningSubjectSnapshot;
};

/** A page of screening holds. */
export type ScreeningHoldConnection = {
  __typename?: 'ScreeningHoldConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<ScreeningHoldEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one ScreeningHold. */
export type ScreeningHoldEdge = {
  __typename?: 'ScreeningHoldEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The ScreeningHold itself. */
  node: ScreeningHold;
};

/** OPEN: awaiting an admin (the profile is held); CLEARED: a false positive (released); CONFIRMED: the excluded person (the profile stays held). */
export type ScreeningHoldStatus =
  /** A false positive; the hold is released. */
  | 'CLEARED'
  /** The excluded person; the profile stays held. */
  | 'CONFIRMED'
  /** Awaiting an admin; the profile is held from the directory and new work. */
  | 'OPEN';

/** The coder's name that matched the entry, split as compared, and how it matched. */
export type ScreeningMatchedName = {
  __typename?: 'ScreeningMatchedName';
  /** The first word of the first-name field. */
  firstName: Scalars['String']['output'];
  /** How the first name matched. */
  firstNameMatch: FirstNameComparison;
  /** The last name. */
  lastName: Scalars['String']['output'];
  /** How the last name matched. */
  lastNameMatch: LastNameComparison;
  /** The rest of the first-name field (middle names, initials); null when none or the whole field matched. */
  middleName?: Maybe<Scalars['String']['output']>;
  /** Which of the coder's names this is. */
  source: ScreeningNameSource;
  /** Whether the coder's names matched swapped: the coder's last name is the entry's first name and the first name its last name. */
  swapped: Scalars['Boolean']['output'];
};

/** Where the coder's name that matched comes from. */
export type ScreeningNameSource =
  /** The account's name (signUp's name). */
  | 'ACCOUNT_NAME'
  /** The profile's legal name now. */
  | 'LEGAL_NAME'
  /** A legal name the profile had before a rename. */
  | 'PREVIOUS_LEGAL_NAME';

/** What the coder's profile said when it matched. */
export type ScreeningSubjectSnapshot = {
  __typename?: 'ScreeningSubjectSnapshot';
  /** The coder's date of birth, when given. */
  dateOfBirth?: Maybe<Scalars['Date']['output']>;
  /** First name of the name that matched (see matchedName), else the first name screened first. */
  firstName: Scalars['String']['output'];
  /** Last name of the name that matched, else the last name screened first. */
  lastName: Scalars['String']['output'];
  /** The coder's NPI, when given. */
  npi?: Maybe<Scalars['String']['output']>;
  /** The coder's state, when given. */
  state?: Maybe<Scalars['String']['output']>;
};

/** A new account. ADMIN cannot be chosen here. */
export type SignUpInput = {
  /** Login email. Stored in one normal form (NFKC, trimmed, lower-cased, IDN domain in punycode) and unique in it; an address that looks like a taken one (Cyrillic or Greek lookalike letters) counts as taken. Refused: invisible or control characters, combining marks that hide (a dot above i or j) or pile up, a quoted local part, scripts mixed within the local part or one domain label. */
  email: Scalars['String']['input'];
  /** The name shown, and screened against the OIG exclusion list for coders (digits and signs standing in for letters are read as those letters: J0hn Sm1th is screened as John Smith). Refused: a word mixing scripts (a Cyrillic or Greek lookalike letter in a Latin word). A coder's legal names on the profile take letters, spaces, hyphens, apostrophes and periods only. */
  name: Scalars['String']['input'];
  /** At least 12 characters. */
  password: Scalars['String']['input'];
  /** PROVIDER or CODER (ADMIN cannot be chosen). */
  role: SignUpRole;
};

/** Roles open to self sign-up. */
export type SignUpRole =
  /** A coder: profile, credentials, bids and coding work. */
  | 'CODER'
  /** Works for practices: posts jobs, hires and pays. */
  | 'PROVIDER';

/** A clinical specialty or setting of coding work. */
export type Specialty =
  /** Ambulatory surgery centers. */
  | 'AMBULATORY_SURGERY'
  /** Anesthesia services (time and base units). */
  | 'ANESTHESIA'
  /** Behavioral and mental health. */
  | 'BEHAVIORAL_HEALTH'
  /** Cardiology: clinic visits, echo, catheterization. */
  | 'CARDIOLOGY'
  /** Dermatology: lesions, biopsies, Mohs. */
  | 'DERMATOLOGY'
  /** Emergency department professional and facility coding. */
  | 'EMERGENCY_MEDICINE'
  /** Evaluation and management (E/M) visits, office and facility. */
  | 'EVALUATION_AND_MANAGEMENT'
  /** Family practice and primary care. */
  | 'FAMILY_PRACTICE'
  /** Gastroenterology: endoscopy, colonoscopy. */
  | 'GASTROENTEROLOGY'
  /** General surgery. */
  | 'GENERAL_SURGERY'
  /** Hematology and oncology: infusions, chemotherapy. */
  | 'HEMATOLOGY_ONCOLOGY'
  /** Home health (OASIS, PDGM). */
  | 'HOME_HEALTH'
  /** Hospice. */
  | 'HOSPICE'
  /** Inpatient facility coding (ICD-10-PCS, MS-DRG). */
  | 'INPATIENT_FACILITY'
  /** Internal medicine. */
  | 'INTERNAL_MEDICINE'
  /** Interventional radiology and cardiovascular procedures. */
  | 'INTERVENTIONAL_RADIOLOGY'
  /** Neurology. */
  | 'NEUROLOGY'
  /** Obstetrics and gynecology, global maternity packages. */
  | 'OBSTETRICS_GYNECOLOGY'
  /** Ophthalmology. */
  | 'OPHTHALMOLOGY'
  /** Orthopedics. */
  | 'ORTHOPEDICS'
  /** Outpatient facility coding (APCs). */
  | 'OUTPATIENT_FACILITY'
  /** Pathology and laboratory. */
  | 'PATHOLOGY_LAB'
  /** Pediatrics. */
  | 'PEDIATRICS'
  /** Diagnostic radiology. */
  | 'RADIOLOGY'
  /** Risk adjustment (HCC) coding. */
  | 'RISK_ADJUSTMENT'
  /** Urology. */
  | 'UROLOGY';

/** Audited accuracy in one specialty: 1 - errors / sampled over the practices' audits of contracts that paid the coder, published from ACCURACY_MIN_SAMPLE charts. */
export type SpecialtyAccuracy = {
  __typename?: 'SpecialtyAccuracy';
  /** Charts with a standing error (overturned findings not counted). */
  errors: Scalars['Int']['output'];
  /** Charts sampled in this specialty: the sample size behind score. */
  sampled: Scalars['Int']['output'];
  /** Accuracy, 0..1; null until the audits in this specialty sampled ACCURACY_MIN_SAMPLE charts (30 by default). */
  score?: Maybe<Scalars['Float']['output']>;
  /** The postings' specialty of the audited batches. */
  specialty: Specialty;
};

/** A specialty and the years of experience in it. */
export type SpecialtyExperience = {
  __typename?: 'SpecialtyExperience';
  /** The specialty. */
  specialty: Specialty;
  /** Years of coding experience in it. */
  yearsExperience: Scalars['Int']['output'];
};

/** A specialty and your years of experience in it. */
export type SpecialtyExperienceInput = {
  /** The specialty. */
  specialty: Specialty;
  /** Years coding this specialty, 0..60, at most the total years. */
  yearsExperience: Scalars['Int']['input'];
};

/** A coding company's subcontractor BAA with one of its coders: the coder signs, an OWNER or ADMIN of the company countersigns. */
export type SubcontractorBaa = {
  __typename?: 'SubcontractorBaa';
  /** SHA-256 (hex) of the text signed. */
  agreementSha256: Scalars['String']['output'];
  /** The version signed. */
  agreementVersion: Scalars['String']['output'];
  /** The coder who signed. */
  coderId: Scalars['ID']['output'];
  /** When the coder signed. */
  coderSignedAt: Scalars['DateTime']['output'];
  /** When the company's OWNER or ADMIN countersigned; null until then (the coder does no PHI act before). */
  countersignedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable id of the agreement. */
  id: Scalars['ID']['output'];
  /** The coding company. */
  organizationId: Scalars['ID']['output'];
};

/** A page of a coding company's subcontractor BAAs (`subcontractorBaas`). */
export type SubcontractorBaaConnection = {
  __typename?: 'SubcontractorBaaConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<SubcontractorBaaEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one SubcontractorBaa. */
export type SubcontractorBaaEdge = {
  __typename?: 'SubcontractorBaaEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The SubcontractorBaa itself. */
  node: SubcontractorBaa;
};

/** An offer on an OPEN posting. A coding company bids with organizationId and names the member coder in assignedCoderId. */
export type SubmitBidInput = {
  /** With organizationId: the user id of the company's member coder who will do the work. */
  assignedCoderId?: InputMaybe<Scalars['ID']['input']>;
  /** The pitch to the practice. */
  coverLetter: Scalars['String']['input'];
  /** 1..720 hours. */
  estimatedTurnaroundHours?: InputMaybe<Scalars['Int']['input']>;
  /** The OPEN posting to bid on. */
  jobPostingId: Scalars['ID']['input'];
  /** Bid as this CODING_COMPANY (caller must be its OWNER or ADMIN). */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Defaults to the posting's pay model. */
  payModel?: InputMaybe<PayModel>;
  /** PERCENT_OF_COLLECTIONS only: basis points, 1..5000. */
  percentOfCollectionsBps?: InputMaybe<Scalars['Int']['input']>;
  /** Cents: per hour (HOURLY), per chart (PER_CHART) or in total (FIXED_PRICE), 100..10000000. Required unless the pay model is PERCENT_OF_COLLECTIONS. */
  rateCents?: InputMaybe<Scalars['Int']['input']>;
  /** HOURLY bids only: the weekly hour cap offered, 1..168; the contract takes it over the posting's. */
  weeklyHourLimit?: InputMaybe<Scalars['Int']['input']>;
};

/** A batch of coded charts. */
export type SubmitCodedBatchInput = {
  /** 1..500 encounters with distinct chartRefs. */
  encounters: Array<CodedEncounterInput>;
  /** A key the client picks for this submission (1..128 letters, digits, dots, colons, dashes or underscores), unique per contract and submitter: a retry with the same key and content answers the batch it created; the same key with other content answers CONFLICT. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The work request this batch answers: an OPEN request of the same contract (BAD_USER_INPUT naming input.workRequestId otherwise; CONFLICT once it is no longer OPEN). */
  workRequestId?: InputMaybe<Scalars['ID']['input']>;
};

/** The patient's relationship to the insurance subscriber (SBR02 / PAT01). */
export type SubscriberRelationship =
  /** The subscriber's child (19). */
  | 'CHILD'
  /** Another relationship (G8). */
  | 'OTHER'
  /** The patient is the subscriber (18). */
  | 'SELF'
  /** The subscriber's spouse (01). */
  | 'SPOUSE';

export type Subscription = {
  __typename?: 'Subscription';
  /** New messages on a contract you are party to (graphql-ws; connectionParams.authorization = 'Bearer <token>'). Access is checked again for each message: a caller who is no longer a party gets one NOT_FOUND error, then the subscription completes. */
  messageAdded: Message;
  /** The caller's notifications as they happen (graphql-ws; send the access token as connectionParams.authorization). */
  notificationAdded: Notification;
};


export type SubscriptionMessageAddedArgs = {
  contractId: Scalars['ID']['input'];
};

/** Changes to a credential. Any change sends a verified credential back to review (PENDING). */
export type UpdateCredentialInput = {
  /** The certificate (POST /credential-documents), e.g. for a credential added without one. */
  evidenceDocumentId?: InputMaybe<Scalars['ID']['input']>;
  /** End of the current CEU cycle (see AddCredentialInput.expiresOn). */
  expiresOn?: InputMaybe<Scalars['Date']['input']>;
  /** Date the issuer granted it (YYYY-MM-DD). */
  issuedOn?: InputMaybe<Scalars['Date']['input']>;
  /** End of the yearly AAPC membership (AAPC only). */
  membershipExpiresOn?: InputMaybe<Scalars['Date']['input']>;
  /** Certificate number. */
  number?: InputMaybe<Scalars['String']['input']>;
};

/** The calling coder's whole profile (creates it the first time, replaces it after). */
export type UpsertCoderProfileInput = {
  /** Whether you take new work now. */
  available: Scalars['Boolean']['input'];
  /** Free-text introduction. */
  bio: Scalars['String']['input'];
  /** Code sets you work in (replaces the list). */
  codeSets: Array<CodeSet>;
  /** Date of birth, used only by OIG exclusion screening to tell namesakes apart. Private. */
  dateOfBirth?: InputMaybe<Scalars['Date']['input']>;
  /** EHR systems used, normalized ("epic" -> "Epic", "Cerner" -> "Oracle Health/Cerner"). */
  ehrSystems: Array<Scalars['String']['input']>;
  /** One-line summary shown in the directory. */
  headline: Scalars['String']['input'];
  /** Hourly rate in cents, 1000..100000 ($10..$1,000). */
  hourlyRateCents?: InputMaybe<Scalars['Int']['input']>;
  /** Legal first name, for OIG exclusion screening (the account name is screened when absent). Letters, spaces, hyphens, apostrophes and periods only. Private: only the coder and admins see it. */
  legalFirstName?: InputMaybe<Scalars['String']['input']>;
  /** Legal last name, for OIG exclusion screening. Letters, spaces, hyphens, apostrophes and periods only. Private. */
  legalLastName?: InputMaybe<Scalars['String']['input']>;
  /** The coder's individual NPI (10 digits, Luhn check digit), for OIG exclusion screening. Private. */
  npi?: InputMaybe<Scalars['String']['input']>;
  /** Rate per chart in cents, 50..50000. */
  perChartRateCents?: InputMaybe<Scalars['Int']['input']>;
  /** Opts in to (true) or out of (false) a public profile page at CoderProfile.publicUrl: headline, bio, specialties, verified credentials, rating and audited accuracy, never an email. Omitted: unchanged (off for a new profile). */
  publicProfile?: InputMaybe<Scalars['Boolean']['input']>;
  /** Specialties with years of experience in each (replaces the list). */
  specialties: Array<SpecialtyExperienceInput>;
  /** US state of residence, two letters (e.g. TX), for OIG exclusion screening. Private. */
  state?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone, e.g. America/Chicago. */
  timezone: Scalars['String']['input'];
  /** Hours a week available for ChartBridge work, 1..80. */
  weeklyCapacityHours: Scalars['Int']['input'];
  /** Kinds of work you do (replaces the list). */
  workTypes: Array<WorkType>;
  /** Years of coding experience overall. */
  yearsExperience: Scalars['Int']['input'];
};

/** A person using ChartBridge. `email` is shown only to the user themself and to admins. */
export type User = {
  __typename?: 'User';
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Login email; null when the viewer is neither this user nor an admin. */
  email?: Maybe<Scalars['String']['output']>;
  /** Whether the account proved it reads its email (a link mailed to it was used). Until then documents, coded batches, payments and membership invitations answer FORBIDDEN (reason EMAIL_NOT_VERIFIED). */
  emailVerified: Scalars['Boolean']['output'];
  /** Stable id of the user. */
  id: Scalars['ID']['output'];
  /** Whether the account has a confirmed second factor (TOTP). Shown to the user themself and to admins; false for other viewers, so accounts without MFA cannot be picked out. */
  mfaEnabled: Scalars['Boolean']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** PROVIDER, CODER or ADMIN. */
  role: UserRole;
};

/** What a user does on ChartBridge. ADMIN cannot be chosen at sign-up. */
export type UserRole =
  /** ChartBridge staff: reviews credentials, resolves disputes and screening holds. Never chosen at sign-up. */
  | 'ADMIN'
  /** A coder: profile, credentials, bids and coding work. */
  | 'CODER'
  /** Works for practices: posts jobs, hires and pays. */
  | 'PROVIDER';

/** A day of work on an hourly or per-chart contract. */
export type WorkLog = {
  __typename?: 'WorkLog';
  /** Charts coded (PER_CHART); null for minutes. */
  charts?: Maybe<Scalars['Int']['output']>;
  /** Stable id of the log entry. */
  id: Scalars['ID']['output'];
  /** True once invoiced; invoiced work can no longer change. */
  invoiced: Scalars['Boolean']['output'];
  /** Minutes worked (HOURLY); null for charts. */
  minutes?: Maybe<Scalars['Int']['output']>;
  /** What was done; null when none. */
  note?: Maybe<Scalars['String']['output']>;
  /** The day worked (YYYY-MM-DD). */
  workedOn: Scalars['Date']['output'];
};

/** Work the practice asked of its coder on a contract: charts by a due time. */
export type WorkRequest = {
  __typename?: 'WorkRequest';
  /** When the practice cancelled it; null unless cancelled. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Charts asked for. */
  chartCount: Scalars['Int']['output'];
  /** Charts the practice accepted: encounters of its ACCEPTED batches. The request completes when they reach chartCount. */
  chartsAccepted: Scalars['Int']['output'];
  /** Charts handed in: encounters of its SUBMITTED and ACCEPTED batches (a RETURNED batch no longer counts). */
  chartsDone: Scalars['Int']['output'];
  /** When its accepted charts reached chartCount; null until then. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The contract the request belongs to. */
  contract: Contract;
  /** The contract it belongs to. */
  contractId: Scalars['ID']['output'];
  /** When the practice asked for it. */
  createdAt: Scalars['DateTime']['output'];
  /** When the coder handed in the batch that completed it (its submission time, not the practice's acceptance): on time means deliveredAt <= dueAt. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the charts are due. */
  dueAt: Scalars['DateTime']['output'];
  /** The id submitCodedBatch (workRequestId) and cancelWorkRequest take. */
  id: Scalars['ID']['output'];
  /** True when more charts were handed in than asked for (allowed, shown to both sides). */
  overDelivered: Scalars['Boolean']['output'];
  /** True while it is OPEN and its due time has passed. */
  overdue: Scalars['Boolean']['output'];
  /** NORMAL or STAT. */
  priority: WorkRequestPriority;
  /** OPEN, COMPLETED or CANCELLED. */
  status: WorkRequestStatus;
  /** What the work is. */
  title: Scalars['String']['output'];
};

/** A page of work requests. */
export type WorkRequestConnection = {
  __typename?: 'WorkRequestConnection';
  /** This page of items, in the order of the list; empty past the end. */
  edges: Array<WorkRequestEdge>;
  /** Whether more items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer. */
  totalCount: Scalars['Int']['output'];
};

/** An edge holding one WorkRequest. */
export type WorkRequestEdge = {
  __typename?: 'WorkRequestEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The WorkRequest itself. */
  node: WorkRequest;
};

/** How urgent a work request is. */
export type WorkRequestPriority =
  /** Usual turnaround; the coder is reminded 24 hours before the due time. */
  | 'NORMAL'
  /** Urgent; the coder is reminded 2 hours before the due time. */
  | 'STAT';

/** Where a work request stands. */
export type WorkRequestStatus =
  /** Cancelled by the practice. */
  | 'CANCELLED'
  /** Its accepted charts reached chartCount. */
  | 'COMPLETED'
  /** Waiting for charts; batches may name it. */
  | 'OPEN';

/** Kind of revenue-cycle work. */
export type WorkType =
  /** Following up unpaid claims (accounts receivable). */
  | 'AR_FOLLOW_UP'
  /** Reviewing other coders' work for accuracy. */
  | 'AUDITING'
  /** Preparing and submitting claims. */
  | 'BILLING'
  /** Clinical documentation improvement: queries to providers. */
  | 'CDI'
  /** Entering charges into the billing system. */
  | 'CHARGE_ENTRY'
  /** Assigning diagnosis and procedure codes from the chart (reads PHI: a BAA is always required). */
  | 'CODING'
  /** Working denied claims and appeals. */
  | 'DENIAL_MANAGEMENT'
  /** Posting payer remittances and patient payments. */
  | 'PAYMENT_POSTING';

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { __typename?: 'Mutation', signUp: { __typename?: 'AuthPayload', accessToken: string, refreshToken: string, expiresIn: number, user: { __typename?: 'User', id: string, email?: string | null, name: string, role: UserRole, emailVerified: boolean } } };

export type LogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type LogInMutation = { __typename?: 'Mutation', logIn: { __typename?: 'AuthPayload', accessToken: string, refreshToken: string, expiresIn: number, user: { __typename?: 'User', id: string, email?: string | null, name: string, role: UserRole, emailVerified: boolean } } };

export type RefreshTokenMutationVariables = Exact<{
  refreshToken: Scalars['String']['input'];
}>;


export type RefreshTokenMutation = { __typename?: 'Mutation', refreshToken: { __typename?: 'AuthPayload', accessToken: string, refreshToken: string, expiresIn: number, user: { __typename?: 'User', id: string, email?: string | null, name: string, role: UserRole, emailVerified: boolean } } };

export type LogOutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogOutMutation = { __typename?: 'Mutation', logOut: boolean };

export type VerifyEmailMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type VerifyEmailMutation = { __typename?: 'Mutation', verifyEmail: { __typename?: 'User', id: string, email?: string | null, emailVerified: boolean } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string, email?: string | null, name: string, role: UserRole, emailVerified: boolean, mfaEnabled: boolean } };

export type SubmitBidMutationVariables = Exact<{
  input: SubmitBidInput;
}>;


export type SubmitBidMutation = { __typename?: 'Mutation', submitBid: { __typename?: 'Bid', id: string, status: BidStatus, payModel: PayModel, rateCents?: number | null, coverLetter: string, jobPosting: { __typename?: 'JobPosting', id: string, title: string } } };

export type AcceptBidMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AcceptBidMutation = { __typename?: 'Mutation', acceptBid: { __typename?: 'Contract', id: string, status: ContractStatus, payModel: PayModel, rateCents?: number | null, platformFeeBps: number, jobPosting: { __typename?: 'JobPosting', id: string, title: string }, organization: { __typename?: 'Organization', id: string, name: string }, coder: { __typename?: 'CoderProfile', id: string, user: { __typename?: 'User', id: string, name: string } }, baa: { __typename?: 'BaaStatus', required: boolean, complete: boolean, providerSignedAt?: string | null, coderSignedAt?: string | null } } };

export type UpsertCoderProfileMutationVariables = Exact<{
  input: UpsertCoderProfileInput;
}>;


export type UpsertCoderProfileMutation = { __typename?: 'Mutation', upsertCoderProfile: { __typename?: 'CoderProfile', id: string, headline: string, bio: string, yearsExperience: number, timezone: string, weeklyCapacityHours: number, hourlyRateCents?: number | null, perChartRateCents?: number | null, available: boolean, codeSets: Array<CodeSet>, workTypes: Array<WorkType>, ehrSystems: Array<string>, ratingAverage?: number | null, ratingCount: number, accuracyScore?: number | null, accuracySampleSize: number, specialties: Array<{ __typename?: 'SpecialtyExperience', specialty: Specialty, yearsExperience: number }>, user: { __typename?: 'User', id: string, name: string } } };

export type AddCredentialMutationVariables = Exact<{
  input: AddCredentialInput;
}>;


export type AddCredentialMutation = { __typename?: 'Mutation', addCredential: { __typename?: 'Credential', id: string, type: CredentialType, label: string, status: CredentialStatus, active: boolean, inactiveReason?: CredentialInactiveReason | null, number?: string | null, issuedOn: string, expiresOn?: string | null, membershipExpiresOn?: string | null } };

export type VerifyCredentialMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  approve: Scalars['Boolean']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type VerifyCredentialMutation = { __typename?: 'Mutation', verifyCredential: { __typename?: 'Credential', reviewNote?: string | null, reviewedAt?: string | null, id: string, type: CredentialType, label: string, status: CredentialStatus, active: boolean, inactiveReason?: CredentialInactiveReason | null, number?: string | null, issuedOn: string, expiresOn?: string | null, membershipExpiresOn?: string | null } };

export type SearchCodersQueryVariables = Exact<{
  filter?: InputMaybe<CoderFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<CoderSort>;
}>;


export type SearchCodersQuery = { __typename?: 'Query', coders: { __typename?: 'CoderProfileConnection', totalCount: number, edges: Array<{ __typename?: 'CoderProfileEdge', cursor: string, node: { __typename?: 'CoderProfile', id: string, headline: string, bio: string, yearsExperience: number, timezone: string, weeklyCapacityHours: number, hourlyRateCents?: number | null, perChartRateCents?: number | null, available: boolean, codeSets: Array<CodeSet>, workTypes: Array<WorkType>, ehrSystems: Array<string>, ratingAverage?: number | null, ratingCount: number, accuracyScore?: number | null, accuracySampleSize: number, credentials: Array<{ __typename?: 'Credential', id: string, type: CredentialType, status: CredentialStatus, expiresOn?: string | null }>, specialties: Array<{ __typename?: 'SpecialtyExperience', specialty: Specialty, yearsExperience: number }>, user: { __typename?: 'User', id: string, name: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type CoderProfileQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CoderProfileQuery = { __typename?: 'Query', coderProfile?: { __typename?: 'CoderProfile', id: string, headline: string, bio: string, yearsExperience: number, timezone: string, weeklyCapacityHours: number, hourlyRateCents?: number | null, perChartRateCents?: number | null, available: boolean, codeSets: Array<CodeSet>, workTypes: Array<WorkType>, ehrSystems: Array<string>, ratingAverage?: number | null, ratingCount: number, accuracyScore?: number | null, accuracySampleSize: number, credentials: Array<{ __typename?: 'Credential', id: string, type: CredentialType, status: CredentialStatus, expiresOn?: string | null }>, specialties: Array<{ __typename?: 'SpecialtyExperience', specialty: Specialty, yearsExperience: number }>, user: { __typename?: 'User', id: string, name: string } } | null };

export type ContractQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ContractQuery = { __typename?: 'Query', contract: { __typename?: 'Contract', id: string, status: ContractStatus, payModel: PayModel, rateCents?: number | null, platformFeeBps: number, milestones: Array<{ __typename?: 'Milestone', id: string, title: string, amountCents: number, status: MilestoneStatus, dueOn?: string | null, submissionNote?: string | null, autoReleaseAt?: string | null }>, jobPosting: { __typename?: 'JobPosting', id: string, title: string }, organization: { __typename?: 'Organization', id: string, name: string }, coder: { __typename?: 'CoderProfile', id: string, user: { __typename?: 'User', id: string, name: string } }, baa: { __typename?: 'BaaStatus', required: boolean, complete: boolean, providerSignedAt?: string | null, coderSignedAt?: string | null } } };

export type SignBaaMutationVariables = Exact<{
  contractId: Scalars['ID']['input'];
}>;


export type SignBaaMutation = { __typename?: 'Mutation', signBaa: { __typename?: 'Contract', id: string, status: ContractStatus, payModel: PayModel, rateCents?: number | null, platformFeeBps: number, jobPosting: { __typename?: 'JobPosting', id: string, title: string }, organization: { __typename?: 'Organization', id: string, name: string }, coder: { __typename?: 'CoderProfile', id: string, user: { __typename?: 'User', id: string, name: string } }, baa: { __typename?: 'BaaStatus', required: boolean, complete: boolean, providerSignedAt?: string | null, coderSignedAt?: string | null } } };

export type CreateMilestoneMutationVariables = Exact<{
  contractId: Scalars['ID']['input'];
  input: CreateMilestoneInput;
}>;


export type CreateMilestoneMutation = { __typename?: 'Mutation', createMilestone: { __typename?: 'Milestone', id: string, title: string, amountCents: number, status: MilestoneStatus, dueOn?: string | null, submissionNote?: string | null, autoReleaseAt?: string | null } };

export type FundMilestoneMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FundMilestoneMutation = { __typename?: 'Mutation', fundMilestone: { __typename?: 'FundingIntent', milestoneId: string, clientSecret: string, status: MilestoneStatus } };

export type SubmitMilestoneMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type SubmitMilestoneMutation = { __typename?: 'Mutation', submitMilestone: { __typename?: 'Milestone', id: string, title: string, amountCents: number, status: MilestoneStatus, dueOn?: string | null, submissionNote?: string | null, autoReleaseAt?: string | null } };

export type ApproveMilestoneMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApproveMilestoneMutation = { __typename?: 'Mutation', approveMilestone: { __typename?: 'Milestone', id: string, title: string, amountCents: number, status: MilestoneStatus, dueOn?: string | null, submissionNote?: string | null, autoReleaseAt?: string | null } };

export type SessionFieldsFragment = { __typename?: 'AuthPayload', accessToken: string, refreshToken: string, expiresIn: number, user: { __typename?: 'User', id: string, email?: string | null, name: string, role: UserRole, emailVerified: boolean } };

export type PageInfoFieldsFragment = { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null };

export type CredentialFieldsFragment = { __typename?: 'Credential', id: string, type: CredentialType, label: string, status: CredentialStatus, active: boolean, inactiveReason?: CredentialInactiveReason | null, number?: string | null, issuedOn: string, expiresOn?: string | null, membershipExpiresOn?: string | null };

export type CoderProfileFieldsFragment = { __typename?: 'CoderProfile', id: string, headline: string, bio: string, yearsExperience: number, timezone: string, weeklyCapacityHours: number, hourlyRateCents?: number | null, perChartRateCents?: number | null, available: boolean, codeSets: Array<CodeSet>, workTypes: Array<WorkType>, ehrSystems: Array<string>, ratingAverage?: number | null, ratingCount: number, accuracyScore?: number | null, accuracySampleSize: number, specialties: Array<{ __typename?: 'SpecialtyExperience', specialty: Specialty, yearsExperience: number }>, user: { __typename?: 'User', id: string, name: string } };

export type JobPostingFieldsFragment = { __typename?: 'JobPosting', id: string, title: string, status: JobPostingStatus, specialty: Specialty, codeSets: Array<CodeSet>, workType: WorkType, setting: CareSetting, payModel: PayModel, rateCents?: number | null, budgetCents?: number | null, requiredCredentialTypes: Array<CredentialType>, turnaroundHours: number, accuracyTargetBps: number, requiresBaa: boolean, positions: number, positionsFilled: number, organization: { __typename?: 'Organization', id: string, name: string } };

export type MilestoneFieldsFragment = { __typename?: 'Milestone', id: string, title: string, amountCents: number, status: MilestoneStatus, dueOn?: string | null, submissionNote?: string | null, autoReleaseAt?: string | null };

export type ContractFieldsFragment = { __typename?: 'Contract', id: string, status: ContractStatus, payModel: PayModel, rateCents?: number | null, platformFeeBps: number, jobPosting: { __typename?: 'JobPosting', id: string, title: string }, organization: { __typename?: 'Organization', id: string, name: string }, coder: { __typename?: 'CoderProfile', id: string, user: { __typename?: 'User', id: string, name: string } }, baa: { __typename?: 'BaaStatus', required: boolean, complete: boolean, providerSignedAt?: string | null, coderSignedAt?: string | null } };

export type CodedBatchFieldsFragment = { __typename?: 'CodedBatch', id: string, status: CodedBatchStatus, encounterCount: number, createdAt: string, warnings: Array<{ __typename?: 'CodingWarning', chartRef: string, kind: CodingWarningKind, codes: Array<string>, message: string }> };

export type MessageFieldsFragment = { __typename?: 'Message', id: string, contractId: string, senderId: string, body: string, createdAt: string };

export type CreateJobPostingMutationVariables = Exact<{
  input: CreateJobPostingInput;
}>;


export type CreateJobPostingMutation = { __typename?: 'Mutation', createJobPosting: { __typename?: 'JobPosting', id: string, title: string, status: JobPostingStatus, specialty: Specialty, codeSets: Array<CodeSet>, workType: WorkType, setting: CareSetting, payModel: PayModel, rateCents?: number | null, budgetCents?: number | null, requiredCredentialTypes: Array<CredentialType>, turnaroundHours: number, accuracyTargetBps: number, requiresBaa: boolean, positions: number, positionsFilled: number, organization: { __typename?: 'Organization', id: string, name: string } } };

export type SearchJobPostingsQueryVariables = Exact<{
  filter?: InputMaybe<JobPostingFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SearchJobPostingsQuery = { __typename?: 'Query', jobPostings: { __typename?: 'JobPostingConnection', totalCount: number, edges: Array<{ __typename?: 'JobPostingEdge', cursor: string, node: { __typename?: 'JobPosting', id: string, title: string, status: JobPostingStatus, specialty: Specialty, codeSets: Array<CodeSet>, workType: WorkType, setting: CareSetting, payModel: PayModel, rateCents?: number | null, budgetCents?: number | null, requiredCredentialTypes: Array<CredentialType>, turnaroundHours: number, accuracyTargetBps: number, requiresBaa: boolean, positions: number, positionsFilled: number, organization: { __typename?: 'Organization', id: string, name: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type JobPostingWithBidsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type JobPostingWithBidsQuery = { __typename?: 'Query', jobPosting?: { __typename?: 'JobPosting', id: string, title: string, status: JobPostingStatus, specialty: Specialty, codeSets: Array<CodeSet>, workType: WorkType, setting: CareSetting, payModel: PayModel, rateCents?: number | null, budgetCents?: number | null, requiredCredentialTypes: Array<CredentialType>, turnaroundHours: number, accuracyTargetBps: number, requiresBaa: boolean, positions: number, positionsFilled: number, bids?: { __typename?: 'BidConnection', totalCount: number, edges: Array<{ __typename?: 'BidEdge', node: { __typename?: 'Bid', id: string, status: BidStatus, rateCents?: number | null, coverLetter: string, coder: { __typename?: 'CoderProfile', id: string, headline: string, user: { __typename?: 'User', id: string, name: string } } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null, organization: { __typename?: 'Organization', id: string, name: string } } | null };

export type SendMessageMutationVariables = Exact<{
  contractId: Scalars['ID']['input'];
  body: Scalars['String']['input'];
}>;


export type SendMessageMutation = { __typename?: 'Mutation', sendMessage: { __typename?: 'Message', id: string, contractId: string, senderId: string, body: string, createdAt: string } };

export type MessagesQueryVariables = Exact<{
  contractId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MessagesQuery = { __typename?: 'Query', messages: { __typename?: 'MessageConnection', totalCount: number, edges: Array<{ __typename?: 'MessageEdge', cursor: string, node: { __typename?: 'Message', id: string, contractId: string, senderId: string, body: string, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type MessageAddedSubscriptionVariables = Exact<{
  contractId: Scalars['ID']['input'];
}>;


export type MessageAddedSubscription = { __typename?: 'Subscription', messageAdded: { __typename?: 'Message', id: string, contractId: string, senderId: string, body: string, createdAt: string } };

export type CreateOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type CreateOrganizationMutation = { __typename?: 'Mutation', createOrganization: { __typename?: 'Organization', id: string, name: string, kind: OrganizationKind, npi?: string | null } };

export type MyOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyOrganizationsQuery = { __typename?: 'Query', myOrganizations: Array<{ __typename?: 'Organization', id: string, name: string, kind: OrganizationKind }> };

export type ContractDocumentsQueryVariables = Exact<{
  contractId: Scalars['ID']['input'];
}>;


export type ContractDocumentsQuery = { __typename?: 'Query', documents: Array<{ __typename?: 'Document', id: string, filename: string, contentType: string, sizeBytes: number, createdAt: string }> };

export type SubmitCodedBatchMutationVariables = Exact<{
  contractId: Scalars['ID']['input'];
  input: SubmitCodedBatchInput;
}>;


export type SubmitCodedBatchMutation = { __typename?: 'Mutation', submitCodedBatch: { __typename?: 'CodedBatch', id: string, status: CodedBatchStatus, encounterCount: number, createdAt: string, warnings: Array<{ __typename?: 'CodingWarning', chartRef: string, kind: CodingWarningKind, codes: Array<string>, message: string }> } };

export type ReviewCodedBatchMutationVariables = Exact<{
  batchId: Scalars['ID']['input'];
  input: ReviewCodedBatchInput;
}>;


export type ReviewCodedBatchMutation = { __typename?: 'Mutation', reviewCodedBatch: { __typename?: 'CodedBatch', id: string, status: CodedBatchStatus, encounterCount: number, createdAt: string, warnings: Array<{ __typename?: 'CodingWarning', chartRef: string, kind: CodingWarningKind, codes: Array<string>, message: string }> } };

export const SessionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}}]}}]}}]} as unknown as DocumentNode<SessionFieldsFragment, unknown>;
export const PageInfoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const CredentialFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CredentialFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Credential"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"inactiveReason"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"membershipExpiresOn"}}]}}]} as unknown as DocumentNode<CredentialFieldsFragment, unknown>;
export const CoderProfileFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoderProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoderProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"yearsExperience"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyCapacityHours"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRateCents"}},{"kind":"Field","name":{"kind":"Name","value":"perChartRateCents"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"specialties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"specialty"}},{"kind":"Field","name":{"kind":"Name","value":"yearsExperience"}}]}},{"kind":"Field","name":{"kind":"Name","value":"codeSets"}},{"kind":"Field","name":{"kind":"Name","value":"workTypes"}},{"kind":"Field","name":{"kind":"Name","value":"ehrSystems"}},{"kind":"Field","name":{"kind":"Name","value":"ratingAverage"}},{"kind":"Field","name":{"kind":"Name","value":"ratingCount"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyScore"}},{"kind":"Field","name":{"kind":"Name","value":"accuracySampleSize"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CoderProfileFieldsFragment, unknown>;
export const JobPostingFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobPostingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobPosting"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"specialty"}},{"kind":"Field","name":{"kind":"Name","value":"codeSets"}},{"kind":"Field","name":{"kind":"Name","value":"workType"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"payModel"}},{"kind":"Field","name":{"kind":"Name","value":"rateCents"}},{"kind":"Field","name":{"kind":"Name","value":"budgetCents"}},{"kind":"Field","name":{"kind":"Name","value":"requiredCredentialTypes"}},{"kind":"Field","name":{"kind":"Name","value":"turnaroundHours"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyTargetBps"}},{"kind":"Field","name":{"kind":"Name","value":"requiresBaa"}},{"kind":"Field","name":{"kind":"Name","value":"positions"}},{"kind":"Field","name":{"kind":"Name","value":"positionsFilled"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<JobPostingFieldsFragment, unknown>;
export const MilestoneFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MilestoneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Milestone"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"submissionNote"}},{"kind":"Field","name":{"kind":"Name","value":"autoReleaseAt"}}]}}]} as unknown as DocumentNode<MilestoneFieldsFragment, unknown>;
export const ContractFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContractFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contract"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payModel"}},{"kind":"Field","name":{"kind":"Name","value":"rateCents"}},{"kind":"Field","name":{"kind":"Name","value":"platformFeeBps"}},{"kind":"Field","name":{"kind":"Name","value":"jobPosting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"baa"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"providerSignedAt"}},{"kind":"Field","name":{"kind":"Name","value":"coderSignedAt"}}]}}]}}]} as unknown as DocumentNode<ContractFieldsFragment, unknown>;
export const CodedBatchFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CodedBatchFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CodedBatch"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"encounterCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chartRef"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"codes"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<CodedBatchFieldsFragment, unknown>;
export const MessageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"contractId"}},{"kind":"Field","name":{"kind":"Name","value":"senderId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<MessageFieldsFragment, unknown>;
export const SignUpDocument = {"__meta__":{"hash":"8bd41e01751b56ce5d2a31813b504b8a102806a0154b2db88480b7aeba6f8089"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const LogInDocument = {"__meta__":{"hash":"5d3f42bc0574bc26b7bc8ba98c17f4160b8b8368b49c4e47193a88ec9636941e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}}]}}]}}]} as unknown as DocumentNode<LogInMutation, LogInMutationVariables>;
export const RefreshTokenDocument = {"__meta__":{"hash":"0cd4e027885b7d345aac92089caf146d9e080f37a87cd3add91ee2e773aca04b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}}]}}]}}]} as unknown as DocumentNode<RefreshTokenMutation, RefreshTokenMutationVariables>;
export const LogOutDocument = {"__meta__":{"hash":"0b6e62ffaa90081b102c4c41011f06f64be899efbe92bd33767bc7ac725ce107"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logOut"}}]}}]} as unknown as DocumentNode<LogOutMutation, LogOutMutationVariables>;
export const VerifyEmailDocument = {"__meta__":{"hash":"3a2faf707fbad3e2ae44cef669f445f48927dbef60c2471622f53c7c5c8a44cf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}}]}}]}}]} as unknown as DocumentNode<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"805b5272e7513729679c17299857c8c64b042a8f9176ed181e7248b5b49debf6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"mfaEnabled"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const SubmitBidDocument = {"__meta__":{"hash":"f08edf70b3321811fa258408cc0797b3e6ca17dbc0b7a8f4c77c71402c2d6e49"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitBid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitBidInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitBid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payModel"}},{"kind":"Field","name":{"kind":"Name","value":"rateCents"}},{"kind":"Field","name":{"kind":"Name","value":"coverLetter"}},{"kind":"Field","name":{"kind":"Name","value":"jobPosting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitBidMutation, SubmitBidMutationVariables>;
export const AcceptBidDocument = {"__meta__":{"hash":"c08ca20771c04caa9bf707044146edbb576ae7aadc271c21dbcdc039fd0da307"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptBid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptBid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContractFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContractFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contract"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payModel"}},{"kind":"Field","name":{"kind":"Name","value":"rateCents"}},{"kind":"Field","name":{"kind":"Name","value":"platformFeeBps"}},{"kind":"Field","name":{"kind":"Name","value":"jobPosting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"baa"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"providerSignedAt"}},{"kind":"Field","name":{"kind":"Name","value":"coderSignedAt"}}]}}]}}]} as unknown as DocumentNode<AcceptBidMutation, AcceptBidMutationVariables>;
export const UpsertCoderProfileDocument = {"__meta__":{"hash":"2e9c3fad582f203878dcf3d30937c4d79e2784992b42f172b3cbdec0c03706cc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertCoderProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertCoderProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertCoderProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoderProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoderProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoderProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"yearsExperience"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyCapacityHours"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRateCents"}},{"kind":"Field","name":{"kind":"Name","value":"perChartRateCents"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"specialties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"specialty"}},{"kind":"Field","name":{"kind":"Name","value":"yearsExperience"}}]}},{"kind":"Field","name":{"kind":"Name","value":"codeSets"}},{"kind":"Field","name":{"kind":"Name","value":"workTypes"}},{"kind":"Field","name":{"kind":"Name","value":"ehrSystems"}},{"kind":"Field","name":{"kind":"Name","value":"ratingAverage"}},{"kind":"Field","name":{"kind":"Name","value":"ratingCount"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyScore"}},{"kind":"Field","name":{"kind":"Name","value":"accuracySampleSize"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UpsertCoderProfileMutation, UpsertCoderProfileMutationVariables>;
export const AddCredentialDocument = {"__meta__":{"hash":"4b4eac5ac4cf7a8af456742dd044403985d691ec898cfbb28323595215a4cc5b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCredentialInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CredentialFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CredentialFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Credential"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"inactiveReason"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"membershipExpiresOn"}}]}}]} as unknown as DocumentNode<AddCredentialMutation, AddCredentialMutationVariables>;
export const VerifyCredentialDocument = {"__meta__":{"hash":"b662b76df1afd4ef981ab5d1177bd7fc043bbe18725892a5533c44b5e0f0af48"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"approve"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"approve"},"value":{"kind":"Variable","name":{"kind":"Name","value":"approve"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CredentialFields"}},{"kind":"Field","name":{"kind":"Name","value":"reviewNote"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CredentialFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Credential"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"inactiveReason"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"membershipExpiresOn"}}]}}]} as unknown as DocumentNode<VerifyCredentialMutation, VerifyCredentialMutationVariables>;
export const SearchCodersDocument = {"__meta__":{"hash":"0d93b0170909b5a2a2ce3584bb9f9b81e95912c6a7718581c2f45d549465874e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchCoders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CoderFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CoderSort"}},"defaultValue":{"kind":"EnumValue","value":"RELEVANCE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoderProfileFields"}},{"kind":"Field","name":{"kind":"Name","value":"credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoderProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoderProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"yearsExperience"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyCapacityHours"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRateCents"}},{"kind":"Field","name":{"kind":"Name","value":"perChartRateCents"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"specialties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"specialty"}},{"kind":"Field","name":{"kind":"Name","value":"yearsExperience"}}]}},{"kind":"Field","name":{"kind":"Name","value":"codeSets"}},{"kind":"Field","name":{"kind":"Name","value":"workTypes"}},{"kind":"Field","name":{"kind":"Name","value":"ehrSystems"}},{"kind":"Field","name":{"kind":"Name","value":"ratingAverage"}},{"kind":"Field","name":{"kind":"Name","value":"ratingCount"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyScore"}},{"kind":"Field","name":{"kind":"Name","value":"accuracySampleSize"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<SearchCodersQuery, SearchCodersQueryVariables>;
export const CoderProfileDocument = {"__meta__":{"hash":"bb91788e95b71d7cd814d3980b4bda37aa3b7c80025617e858ae7973c9a37581"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoderProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coderProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoderProfileFields"}},{"kind":"Field","name":{"kind":"Name","value":"credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoderProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoderProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"yearsExperience"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyCapacityHours"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRateCents"}},{"kind":"Field","name":{"kind":"Name","value":"perChartRateCents"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"specialties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"specialty"}},{"kind":"Field","name":{"kind":"Name","value":"yearsExperience"}}]}},{"kind":"Field","name":{"kind":"Name","value":"codeSets"}},{"kind":"Field","name":{"kind":"Name","value":"workTypes"}},{"kind":"Field","name":{"kind":"Name","value":"ehrSystems"}},{"kind":"Field","name":{"kind":"Name","value":"ratingAverage"}},{"kind":"Field","name":{"kind":"Name","value":"ratingCount"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyScore"}},{"kind":"Field","name":{"kind":"Name","value":"accuracySampleSize"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CoderProfileQuery, CoderProfileQueryVariables>;
export const ContractDocument = {"__meta__":{"hash":"304be42a6279d1499e799fc4506224f34a08267fcc440bcb787318eb0a2d28f1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Contract"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contract"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContractFields"}},{"kind":"Field","name":{"kind":"Name","value":"milestones"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MilestoneFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContractFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contract"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payModel"}},{"kind":"Field","name":{"kind":"Name","value":"rateCents"}},{"kind":"Field","name":{"kind":"Name","value":"platformFeeBps"}},{"kind":"Field","name":{"kind":"Name","value":"jobPosting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"baa"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"providerSignedAt"}},{"kind":"Field","name":{"kind":"Name","value":"coderSignedAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MilestoneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Milestone"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"submissionNote"}},{"kind":"Field","name":{"kind":"Name","value":"autoReleaseAt"}}]}}]} as unknown as DocumentNode<ContractQuery, ContractQueryVariables>;
export const SignBaaDocument = {"__meta__":{"hash":"e6b92ce32758eeb833009311c2145942c150b6c4c060bb8a66ecff18e1671c5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignBaa"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signBaa"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContractFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContractFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contract"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payModel"}},{"kind":"Field","name":{"kind":"Name","value":"rateCents"}},{"kind":"Field","name":{"kind":"Name","value":"platformFeeBps"}},{"kind":"Field","name":{"kind":"Name","value":"jobPosting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"baa"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"providerSignedAt"}},{"kind":"Field","name":{"kind":"Name","value":"coderSignedAt"}}]}}]}}]} as unknown as DocumentNode<SignBaaMutation, SignBaaMutationVariables>;
export const CreateMilestoneDocument = {"__meta__":{"hash":"3903c05e61e503021570176e4c4251dba96799d11fddceb004f93e37e5955bbf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateMilestone"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateMilestoneInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMilestone"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MilestoneFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MilestoneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Milestone"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"submissionNote"}},{"kind":"Field","name":{"kind":"Name","value":"autoReleaseAt"}}]}}]} as unknown as DocumentNode<CreateMilestoneMutation, CreateMilestoneMutationVariables>;
export const FundMilestoneDocument = {"__meta__":{"hash":"88d712569b259fbceacb0e13e20cd73a46badf1e65be1511095b4727f41a2e59"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FundMilestone"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundMilestone"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"milestoneId"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<FundMilestoneMutation, FundMilestoneMutationVariables>;
export const SubmitMilestoneDocument = {"__meta__":{"hash":"ee62451ea01857f6cfbbd30b1832702c50edd5230b419d8a0136905470f2b7b2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitMilestone"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitMilestone"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MilestoneFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MilestoneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Milestone"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"submissionNote"}},{"kind":"Field","name":{"kind":"Name","value":"autoReleaseAt"}}]}}]} as unknown as DocumentNode<SubmitMilestoneMutation, SubmitMilestoneMutationVariables>;
export const ApproveMilestoneDocument = {"__meta__":{"hash":"20aa366d1f0d3d1cdebf4f25d0269076730c3fcbe9c7d36a44b91d988206ea8e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveMilestone"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveMilestone"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MilestoneFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MilestoneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Milestone"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"submissionNote"}},{"kind":"Field","name":{"kind":"Name","value":"autoReleaseAt"}}]}}]} as unknown as DocumentNode<ApproveMilestoneMutation, ApproveMilestoneMutationVariables>;
export const CreateJobPostingDocument = {"__meta__":{"hash":"e37b00cc7da52447787d3439d4ac688baddeb861ed8854583b50cb9afdb3bec1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateJobPosting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateJobPostingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createJobPosting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobPostingFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobPostingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobPosting"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"specialty"}},{"kind":"Field","name":{"kind":"Name","value":"codeSets"}},{"kind":"Field","name":{"kind":"Name","value":"workType"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"payModel"}},{"kind":"Field","name":{"kind":"Name","value":"rateCents"}},{"kind":"Field","name":{"kind":"Name","value":"budgetCents"}},{"kind":"Field","name":{"kind":"Name","value":"requiredCredentialTypes"}},{"kind":"Field","name":{"kind":"Name","value":"turnaroundHours"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyTargetBps"}},{"kind":"Field","name":{"kind":"Name","value":"requiresBaa"}},{"kind":"Field","name":{"kind":"Name","value":"positions"}},{"kind":"Field","name":{"kind":"Name","value":"positionsFilled"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateJobPostingMutation, CreateJobPostingMutationVariables>;
export const SearchJobPostingsDocument = {"__meta__":{"hash":"d820a807776a50dbec2d69b947293e43e358eba31e8fad09ddfb6b4af4e475d8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchJobPostings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JobPostingFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobPostings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobPostingFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobPostingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobPosting"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"specialty"}},{"kind":"Field","name":{"kind":"Name","value":"codeSets"}},{"kind":"Field","name":{"kind":"Name","value":"workType"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"payModel"}},{"kind":"Field","name":{"kind":"Name","value":"rateCents"}},{"kind":"Field","name":{"kind":"Name","value":"budgetCents"}},{"kind":"Field","name":{"kind":"Name","value":"requiredCredentialTypes"}},{"kind":"Field","name":{"kind":"Name","value":"turnaroundHours"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyTargetBps"}},{"kind":"Field","name":{"kind":"Name","value":"requiresBaa"}},{"kind":"Field","name":{"kind":"Name","value":"positions"}},{"kind":"Field","name":{"kind":"Name","value":"positionsFilled"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<SearchJobPostingsQuery, SearchJobPostingsQueryVariables>;
export const JobPostingWithBidsDocument = {"__meta__":{"hash":"cac174cbd27241a09c2fff03ba7a7233e750199c0643ed4579e41b967525d292"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobPostingWithBids"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobPosting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobPostingFields"}},{"kind":"Field","name":{"kind":"Name","value":"bids"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rateCents"}},{"kind":"Field","name":{"kind":"Name","value":"coverLetter"}},{"kind":"Field","name":{"kind":"Name","value":"coder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobPostingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobPosting"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"specialty"}},{"kind":"Field","name":{"kind":"Name","value":"codeSets"}},{"kind":"Field","name":{"kind":"Name","value":"workType"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"payModel"}},{"kind":"Field","name":{"kind":"Name","value":"rateCents"}},{"kind":"Field","name":{"kind":"Name","value":"budgetCents"}},{"kind":"Field","name":{"kind":"Name","value":"requiredCredentialTypes"}},{"kind":"Field","name":{"kind":"Name","value":"turnaroundHours"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyTargetBps"}},{"kind":"Field","name":{"kind":"Name","value":"requiresBaa"}},{"kind":"Field","name":{"kind":"Name","value":"positions"}},{"kind":"Field","name":{"kind":"Name","value":"positionsFilled"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<JobPostingWithBidsQuery, JobPostingWithBidsQueryVariables>;
export const SendMessageDocument = {"__meta__":{"hash":"af0a5471eccc4b9f6ce3a7b49017929dda617308ff7bcc370bd3706efd20e8ab"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"body"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}},{"kind":"Argument","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"body"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"contractId"}},{"kind":"Field","name":{"kind":"Name","value":"senderId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<SendMessageMutation, SendMessageMutationVariables>;
export const MessagesDocument = {"__meta__":{"hash":"37023ed9126547803ea62d86af6c0f40c0155c82b6a3b519404d8ccd20cb7c9c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Messages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"contractId"}},{"kind":"Field","name":{"kind":"Name","value":"senderId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<MessagesQuery, MessagesQueryVariables>;
export const MessageAddedDocument = {"__meta__":{"hash":"0205a081da046198b5a811f8107b7e59ce05ba4d012cffc5f2b6a45703269f0d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MessageAdded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"contractId"}},{"kind":"Field","name":{"kind":"Name","value":"senderId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<MessageAddedSubscription, MessageAddedSubscriptionVariables>;
export const CreateOrganizationDocument = {"__meta__":{"hash":"9d8b5500134b431c35c5e866d45ce984dc5068d7c1ace726be1576f3442ce8e7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"npi"}}]}}]}}]} as unknown as DocumentNode<CreateOrganizationMutation, CreateOrganizationMutationVariables>;
export const MyOrganizationsDocument = {"__meta__":{"hash":"f2d4f35f948f959d7ef8095c7621528700fab6a110df8227ce307cd1b562ed71"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyOrganizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myOrganizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<MyOrganizationsQuery, MyOrganizationsQueryVariables>;
export const ContractDocumentsDocument = {"__meta__":{"hash":"a8e900837f41361fd17428475f85a56845f3f69c2b1a92b1b44b9d9f4328199f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContractDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ContractDocumentsQuery, ContractDocumentsQueryVariables>;
export const SubmitCodedBatchDocument = {"__meta__":{"hash":"48dbaf8bead5ba628a9deb609b32c5f86110cecc8628a9ced0bc4320e70c6b48"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitCodedBatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitCodedBatchInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitCodedBatch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CodedBatchFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CodedBatchFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CodedBatch"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"encounterCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chartRef"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"codes"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<SubmitCodedBatchMutation, SubmitCodedBatchMutationVariables>;
export const ReviewCodedBatchDocument = {"__meta__":{"hash":"c3e50860af8f35c72d8835790b664f8f31609e0ac30c565eda745750835ecfde"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewCodedBatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"batchId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewCodedBatchInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewCodedBatch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"batchId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"batchId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CodedBatchFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CodedBatchFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CodedBatch"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"encounterCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chartRef"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"codes"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ReviewCodedBatchMutation, ReviewCodedBatchMutationVariables>;