import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';
import { CodedBatchExportFormat } from './encounter-claim-data.model.js';

@ArgsType()
export class EncounterClaimDataArgs {
  @Field(() => ID, { description: 'The coded batch.' })
  @IsUUID()
  batchId: string;

  @Field({ description: 'The encounter.' })
  @IsString()
  @MaxLength(64)
  chartRef: string;
}

@ArgsType()
export class CodedBatchExportArgs {
  @Field(() => ID, { description: 'The coded batch.' })
  @IsUUID()
  id: string;

  @Field(() => CodedBatchExportFormat, { description: 'CSV or X12_837P.' })
  @IsEnum(CodedBatchExportFormat)
  format: CodedBatchExportFormat;
}
