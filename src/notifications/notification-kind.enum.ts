import { registerEnumType } from '@nestjs/graphql';

export enum NotificationKind {
  JOB_INVITATION = 'JOB_INVITATION',
  BID_RECEIVED = 'BID_RECEIVED',
  BID_REJECTED = 'BID_REJECTED',
  BID_WITHDRAWN = 'BID_WITHDRAWN',
  INVITATION_DECLINED = 'INVITATION_DECLINED',
  BID_ACCEPTED = 'BID_ACCEPTED',
  BID_DECLINED = 'BID_DECLINED',
  CONTRACT_STARTED = 'CONTRACT_STARTED',
  CONTRACT_ENDED = 'CONTRACT_ENDED',
  /** A coding company gave its contract to another of its coders (sent to both). */
  CONTRACT_REASSIGNED = 'CONTRACT_REASSIGNED',
  DISPUTE_OPENED = 'DISPUTE_OPENED',
  DISPUTE_RESOLVED = 'DISPUTE_RESOLVED',
  BATCH_SUBMITTED = 'BATCH_SUBMITTED',
  BATCH_RETURNED = 'BATCH_RETURNED',
  BATCH_ACCEPTED = 'BATCH_ACCEPTED',
  MESSAGE_RECEIVED = 'MESSAGE_RECEIVED',
  CREDENTIAL_REVIEWED = 'CREDENTIAL_REVIEWED',
  CREDENTIAL_EXPIRING = 'CREDENTIAL_EXPIRING',
  /** A credential an ACTIVE contract's posting required expired or its membership lapsed (sent to the practice's managers). */
  CREDENTIAL_LAPSED = 'CREDENTIAL_LAPSED',
  /** A renewal or apprentice conversion of a credential was approved or rejected. */
  CREDENTIAL_CHANGE_REVIEWED = 'CREDENTIAL_CHANGE_REVIEWED',
  /** A coder's CEU cycle ends within 90 (then 30) days and is short of CEUs. */
  CEU_CYCLE_SHORT = 'CEU_CYCLE_SHORT',
  MILESTONE_FUNDED = 'MILESTONE_FUNDED',
  MILESTONE_RELEASED = 'MILESTONE_RELEASED',
  MILESTONE_CHANGES_REQUESTED = 'MILESTONE_CHANGES_REQUESTED',
  MILESTONE_REFUNDED = 'MILESTONE_REFUNDED',
  INVOICE_ISSUED = 'INVOICE_ISSUED',
  INVOICE_PAYMENT_FAILED = 'INVOICE_PAYMENT_FAILED',
  CONTRACT_PAUSED = 'CONTRACT_PAUSED',
  CONTRACT_RESUMED = 'CONTRACT_RESUMED',
  /** The practice asked the coder for work (a work request). */
  WORK_REQUESTED = 'WORK_REQUESTED',
  /** The practice cancelled a work request. */
  WORK_REQUEST_CANCELLED = 'WORK_REQUEST_CANCELLED',
  /** A work request's due time is near (24 h, STAT 2 h) and it is not complete. */
  WORK_REQUEST_DUE_SOON = 'WORK_REQUEST_DUE_SOON',
  /** A work request passed its due time incomplete. */
  WORK_REQUEST_OVERDUE = 'WORK_REQUEST_OVERDUE',
  /** Exclusion screening confirmed that a contract's coder is on the OIG LEIE (sent to the practice's managers). */
  CODER_EXCLUDED = 'CODER_EXCLUDED',
}

registerEnumType(NotificationKind, { name: 'NotificationKind' });
