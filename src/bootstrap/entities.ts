import { MessageEntity } from '../messaging/message.entity.js';
import { ReviewEntity } from '../reviews/review.entity.js';
import { CodedBatchEntity } from '../workroom/coded-batch.entity.js';
import { EncounterClaimDataEntity } from '../workroom/claims/encounter-claim-data.entity.js';
import { WorkRequestEntity } from '../workroom/work-requests/work-request.entity.js';
import { AuditFindingEntity } from '../workroom/audits/audit-finding.entity.js';
import { CodeTableEntryEntity } from '../workroom/codes/code-table-entry.entity.js';
import { CodeTableVersionEntity } from '../workroom/codes/code-table-version.entity.js';
import { MueValueEntity, NcciPtpEditEntity } from '../workroom/codes/ncci-edit.entity.js';
import { AuditEventEntity } from '../workroom/audit-event.entity.js';
import { BaaSignatureEntity } from '../workroom/baa-signature.entity.js';
import { DocumentEntity } from '../workroom/document.entity.js';
import { PhiDestructionEntity } from '../workroom/phi-destruction.entity.js';
import { SubcontractorBaaEntity } from '../workroom/subcontractor-baa.entity.js';
import { BillingCustomerEntity } from '../payments/billing-customer.entity.js';
import { InvoiceEntity } from '../contracts/invoice.entity.js';
import { InvoiceLineEntity } from '../contracts/invoice-line.entity.js';
import { ContractPauseEntity } from '../contracts/contract-pause.entity.js';
import { WorkLogEntity } from '../contracts/work-log.entity.js';
import { DisputeEntity } from '../contracts/dispute.entity.js';
import { MilestoneEntity } from '../contracts/milestone.entity.js';
import { LedgerEntryEntity, LedgerJournalEntity } from '../payments/ledger.entities.js';
import { OutboxJobEntity } from '../outbox/outbox-job.entity.js';
import { PayoutAccountEntity } from '../payments/payout-account.entity.js';
import { StripeEventEntity } from '../payments/stripe-event.entity.js';
import { ContractEntity } from '../contracts/contract.entity.js';
import { BidEntity } from '../bids/bid.entity.js';
import { JobInvitationEntity } from '../bids/job-invitation.entity.js';
import { JobPostingEntity } from '../jobs/job-posting.entity.js';
import { NotificationEntity } from '../notifications/notification.entity.js';
import { CoderLegalNameEntity } from '../coders/coder-legal-name.entity.js';
import { CoderProfileEntity } from '../coders/coder-profile.entity.js';
import { CredentialEntity } from '../coders/credential.entity.js';
import { CredentialChangeEntity } from '../coders/credential-change.entity.js';
import { CredentialDocumentEntity } from '../coders/credential-document.entity.js';
import { CeuEntryEntity } from '../coders/ceus/ceu-entry.entity.js';
import { CeuReminderEntity } from '../coders/ceus/ceu-reminder.entity.js';
import { ContractCredentialLapseEntity } from '../contracts/contract-credential-lapse.entity.js';
import { RefreshTokenEntity } from '../auth/refresh-token.entity.js';
import { AccountTokenEntity } from '../auth/account-token.entity.js';
import { MfaFactorEntity } from '../auth/mfa-factor.entity.js';
import { MfaRecoveryCodeEntity } from '../auth/mfa-recovery-code.entity.js';
import { MembershipEntity } from '../organizations/membership.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { PracticeBillingProfileEntity } from '../organizations/practice-billing-profile.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { LeieExclusionEntity, LeieImportEntity, ScreeningHoldEntity, ScreeningRunEntity } from '../screening/screening.entities.js';

/** Every TypeORM entity, listed once for the app, the CLI and the tests. */
export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  AccountTokenEntity,
  MfaFactorEntity,
  MfaRecoveryCodeEntity,
  OrganizationEntity,
  MembershipEntity,
  PracticeBillingProfileEntity,
  CoderProfileEntity,
  CoderLegalNameEntity,
  CredentialEntity,
  CredentialDocumentEntity,
  CeuEntryEntity,
  CeuReminderEntity,
  CredentialChangeEntity,
  ContractCredentialLapseEntity,
  JobPostingEntity,
  BidEntity,
  JobInvitationEntity,
  NotificationEntity,
  ContractEntity,
  MilestoneEntity,
  LedgerJournalEntity,
  LedgerEntryEntity,
  OutboxJobEntity,
  StripeEventEntity,
  PayoutAccountEntity,
  DisputeEntity,
  BillingCustomerEntity,
  WorkLogEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  ContractPauseEntity,
  AuditEventEntity,
  BaaSignatureEntity,
  DocumentEntity,
  SubcontractorBaaEntity,
  PhiDestructionEntity,
  CodedBatchEntity,
  EncounterClaimDataEntity,
  WorkRequestEntity,
  AuditFindingEntity,
  CodeTableEntryEntity,
  CodeTableVersionEntity,
  NcciPtpEditEntity,
  MueValueEntity,
  ReviewEntity,
  MessageEntity,
  LeieExclusionEntity,
  LeieImportEntity,
  ScreeningHoldEntity,
  ScreeningRunEntity,
];
