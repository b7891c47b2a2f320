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

registerEnumType(InvoiceKind, {
  name: 'InvoiceKind',
  description: 'WORK: hours or charts logged in a week; COLLECTIONS: a share of reported collections.',
  valuesMap: { WORK: { description: 'Hours or charts logged in one week.' }, COLLECTIONS: { description: 'A share of the collections the practice reported.' } },
});
registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description:
    'IN_REVIEW (the practice may dispute it until dueAt) -> OPEN (being charged) -> PAID (in escrow) -> RELEASED (to the coder); OPEN -> FAILED (declined; retried) -> OPEN; VOID: settled by a dispute, never charged.',
  valuesMap: {
    IN_REVIEW: { description: 'Issued: the practice may review or dispute it until dueAt, when it is charged.' },
    OPEN: { description: "Being charged to the practice's saved payment method (waits for one to be saved)." },
    FAILED: { description: 'The charge was declined: tried again on the retry schedule, or at once when the practice saves a new card.' },
    PAID: { description: 'Paid into escrow; released to the payee unless the contract is in dispute.' },
    RELEASED: { description: 'Paid out to the payee, minus the platform fee.' },
    VOID: { description: 'Settled by a dispute before it was charged: never charged.' },
  },
});
