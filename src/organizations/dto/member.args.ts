import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { MembershipRole } from '../organization.enums.js';

/** One member of one organization. */
@ArgsType()
export class MemberArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId: string;

  @Field(() => ID, { description: "The member's user id (`Membership.user.id`)." })
  @IsUUID()
  userId: string;
}

@ArgsType()
export class ChangeMemberRoleArgs extends MemberArgs {
  @Field(() => MembershipRole, { description: 'The new role. Appointing or demoting an ADMIN or OWNER takes an OWNER; the last OWNER cannot be demoted.' })
  @IsEnum(MembershipRole, { message: 'role must be OWNER, ADMIN or MEMBER' })
  role: MembershipRole;
}
