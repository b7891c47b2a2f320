import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One CMS NCCI practitioner procedure-to-procedure edit of a quarterly version (code_table_versions NCCI_PTP). */
@Entity('ncci_ptp_edits')
export class NcciPtpEditEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'ncci_ptp_edits_pkey' })
  effectiveFrom: string;

  /** The comprehensive code: payable when both are billed. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'ncci_ptp_edits_pkey' })
  column1: string;

  /** The component code: denied unless an allowed modifier (indicator 1) is on its line. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'ncci_ptp_edits_pkey' })
  column2: string;

  /** First date of service the edit applies to. */
  @Column({ type: 'date' })
  editFrom: string;

  /** Deletion date: the edit no longer applies after it; null while in force. */
  @Column({ type: 'date', nullable: true })
  editTo: string | null;

  /** 0: no modifier bypasses the edit; 1: an NCCI-associated modifier may; 9: not applicable. */
  @Column({ type: 'smallint' })
  modifierIndicator: number;

  @Column({ type: 'text' })
  rationale: string;
}

/** One CMS practitioner medically unlikely edit of a quarterly version (code_table_versions MUE). */
@Entity('mue_values')
export class MueValueEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'mue_values_pkey' })
  effectiveFrom: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'mue_values_pkey' })
  code: string;

  /** Most units of the code one patient gets from one provider on one date of service. */
  @Column({ type: 'integer' })
  maxUnits: number;

  /** MUE adjudication indicator: 1 per claim line, 2 per date (policy), 3 per date (clinical). */
  @Column({ type: 'smallint' })
  adjudicationIndicator: number;

  @Column({ type: 'text' })
  rationale: string;
}
