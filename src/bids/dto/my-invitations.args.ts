import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import { InvitationStatus } from '../bid-status.enum.js';

@ArgsType()
export class MyInvitationsArgs extends ConnectionArgs {
  @Field(() => InvitationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(InvitationStatus)
  status?: InvitationStatus;
}
