import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import { MembershipRole } from '../organization.enums.js';

/** One member of one organization. */
@ArgsType()
export class MemberArgs {
  @Field(() => ID, { description: 'The organization.' })
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

@ArgsType()
export class MembersArgs extends ConnectionArgs {
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Also the ended ones (DECLINED, REVOKED, REMOVED, LEFT, with `endedAt`): the organization's membership history, for its OWNERs and ADMINs (FORBIDDEN for MEMBERs).",
  })
  @IsOptional()
  @IsBoolean()
  includeEnded = false;
}
