import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { EIN, TAXONOMY, X12_TEXT } from '../../domain/us-postal.js';
import { PostalAddressInput } from './postal-address.input.js';

@InputType({ description: "What the practice's 837P files need: billing address, tax ID, taxonomy, a contact and the clearinghouse the file is for." })
export class PracticeBillingProfileInput {
  @Field(() => PostalAddressInput, { description: 'The billing provider address (loop 2010AA N3/N4): a street address, not a PO box.' })
  @ValidateNested()
  @Type(() => PostalAddressInput)
  address: PostalAddressInput;

  @Field({ description: 'Employer identification number: 9 digits, with or without the dash (12-3456789).' })
  @Matches(EIN, { message: '$property must be a 9-digit EIN' })
  ein: string;

  @Field(() => String, { nullable: true, description: 'NUCC provider taxonomy code of the billing provider (207Q00000X), sent as PRV*BI.' })
  @IsOptional()
  @Matches(TAXONOMY, { message: '$property must be a 10-character NUCC taxonomy code ending in X' })
  taxonomy?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The practice's name on claim files (1000A and 2010AA NM1), at most 60 characters of the X12 basic set; needed when the organization name is longer or holds other characters.",
  })
  @IsOptional()
  @MaxLength(60)
  @Matches(X12_TEXT, { message: "$property takes letters, digits, spaces and . , ' & # / ( ) @ + - only" })
  billingName?: string | null;

  @Field({ description: 'Who the clearinghouse calls about the file (1000A PER).' })
  @MaxLength(60)
  @Matches(X12_TEXT, { message: "$property takes letters, digits, spaces and . , ' & # / ( ) @ + - only" })
  contactName: string;

  @Field({ description: 'Contact phone: 10 digits, punctuation ignored.' })
  @Matches(/^\D*(\d\D*){10}$/, { message: '$property must have 10 digits' })
  @MaxLength(20)
  contactPhone: string;

  @Field(() => String, { nullable: true, description: 'Contact email.' })
  @IsOptional()
  @IsEmail()
  @Matches(/^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+$/, { message: '$property must be an address a claim file can carry: letters, digits and . _ % + - before the @' })
  @MaxLength(254)
  contactEmail?: string | null;

  @Field({ description: 'The submitter ID your clearinghouse assigned to the practice (ISA06, GS02, 1000A NM109): 2..15 letters or digits.' })
  @Matches(/^[A-Za-z0-9]{2,15}$/, { message: '$property must be 2..15 letters or digits' })
  submitterId: string;

  @Field({ description: 'Your clearinghouse (1000B receiver name).' })
  @IsString()
  @MaxLength(60)
  @Matches(X12_TEXT, { message: "$property takes letters, digits, spaces and . , ' & # / ( ) @ + - only" })
  clearinghouseName: string;

  @Field({ description: "The clearinghouse's receiver ID (ISA08, GS03, 1000B NM109): 2..15 letters or digits." })
  @Matches(/^[A-Za-z0-9]{2,15}$/, { message: '$property must be 2..15 letters or digits' })
  clearinghouseId: string;
}
