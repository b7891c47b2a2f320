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

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about; its data (and typedData) depends on the kind.',
  valuesMap: {
    JOB_INVITATION: { description: 'A practice invited the coder to bid on a posting (data: jobPostingId, invitationId).' },
    BID_RECEIVED: { description: "A coder bid on the practice's posting (sent to the practice's members)." },
    BID_REJECTED: { description: "The practice rejected the coder's bid." },
    BID_WITHDRAWN: { description: "A coder withdrew a bid on the practice's posting." },
    INVITATION_DECLINED: { description: "A coder declined the practice's invitation to bid." },
    BID_ACCEPTED: { description: "The practice accepted the coder's bid: a contract started (data: contractId)." },
    BID_DECLINED: { description: "The posting filled or closed without the coder's bid." },
    CONTRACT_STARTED: { description: 'A contract started (sent to both sides).' },
    CONTRACT_ENDED: { description: 'A contract ended (sent to the other side).' },
    CONTRACT_REASSIGNED: { description: 'A coding company gave its contract to another of its coders (sent to both coders).' },
    DISPUTE_OPENED: { description: 'The other side opened a dispute on a contract; held money waits for an admin.' },
    DISPUTE_RESOLVED: { description: 'An admin resolved a dispute (sent to both sides).' },
    BATCH_SUBMITTED: { description: 'The coder submitted a coded batch for the practice to review.' },
    BATCH_RETURNED: { description: 'The practice returned a coded batch with comments.' },
    BATCH_ACCEPTED: { description: 'The practice accepted a coded batch.' },
    MESSAGE_RECEIVED: { description: 'A message arrived on a contract (data: contractId, messageId).' },
    CREDENTIAL_REVIEWED: { description: "An admin verified or rejected one of the coder's credentials (data: credentialId)." },
    CREDENTIAL_EXPIRING: { description: "One of the coder's verified credentials expires soon." },
    CREDENTIAL_LAPSED: { description: "A credential an ACTIVE contract's posting required expired or its membership lapsed (sent to the practice's managers)." },
    CREDENTIAL_CHANGE_REVIEWED: { description: 'A renewal or apprentice conversion of a credential was approved or rejected.' },
    CEU_CYCLE_SHORT: { description: "The coder's CEU cycle ends within 90 (then 30) days and is short of CEUs." },
    MILESTONE_FUNDED: { description: "A milestone's money reached escrow: the coder may start." },
    MILESTONE_RELEASED: { description: "A milestone's escrow was released to the payee." },
    MILESTONE_CHANGES_REQUESTED: { description: 'The practice sent a submitted milestone back for changes.' },
    MILESTONE_REFUNDED: { description: "A milestone's escrow went back to the practice." },
    INVOICE_ISSUED: { description: 'A weekly invoice was issued; the practice may review or dispute it before it is charged.' },
    INVOICE_PAYMENT_FAILED: { description: "The charge of an invoice was declined (sent to the practice's managers)." },
    CONTRACT_PAUSED: { description: 'A contract was paused (by the practice or after failed charges).' },
    CONTRACT_RESUMED: { description: 'A paused contract runs again.' },
    WORK_REQUESTED: { description: 'The practice asked the coder for work (a work request).' },
    WORK_REQUEST_CANCELLED: { description: 'The practice cancelled a work request.' },
    WORK_REQUEST_DUE_SOON: { description: "A work request's due time is near (24 h, STAT 2 h) and it is not complete." },
    WORK_REQUEST_OVERDUE: { description: 'A work request passed its due time incomplete.' },
    CODER_EXCLUDED: { description: "Exclusion screening confirmed that a contract's coder is on the OIG LEIE (sent to the practice's managers)." },
  },
});
