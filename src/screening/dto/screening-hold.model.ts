import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar.js';
import { FirstNameComparison, LastNameComparison, LeieMatchKind, ScreeningDetail, ScreeningNameSource } from '../../domain/leie.js';
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
    'How the coder matched the LEIE entry, strongest first. NPI: the same NPI, whatever the name. NAME_AND_DOB: a name of the coder matches and so does the birth date. NAME_AND_STATE: a name and the state. NAME_ONLY: a name matches and no other detail agrees (missing on one side, or different: see differingDetails). Details the coder typed never clear a name match.',
  valuesMap: {
    NPI: { description: 'The same NPI, whatever the name.' },
    NAME_AND_DOB: { description: 'A name of the coder matches, and so does the birth date.' },
    NAME_AND_STATE: { description: 'A name of the coder matches, and so does the state.' },
    NAME_ONLY: { description: 'A name matches and no other detail agrees (missing on one side, or different: see differingDetails).' },
  },
});

registerEnumType(ScreeningDetail, {
  name: 'ScreeningDetail',
  description: 'A detail compared besides the names (when both sides have it).',
  valuesMap: {
    NPI: { description: 'The National Provider Identifier.' },
    DATE_OF_BIRTH: { description: 'The date of birth.' },
    STATE: { description: 'The US state (postal code).' },
    MIDDLE_NAME: { description: 'The middle name, or its initial.' },
  },
});
registerEnumType(ScreeningNameSource, {
  name: 'ScreeningNameSource',
  description: "Where the coder's name that matched comes from.",
  valuesMap: {
    ACCOUNT_NAME: { description: "The account's name (signUp's name)." },
    LEGAL_NAME: { description: "The profile's legal name now." },
    PREVIOUS_LEGAL_NAME: { description: 'A legal name the profile had before a rename.' },
  },
});
registerEnumType(FirstNameComparison, {
  name: 'FirstNameComparison',
  description: "How the coder's first name matched the entry's.",
  valuesMap: {
    EXACT: { description: 'The whole first-name field.' },
    FIRST_WORD: { description: 'Its first word (middle names or initials aside).' },
    INITIAL: { description: "Weaker: the coder's first word is the initial of the entry's first name (counted only with the last name and the birth date or the state)." },
    MIDDLE_NAME: { description: "Weaker: the coder's first word is the entry's middle name (counted only with the last name and the birth date or the state)." },
    RUN_TOGETHER: {
      description: "Weaker: the coder's first word starts with the entry's first name run together with more, e.g. JohnRobert (counted only with the last name and the birth date or the state).",
    },
  },
});
registerEnumType(LastNameComparison, {
  name: 'LastNameComparison',
  description: "How the coder's last name matched the entry's.",
  valuesMap: {
    EXACT: { description: 'The whole last name.' },
    PART: { description: 'One part of a compound (hyphenated or spaced) last name.' },
  },
});

@ObjectType({ description: "The coder's name that matched the entry, split as compared, and how it matched." })
export class ScreeningMatchedName {
  @Field({ description: 'The first word of the first-name field.' })
  firstName: string;

  @Field(() => String, { nullable: true, description: 'The rest of the first-name field (middle names, initials); null when none or the whole field matched.' })
  middleName: string | null;

  @Field({ description: 'The last name.' })
  lastName: string;

  @Field(() => ScreeningNameSource, { description: "Which of the coder's names this is." })
  source: ScreeningNameSource;

  @Field(() => FirstNameComparison, { description: 'How the first name matched.' })
  firstNameMatch: FirstNameComparison;

  @Field(() => LastNameComparison, { description: 'How the last name matched.' })
  lastNameMatch: LastNameComparison;

  @Field({ description: "Whether the coder's names matched swapped: the coder's last name is the entry's first name and the first name its last name." })
  swapped: boolean;
}

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
  @Field({ description: 'First name of the name that matched (see matchedName), else the first name screened first.' })
  firstName: string;

  @Field({ description: 'Last name of the name that matched, else the last name screened first.' })
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

  @Field(() => ScreeningMatchedName, { nullable: true, description: "The coder's name that matched and how; null when only the NPI matched (or for holds raised before this was recorded)." })
  matchedName: ScreeningMatchedName | null;

  @Field(() => [ScreeningDetail], { description: 'Details both sides have and that agree.' })
  agreeingDetails: ScreeningDetail[];

  @Field(() => [ScreeningDetail], { description: 'Details both sides have and that differ: what the coder typed; they never clear a match, the admin checks them.' })
  differingDetails: ScreeningDetail[];

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
