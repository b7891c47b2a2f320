import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { OrganizationKind } from '../organization.enums.js';

@ObjectType({ description: 'A provider practice or a coding company. Members act on its behalf.' })
export class Organization {
  @Field(() => ID, { description: 'Stable id of the organization.' })
  id: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => OrganizationKind, { description: 'PROVIDER_PRACTICE or CODING_COMPANY.' })
  kind: OrganizationKind;

  @Field(() => String, {
    nullable: true,
    description: 'National Provider Identifier the practice claims. An NPI is public and may be claimed by several organizations: only `verified` says an admin checked it.',
  })
  npi: string | null;

  @Field(() => Date, { nullable: true, description: 'When an admin verified the organization; null while unverified.' })
  verifiedAt: Date | null;

  @Field({
    description:
      "Whether the members' PHI and money acts through this organization (documents, coded batches, BAA, funding and approving, accepting bids, bidding as the company, the payment method) need an MFA-enabled account.",
  })
  requireMfa: boolean;

  @Field({ description: 'When it was created.' })
  createdAt: Date;
}

@ObjectType({ description: 'A page of organizations (`myOrganizationsConnection`).' })
export class OrganizationConnection extends Connection(Organization) {}
