import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { MembershipRole, MembershipStatus } from '../organization.enums.js';

@ObjectType({ description: "A person's role in an organization; an invitation while INVITED." })
export class Membership {
  @Field(() => ID)
  id: string;

  organizationId: string;

  userId: string | null;

  /** Exposed by `MembershipsResolver.email` (shown per viewer). */
  email: string;

  @Field(() => MembershipRole)
  role: MembershipRole;

  @Field(() => MembershipStatus)
  status: MembershipStatus;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  respondedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the invitation was revoked or the membership removed or left.' })
  endedAt: Date | null;
}

@ObjectType()
export class MembershipConnection extends Connection(Membership) {}
