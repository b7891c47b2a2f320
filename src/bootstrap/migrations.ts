import { Foundation1795750675501 } from '../../migrations/1795750675501-Foundation.js';
import { CoderProfiles1795751619499 } from '../../migrations/1795751619499-CoderProfiles.js';
import { JobsBidsInvitations1795751973549 } from '../../migrations/1795751973549-JobsBidsInvitations.js';
import { Contracts1795752625001 } from '../../migrations/1795752625001-Contracts.js';
import { MoneyLedgerMilestones1795752936260 } from '../../migrations/1795752936260-MoneyLedgerMilestones.js';
import { Disputes1795753161702 } from '../../migrations/1795753161702-Disputes.js';
import { HourlyInvoices1795753411064 } from '../../migrations/1795753411064-HourlyInvoices.js';
import { Workroom1795753872401 } from '../../migrations/1795753872401-Workroom.js';
import { CodedBatches1795754189128 } from '../../migrations/1795754189128-CodedBatches.js';
import { Reviews1795754353276 } from '../../migrations/1795754353276-Reviews.js';
import { Messaging1795754530593 } from '../../migrations/1795754530593-Messaging.js';
import { MoreNotifications1795754687472 } from '../../migrations/1795754687472-MoreNotifications.js';
import { CredentialExpiryReminders1795754898520 } from '../../migrations/1795754898520-CredentialExpiryReminders.js';
import { MatchingAtScale1795800000000 } from '../../migrations/1795800000000-MatchingAtScale.js';
import { OpenPostingsBySpecialty1795810000000 } from '../../migrations/1795810000000-OpenPostingsBySpecialty.js';
import { CodedBatchSpecialty1795820000000 } from '../../migrations/1795820000000-CodedBatchSpecialty.js';
import { AccountTokens1795830000000 } from '../../migrations/1795830000000-AccountTokens.js';
import { MembershipEndStatuses1795840000000 } from '../../migrations/1795840000000-MembershipEndStatuses.js';
import { MembershipEnded1795840000001 } from '../../migrations/1795840000001-MembershipEnded.js';
import { NpiClaims1795840000002 } from '../../migrations/1795840000002-NpiClaims.js';
import { Mfa1795850000000 } from '../../migrations/1795850000000-Mfa.js';
import { EmailNormalization1795860000000 } from '../../migrations/1795860000000-EmailNormalization.js';
import { WorkWithinTheContract1795870000000 } from '../../migrations/1795870000000-WorkWithinTheContract.js';
import { EscrowProtectsTheCoder1795880000000 } from '../../migrations/1795880000000-EscrowProtectsTheCoder.js';
import { StripeEventOutcomes1795890000000 } from '../../migrations/1795890000000-StripeEventOutcomes.js';
import { BigintMoney1795900000000 } from '../../migrations/1795900000000-BigintMoney.js';
import { CompanyPayees1795890000001 } from '../../migrations/1795890000001-CompanyPayees.js';
import { OneActiveMembershipPerUser1795914000000 } from '../../migrations/1795914000000-OneActiveMembershipPerUser.js';
import { CodeTablesByDate1795921000000 } from '../../migrations/1795921000000-CodeTablesByDate.js';
import { HiddenMarkEmails1795914000001 } from '../../migrations/1795914000001-HiddenMarkEmails.js';
import { IdempotentCodedBatches1795920000000 } from '../../migrations/1795920000000-IdempotentCodedBatches.js';
import { ClaimFiles1795922000000 } from '../../migrations/1795922000000-ClaimFiles.js';
import { WorkRequests1795923000000 } from '../../migrations/1795923000000-WorkRequests.js';
import { PhiPosture1795924000000 } from '../../migrations/1795924000000-PhiPosture.js';
import { CredentialLifecycle1795925000000 } from '../../migrations/1795925000000-CredentialLifecycle.js';
import { CredentialRequirementGroups1795926000000 } from '../../migrations/1795926000000-CredentialRequirementGroups.js';
import { ExclusionScreening1795927000000 } from '../../migrations/1795927000000-ExclusionScreening.js';
import { CeuLog1795928000000 } from '../../migrations/1795928000000-CeuLog.js';
import { AuditFindings1795929000000 } from '../../migrations/1795929000000-AuditFindings.js';
import { ExclusionScreeningNames1795930000000 } from '../../migrations/1795930000000-ExclusionScreeningNames.js';
import { CeuEvidence1795930200000 } from '../../migrations/1795930200000-CeuEvidence.js';
import { PublicProfiles1795930400000 } from '../../migrations/1795930400000-PublicProfiles.js';
import { CredentialDocumentDigests1795931000000 } from '../../migrations/1795931000000-CredentialDocumentDigests.js';
import { DropCoderAuditTotals1795935000000 } from '../../migrations/1795935000000-DropCoderAuditTotals.js';

/**
 * Every migration, oldest first. `npm run migration:generate -- migrations/<Intent>` writes a new
 * file; add its class here (migrations.spec.ts fails until you do).
 */
export const MIGRATIONS = [
  Foundation1795750675501,
  CoderProfiles1795751619499,
  JobsBidsInvitations1795751973549,
  Contracts1795752625001,
  MoneyLedgerMilestones1795752936260,
  Disputes1795753161702,
  HourlyInvoices1795753411064,
  Workroom1795753872401,
  CodedBatches1795754189128,
  Reviews1795754353276,
  Messaging1795754530593,
  MoreNotifications1795754687472,
  CredentialExpiryReminders1795754898520,
  MatchingAtScale1795800000000,
  OpenPostingsBySpecialty1795810000000,
  CodedBatchSpecialty1795820000000,
  AccountTokens1795830000000,
  MembershipEndStatuses1795840000000,
  MembershipEnded1795840000001,
  NpiClaims1795840000002,
  Mfa1795850000000,
  EmailNormalization1795860000000,
  WorkWithinTheContract1795870000000,
  EscrowProtectsTheCoder1795880000000,
  StripeEventOutcomes1795890000000,
  CompanyPayees1795890000001,
  BigintMoney1795900000000,
  OneActiveMembershipPerUser1795914000000,
  HiddenMarkEmails1795914000001,
  IdempotentCodedBatches1795920000000,
  CodeTablesByDate1795921000000,
  ClaimFiles1795922000000,
  WorkRequests1795923000000,
  PhiPosture1795924000000,
  CredentialLifecycle1795925000000,
  CredentialRequirementGroups1795926000000,
  ExclusionScreening1795927000000,
  CeuLog1795928000000,
  AuditFindings1795929000000,
  ExclusionScreeningNames1795930000000,
  CeuEvidence1795930200000,
  PublicProfiles1795930400000,
  CredentialDocumentDigests1795931000000,
  DropCoderAuditTotals1795935000000,
];
