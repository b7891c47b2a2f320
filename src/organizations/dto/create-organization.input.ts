import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { OrganizationKind } from '../organization.enums.js';
import { IsNpi } from '../../common/validation/npi.decorator.js';
import { Trim } from '../../common/validation/trim.decorator.js';

@InputType({ description: 'A new practice or coding company; the caller becomes its OWNER.' })
export class CreateOrganizationInput {
  @Field({ description: 'Display name.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => OrganizationKind, { description: 'PROVIDER_PRACTICE is created by a PROVIDER user, CODING_COMPANY by a CODER.' })
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field(() => String, { nullable: true, description: "The practice's 10-digit National Provider Identifier (Luhn check digit with prefix 80840). Practices only." })
  @IsOptional()
  @IsNpi()
  npi?: string | null;
}
