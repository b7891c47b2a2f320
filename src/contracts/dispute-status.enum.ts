import { registerEnumType } from '@nestjs/graphql';

export enum DisputeStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}

export enum DisputeOutcome {
  RELEASE = 'RELEASE',
  REFUND = 'REFUND',
  SPLIT = 'SPLIT',
}

registerEnumType(DisputeStatus, { name: 'DisputeStatus' });
registerEnumType(DisputeOutcome, {
  name: 'DisputeOutcome',
  description: 'RELEASE: all held escrow to the coder; REFUND: all back to the practice; SPLIT: coderCents to the coder, the rest refunded.',
});
