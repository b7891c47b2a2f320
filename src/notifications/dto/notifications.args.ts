import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.js';

@ArgsType()
export class NotificationsArgs extends ConnectionArgs {
  @Field({ nullable: true, defaultValue: false, description: 'Only notifications not yet marked read.' })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}
