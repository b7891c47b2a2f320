import { createUnionType, Field, ID, ObjectType } from '@nestjs/graphql';
import { NotificationKind } from '../notification-kind.enum.js';

// `Notification.data` stays the contract's JSON object; these are the same ids and values, typed, one
// object type per family of kinds (`Notification.typedData`).

@ObjectType({ description: 'What a job, bid or invitation notification is about (JOB_INVITATION, BID_RECEIVED, BID_REJECTED, BID_WITHDRAWN, BID_DECLINED, INVITATION_DECLINED).' })
export class JobNotificationData {
  @Field(() => NotificationKind, { description: 'The kind of the notification.' })
  kind: NotificationKind;

  @Field(() => ID, { nullable: true, description: 'The posting concerned.' })
  jobPostingId: string | null;

  @Field(() => ID, { nullable: true, description: 'The bid concerned; null for invitations.' })
  bidId: string | null;

  @Field(() => ID, { nullable: true, description: 'The invitation concerned; null for bids.' })
  invitationId: string | null;
}

@ObjectType({
  description: 'What a contract notification is about: the contract, and the milestone, invoice, dispute, batch, message, work request or credential of it that changed (null when the kind has none).',
})
export class ContractNotificationData {
  @Field(() => NotificationKind, { description: 'The kind of the notification.' })
  kind: NotificationKind;

  @Field(() => ID, { nullable: true, description: 'The contract concerned.' })
  contractId: string | null;

  @Field(() => ID, { nullable: true, description: 'The posting the contract came from (BID_ACCEPTED, CONTRACT_STARTED, CONTRACT_REASSIGNED).' })
  jobPostingId: string | null;

  @Field(() => ID, { nullable: true, description: 'The accepted bid (BID_ACCEPTED, CONTRACT_STARTED).' })
  bidId: string | null;

  @Field(() => ID, { nullable: true, description: 'The milestone (MILESTONE_*).' })
  milestoneId: string | null;

  @Field(() => ID, { nullable: true, description: 'The invoice (INVOICE_*).' })
  invoiceId: string | null;

  @Field(() => ID, { nullable: true, description: 'The dispute (DISPUTE_*).' })
  disputeId: string | null;

  @Field(() => ID, { nullable: true, description: 'The coded batch (BATCH_*).' })
  batchId: string | null;

  @Field(() => ID, { nullable: true, description: 'The message (MESSAGE_RECEIVED).' })
  messageId: string | null;

  @Field(() => ID, { nullable: true, description: 'The work request (WORK_REQUEST*).' })
  workRequestId: string | null;

  @Field(() => ID, { nullable: true, description: "The coder's credential that lapsed (CREDENTIAL_LAPSED)." })
  credentialId: string | null;
}

@ObjectType({ description: "What a credential notification is about (CREDENTIAL_REVIEWED, CREDENTIAL_EXPIRING, CREDENTIAL_CHANGE_REVIEWED): one of the coder's credentials." })
export class CredentialNotificationData {
  @Field(() => NotificationKind, { description: 'The kind of the notification.' })
  kind: NotificationKind;

  @Field(() => ID, { nullable: true, description: 'The credential concerned.' })
  credentialId: string | null;

  @Field(() => ID, { nullable: true, description: 'The renewal or conversion reviewed (CREDENTIAL_CHANGE_REVIEWED).' })
  changeId: string | null;
}

@ObjectType({ description: "A CEU cycle short of CEUs (CEU_CYCLE_SHORT): the coder's cycle, how many CEUs are missing and which reminder this is." })
export class CeuNotificationData {
  @Field(() => NotificationKind, { description: 'The kind of the notification.' })
  kind: NotificationKind;

  @Field(() => String, { nullable: true, description: 'AAPC or AHIMA: whose cycle.' })
  issuer: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the cycle (YYYY-MM-DD).' })
  cycleEndsOn: string | null;

  @Field(() => String, { nullable: true, description: 'CEUs still missing, a decimal number as text (e.g. "4.5").' })
  remaining: string | null;

  @Field(() => String, { nullable: true, description: 'The reminder: "90" or "30" days before the cycle ends.' })
  thresholdDays: string | null;
}

const JOB_KINDS = new Set([
  NotificationKind.JOB_INVITATION,
  NotificationKind.BID_RECEIVED,
  NotificationKind.BID_REJECTED,
  NotificationKind.BID_WITHDRAWN,
  NotificationKind.BID_DECLINED,
  NotificationKind.INVITATION_DECLINED,
]);
const CREDENTIAL_KINDS = new Set([NotificationKind.CREDENTIAL_REVIEWED, NotificationKind.CREDENTIAL_EXPIRING, NotificationKind.CREDENTIAL_CHANGE_REVIEWED]);

/** The object type of a notification kind's payload (every other kind is about a contract). */
export function notificationDataType(kind: NotificationKind) {
  if (JOB_KINDS.has(kind)) return JobNotificationData;
  if (CREDENTIAL_KINDS.has(kind)) return CredentialNotificationData;
  if (kind === NotificationKind.CEU_CYCLE_SHORT) return CeuNotificationData;
  return ContractNotificationData;
}

export type NotificationDataShape = JobNotificationData | ContractNotificationData | CredentialNotificationData | CeuNotificationData;

/** A notification's JSON `data`, typed by its kind (missing keys read as null). */
export function toNotificationData(kind: NotificationKind, data: Record<string, string>): NotificationDataShape {
  const type = notificationDataType(kind);
  const keys: Record<string, string[]> = {
    JobNotificationData: ['jobPostingId', 'bidId', 'invitationId'],
    ContractNotificationData: ['contractId', 'jobPostingId', 'bidId', 'milestoneId', 'invoiceId', 'disputeId', 'batchId', 'messageId', 'workRequestId', 'credentialId'],
    CredentialNotificationData: ['credentialId', 'changeId'],
    CeuNotificationData: ['issuer', 'cycleEndsOn', 'remaining', 'thresholdDays'],
  };
  return Object.assign(new type(), { kind, ...Object.fromEntries(keys[type.name].map((key) => [key, data[key] ?? null])) });
}

export const NotificationData = createUnionType({
  name: 'NotificationData',
  description: "A notification's data, typed by its kind: JobNotificationData, ContractNotificationData, CredentialNotificationData or CeuNotificationData.",
  types: () => [JobNotificationData, ContractNotificationData, CredentialNotificationData, CeuNotificationData] as const,
  resolveType: (value: NotificationDataShape) => notificationDataType(value.kind),
});
