import { registerEnumType } from '@nestjs/graphql';

export enum OrganizationKind {
  PROVIDER_PRACTICE = 'PROVIDER_PRACTICE',
  CODING_COMPANY = 'CODING_COMPANY',
}

export enum MembershipRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}

export enum MembershipStatus {
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DECLINED = 'DECLINED',
}

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'PROVIDER_PRACTICE: a practice, clinic or hospital department that posts work. CODING_COMPANY: an agency or clearinghouse whose coders work under one name.',
});
registerEnumType(MembershipRole, { name: 'MembershipRole', description: 'OWNER (the creator), ADMIN (may invite), MEMBER.' });
registerEnumType(MembershipStatus, { name: 'MembershipStatus', description: 'INVITED until the invitee accepts (ACTIVE) or declines (DECLINED).' });
