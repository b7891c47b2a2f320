import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One loaded version of an official table and the dates of service it is in force for: an ICD-10
 * fiscal year (or its April update), a HCPCS year, an NCCI PTP or MUE quarter. On a date, the
 * version in force is the one covering it with the latest `effectiveFrom`.
 */
@Entity('code_table_versions')
export class CodeTableVersionEntity {
  /** ICD10CM | ICD10PCS | HCPCS | HCPCS_MODIFIER | NCCI_PTP | MUE */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'code_table_versions_pkey' })
  codeSet: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'code_table_versions_pkey' })
  effectiveFrom: string;

  /** Last date of service covered; null: until a later version takes over. */
  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  /** The file it was loaded from (name only). */
  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'integer' })
  entryCount: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  loadedAt: Date;
}
