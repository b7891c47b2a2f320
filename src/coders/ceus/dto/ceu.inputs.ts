import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar.js';
import { Trim } from '../../../common/validation/trim.decorator.js';
import { CeuCategory } from '../../../domain/ceu-rules.js';
import { CredentialIssuer } from '../../../domain/credential-rules.js';

@InputType({ description: 'A continuing-education activity completed in the current CEU cycle of one of your issuers.' })
export class LogCeuInput {
  @Field(() => CredentialIssuer, { description: 'Whose cycle it counts towards: you must hold a counting credential of this issuer (BAD_USER_INPUT naming input.issuer otherwise).' })
  @IsEnum(CredentialIssuer)
  issuer: CredentialIssuer;

  @Field({ description: 'The activity (course, webinar, chapter meeting), 1..200 characters.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @Field({ description: 'Who gave it (AAPC, a chapter, a vendor...), 1..200 characters.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  provider: string;

  @Field(() => LocalDateScalar, { description: 'The day it was completed: within the current cycle and not in the future.' })
  @IsString()
  completedOn: string;

  @Field(() => Float, { description: 'CEUs earned, a positive multiple of 0.1, at most 16 (one course or event; a longer program is logged per certificate).' })
  @IsNumber()
  ceus: number;

  @Field(() => CeuCategory, { description: 'CORE_A, CORE_B or SPECIALTY for AAPC; AHIMA for AHIMA.' })
  @IsEnum(CeuCategory)
  category: CeuCategory;

  @Field(() => String, {
    nullable: true,
    description:
      "The issuer's approval printed on the certificate (AAPC index number, AHIMA approval code), 1..40 letters, digits and dashes: one approval code counts once per cycle (CONFLICT naming input.approvalCode).",
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, { message: '$property must be 1..40 letters, digits and dashes' })
  approvalCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The certificate of completion, uploaded first with POST /credential-documents (encrypted like workroom documents). Without it the entry is pending: it does not count toward the cycle until attachCeuCertificate gives one. One certificate backs one entry.',
  })
  @IsOptional()
  @IsUUID()
  certificateDocumentId?: string | null;
}

@ArgsType()
export class CeuCyclesArgs {
  @Field(() => ID, { nullable: true, description: 'The coder whose cycles to read: ADMIN only; a coder reads their own (omit it, or give their own id).' })
  @IsOptional()
  @IsUUID()
  coderId?: string | null;
}
