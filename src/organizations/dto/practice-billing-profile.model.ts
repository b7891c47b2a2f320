import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PostalAddress } from './postal-address.input.js';

@ObjectType({ description: "A practice's billing details for 837P files (not PHI). Its members read it; its OWNERs and ADMINs set it." })
export class PracticeBillingProfile {
  @Field(() => ID, { description: 'The practice.' })
  organizationId: string;

  @Field(() => PostalAddress, { description: 'Billing provider address.' })
  address: PostalAddress;

  @Field({ description: 'Employer identification number, 9 digits.' })
  ein: string;

  @Field(() => String, { nullable: true, description: 'NUCC taxonomy code of the billing provider.' })
  taxonomy: string | null;

  @Field(() => String, { nullable: true, description: "The practice's name on claim files (1000A and 2010AA NM1), when it differs from the organization name; null: the organization name." })
  billingName: string | null;

  @Field({ description: 'Contact name for the clearinghouse.' })
  contactName: string;

  @Field({ description: 'Contact phone, 10 digits.' })
  contactPhone: string;

  @Field(() => String, { nullable: true, description: 'Contact email.' })
  contactEmail: string | null;

  @Field({ description: 'Submitter ID assigned by the clearinghouse.' })
  submitterId: string;

  @Field({ description: 'The clearinghouse the files are for.' })
  clearinghouseName: string;

  @Field({ description: "The clearinghouse's receiver ID." })
  clearinghouseId: string;

  @Field({ description: 'Last change.' })
  updatedAt: Date;
}
