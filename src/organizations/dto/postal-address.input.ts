import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { US_STATE_CODES, US_ZIP, X12_TEXT } from '../../domain/us-postal.js';

const TEXT_MESSAGE = "$property takes letters, digits, spaces and . , ' & # / ( ) @ + - only";

@InputType({ description: 'A US postal address (claims go to US payers).' })
export class PostalAddressInput {
  @Field({ description: 'Street line, 1..55 characters.' })
  @MaxLength(55)
  @Matches(X12_TEXT, { message: TEXT_MESSAGE })
  line1: string;

  @Field(() => String, { nullable: true, description: 'Second street line (suite, unit), up to 55 characters.' })
  @IsOptional()
  @MaxLength(55)
  @Matches(X12_TEXT, { message: TEXT_MESSAGE })
  line2?: string | null;

  @Field({ description: 'City, 2..30 characters.' })
  @MaxLength(30)
  @Matches(X12_TEXT, { message: TEXT_MESSAGE })
  city: string;

  @Field({ description: 'Two-letter USPS state, district or territory code (TX, DC, PR).' })
  @IsIn(US_STATE_CODES, { message: '$property must be a two-letter USPS state code' })
  state: string;

  @Field({ description: 'ZIP code: 5 digits or ZIP+4 (12345-6789 or 123456789).' })
  @Matches(US_ZIP, { message: '$property must be a 5-digit ZIP or ZIP+4' })
  zip: string;
}

@ObjectType({ description: 'A US postal address.' })
export class PostalAddress {
  @Field({ description: 'Street line.' })
  line1: string;

  @Field(() => String, { nullable: true, description: 'Second street line.' })
  line2: string | null;

  @Field({ description: 'City.' })
  city: string;

  @Field({ description: 'Two-letter USPS state code.' })
  state: string;

  @Field({ description: 'ZIP code, digits only (5 or 9).' })
  zip: string;
}
