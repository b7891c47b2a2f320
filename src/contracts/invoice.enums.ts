import { registerEnumType } from '@nestjs/graphql';

export enum InvoiceKind {
  WORK = 'WORK',
  COLLECTIONS = 'COLLECTIONS',
}

export enum InvoiceStatus {
  /** Issued with its lines: the practice reviews it and may dispute it until `dueAt`, when it is charged. */
  IN_REVIEW = 'IN_REVIEW',
  /** Charging the practice's saved payment method (waits for one to be saved). */
  OPEN = 'OPEN',
  /** The charge was declined: tried again on the retry schedule, or at once when the practice saves a new card. */
  FAILED = 'FAILED',
  /** Paid into escrow; released to the coder unless the contract is in dispute. */
  PAID = 'PAID',
  RELEASED = 'RELEASED',
  /** Settled by a dispute before it was charged: never charged. */
  VOID = 'VOID',
}

registerEnumType(InvoiceKind, { name: 'InvoiceKind', description: 'WORK: hours or charts logged in a week; COLLECTIONS: a share of reported collections.' });
registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description:
    'IN_REVIEW (the practice may dispute it until dueAt) -> OPEN (being charged) -> PAID (in escrow) -> RELEASED (to the coder); OPEN -> FAILED (declined; retried) -> OPEN; VOID: settled by a dispute, never charged.',
});
