import { registerEnumType } from '@nestjs/graphql';

export enum InvoiceKind {
  WORK = 'WORK',
  COLLECTIONS = 'COLLECTIONS',
}

export enum InvoiceStatus {
  /** Charging the practice's saved payment method (waits for one to be saved). */
  OPEN = 'OPEN',
  /** Paid into escrow; released to the coder after the dispute window. */
  PAID = 'PAID',
  RELEASED = 'RELEASED',
}

registerEnumType(InvoiceKind, { name: 'InvoiceKind', description: 'WORK: hours or charts logged in a week; COLLECTIONS: a share of reported collections.' });
registerEnumType(InvoiceStatus, { name: 'InvoiceStatus', description: 'OPEN (being charged) -> PAID (in escrow) -> RELEASED (to the coder, after the dispute window).' });
