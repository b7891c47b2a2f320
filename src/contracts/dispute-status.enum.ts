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

registerEnumType(DisputeStatus, {
  name: 'DisputeStatus',
  description: 'OPEN until an admin resolves it.',
  valuesMap: { OPEN: { description: 'Waiting for an admin; the money it holds stays in escrow.' }, RESOLVED: { description: 'An admin decided the outcome.' } },
});
registerEnumType(DisputeOutcome, {
  name: 'DisputeOutcome',
  description: 'RELEASE: all held escrow to the coder; REFUND: all back to the practice; SPLIT: coderCents to the coder, the rest refunded.',
  valuesMap: {
    RELEASE: { description: 'All held escrow to the payee.' },
    REFUND: { description: 'All held escrow back to the practice.' },
    SPLIT: { description: 'coderCents to the payee, the rest back to the practice.' },
  },
});
