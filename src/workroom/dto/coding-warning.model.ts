import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CodingWarningKind } from '../codes/coding-warning.js';

registerEnumType(CodingWarningKind, {
  name: 'CodingWarningKind',
  description: 'What a coding warning is about.',
  valuesMap: {
    NCCI_PTP: { description: 'A column 1 / column 2 pair of a CMS NCCI procedure-to-procedure edit billed on the same date without a modifier that bypasses it.' },
    MUE: { description: 'More units of a code than its CMS practitioner medically unlikely edit (MUE) allows.' },
  },
});

@ObjectType({ description: 'An NCCI edit the batch trips, against the practitioner edits in force on the service date. A warning, not a refusal: the payer may deny the line.' })
export class CodingWarning {
  @Field(() => Int, { description: 'Index of the encounter in the batch (0-based).' })
  encounter: number;

  @Field({ description: 'The encounter’s chart reference.' })
  chartRef: string;

  @Field(() => CodingWarningKind, { description: 'NCCI_PTP or MUE.' })
  kind: CodingWarningKind;

  @Field(() => [String], { description: 'The codes involved: column 1 then column 2 of a PTP edit; the code of an MUE.' })
  codes: string[];

  @Field({ description: 'Path of the line the warning is about, relative to the batch (encounters.0.cpt.1).' })
  path: string;

  @Field({ description: 'What the edit says, with the CMS rationale.' })
  message: string;
}
