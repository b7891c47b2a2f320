import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.js';

@ArgsType()
export class MessagesArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'A contract you are a party of.' })
  @IsUUID()
  contractId: string;
}
