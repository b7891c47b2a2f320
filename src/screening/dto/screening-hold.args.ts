import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import { Trim } from '../../common/validation/trim.decorator.js';
import { ScreeningHoldStatus } from '../screening.entities.js';

@ArgsType()
export class ScreeningHoldsArgs extends ConnectionArgs {
  @Field(() => ScreeningHoldStatus, { nullable: true, description: 'Holds in this status (default OPEN: the review queue).' })
  @IsOptional()
  @IsEnum(ScreeningHoldStatus)
  status?: ScreeningHoldStatus;
}

@ArgsType()
export class ResolveScreeningHoldArgs {
  @Field(() => ID, { description: 'The screening hold.' })
  @IsUUID()
  id: string;

  @Field({ description: 'Why (what was checked: the birth date, the NPI, the OIG online search...); recorded with the admin.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}
