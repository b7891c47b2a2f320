import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsUUID } from 'class-validator';

@ArgsType()
export class SetOrganizationRequireMfaArgs {
  @Field(() => ID, { description: 'The organization (OWNER only).' })
  @IsUUID()
  organizationId: string;

  @Field({ description: "true: members' PHI and money acts through the organization need an MFA-enabled account." })
  @IsBoolean()
  requireMfa: boolean;
}
