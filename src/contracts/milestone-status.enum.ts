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
});
