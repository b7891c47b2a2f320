import { registerEnumType } from '@nestjs/graphql';

export enum MilestoneStatus {
  CREATED = 'CREATED',
  FUNDING = 'FUNDING',
  FUNDED = 'FUNDED',
  SUBMITTED = 'SUBMITTED',
  RELEASED = 'RELEASED',
  REFUNDED = 'REFUNDED',
}

registerEnumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  description: 'CREATED -> FUNDING (payment started) -> FUNDED (money in escrow) -> SUBMITTED (work delivered) -> RELEASED (paid to the coder), or REFUNDED from FUNDED/SUBMITTED.',
});
