import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { MembershipRole, MembershipStatus } from '../organization.enums.js';

@ObjectType({ description: "A person's role in an organization; an invitation while INVITED." })
export class Membership {
  @Field(() => ID, { description: 'The id acceptMembershipInvitation, declineMembershipInvitation and revokeMembershipInvitation take.' })
  id: string;

  organizationId: string;

  userId: string | null;

  /** Exposed by `MembershipsResolver.email` (shown per viewer). */
  email: string;

  @Field(() => MembershipRole, { description: 'OWNER, ADMIN or MEMBER.' })
  role: MembershipRole;

  @Field(() => MembershipStatus, { description: 'INVITED, ACTIVE or how it ended.' })
  status: MembershipStatus;

  @Field({ description: 'When the invitation was sent.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the invitee accepted or declined; null while INVITED.' })
  respondedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the invitation was revoked or the membership removed or left.' })
  endedAt: Date | null;
}

@ObjectType({ description: 'A page of Membership items (Relay connection: pass pageInfo.endCursor as `after` for the next page).' })
export class MembershipConnection extends Connection(Membership) {}
