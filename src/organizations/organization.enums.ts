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
  REVOKED = 'REVOKED',
  REMOVED = 'REMOVED',
  LEFT = 'LEFT',
}

/** The statuses of a membership that has ended (it keeps its row, with `endedAt`). */
export const ENDED_MEMBERSHIP_STATUSES = [MembershipStatus.REVOKED, MembershipStatus.REMOVED, MembershipStatus.LEFT] as const;

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'PROVIDER_PRACTICE: a practice, clinic or hospital department that posts work. CODING_COMPANY: an agency or clearinghouse whose coders work under one name.',
});
registerEnumType(MembershipRole, {
  name: 'MembershipRole',
  description:
    "OWNER: everything, including managing admins and owners (an organization always keeps one). ADMIN: the organization's money and PHI acts, and managing MEMBERs. MEMBER: reads, messages and does coding-side work; no money or PHI acts for a practice.",
});
registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  description: 'INVITED until the invitee accepts (ACTIVE) or declines (DECLINED), or an OWNER or ADMIN revokes it (REVOKED). An ACTIVE membership ends REMOVED (by an OWNER or ADMIN) or LEFT.',
});
