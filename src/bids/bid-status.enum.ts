import { registerEnumType } from '@nestjs/graphql';

export enum BidStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  DECLINED = 'DECLINED',
}

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

registerEnumType(BidStatus, {
  name: 'BidStatus',
  description: 'PENDING until the provider accepts or rejects it, or the coder withdraws it; DECLINED when the posting filled or closed without it.',
  valuesMap: {
    PENDING: { description: 'Waiting for the practice.' },
    ACCEPTED: { description: 'Accepted: a contract started.' },
    REJECTED: { description: 'Rejected by the practice.' },
    WITHDRAWN: { description: 'Withdrawn by the coder.' },
    DECLINED: { description: 'The posting filled or closed without it.' },
  },
});
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'PENDING; ACCEPTED once the coder bids; DECLINED by the coder.',
  valuesMap: { PENDING: { description: 'Waiting for the coder.' }, ACCEPTED: { description: 'The coder bid on the posting.' }, DECLINED: { description: 'The coder declined.' } },
});
