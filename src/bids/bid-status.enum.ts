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
});
registerEnumType(InvitationStatus, { name: 'InvitationStatus', description: 'PENDING; ACCEPTED once the coder bids; DECLINED by the coder.' });
