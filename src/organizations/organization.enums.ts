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
  valuesMap: {
    PROVIDER_PRACTICE: { description: 'A practice, clinic or hospital department that posts work and pays for it.' },
    CODING_COMPANY: { description: 'An agency or clearinghouse whose coders bid and work under its name; it is paid as a company.' },
  },
});
registerEnumType(MembershipRole, {
  name: 'MembershipRole',
  description:
    "OWNER: everything, including managing admins and owners (an organization always keeps one). ADMIN: the organization's money and PHI acts, and managing MEMBERs. MEMBER: reads, messages and does coding-side work; no money or PHI acts for a practice.",
  valuesMap: {
    OWNER: { description: 'Everything, including managing admins and other owners.' },
    ADMIN: { description: "The organization's money and PHI acts; manages MEMBERs." },
    MEMBER: { description: 'Reads, messages, recruits and does coding-side work; no money or PHI acts for a practice.' },
  },
});
registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  description: 'INVITED until the invitee accepts (ACTIVE) or declines (DECLINED), or an OWNER or ADMIN revokes it (REVOKED). An ACTIVE membership ends REMOVED (by an OWNER or ADMIN) or LEFT.',
  valuesMap: {
    INVITED: { description: 'Invited; waiting for the invitee.' },
    ACTIVE: { description: 'A member with the access of its role.' },
    DECLINED: { description: 'The invitee declined.' },
    REVOKED: { description: 'The invitation was withdrawn before it was answered.' },
    REMOVED: { description: 'Removed by an OWNER or ADMIN; access ended at once.' },
    LEFT: { description: 'The member left the organization.' },
  },
});
