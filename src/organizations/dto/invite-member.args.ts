import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsUUID, MaxLength } from 'class-validator';
import { MembershipRole } from '../organization.enums.js';

@ArgsType()
export class InviteMemberArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId: string;

  @Field()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field(() => MembershipRole, { description: 'ADMIN or MEMBER; an organization has one OWNER, its creator.' })
  @IsIn([MembershipRole.ADMIN, MembershipRole.MEMBER], { message: 'role must be ADMIN or MEMBER' })
  role: MembershipRole;
}
