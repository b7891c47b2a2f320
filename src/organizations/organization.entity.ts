import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationKind } from './organization.enums.js';

@Entity('organizations')
@Check('organizations_npi_format_check', `npi ~ '^[0-9]{10}$'`)
@Index('organizations_npi_key', ['npi'], { unique: true, where: 'npi IS NOT NULL' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organizations_pkey' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind: OrganizationKind;

  @Column({ type: 'text', nullable: true })
  npi: string | null;

  /** Members' PHI and money acts through this organization need an MFA-enabled account (OrganizationAccess). */
  @Column({ type: 'boolean', default: false })
  requireMfa: boolean;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
