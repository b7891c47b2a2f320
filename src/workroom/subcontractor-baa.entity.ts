import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A coding company's subcontractor BAA with one of its coders (45 CFR 164.502(e)(1)(ii)): the coder
 * signs (version, hash, time, IP), then an OWNER or ADMIN of the company countersigns. Until both,
 * the coder does no PHI act on the company's contracts. One per company, coder and version.
 */
@Entity('subcontractor_baas')
@Index('subcontractor_baas_company_coder_version_key', ['organizationId', 'coderId', 'agreementVersion'], { unique: true })
export class SubcontractorBaaEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'subcontractor_baas_pkey' })
  id: string;

  /** The coding company (the business associate that subcontracts). */
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'subcontractor_baas_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  /** The coder (the subcontractor), who signs it. */
  @Column({ type: 'uuid' })
  coderId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'coder_id', foreignKeyConstraintName: 'subcontractor_baas_coder_id_fkey' })
  coder?: Relation<UserEntity>;

  @Column({ type: 'text' })
  agreementVersion: string;

  /** SHA-256 (hex) of the text the coder signed. */
  @Column({ type: 'text' })
  agreementSha256: string;

  @Column({ type: 'text', nullable: true })
  coderIp: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  coderSignedAt: Date;

  /** The company's OWNER or ADMIN who countersigned, and when (null until then). */
  @Column({ type: 'uuid', nullable: true })
  countersignedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'countersigned_by_id', foreignKeyConstraintName: 'subcontractor_baas_countersigned_by_id_fkey' })
  countersignedBy?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', nullable: true })
  countersignedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  countersignerIp: string | null;
}
