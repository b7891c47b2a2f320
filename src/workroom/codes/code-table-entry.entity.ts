import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One code of an official table (CMS ICD-10-CM order file, HCPCS Level II file) for a year. */
@Entity('code_table_entries')
export class CodeTableEntryEntity {
  /** ICD10CM | HCPCS */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'code_table_entries_pkey' })
  codeSet: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'code_table_entries_pkey' })
  year: number;

  /** Normalized: ICD-10-CM dotted (E11.9), HCPCS upper case. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'code_table_entries_pkey' })
  code: string;

  /** ICD-10-CM header flag 1 = valid for submission; headers (0) are categories, not billable. */
  @Column({ type: 'boolean' })
  billable: boolean;

  @Column({ type: 'text' })
  description: string;
}
