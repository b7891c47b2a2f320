import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEnum } from 'class-validator';
import { CredentialType } from '../../domain/credential-type.enum.js';
import { MAX_GROUP_TYPES } from '../../domain/credential-requirements.js';

@InputType({ description: 'One credential requirement group ("any of CPC, CCS-P"): a coder meets it with any one of its types, verified and unexpired.' })
export class CredentialRequirementInput {
  @Field(() => [CredentialType], { description: `1..${MAX_GROUP_TYPES} credential types, none repeated; any one of them meets the group.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GROUP_TYPES)
  @ArrayUnique()
  @IsEnum(CredentialType, { each: true })
  anyOf: CredentialType[];
}
