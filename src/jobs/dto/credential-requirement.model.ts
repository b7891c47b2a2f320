import { Field, ObjectType } from '@nestjs/graphql';
import { CredentialType } from '../../domain/credential-type.enum.js';

@ObjectType({ description: 'One credential requirement group of a posting: a bidder needs any one of its types, verified and unexpired.' })
export class CredentialRequirement {
  @Field(() => [CredentialType], { description: 'The types that meet the group (as the practice wrote them).' })
  anyOf: CredentialType[];

  @Field({ description: 'How matching and bid errors name the group: "CPC", or "any of CPC, CCS-P".' })
  label: string;
}
