import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { OrganizationKind } from './organization.enums.js';

/**
 * A practice or a coding company. An NPI is public, so typing one proves nothing: several
 * organizations may claim the same NPI, and an admin's review marks one of them verified (unique
 * among verified organizations); the other claimants stay unverified.
 */
@Entity('organizations')
@Check('organizations_npi_format_check', `npi ~ '^[0-9]{10}$'`)
@Index('organizations_npi_idx', ['npi'], { where: 'npi IS NOT NULL' })
@Index('organizations_verified_npi_key', ['npi'], { unique: true, where: 'npi IS NOT NULL AND verified_at IS NOT NULL' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organizations_pkey' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind: OrganizationKind;

  @Column({ type: 'text', nullable: true })
  npi: string | null;

  /** When an admin verified the organization (`verifyOrganization`); null while unverified. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  verifiedAt: Date | null;

  /** The admin who verified it. */
  @Column({ type: 'uuid', nullable: true })
  verifiedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'verified_by_id', foreignKeyConstraintName: 'organizations_verified_by_id_fkey' })
  verifiedBy?: Relation<UserEntity>;

  /** Members' PHI and money acts through this organization need an MFA-enabled account (OrganizationAccess). */
  @Column({ type: 'boolean', default: false })
  requireMfa: boolean;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
