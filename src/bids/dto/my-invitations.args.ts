import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import { InvitationStatus } from '../bid-status.enum.js';

@ArgsType()
export class MyInvitationsArgs extends ConnectionArgs {
  @Field(() => InvitationStatus, { nullable: true, description: 'Only invitations in this status; all when omitted.' })
  @IsOptional()
  @IsEnum(InvitationStatus)
  status?: InvitationStatus;
}
