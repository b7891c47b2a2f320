import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One code of an official table version (CMS ICD-10-CM / ICD-10-PCS order file, HCPCS Level II
 * procedure or modifier records). `effectiveFrom` names the version (code_table_versions); a code
 * may carry its own dates inside it (HCPCS: added / terminated).
 */
@Entity('code_table_entries')
export class CodeTableEntryEntity {
  /** ICD10CM | ICD10PCS | HCPCS | HCPCS_MODIFIER */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'code_table_entries_pkey' })
  codeSet: string;

  /** First day of the table version this entry belongs to. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'code_table_entries_pkey' })
  effectiveFrom: string;

  /** Normalized: ICD-10-CM dotted (E11.9), ICD-10-PCS, HCPCS and modifiers upper case. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'code_table_entries_pkey' })
  code: string;

  /** ICD-10 order file header flag 1 = valid for submission; headers (0) are categories, not billable. */
  @Column({ type: 'boolean' })
  billable: boolean;

  @Column({ type: 'text' })
  description: string;

  /** First date of service the code may be billed for (HCPCS add date / action effective date of a reactivation); null: the version's. */
  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  /** Last date of service the code may be billed for (HCPCS termination date); null: open. */
  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}
