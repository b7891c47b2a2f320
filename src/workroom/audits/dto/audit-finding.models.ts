import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { SafeIntScalar } from '../../../common/scalars/safe-int.scalar.js';
import { AuditErrorCategory } from '../../../domain/accuracy.js';

registerEnumType(AuditErrorCategory, {
  name: 'AuditErrorCategory',
  description: 'What an auditor found wrong in a chart or a code.',
  valuesMap: {
    WRONG_CODE: { description: 'A code was reported that the documentation does not describe (another code was right).' },
    MISSING_CODE: { description: 'A code the documentation supports was not reported.' },
    UNSUPPORTED_CODE: { description: 'A code was reported that the documentation does not support at all.' },
    SEQUENCING: { description: 'The codes are right but in the wrong order (first-listed diagnosis, principal procedure).' },
    MODIFIER: { description: 'A modifier is wrong, missing or not supported.' },
  },
});

@InputType({
  description:
    'One error the audit found: chart-level, or code-level when `code` is given; it names the encounter of the batch it is about (chartRef or encounterIndex, BAD_USER_INPUT naming chartRef without either).',
})
export class AuditFindingInput {
  @Field(() => AuditErrorCategory, { description: 'What was wrong.' })
  @IsEnum(AuditErrorCategory)
  category: AuditErrorCategory;

  @Field(() => Int, { nullable: true, description: "The encounter the finding is about, by its index in the batch's encounters (0-based)." })
  @IsOptional()
  @IsInt()
  @Min(0)
  encounterIndex?: number | null;

  @Field(() => String, { nullable: true, description: 'The encounter the finding is about, by its chartRef (with encounterIndex, both must name the same encounter).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  chartRef?: string | null;

  @Field(() => String, { nullable: true, description: 'The code at fault (as reported, or the missing one): makes the finding code-level.' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9.]{2,10}$/, { message: '$property must be a code (2 to 10 letters, digits and dots)' })
  code?: string | null;

  @Field(() => SafeIntScalar, { nullable: true, description: "The error's financial impact in cents (>= 0), when known." })
  @IsOptional()
  @IsInt()
  @Min(0)
  financialImpactCents?: number | null;

  @Field(() => String, { nullable: true, description: "The auditor's explanation." })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@ObjectType({ description: "An error an audit found, with the coder's rebuttal and the practice's answer (the contract's parties)." })
export class AuditFinding {
  @Field(() => ID, { description: 'The id rebutAuditFinding and answerAuditRebuttal take.' })
  id: string;

  @Field(() => ID, { description: 'The audited batch.' })
  batchId: string;

  @Field(() => AuditErrorCategory, { description: 'What was wrong.' })
  category: AuditErrorCategory;

  @Field(() => Int, { nullable: true, description: "The encounter's index in the batch, when the finding names one." })
  encounterIndex: number | null;

  @Field(() => String, { nullable: true, description: "The encounter's chartRef, when the finding names one." })
  chartRef: string | null;

  @Field(() => String, { nullable: true, description: 'The code at fault; null for a chart-level finding.' })
  code: string | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Financial impact in cents, when known.' })
  financialImpactCents: number | null;

  @Field(() => String, { nullable: true, description: "The auditor's explanation." })
  note: string | null;

  @Field(() => String, { nullable: true, description: "The coder's rebuttal (once); null until rebutted." })
  rebuttal: string | null;

  @Field(() => Date, { nullable: true, description: 'When the coder rebutted the finding.' })
  rebuttedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The practice's answer to the rebuttal (once)." })
  answer: string | null;

  @Field(() => Boolean, { nullable: true, description: "The answer's verdict: true keeps the finding, false overturns it (it no longer counts as an error); null until answered." })
  upheld: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When the practice answered the rebuttal.' })
  answeredAt: Date | null;

  @Field(() => Boolean, { description: 'Whether the finding counts against the coder (false once overturned).' })
  counts: boolean;

  @Field(() => Date, { description: 'When the audit recorded it.' })
  createdAt: Date;
}
