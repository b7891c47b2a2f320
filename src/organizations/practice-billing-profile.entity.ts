import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganizationEntity } from './organization.entity.js';

/**
 * What a practice's 837P files need besides its name and NPI: the billing address, tax ID and
 * taxonomy (loop 2010AA, 2000A), a contact (1000A) and its clearinghouse (ISA/GS, 1000B). Not PHI.
 */
@Entity('practice_billing_profiles')
@Check('practice_billing_profiles_ein_check', `ein ~ '^[0-9]{9}$'`)
@Check('practice_billing_profiles_zip_check', `zip ~ '^([0-9]{5}|[0-9]{9})$'`)
export class PracticeBillingProfileEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'practice_billing_profiles_pkey' })
  organizationId: string;

  @OneToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'practice_billing_profiles_organization_id_fkey' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'text' })
  line1: string;

  @Column({ type: 'text', nullable: true })
  line2: string | null;

  @Column({ type: 'text' })
  city: string;

  @Column({ type: 'text' })
  state: string;

  /** Digits only: 5 or 9. */
  @Column({ type: 'text' })
  zip: string;

  /** The employer identification number, 9 digits (REF*EI). */
  @Column({ type: 'text' })
  ein: string;

  /** NUCC taxonomy code of the billing provider (PRV*BI), when known. */
  @Column({ type: 'text', nullable: true })
  taxonomy: string | null;

  /** The name the claim file carries for the practice (NM1*41, NM1*85), when its organization name is not one X12 can carry (60 characters of the basic set). */
  @Column({ type: 'text', nullable: true })
  billingName: string | null;

  @Column({ type: 'text' })
  contactName: string;

  /** Digits only (10). */
  @Column({ type: 'text' })
  contactPhone: string;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  /** The submitter ID the clearinghouse assigned to the practice (ISA06, GS02, 1000A). */
  @Column({ type: 'text' })
  submitterId: string;

  @Column({ type: 'text' })
  clearinghouseName: string;

  /** The clearinghouse's receiver ID (ISA08, GS03, 1000B). */
  @Column({ type: 'text' })
  clearinghouseId: string;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
