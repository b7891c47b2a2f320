import { WorkLog } from './dto/billing.models.js';
import { Dispute } from './dto/dispute.models.js';
import { DisputeEntity } from './dispute.entity.js';
import { WorkLogEntity } from './work-log.entity.js';

export const toWorkLog = (log: WorkLogEntity): WorkLog => ({
  id: log.id,
  contractId: log.contractId,
  workedOn: log.workedOn,
  minutes: log.minutes,
  charts: log.charts,
  note: log.note,
  invoiced: log.invoiceId !== null,
});

/** A dispute as both parties see it; what went back to the practice is the part of the held escrow the coder did not get. */
export const toDispute = (dispute: DisputeEntity): Dispute => ({
  id: dispute.id,
  contractId: dispute.contractId,
  reason: dispute.reason,
  openedBySide: dispute.openedBySide,
  status: dispute.status,
  outcome: dispute.outcome,
  heldCents: dispute.heldCents,
  coderCents: dispute.coderCents,
  practiceCents: dispute.heldCents === null || dispute.coderCents === null ? null : dispute.heldCents - dispute.coderCents,
  resolutionNote: dispute.resolutionNote,
  createdAt: dispute.createdAt,
  resolvedAt: dispute.resolvedAt,
});
