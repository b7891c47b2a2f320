import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsUUID } from 'class-validator';
import { MembershipRole } from '../organization.enums.js';
import { EmailAddress } from '../../common/validation/email-address.decorator.js';

@ArgsType()
export class InviteMemberArgs {
  @Field(() => ID, { description: 'The organization to invite into.' })
  @IsUUID()
  organizationId: string;

  @Field({ description: "The invitee's email, normalized and checked as at sign-up." })
  @EmailAddress()
  email: string;

  @Field(() => MembershipRole, { description: 'ADMIN or MEMBER; an organization has one OWNER, its creator.' })
  @IsIn([MembershipRole.ADMIN, MembershipRole.MEMBER], { message: 'role must be ADMIN or MEMBER' })
  role: MembershipRole;
}
