import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEmail, IsIn, IsUUID, MaxLength } from 'class-validator';
import { MembershipRole } from '../organization.enums.js';
import { Trim } from '../../common/validation/trim.decorator.js';

@ArgsType()
export class InviteMemberArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId: string;

  @Field()
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field(() => MembershipRole, { description: 'ADMIN or MEMBER; an organization has one OWNER, its creator.' })
  @IsIn([MembershipRole.ADMIN, MembershipRole.MEMBER], { message: 'role must be ADMIN or MEMBER' })
  role: MembershipRole;
}
