import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.js';

@ArgsType()
export class MessagesArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  contractId: string;
}
