import { registerEnumType } from '@nestjs/graphql';

export enum NotificationKind {
  JOB_INVITATION = 'JOB_INVITATION',
  BID_RECEIVED = 'BID_RECEIVED',
  BID_REJECTED = 'BID_REJECTED',
  BID_WITHDRAWN = 'BID_WITHDRAWN',
  INVITATION_DECLINED = 'INVITATION_DECLINED',
}

registerEnumType(NotificationKind, { name: 'NotificationKind' });
