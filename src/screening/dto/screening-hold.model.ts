import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { LeieMatchKind } from '../../domain/leie.js';
import { ScreeningHoldStatus } from '../screening.entities.js';

registerEnumType(ScreeningHoldStatus, {
  name: 'ScreeningHoldStatus',
  description: 'OPEN: awaiting an admin (the profile is held); CLEARED: a false positive (released); CONFIRMED: the excluded person (the profile stays held).',
  valuesMap: {
    OPEN: { description: 'Awaiting an admin; the profile is held from the directory and new work.' },
    CLEARED: { description: 'A false positive; the hold is released.' },
    CONFIRMED: { description: 'The excluded person; the profile stays held.' },
  },
});

registerEnumType(LeieMatchKind, {
  name: 'LeieMatchKind',
  description:
    'How the coder matched the LEIE entry. NPI: the same NPI. NAME_AND_DOB: same last and first name and birth date. NAME_AND_STATE: same name and state (no birth date on one side). NAME_ONLY: same name, nothing else to compare (a possible match).',
  valuesMap: {
    NPI: { description: 'The same NPI.' },
    NAME_AND_DOB: { description: 'Same last and first name and birth date.' },
    NAME_AND_STATE: { description: 'Same name and state (no birth date on one side).' },
    NAME_ONLY: { description: 'Same name, nothing else to compare: a possible match.' },
  },
});

@ObjectType({ description: 'The LEIE row a coder matched, as it was when matched.' })
export class LeieEntrySnapshot {
  @Field({ description: 'LASTNAME.' })
  lastName: string;

  @Field({ description: 'FIRSTNAME.' })
  firstName: string;

  @Field({ description: 'MIDNAME.' })
  middleName: string;

  @Field({ description: 'BUSNAME (entities).' })
  businessName: string;

  @Field({ description: 'GENERAL: the general category (e.g. NURSING PROFESSION).' })
  general: string;

  @Field({ description: 'SPECIALTY.' })
  specialty: string;

  @Field(() => String, { nullable: true, description: 'NPI; null when the file has none.' })
  npi: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'DOB.' })
  dateOfBirth: string | null;

  @Field(() => String, { nullable: true, description: 'STATE.' })
  state: string | null;

  @Field({ description: 'EXCLTYPE: the authority excluding (e.g. 1128a1).' })
  exclusionType: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'EXCLDATE.' })
  excludedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'REINDATE (a date to come: the exclusion is still in force).' })
  reinstatedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'WAIVERDATE: a waiver (for one state program) does not lift the hold; the admin decides.' })
  waiverOn: string | null;
}

@ObjectType({ description: "What the coder's profile said when it matched." })
export class ScreeningSubjectSnapshot {
  @Field({ description: 'First name compared (the legal first name, else the first word of the account name).' })
  firstName: string;

  @Field({ description: 'Last name compared (the legal last name, else the last word of the account name).' })
  lastName: string;

  @Field(() => String, { nullable: true, description: "The coder's NPI, when given." })
  npi: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The coder's date of birth, when given." })
  dateOfBirth: string | null;

  @Field(() => String, { nullable: true, description: "The coder's state, when given." })
  state: string | null;
}

@ObjectType({ description: 'A coder held by OIG exclusion screening, for admin review (ADMIN only).' })
export class ScreeningHold {
  @Field(() => ID, { description: 'The hold.' })
  id: string;

  @Field(() => ID, { description: 'The coder (user id).' })
  coderId: string;

  @Field(() => LeieMatchKind, { description: 'How the coder matched.' })
  matchKind: LeieMatchKind;

  @Field(() => LeieEntrySnapshot, { description: 'The LEIE entry matched.' })
  entry: LeieEntrySnapshot;

  @Field(() => ScreeningSubjectSnapshot, { description: 'What was compared on the coder side.' })
  subject: ScreeningSubjectSnapshot;

  @Field(() => ScreeningHoldStatus, { description: 'OPEN, CLEARED or CONFIRMED.' })
  status: ScreeningHoldStatus;

  @Field(() => ID, { nullable: true, description: 'The admin who cleared or confirmed it.' })
  resolvedById: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was cleared or confirmed.' })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The admin's note." })
  resolutionNote: string | null;

  @Field({ description: 'When the match was found.' })
  createdAt: Date;
}

@ObjectType({ description: 'A page of screening holds.' })
export class ScreeningHoldConnection extends Connection(ScreeningHold) {}
