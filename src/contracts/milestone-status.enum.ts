import { registerEnumType } from '@nestjs/graphql';

export enum MilestoneStatus {
  CREATED = 'CREATED',
  FUNDING = 'FUNDING',
  FUNDED = 'FUNDED',
  SUBMITTED = 'SUBMITTED',
  RELEASED = 'RELEASED',
  REFUNDED = 'REFUNDED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  description:
    'CREATED -> FUNDING (payment started) -> FUNDED (money in escrow) -> SUBMITTED (work delivered) -> RELEASED (paid to the coder). SUBMITTED goes back to FUNDED when the practice requests changes. REFUNDED: given back to the practice, by the practice only while FUNDED and never delivered, otherwise through a dispute. CANCELLED: given up before any money arrived (CREATED or FUNDING; its payment is cancelled at Stripe).',
  valuesMap: {
    CREATED: { description: 'Agreed, not paid for yet.' },
    FUNDING: { description: 'The practice started paying; waiting for the payment to succeed.' },
    FUNDED: { description: 'The money is in escrow: the coder may work and submit.' },
    SUBMITTED: { description: 'The coder delivered; waiting for the practice to approve or ask for changes.' },
    RELEASED: { description: 'Paid out to the payee, minus the platform fee.' },
    REFUNDED: { description: 'Given back to the practice.' },
    CANCELLED: { description: 'Given up before any money arrived.' },
  },
});
