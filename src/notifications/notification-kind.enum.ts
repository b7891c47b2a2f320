import { registerEnumType } from '@nestjs/graphql';

export enum NotificationKind {
  JOB_INVITATION = 'JOB_INVITATION',
  BID_RECEIVED = 'BID_RECEIVED',
  BID_REJECTED = 'BID_REJECTED',
  BID_WITHDRAWN = 'BID_WITHDRAWN',
  INVITATION_DECLINED = 'INVITATION_DECLINED',
  BID_ACCEPTED = 'BID_ACCEPTED',
  BID_DECLINED = 'BID_DECLINED',
  CONTRACT_STARTED = 'CONTRACT_STARTED',
  CONTRACT_ENDED = 'CONTRACT_ENDED',
}

registerEnumType(NotificationKind, { name: 'NotificationKind' });
